import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Page } from 'playwright-core'
import { DEMO_PASSWORD } from '../server/src/bootstrap.js'
import { startHarness, type E2eHarness } from './harness.js'

async function signIn(page: Page, baseUrl: string, username: string, lang: 'zh-CN' | 'en-US' = 'zh-CN') {
  page.setDefaultTimeout(40_000)
  await page.goto(`${baseUrl}/login`)
  await page.getByLabel(lang === 'zh-CN' ? '用户名' : 'Username').fill(username)
  await page.getByLabel(lang === 'zh-CN' ? '密码' : 'Password').fill(DEMO_PASSWORD)
  await page.getByRole('button', { name: lang === 'zh-CN' ? /登\s*录/ : /sign in/i }).click()
  await page.getByRole('menu').first().waitFor()
}

// 滨江 registers and reports a lead, 萧山 tries the same firm and is refused, the city grants 滨江
// the first-talk right, 萧山 then sees the firm only as taken (in English), 滨江 gets the notification.
describe('leads and the first-report registry in the browser', { timeout: 300_000 }, () => {
  let h: E2eHarness
  let firm: { id: string; uscc: string; name: string }
  beforeAll(async () => {
    h = await startHarness()
  }, 300_000)
  afterAll(() => h?.close())

  it('a district registers a lead by form and reports it', async () => {
    const page = await h.newPage()
    await signIn(page, h.baseUrl, 'binjiang')
    // a firm the demo leads and rights leave free (no lead, right or look-alike)
    const firms = (await (await page.request.get(`${h.baseUrl}/api/enterprises?pageSize=50`)).json()).items as Array<typeof firm>
    for (const candidate of firms) {
      const duplicates = await (await page.request.get(`${h.baseUrl}/api/leads/duplicates?enterpriseId=${candidate.id}`)).json()
      if (duplicates.items.length === 0) {
        firm = candidate
        break
      }
    }
    expect(firm).toBeDefined()

    await page.getByRole('menuitem', { name: '线索管理' }).click()
    await page.waitForURL(/\/leads/)
    await page.getByRole('button', { name: '登记线索' }).click()
    const drawer = page.locator('.ant-drawer')
    const picker = drawer.getByRole('combobox', { name: '企业' })
    await picker.click()
    await picker.fill(firm.uscc)
    await page.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: firm.name }).first().click()
    await drawer.getByLabel('线索名称').fill('智能制造基地项目')
    await drawer.getByLabel('信息来源人').fill('深圳推介会 刘洋')
    await drawer.getByLabel('计划投资（万元）').fill('150000')
    const chainBox = drawer.getByRole('combobox', { name: '产业链' })
    await chainBox.click()
    await chainBox.fill('新能源汽车')
    await page.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: '新能源汽车' }).first().click()
    await drawer.getByLabel('投资方诉求').fill('需要 200 亩工业用地，希望 2027 年投产')
    await drawer.getByRole('button', { name: /保\s*存/ }).click()
    await page.getByText('已登记线索：智能制造基地项目').waitFor()
    const row = page.getByRole('table').locator('tr', { hasText: '智能制造基地项目' })
    await row.getByText('须首报').waitFor()
    await row.getByText('首次响应 · 进行中').waitFor()
    await h.screenshot(page, 'leads-inbox-zh')

    await row.getByText('智能制造基地项目').click()
    const detail = page.locator('.ant-drawer').filter({ hasText: '办理记录' })
    await detail.getByRole('button', { name: /首\s*报/ }).click()
    const modal = page.locator('.ant-modal')
    await modal.getByLabel('投资意向说明').fill('已与企业董事长会谈，计划在滨江设立研发和生产基地')
    await modal.getByRole('button', { name: /确\s*定|OK/ }).click()
    await page.getByText('已首报，等待市局审核').waitFor()
    await detail.getByText('待审核').waitFor()
    await h.screenshot(page, 'leads-detail-zh')
    await page.context().close()
  })

  it('another district reporting the same firm is refused with the conflict named', async () => {
    const page = await h.newPage()
    await signIn(page, h.baseUrl, 'xiaoshan')
    const created = await page.request.post(`${h.baseUrl}/api/leads`, {
      data: { title: '萧山同一企业项目', enterpriseId: firm.id, channel: 'agency', sourcePerson: '中介 张某', plannedInvestment: 150000 },
    })
    expect(created.status()).toBe(201)
    const leadId = (await created.json()).id
    await page.goto(`${h.baseUrl}/leads?id=${leadId}`)
    const detail = page.locator('.ant-drawer').filter({ hasText: '办理记录' })
    await detail.getByRole('button', { name: /首\s*报/ }).click()
    const modal = page.locator('.ant-modal')
    await modal.getByLabel('投资意向说明').fill('企业有意落户萧山')
    await modal.getByRole('button', { name: /确\s*定|OK/ }).click()
    await modal.getByText('首报未登记：存在冲突').waitFor()
    await modal.getByText(/滨江区已有首报（待市局审核）：同一企业/).waitFor()
    await h.screenshot(page, 'leads-report-conflict-zh')
    await page.context().close()
  })

  it('the city reviews the report with its conflicts and layout fit, and grants the right', async () => {
    const page = await h.newPage()
    await signIn(page, h.baseUrl, 'city.staff')
    await page.getByRole('menuitem', { name: '首报首谈' }).click()
    await page.waitForURL(/\/registry/)
    await page.getByRole('table').getByText(firm.name).first().click()
    const drawer = page.locator('.ant-drawer')
    await drawer.getByText('布局导引匹配').waitFor()
    await drawer.getByText('计划投资达标').waitFor()
    await drawer.getByText('首报区县').waitFor()
    await page.waitForTimeout(300)
    await h.screenshot(page, 'registry-review-zh')
    await drawer.getByRole('button', { name: '授予首谈资格' }).click()
    await page.getByText('已处理').first().waitFor()
    await page.getByRole('tab', { name: '首谈资格登记簿' }).click()
    const row = page.getByRole('table').locator('tr', { hasText: firm.name })
    await row.getByText('有效').waitFor()
    await row.locator('.ant-table-row-expand-icon').click()
    await page.getByText(/授予 · city\.staff/).waitFor()
    await h.screenshot(page, 'registry-rights-zh')
    const attempts = await (await page.request.get(`${h.baseUrl}/api/registry/attempts`)).json()
    expect(attempts.items.some((a: { action: string; enterpriseId: string }) => a.action === 'report' && a.enterpriseId === firm.id)).toBe(true)
    await page.context().close()
  })

  it('the other district sees only that the firm is taken (English); the holder gets a notification', async () => {
    const page = await h.newPage('en-US')
    await signIn(page, h.baseUrl, 'xiaoshan', 'en-US')
    await page.goto(`${h.baseUrl}/registry/rights`)
    const row = page.getByRole('table').locator('tr', { hasText: firm.name })
    await row.getByText('Taken').waitFor()
    await row.getByText('滨江区').waitFor()
    await page.getByText('Other districts’ rights show only the holder district and the expiry.').waitFor()
    await h.screenshot(page, 'registry-rights-taken-en')
    await page.context().close()

    const holder = await h.newPage()
    await signIn(holder, h.baseUrl, 'binjiang')
    await holder.getByRole('button', { name: /打开通知（[1-9]\d* 条未读）/ }).click()
    await holder.getByText(/首谈资格已授予：/).first().waitFor()
    await h.screenshot(holder, 'leads-notifications-zh')
    await holder.context().close()
  })

  it('the city opens a city-led talk room; a member county follows up its meeting decision', async () => {
    const page = await h.newPage()
    await signIn(page, h.baseUrl, 'city.staff')
    await page.getByRole('menuitem', { name: '市级主谈' }).click()
    await page.waitForURL(/\/talks/)
    await page.getByRole('button', { name: '发起市级主谈' }).click()
    const modal = page.locator('.ant-modal')
    await modal.getByLabel('项目名称').fill('新能源整车生产基地')
    await modal.getByLabel('投资方').fill('某新能源汽车集团')
    const units = modal.getByRole('combobox', { name: '专项组成员单位' })
    for (const unit of ['淳安县', '滨江区']) {
      await units.click()
      await units.fill(unit)
      await page.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: unit }).first().click()
    }
    await page.keyboard.press('Escape')
    await modal.getByRole('button', { name: /确\s*定|OK/ }).click()
    await page.getByRole('table').getByText('新能源整车生产基地').click()
    const room = page.locator('.ant-drawer')
    await room.getByText('项目房间：新能源整车生产基地').waitFor()
    await room.getByLabel('任务', { exact: true }).fill('实地考察用地')
    const owner = room.getByRole('combobox', { name: '责任单位' }).first()
    await owner.click()
    await page.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: '淳安县' }).first().click()
    await room.getByLabel('责任人').fill('陈刚')
    await room.getByLabel('期限', { exact: true }).fill('2027-01-15')
    await room.getByRole('button', { name: '分派任务' }).click()
    await room.getByRole('cell', { name: '实地考察用地' }).waitFor()
    const region = room.getByRole('combobox', { name: '候选区县' })
    await region.click()
    await region.fill('淳安')
    await page.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: '淳安县' }).first().click()
    await room.getByLabel('理由', { exact: true }).fill('西部山区县，用地和能耗指标充足')
    await room.getByRole('button', { name: '加入候选' }).click()
    await room.getByText('淳安县 · 西部山区县，用地和能耗指标充足').waitFor()
    await room.getByLabel('会议日期').fill('2027-01-20')
    await room.getByLabel('会议名称').fill('第一次协调会')
    await room.getByLabel('纪要').fill('会议同意生产基地落户淳安，研发中心落户滨江。')
    await room.getByLabel('事项', { exact: true }).fill('淳安县完成供地方案')
    await room.getByRole('combobox', { name: '责任单位' }).last().click()
    await page.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: '淳安县' }).first().click()
    await room.getByLabel('完成期限').fill('2027-02-28')
    await room.getByRole('button', { name: '登记协调会纪要' }).last().click()
    await room.getByRole('cell', { name: '淳安县完成供地方案' }).waitFor()
    await h.screenshot(page, 'talks-room-zh')
    await page.context().close()

    const county = await h.newPage()
    await signIn(county, h.baseUrl, 'chunan')
    await county.getByRole('menuitem', { name: '市级主谈' }).click()
    await county.getByRole('table').getByText('新能源整车生产基地').click()
    const countyRoom = county.locator('.ant-drawer')
    await countyRoom.getByRole('button', { name: '跟踪' }).click()
    await county.locator('.ant-modal').getByLabel('跟踪情况').fill('供地方案已报县政府常务会')
    await county.locator('.ant-modal').getByRole('button', { name: /确\s*定|OK/ }).click()
    await countyRoom.getByText('供地方案已报县政府常务会').waitFor()
    await county.context().close()
  })
})
