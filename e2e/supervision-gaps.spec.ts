import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { signIn, startHarness, type E2eHarness } from './harness.js'

const today = () => new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10)
const lastMonth = () => {
  const d = new Date(Date.now() + 8 * 3600_000)
  return new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() - 1, 1)).toISOString().slice(0, 7)
}

describe('supervision gaps in the browser: the department reviewer’s problems and the kept red and black lists', { timeout: 240_000 }, () => {
  let h: E2eHarness
  beforeAll(async () => {
    h = await startHarness()
  }, 300_000)
  afterAll(() => h?.close())

  it('gives a department reviewer a menu entry and page with their problems, and closes one with a resolution', async () => {
    // 滨江 raises a problem for 发改委 (the demo reviewer's department)
    const district = await h.newPage()
    await signIn(district, h.baseUrl, 'binjiang')
    const projects = await (await district.request.get(`${h.baseUrl}/api/projects?pageSize=5`)).json()
    expect(projects.total).toBeGreaterThan(0)
    const project = projects.items[0]
    const raised = await district.request.post(`${h.baseUrl}/api/supervision/projects/${project.id}/problems`, {
      data: { title: '能耗指标待协调（浏览器测试）', departmentCode: 'development_reform', deadline: today() },
    })
    expect(raised.status()).toBe(201)

    const page = await h.newPage()
    await signIn(page, h.baseUrl, 'reviewer')
    await expect.poll(() => page.getByRole('menuitem', { name: '项目督办' }).count()).toBe(0)
    await page.getByRole('menuitem', { name: '本部门问题' }).click()
    await page.waitForURL(/\/department-problems$/)
    const row = page.getByRole('row').filter({ hasText: '能耗指标待协调（浏览器测试）' })
    await row.waitFor()
    await expect.poll(() => row.textContent()).toContain(project.name)
    await expect.poll(() => row.textContent()).toContain('滨江区')
    await page.getByTestId('dept-summary').waitFor()
    // every row is the reviewer's department's
    const listed = await (await page.request.get(`${h.baseUrl}/api/supervision/problems?pageSize=200`)).json()
    expect(listed.items.every((p: { departmentCode: string }) => p.departmentCode === 'development_reform')).toBe(true)
    await page.waitForTimeout(400)
    await h.screenshot(page, 'supervision-department-problems-zh')

    await row.getByRole('button', { name: /办\s*结/ }).click()
    await page.getByLabel('办理结果').fill('已协调能耗指标，项目可按期开工')
    await page.getByRole('button', { name: /确\s*定/ }).click()
    await page.getByText('已保存').waitFor()
    await page.getByRole('row').filter({ hasText: '能耗指标待协调（浏览器测试）' }).getByText(/办结于 .*已协调能耗指标/).waitFor()
    await page.locator('.ant-modal-wrap').first().waitFor({ state: 'hidden' })
    await page.waitForTimeout(300)
    await h.screenshot(page, 'supervision-department-problems-resolved-zh')
  })

  it('shows the department reviewer’s page in English', async () => {
    const page = await h.newPage('en-US')
    await signIn(page, h.baseUrl, 'reviewer', 'en-US')
    await page.getByRole('menuitem', { name: 'Dept. problems' }).click()
    await page.getByText('My department’s problems').first().waitFor()
    await page.getByText(/\d+ unresolved, \d+ of them overdue/).waitFor()
    await page.getByRole('columnheader', { name: 'Deadline' }).waitFor()
    await page.waitForTimeout(400)
    await h.screenshot(page, 'supervision-department-problems-en')
  })

  it('lets the city keep last month’s red and black lists and pick kept months', async () => {
    const page = await h.newPage()
    await signIn(page, h.baseUrl, 'city.staff')
    await page.goto(`${h.baseUrl}/supervision/red-black`)
    await page.getByTestId('red-black-source').filter({ hasText: /实时计算/ }).waitFor()
    // pick last month: not kept yet, computed live as of its last day
    await page.getByLabel('月份').click()
    await page.locator('.ant-picker-dropdown:visible .ant-picker-header-super-prev-btn, .ant-picker-dropdown:visible .ant-picker-header-super-next-btn').first().waitFor()
    const month = lastMonth()
    if (month.slice(0, 4) !== today().slice(0, 4)) await page.locator('.ant-picker-dropdown:visible .ant-picker-header-super-prev-btn').click()
    await page.locator(`.ant-picker-dropdown:visible td[title="${month}"]`).click()
    await page.getByTestId('red-black-source').filter({ hasText: /该月未存档/ }).waitFor()
    await page.getByRole('button', { name: '立即生成本月榜单' }).click()
    await page.getByRole('button', { name: /确\s*定/ }).click()
    await page.getByText(`${month} 红黑榜已存档`).waitFor()
    await page.getByTestId('red-black-source').filter({ hasText: /已存档，截至/ }).waitFor()
    await page.getByRole('button', { name: '重新生成该月榜单' }).waitFor()
    await page.getByText(new RegExp(`${month}：红榜 \\d+ 个、黑榜 \\d+ 个`)).waitFor()
    await page.waitForTimeout(400)
    await h.screenshot(page, 'supervision-red-black-kept-zh')
    const kept = await (await page.request.get(`${h.baseUrl}/api/supervision/red-black?month=${month}`)).json()
    expect(kept.source).toBe('snapshot')

    // a district reads the kept month but may not generate one
    const district = await h.newPage()
    await signIn(district, h.baseUrl, 'binjiang')
    await district.goto(`${h.baseUrl}/supervision/red-black`)
    await district.getByText(new RegExp(`${month}：红榜`)).click()
    await district.getByTestId('red-black-source').filter({ hasText: /已存档/ }).waitFor()
    expect(await district.getByRole('button', { name: /生成/ }).count()).toBe(0)
  })
})
