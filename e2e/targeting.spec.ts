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
const TEST_BUDGET = 300_000

async function shotOnFailure(h: E2eHarness, page: Page, name: string, steps: () => Promise<void>) {
  page.setDefaultTimeout(60_000)
  try {
    await steps()
  } catch (error) {
    await h.screenshot(page, `failed-${name}`).catch(() => undefined)
    throw error
  }
}

describe('target discovery in the browser', () => {
  let h: E2eHarness
  beforeAll(async () => {
    h = await startHarness()
  }, 300_000)
  afterAll(() => h?.close())

  it('ranks candidates with factor bars, shows reach paths as a graph and sentences, adds one to the target list, edits weights', async () => {
    const page = await h.newPage()
    await shotOnFailure(h, page, 'targeting-zh', async () => {
      await signIn(page, h.baseUrl, 'admin', E2E_ADMIN_PASSWORD)
      await page.goto(`${h.baseUrl}/targeting`)
      await page.getByLabel('产业链', { exact: true }).click()
      await page.getByTitle('集成电路').click()
      const summary = page.getByTestId('gap-summary')
      await summary.getByText(/布局导引（\d{4}）/).waitFor()
      await page.getByText(/候选企业（共 [\d,]+ 家）/).waitFor()
      const rows = page.locator('.ant-table-tbody tr.ant-table-row')
      await expect.poll(() => rows.count()).toBeGreaterThan(5)
      await expect.poll(() => page.getByTestId('factor-bar').count()).toBeGreaterThan(5)
      // the top row's bar has segments, and a segment's tooltip names the factor and its raw fact
      const firstBar = page.getByTestId('factor-bar').first()
      expect(await firstBar.locator('div').count()).toBeGreaterThan(0)
      await firstBar.locator('div').first().hover()
      await page.getByRole('tooltip').getByText(/贡献/).waitFor()
      // scores descend down the page
      const scores = (await rows.locator('td:nth-child(6)').allTextContents()).map(Number)
      for (let k = 1; k < scores.length; k++) expect(scores[k - 1]!).toBeGreaterThanOrEqual(scores[k]!)
      await page.mouse.move(0, 0)
      await h.screenshot(page, 'targeting-zh')

      // open candidates from the top until one has a reach path to a bureau asset
      const drawer = page.getByRole('dialog').filter({ hasText: '评分依据' })
      let found = false
      for (let k = 0; k < 8 && !found; k++) {
        await rows.nth(k).locator('td:nth-child(2) button').click()
        await drawer.getByText('评分依据').waitFor()
        const graph = drawer.getByTestId('reach-graph')
        const none = drawer.getByText('三跳以内未找到通往招商资源的路径')
        await graph.or(none).first().waitFor()
        if (await graph.isVisible()) {
          found = true
          break
        }
        await page.keyboard.press('Escape')
        await drawer.waitFor({ state: 'hidden' })
      }
      expect(found).toBe(true)
      await drawer.getByRole('img', { name: '触达路径关系图' }).locator('canvas').waitFor()
      await drawer.getByText(/路径 1/).waitFor()
      await expect.poll(() => drawer.getByText(/的供应商|投资了|的分支机构/).count()).toBeGreaterThan(0)
      await page.waitForTimeout(1200) // chart animation
      await h.screenshot(page, 'targeting-paths-zh')

      // add to the target list with the composed reason
      await drawer.getByRole('button', { name: /加入目标客商清单/ }).click()
      const modal = page.getByRole('dialog').filter({ hasText: '推荐理由' })
      const reason = modal.getByLabel('推荐理由')
      await expect.poll(() => reason.inputValue()).toMatch(/^系统推荐：.+，评分 [\d.]+$/)
      await modal.getByRole('button', { name: /加\s*入/ }).click()
      await page.getByText('已加入目标客商清单').waitFor()

      // and open a lead from the new entry: the lead inbox shows it
      await drawer.getByRole('button', { name: /登记为线索/ }).click()
      const leadModal = page.getByRole('dialog').filter({ hasText: '信息来源人' })
      await leadModal.getByLabel('信息来源人').fill('招商一处 王明')
      await leadModal.getByRole('button', { name: /登记线索/ }).click()
      await page.getByText('已登记线索').waitFor()
      await drawer.getByRole('button', { name: /查看线索/ }).waitFor()
      await drawer.locator('.ant-drawer-close').click()
      await drawer.waitFor({ state: 'hidden' })

      // the city admin makes size count most: the layout changes to custom weights, then back
      await page.getByRole('button', { name: /调整权重/ }).click()
      const editor = page.getByRole('dialog').filter({ hasText: '截距' })
      const scaleInput = editor.getByRole('spinbutton', { name: '规模' })
      await scaleInput.fill('10')
      await editor.getByRole('button', { name: /保\s*存/ }).click()
      await page.getByText('权重已保存，排名已更新').waitFor()
      await page.getByTestId('gap-summary').getByText('本链自定义权重').waitFor()
      await page.getByRole('button', { name: /调整权重/ }).click()
      await editor.getByRole('button', { name: /恢复默认/ }).click()
      await page.getByText('已恢复默认权重').waitFor()
      await page.getByTestId('gap-summary').getByText('默认权重').waitFor()
    })
    await page.context().close()
  }, TEST_BUDGET)

  it('opens on a district officer’s district in English, without the weights editor', async () => {
    const page = await h.newPage('en-US')
    await shotOnFailure(h, page, 'targeting-en', async () => {
      await signIn(page, h.baseUrl, 'binjiang', DEMO_PASSWORD, 'en')
      await page.goto(`${h.baseUrl}/targeting`)
      await page.getByLabel('Chain', { exact: true }).click()
      await page.getByTitle('Integrated circuits').or(page.getByTitle('集成电路')).first().click()
      await page.getByText(/Candidates \([\d,]+ in all\)/).waitFor()
      await page.getByTestId('gap-summary').getByText(/Layout guide \(\d{4}\)/).waitFor()
      await expect.poll(() => page.getByTestId('factor-bar').count()).toBeGreaterThan(0)
      expect(await page.getByRole('button', { name: /Adjust weights/ }).count()).toBe(0)
      await page.waitForTimeout(500)
      await h.screenshot(page, 'targeting-en')
    })
    await page.context().close()
  }, TEST_BUDGET)
})
