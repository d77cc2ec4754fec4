import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Page } from 'playwright-core'
import { E2E_ADMIN_PASSWORD, startHarness, type E2eHarness } from './harness.js'

async function signIn(page: Page, baseUrl: string, lang: 'zh-CN' | 'en-US' = 'zh-CN') {
  await page.goto(`${baseUrl}/login`)
  await page.getByLabel(lang === 'zh-CN' ? '用户名' : 'Username').fill('admin')
  await page.getByLabel(lang === 'zh-CN' ? '密码' : 'Password').fill(E2E_ADMIN_PASSWORD)
  await page.getByRole('button', { name: lang === 'zh-CN' ? /登\s*录/ : /sign in/i }).click()
  await page.getByRole('menuitem', { name: lang === 'zh-CN' ? '企业库' : 'Enterprises' }).waitFor()
}

describe('enterprise pages in the browser', () => {
  let h: E2eHarness
  let target: { id: string; name: string; initials: string }
  beforeAll(async () => {
    h = await startHarness()
  }, 150_000)
  afterAll(() => h?.close())

  it('finds a chain leader by its pinyin initials and opens its detail with the relation graph', async () => {
    const page = await h.newPage()
    await signIn(page, h.baseUrl)
    // a local chain leader: it has suppliers and customers in the tiny dataset
    const list = await (await page.request.get(`${h.baseUrl}/api/enterprises?chainLeader=true&region=local&pageSize=1`)).json()
    const first = list.items[0]
    const detail = await (await page.request.get(`${h.baseUrl}/api/enterprises/${first.id}`)).json()
    target = { id: first.id, name: first.name, initials: detail.nameInitials }
    expect(target.initials).toMatch(/^[a-z0-9]{2,}$/)

    await page.getByRole('menuitem', { name: '企业库' }).click({ force: true })
    await page.getByRole('table').locator('tbody tr.ant-table-row').first().waitFor()
    const search = page.getByPlaceholder(/拼音首字母/)
    expect(await search.getAttribute('placeholder')).toContain('hkws')
    await search.fill(target.initials)
    await search.press('Enter')
    await page.getByRole('link', { name: target.name, exact: true }).waitFor()
    await page.waitForTimeout(300)
    await h.screenshot(page, 'enterprise-list-zh')

    await page.getByRole('link', { name: target.name, exact: true }).click({ force: true })
    await page.getByText('统一社会信用代码').first().waitFor()
    await page.getByTestId('relation-graph').locator('canvas').waitFor()
    await page.waitForTimeout(2500) // let the force layout settle
    await h.screenshot(page, 'enterprise-detail-zh')

    await page.getByRole('tab', { name: '变更历史' }).click({ force: true })
    await page.getByText('创建企业').first().waitFor({ timeout: 5000 }).catch(() => undefined)
    await page.getByRole('tab', { name: '本地/外地供应商' }).click({ force: true })
    await page.getByText('本地供应商').first().waitFor()
    await page.context().close()
  }, 150_000)

  it('refuses a bad credit code on create with the message that says why', async () => {
    const page = await h.newPage()
    await signIn(page, h.baseUrl)
    await page.goto(`${h.baseUrl}/enterprises`)
    await page.getByRole('button', { name: '新建企业' }).click({ force: true })
    const drawer = page.locator('.ant-drawer')
    await drawer.getByLabel('企业名称').fill('杭州测试浏览器科技有限公司')
    await drawer.getByLabel('统一社会信用代码').fill('91330108MA27XYZ12')
    await drawer.getByLabel('行政区划代码').fill('330108')
    await drawer.getByLabel('行业代码（GB/T 4754）').fill('3990')
    await page.getByRole('button', { name: /保\s*存/ }).click({ force: true })
    await drawer.getByText('统一社会信用代码应为 18 位，当前为 17 位').waitFor()
    await h.screenshot(page, 'enterprise-create-bad-uscc-zh')
    await page.context().close()
  }, 150_000)

  it('shows the list in English', async () => {
    const page = await h.newPage('en-US')
    await signIn(page, h.baseUrl, 'en-US')
    await page.goto(`${h.baseUrl}/enterprises`)
    await page.getByRole('table').locator('tbody tr.ant-table-row').first().waitFor()
    await page.getByText('Unified social credit code').count()
    expect(await page.getByRole('columnheader', { name: /Revenue/ }).count()).toBeGreaterThan(0)
    await page.waitForTimeout(300)
    await h.screenshot(page, 'enterprise-list-en')
    await page.context().close()
  }, 150_000)
})
