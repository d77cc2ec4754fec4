import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Page } from 'playwright-core'
import { writeXlsx } from '../server/src/lib/spreadsheet.js'
import { artifactsDir, signIn, startHarness, type E2eHarness } from './harness.js'

/** Picks an option of an antd Select found by its aria-label, typing to filter. */
async function choose(page: Page, label: string, option: string) {
  const box = page.getByRole('combobox', { name: label }).first()
  await box.click()
  await box.fill(option)
  await page.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: option }).first().click()
}

/** The chain with the most confirmed leaders in the tiny dataset. */
async function busiestChain(page: Page, baseUrl: string) {
  const leaders = await (await page.request.get(`${baseUrl}/api/lists/chain-leaders?status=confirmed&pageSize=200`)).json()
  expect(leaders.total).toBeGreaterThan(0)
  const counts = new Map<string, { name: string; n: number }>()
  for (const l of leaders.items) counts.set(l.chainCode, { name: l.chainName, n: (counts.get(l.chainCode)?.n ?? 0) + 1 })
  const [code, best] = [...counts.entries()].sort((a, b) => b[1].n - a[1].n)[0]!
  return { code, name: best.name }
}

describe('the three lists in the browser', { timeout: 240_000 }, () => {
  let h: E2eHarness
  let chain: { code: string; name: string }
  beforeAll(async () => {
    h = await startHarness()
  }, 300_000)
  afterAll(() => h?.close())

  it('shows the generated chain leaders, proposes more for a chain and opens an entry’s history', async () => {
    const page = await h.newPage()
    await signIn(page, h.baseUrl, 'city.staff')
    chain = await busiestChain(page, h.baseUrl)

    await page.getByRole('menuitem', { name: '三张清单' }).click()
    await page.waitForURL(/\/lists/)
    await page.getByRole('tab', { name: '链主企业清单' }).waitFor()
    await page.getByRole('table').getByText('已确认').first().waitFor()
    await choose(page, '产业链', chain.name)
    await page.getByRole('button', { name: '按标准推荐' }).click()
    await page.getByText(/已评估 \d+ 家企业/).waitFor()
    await page.getByRole('button', { name: '变更历史' }).first().click()
    await page.locator('.ant-drawer').getByText(/变更历史：/).waitFor()
    // the first row is the best-scored: a fresh proposal (with its history) or a generated confirmation
    await page.locator('.ant-drawer').getByText(/city\.staff|generator/).first().waitFor()
    await page.locator('.ant-drawer-close').click()
    await page.waitForTimeout(400)
    await h.screenshot(page, 'lists-leaders-zh')
    await page.context().close()
  })

  it('recomputes the city’s key suppliers with a summary and adds one to the targets', async () => {
    const page = await h.newPage()
    await signIn(page, h.baseUrl, 'city.staff')
    chain = await busiestChain(page, h.baseUrl)
    await page.goto(`${h.baseUrl}/lists/key-suppliers`)
    await page.getByRole('tab', { name: '关键配套清单', selected: true }).waitFor()
    await choose(page, '产业链', chain.name)
    await page.getByRole('button', { name: '重新计算' }).click()
    const summary = page.getByText(/找到区外配套 \d+ 家/)
    await summary.waitFor()
    const found = Number(/找到区外配套 (\d+) 家/.exec(await summary.innerText())![1])
    if (found > 0) {
      await page.getByRole('table').locator('tbody tr.ant-table-row').first().waitFor()
      const supplier = await page.getByRole('table').locator('tbody tr.ant-table-row').first().getByRole('link').first().innerText()
      await page.getByRole('button', { name: '加入目标客商' }).first().click()
      await page.locator('.ant-popconfirm').getByRole('button', { name: '加入目标客商' }).click()
      const notice = page.locator('.ant-message-notice').first()
      await notice.waitFor({ timeout: 30_000 })
      expect(await notice.innerText()).toContain('加入目标客商清单')
      await expect
        .poll(async () => (await (await page.request.get(`${h.baseUrl}/api/lists/targets?region=330100&pageSize=200`)).json()).items.map((i: { enterpriseName: string }) => i.enterpriseName), { timeout: 15_000 })
        .toContain(supplier)
    }
    await page.waitForTimeout(400)
    await h.screenshot(page, 'lists-key-suppliers-zh')
    await page.context().close()
  })

  it('lets a district officer add a target, refuses a duplicate, and shows import errors by row and column', async () => {
    const page = await h.newPage()
    await signIn(page, h.baseUrl, 'binjiang')
    const firms = await (await page.request.get(`${h.baseUrl}/api/enterprises?region=330106&pageSize=5`)).json()
    const firm = firms.items.find((f: { name: string }) => f.name.length > 0) as { uscc: string; name: string }
    expect(firm).toBeDefined()

    await page.goto(`${h.baseUrl}/lists/targets`)
    await page.getByRole('tab', { name: '目标客商清单', selected: true }).waitFor()
    // district staff see their district only: no region filter
    expect(await page.getByRole('combobox', { name: '区域' }).count()).toBe(0)
    for (const attempt of ['first', 'duplicate'] as const) {
      await page.getByRole('button', { name: '新增目标客商' }).click()
      const drawer = page.locator('.ant-drawer')
      const picker = drawer.getByRole('combobox', { name: '企业' })
      await picker.click()
      await picker.fill(firm.uscc)
      await page.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: firm.name }).first().click()
      await drawer.getByLabel('列入理由').fill('补链：引进光学镜头环节')
      await drawer.getByLabel('下一步', { exact: true }).fill('上门拜访')
      await drawer.getByRole('button', { name: /保\s*存/ }).click()
      if (attempt === 'first') {
        await page.getByRole('table').getByText(firm.name).waitFor()
      } else {
        await drawer.getByText(/已在本区域的目标客商清单中/).first().waitFor()
        await drawer.getByRole('button', { name: /取\s*消/ }).click()
      }
    }

    const file = join(artifactsDir, 'lists-import-bad.xlsx')
    const header = ['企业名称或统一社会信用代码', '优先级', '状态', '负责人', '下一步', '下一步截止日期', '备注', '列入理由']
    writeFileSync(file, await writeXlsx([{ name: 'Sheet1', columns: header.map((h) => ({ header: h })), rows: [['不存在的企业', '紧急', '新建', '', '', '2026-02-30', '', '']] }]))
    await page.getByRole('button', { name: '导入' }).click()
    const modal = page.locator('.ant-modal')
    await modal.locator('input[type=file]').setInputFiles(file)
    await modal.getByRole('button', { name: '开始导入' }).click()
    await modal.getByText('导入文件有误，未导入任何行').waitFor()
    await modal.getByRole('cell', { name: '优先级' }).first().waitFor()
    expect(await modal.locator('tbody tr').count()).toBeGreaterThanOrEqual(4)
    await h.screenshot(page, 'lists-import-errors-zh')
    await modal.locator('.ant-modal-footer').getByRole('button', { name: '关闭' }).click()
    await page.waitForTimeout(400)
    await h.screenshot(page, 'lists-targets-zh')
    await page.context().close()
  })

  it('shows the target list in English', async () => {
    const page = await h.newPage('en-US')
    await signIn(page, h.baseUrl, 'binjiang', 'en-US')
    await page.goto(`${h.baseUrl}/lists/targets`)
    await page.getByRole('tab', { name: 'Target companies', selected: true }).waitFor()
    await page.getByRole('button', { name: 'New target' }).waitFor()
    await page.getByRole('table').locator('tbody tr.ant-table-row').first().waitFor()
    await page.waitForTimeout(400)
    await h.screenshot(page, 'lists-targets-en')
    await page.context().close()
  })
})
