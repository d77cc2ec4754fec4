import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { signIn, startHarness, type E2eHarness } from './harness.js'

describe('projects, supervision and the one screen in the browser', { timeout: 240_000 }, () => {
  let h: E2eHarness
  beforeAll(async () => {
    h = await startHarness()
  }, 300_000)
  afterAll(() => h?.close())

  it('shows the city dashboard, drills from a figure to its projects and opens one', async () => {
    const page = await h.newPage()
    await signIn(page, h.baseUrl, 'city.staff')
    await page.getByRole('menuitem', { name: '一屏统览' }).click()
    await page.waitForURL(/\/dashboard/)
    await page.getByText('杭州').first().waitFor().catch(() => undefined)
    await page.getByRole('link', { name: '1亿以上签约项目' }).waitFor()
    await page.getByRole('list', { name: '区县分布（示意图）' }).getByRole('listitem', { name: '滨江区' }).waitFor()
    await page.waitForTimeout(800)
    await h.screenshot(page, 'dashboard-city-zh')

    const api = await (await page.request.get(`${h.baseUrl}/api/dashboard`)).json()
    await page.getByRole('link', { name: '1亿以上签约项目' }).click()
    await page.waitForURL(/\/projects\?.*sizeClassMin=1/)
    await page.getByText(`共 ${api.sizeClasses[0].count} 个项目`).waitFor()
    await h.screenshot(page, 'projects-list-drill-zh')

    await page.getByRole('table').getByRole('link').first().click()
    await page.waitForURL(/\/projects\/[0-9a-f-]{36}$/)
    await page.getByText('阶段进度').waitFor()
    await page.getByText('数据点（全部变更）').waitFor()
    await page.waitForTimeout(500)
    await h.screenshot(page, 'projects-detail-zh')
  })

  it('refuses a move with what is missing, moves on once the milestone is ticked, and moves back with a reason', async () => {
    const page = await h.newPage()
    await signIn(page, h.baseUrl, 'binjiang')
    // a 滨江 project in 洽谈 (negotiation): 研判 needs the expert and fund reviews
    const list = await (await page.request.get(`${h.baseUrl}/api/projects?stages=negotiation&pageSize=50`)).json()
    expect(list.total).toBeGreaterThan(0)
    const project = list.items[0]
    await page.goto(`${h.baseUrl}/projects/${project.id}`)
    await page.getByText(/进入「研判」前还缺|已满足进入「研判」的条件/).waitFor()
    const detail = await (await page.request.get(`${h.baseUrl}/api/projects/${project.id}`)).json()
    for (const m of detail.missingForNext.filter((x: { kind: string }) => x.kind === 'checklist')) {
      const box = page.getByRole('checkbox', { name: new RegExp(m.nameZh) })
      await box.click()
      await expect.poll(() => box.isChecked(), { timeout: 20_000 }).toBe(true)
    }
    const fieldsMissing = detail.missingForNext.some((x: { kind: string }) => x.kind === 'field')
    await page.waitForTimeout(500)
    await page.getByRole('button', { name: '推进到「研判」' }).click()
    if (fieldsMissing) {
      await page.getByText('进入该阶段前还缺少以下内容').waitFor()
    } else {
      await page.getByText('已进入「研判」').waitFor()
      await page.getByRole('button', { name: '退回' }).click()
      await page.getByRole('combobox', { name: '退回到' }).click()
      await page.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: '洽谈' }).click()
      await page.getByLabel('退回原因（必填）').fill('投资方要求重新洽谈条件')
      await page.getByRole('button', { name: '确 定' }).or(page.getByRole('button', { name: '确定' })).click()
      await page.getByText('已进入「洽谈」').waitFor()
      await page.getByText('投资方要求重新洽谈条件').first().waitFor()
    }
    await h.screenshot(page, 'projects-transition-zh')
  })

  it('shows the supervision views and the big screen', async () => {
    const page = await h.newPage()
    await signIn(page, h.baseUrl, 'city.staff')
    await page.goto(`${h.baseUrl}/supervision/stuck`)
    await page.getByRole('tab', { name: '停滞项目' }).waitFor()
    await page.getByRole('button', { name: '立即检查' }).click()
    await page.getByText(/已检查 \d+ 个项目，停滞 \d+ 个/).waitFor()
    await h.screenshot(page, 'projects-supervision-stuck-zh')
    await page.getByRole('tab', { name: '六未项目' }).click()
    await page.getByText('未开工').first().waitFor()
    await h.screenshot(page, 'projects-supervision-not-yet-zh')
    await page.getByRole('tab', { name: '红黑榜' }).click()
    await page.getByRole('columnheader', { name: '开工率' }).waitFor()
    await h.screenshot(page, 'projects-supervision-red-black-zh')

    const screen = await h.browser.newContext({ locale: 'zh-CN', viewport: { width: 1920, height: 1080 } })
    const big = await screen.newPage()
    await signIn(big, h.baseUrl, 'leader')
    await big.goto(`${h.baseUrl}/dashboard?screen=big`)
    await big.getByTestId('big-screen').waitFor()
    await big.getByRole('button', { name: '退出大屏' }).waitFor()
    await big.waitForTimeout(1000)
    await big.screenshot({ path: `${process.cwd()}/test-artifacts/e2e/dashboard-big-screen.png` })
    await screen.close()
  })

  it('gives a district its own dashboard, in English', async () => {
    const page = await h.newPage('en-US')
    await signIn(page, h.baseUrl, 'binjiang', 'en-US')
    await page.getByRole('menuitem', { name: 'One screen' }).click()
    await page.getByText(/滨江区: project lifecycle at a glance/).waitFor()
    await page.getByRole('link', { name: 'Signed ≥ 100M' }).waitFor()
    await page.waitForTimeout(800)
    await h.screenshot(page, 'dashboard-district-en')
    await page.getByRole('menuitem', { name: 'Projects' }).click()
    await page.waitForURL(/\/projects$/)
    await page.getByText(/^\d+ projects$/).waitFor()
    const rows = await (await page.request.get(`${h.baseUrl}/api/projects?pageSize=200`)).json()
    expect(rows.items.every((p: { regionCode: string }) => p.regionCode === '330108')).toBe(true)
  })
})
