import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { orgCodeCheckChar, usccCheckChar } from '../common/src/uscc.js'
import { DEMO_PASSWORD } from '../server/src/bootstrap.js'
import { writeXlsx } from '../server/src/lib/spreadsheet.js'
import { enterpriseColumns } from '../server/src/modules/import/import.rules.js'
import { startHarness, type E2eHarness } from './harness.js'

function uscc(region: string, body: string) {
  const first17 = `91${region}${body}${orgCodeCheckChar(body)}`
  return first17 + usccCheckChar(first17)
}

async function workbook(rows: Record<string, string | undefined>[]) {
  return writeXlsx([
    {
      name: '企业',
      title: '2026 年新增企业名录',
      columns: enterpriseColumns.map((c) => ({ header: c.header })),
      rows: rows.map((r) => enterpriseColumns.map((c) => r[c.key] ?? '')),
    },
  ])
}

async function signIn(page: Page, baseUrl: string, username: string, lang: 'zh' | 'en' = 'zh') {
  await page.goto(`${baseUrl}/login`)
  await page.getByLabel(lang === 'zh' ? '用户名' : 'Username').fill(username)
  await page.getByLabel(lang === 'zh' ? '密码' : 'Password').fill(DEMO_PASSWORD)
  await page.getByRole('button', { name: lang === 'zh' ? /登\s*录/ : /sign in/i }).click()
  await page.getByRole('menu').first().waitFor()
}

async function upload(page: Page, name: string, data: Buffer) {
  await page.locator('input[type=file]').setInputFiles({
    name,
    mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    buffer: data,
  })
}

describe('import in the browser', () => {
  let h: E2eHarness
  const good = [
    { uscc: uscc('330108', 'MBE2E001'), name: '杭州澜图视觉科技有限公司', region: '滨江区', industry: '3939', revenue: '5,200', segments: '智能摄像机' },
    { uscc: uscc('330106', 'MBE2E002'), name: '杭州澄泓数据有限公司', region: '杭州市西湖区', industry: '6513', foundedOn: '2020/3/5' },
  ]
  const bad = [good[0]!, { ...good[1]!, region: '火星区' }, { ...good[1]!, uscc: good[1]!.uscc.slice(0, 17) + (good[1]!.uscc[17] === '1' ? '2' : '1'), revenue: '十二万' }]

  beforeAll(async () => {
    h = await startHarness()
  })
  afterAll(() => h?.close())

  it('shows every problem of a bad file with row and column, then imports the corrected file', async () => {
    const page = await h.newPage()
    await signIn(page, h.baseUrl, 'city.staff')
    await page.goto(`${h.baseUrl}/import`)
    await page.getByText('点击或拖拽文件到此处上传').waitFor()

    await upload(page, '企业名录-有错.xlsx', await workbook(bad))
    await page.getByText('发现 3 个问题，未写入任何数据').waitFor({ timeout: 20_000 })
    const problems = page.getByRole('table', { name: '问题说明' })
    await expect.poll(() => problems.locator('tbody tr.ant-table-row').count(), { timeout: 10_000 }).toBe(3)
    const rows = await problems.locator('tbody tr.ant-table-row').allInnerTexts()
    // title row 1, header row 2: the second firm is on row 4
    expect(rows[0]).toMatch(/^4\s+所在地区\*\s+错误\s+未知地区“火星区”/)
    expect(rows[1]).toMatch(/^5\s+统一社会信用代码\*\s+错误\s+统一社会信用代码校验位错误/)
    expect(rows[2]).toMatch(/^5\s+营业收入（万元）\s+错误\s+不是有效的数字/)
    await expect.poll(() => page.getByRole('link', { name: /下载问题清单/ }).getAttribute('href')).toMatch(/\/errors\.xlsx$/)
    await h.screenshot(page, 'import-errors-zh')

    await upload(page, '企业名录.xlsx', await workbook(good))
    await page.getByText('导入成功：写入 2 条记录').waitFor({ timeout: 20_000 })
    const recent = page.getByRole('table').last()
    await expect.poll(() => recent.locator('tbody tr.ant-table-row').first().innerText(), { timeout: 10_000 }).toMatch(/企业名录\.xlsx\s+企业\s+已完成\s+2\s+2\s+0/)
    await expect.poll(() => recent.getByText('未导入').count()).toBe(1)
    await h.screenshot(page, 'import-done-zh')
    await page.context().close()
  })

  it('works in English for a district officer, whose other-district rows are errors', async () => {
    const page = await h.newPage('en-US')
    await signIn(page, h.baseUrl, 'binjiang', 'en')
    await page.goto(`${h.baseUrl}/import`)
    await page.getByText('Click or drag a file here to upload').waitFor()
    const firms = [
      { uscc: uscc('330108', 'MBE2E003'), name: '杭州启明星辰智能有限公司', region: '330108', industry: '3939' },
      { uscc: uscc('330106', 'MBE2E004'), name: '杭州望远智能有限公司', region: '西湖区', industry: '3939' },
    ]
    await upload(page, 'district.xlsx', await workbook(firms))
    await page.getByText('Problems found: 1. Nothing was written').waitFor({ timeout: 20_000 })
    await page.getByText('This firm is outside your district').waitFor()
    // a district officer sees only the jobs they started
    await expect.poll(() => page.getByRole('table').last().locator('tbody tr.ant-table-row').count(), { timeout: 10_000 }).toBe(1)
    await h.screenshot(page, 'import-en')
    await page.context().close()
  })
})
