import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Page } from 'playwright-core'
import { DEMO_PASSWORD } from '../server/src/bootstrap.js'
import { E2E_ADMIN_PASSWORD, startHarness, type E2eHarness } from './harness.js'

async function signIn(page: Page, baseUrl: string, username: string, password: string) {
  await page.goto(`${baseUrl}/login`)
  await page.getByLabel('用户名').fill(username)
  await page.getByLabel('密码').fill(password)
  await page.getByRole('button', { name: /登\s*录/ }).click()
}

const menuTexts = async (page: Page) =>
  (await page.getByRole('menu').first().getByRole('menuitem').allInnerTexts()).map((t) => t.trim())

describe('foundation in the browser', () => {
  let h: E2eHarness
  beforeAll(async () => {
    h = await startHarness()
  })
  afterAll(() => h?.close())

  it('refuses a wrong password with a clear Chinese message', async () => {
    const page = await h.newPage()
    await signIn(page, h.baseUrl, 'admin', 'wrong-password-1')
    await expect.poll(() => page.getByRole('alert').innerText()).toContain('用户名或密码错误')
    await h.screenshot(page, 'login-failed-zh')
    await page.context().close()
  })

  it('signs the city admin in and shows the admin menus, users and audit pages', async () => {
    const page = await h.newPage()
    await signIn(page, h.baseUrl, 'admin', E2E_ADMIN_PASSWORD)
    await page.getByText('系统管理员').first().waitFor()
    await expect.poll(() => menuTexts(page)).toEqual(expect.arrayContaining(['首页', '用户管理', '审计日志']))
    await page.getByRole('img', { name: '各区县本地企业数' }).locator('canvas').waitFor()
    await page.getByRole('img', { name: '各产业生态圈企业数' }).locator('canvas').waitFor()
    await page.waitForTimeout(1200) // let the chart animation finish before the screenshot
    await h.screenshot(page, 'home-admin-zh')
    await page.getByRole('menuitem', { name: '用户管理' }).click()
    await page.getByRole('table').getByText('binjiang').waitFor()
    await h.screenshot(page, 'users-zh')
    await page.getByRole('menuitem', { name: '审计日志' }).click()
    await page.getByRole('table').getByText('user.create').first().waitFor()
    await h.screenshot(page, 'audit-zh')
    await page.context().close()
  })

  it('signs a district officer in with only the district menus and the district in scope', async () => {
    const page = await h.newPage()
    await signIn(page, h.baseUrl, 'binjiang', DEMO_PASSWORD)
    await page.getByText('滨江区').first().waitFor()
    const menus = await menuTexts(page)
    expect(menus).toContain('首页')
    expect(menus).not.toContain('用户管理')
    expect(menus).not.toContain('审计日志')
    await page.getByRole('img', { name: '各产业生态圈企业数' }).locator('canvas').waitFor()
    await page.waitForTimeout(1200)
    await h.screenshot(page, 'home-district-zh')
    // the admin pages stay closed even when typed in
    await page.goto(`${h.baseUrl}/users`)
    await page.waitForTimeout(500)
    expect(await page.getByRole('table').count()).toBe(0)
    await page.context().close()
  })

  it('switches to English', async () => {
    const page = await h.newPage('en-US')
    await page.goto(`${h.baseUrl}/login`)
    await page.getByLabel('Username').fill('leader')
    await page.getByLabel('Password').fill(DEMO_PASSWORD)
    await page.getByRole('button', { name: /sign in/i }).click()
    await expect.poll(() => menuTexts(page)).toContain('Home')
    await page.locator('canvas').first().waitFor()
    await page.waitForTimeout(1200)
    await h.screenshot(page, 'home-leader-en')
    await page.context().close()
  })
})
