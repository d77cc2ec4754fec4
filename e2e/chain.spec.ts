import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Page } from 'playwright-core'
import { DEMO_PASSWORD } from '../server/src/bootstrap.js'
import { E2E_ADMIN_PASSWORD, startHarness, type E2eHarness } from './harness.js'

async function signIn(page: Page, baseUrl: string, username: string, password: string, lang: 'zh' | 'en' = 'zh') {
  await page.goto(`${baseUrl}/login`)
  await page.getByLabel(lang === 'zh' ? '用户名' : 'Username').fill(username)
  await page.getByLabel(lang === 'zh' ? '密码' : 'Password').fill(password)
  await page.getByRole('button', { name: lang === 'zh' ? /登\s*录/ : /sign in/i }).click()
  await page.getByRole('menu').first().waitFor()
}

// Long budgets: the browser tests share two cores with the rest of the suite.
const TEST_BUDGET = 240_000

async function shotOnFailure(h: E2eHarness, page: Page, name: string, steps: () => Promise<void>) {
  page.setDefaultTimeout(60_000)
  try {
    await steps()
  } catch (error) {
    await h.screenshot(page, `failed-${name}`).catch(() => undefined)
    throw error
  }
}

describe('chain map, layout guide and chain editor in the browser', () => {
  let h: E2eHarness
  beforeAll(async () => {
    h = await startHarness()
  })
  afterAll(() => h?.close())

  it('shows the chain map as a fishbone and a table, drills into a segment, offers Excel and image', async () => {
    const page = await h.newPage()
    await shotOnFailure(h, page, 'map-zh', async () => {
      await signIn(page, h.baseUrl, 'admin', E2E_ADMIN_PASSWORD)
      await page.goto(`${h.baseUrl}/chain-map`)
      await page.getByRole('img', { name: /招商图谱/ }).locator('canvas').waitFor()
      const table = page.getByRole('table').first()
      await table.getByText('补链').or(table.getByText('强链')).or(table.getByText('优势环节')).first().waitFor()
      // switch to a chain picked by name and a district
      await page.getByLabel('产业链', { exact: true }).click()
      await page.getByTitle('集成电路').click()
      await page.getByRole('img', { name: '集成电路 招商图谱' }).locator('canvas').waitFor()
      const exportHref = await page.getByRole('link', { name: /导出 Excel/ }).getAttribute('href')
      expect(exportHref).toContain('/api/chain-map/export.xlsx?chain=integrated_circuit&region=330100')
      const download = page.waitForEvent('download')
      await page.getByRole('button', { name: /保存图片/ }).click()
      expect((await download).suggestedFilename()).toMatch(/\.png$/)
      await page.waitForTimeout(1200) // chart animation
      await h.screenshot(page, 'chain-map-zh')

      await table.getByRole('button', { name: '应用方案与模组' }).click()
      const drawer = page.getByRole('dialog')
      await drawer.getByText('本地企业').first().waitFor()
      await expect.poll(() => drawer.getByRole('row').count()).toBeGreaterThan(1)
    })
    await page.context().close()
  }, TEST_BUDGET)

  it('opens a district officer’s map on the district, in English', async () => {
    const page = await h.newPage('en-US')
    await shotOnFailure(h, page, 'map-en', async () => {
      await signIn(page, h.baseUrl, 'binjiang', DEMO_PASSWORD, 'en')
      await page.goto(`${h.baseUrl}/chain-map`)
      await page.getByRole('img', { name: /chain map/ }).locator('canvas').waitFor()
      await page.getByText('Benchmark: the city').waitFor()
      await page.getByText('Extension directions').waitFor()
      await page.waitForTimeout(1200)
      await h.screenshot(page, 'chain-map-en')
    })
    await page.context().close()
  }, TEST_BUDGET)

  it('lets the city edit the layout guide; a district officer only reads it', async () => {
    const page = await h.newPage()
    await shotOnFailure(h, page, 'layout', async () => {
      await signIn(page, h.baseUrl, 'admin', E2E_ADMIN_PASSWORD)
      await page.goto(`${h.baseUrl}/layout-guide`)
      await page.getByText('点击单元格编辑').waitFor()
      for (const [chain, district, role] of [
        ['visual_intelligence', '330108', '核心区'],
        ['visual_intelligence', '330106', '协同区'],
        ['integrated_circuit', '330110', '核心区'],
        ['biomedical_cxo', '330110', '协同区'],
      ] as const) {
        await page.locator(`td[data-cell="${chain}|${district}"]`).click()
        const dialog = page.getByRole('dialog')
        await dialog.getByLabel(role).check()
        await dialog.getByRole('button', { name: /保\s*存/ }).click()
        await dialog.getByRole('listitem').getByText(role).waitFor()
        await dialog.getByRole('button', { name: 'Close' }).or(dialog.locator('.ant-modal-close')).first().click()
        // a cell shows its strongest role: a seeded platform entry may already make it core
        await page.locator(`td[data-cell="${chain}|${district}"]`).getByText(/核心区|协同区/).first().waitFor()
      }
      await h.screenshot(page, 'layout-guide-zh')
    })
    await page.context().close()

    const district = await h.newPage()
    await signIn(district, h.baseUrl, 'binjiang', DEMO_PASSWORD)
    await district.goto(`${h.baseUrl}/layout-guide`)
    await district.getByText('只读').waitFor()
    await district.locator('td[data-cell="visual_intelligence|330108"]').getByText('核心区').first().waitFor()
    await district.locator('td[data-cell="visual_intelligence|330108"]').click()
    await district.waitForTimeout(300)
    expect(await district.getByRole('dialog').count()).toBe(0)
    await district.context().close()
  }, TEST_BUDGET)

  it('edits a chain tree, publishes a version and previews reclassification', async () => {
    const page = await h.newPage()
    await shotOnFailure(h, page, 'chains', async () => {
          await signIn(page, h.baseUrl, 'admin', E2E_ADMIN_PASSWORD)
      await page.goto(`${h.baseUrl}/chains`)
      await page.getByText('visual_intelligence.camera').waitFor()
      await page.getByRole('button', { name: /新增环节/ }).click()
      const dialog = page.getByRole('dialog')
      await dialog.getByLabel('编码').fill('edge_box')
      await dialog.getByLabel('中文名称').fill('边缘计算盒子')
      await dialog.getByLabel('英文名称').fill('Edge AI boxes')
      await dialog.getByRole('button', { name: /保\s*存/ }).click()
      await page.getByText('visual_intelligence.edge_box').waitFor()
      await page.getByText('有未发布的修改').waitFor()

      await page.getByRole('button', { name: /发布新版本/ }).click()
      await page.getByRole('dialog').getByLabel('发布说明').fill('新增边缘计算盒子环节')
      await page.getByRole('dialog').getByRole('button', { name: /发布新版本/ }).click()
      await page.getByText('已发布第 2 版').first().waitFor()

      await page.getByRole('tab', { name: '版本' }).click()
      await page.getByText('新增边缘计算盒子环节').waitFor()
      await page.getByRole('tab', { name: '规则归类' }).click()
      await page.getByRole('button', { name: /预览变化/ }).click()
      await page.getByText(/保留人工归类/).waitFor()
      await page.getByRole('tab', { name: '环节树' }).click()
      await page.waitForTimeout(300)
      await h.screenshot(page, 'chains-editor-zh')
    })
    await page.context().close()
  }, TEST_BUDGET)
})
