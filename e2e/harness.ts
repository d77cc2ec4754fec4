import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import type { AddressInfo } from 'node:net'
import { chromium, type Browser, type Page } from 'playwright-core'
import { buildApp } from '../server/src/app.js'
import { bootstrap, DEMO_PASSWORD } from '../server/src/bootstrap.js'
import { systemClock } from '../server/src/clock.js'
import { loadConfig } from '../server/src/config.js'
import { openDatabase, type Database } from '../server/src/db/client.js'
import { migrateDatabase } from '../server/src/db/migrate.js'
import { projectPath } from '../server/src/paths.js'

export const E2E_ADMIN_PASSWORD = 'e2e-admin-2026'
export const artifactsDir = projectPath('test-artifacts', 'e2e')

export interface E2eHarness {
  baseUrl: string
  browser: Browser
  newPage(lang?: 'zh-CN' | 'en-US'): Promise<Page>
  screenshot(page: Page, name: string): Promise<string>
  close(): Promise<void>
}

/** Signs a demo account in through the login form and waits for the menu (40 s budget per step: the suite shares two cores). */
export async function signIn(page: Page, baseUrl: string, username: string, lang: 'zh-CN' | 'en-US' = 'zh-CN') {
  page.setDefaultTimeout(40_000)
  await page.goto(`${baseUrl}/login`)
  await page.getByLabel(lang === 'zh-CN' ? '用户名' : 'Username').fill(username)
  await page.getByLabel(lang === 'zh-CN' ? '密码' : 'Password').fill(DEMO_PASSWORD)
  await page.getByRole('button', { name: lang === 'zh-CN' ? /登\s*录/ : /sign in/i }).click()
  await page.getByRole('menu').first().waitFor()
}

/** The real server on an ephemeral port with the built UI, PGlite in memory and the tiny demo dataset. */
export async function startHarness(): Promise<E2eHarness> {
  mkdirSync(artifactsDir, { recursive: true })
  const database: Database = await openDatabase({})
  await migrateDatabase(database)
  await bootstrap(database, systemClock, { tenantId: '330100', adminPassword: E2E_ADMIN_PASSWORD, demoData: 'tiny' })
  const config = loadConfig({ TENANT_ID: '330100', LOG_LEVEL: 'silent', DEMO_DATA: 'tiny' })
  const { app } = await buildApp((log) => ({ database, clock: systemClock, config, log }), {
    serveWeb: true,
    ...(process.env.CB_WEB_DIST ? { webRoot: process.env.CB_WEB_DIST } : {}),
  })
  await app.listen({ port: 0, host: '127.0.0.1' })
  const { port } = app.server.address() as AddressInfo
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-sync'],
  })
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    browser,
    async newPage(lang = 'zh-CN') {
      const context = await browser.newContext({ locale: lang, viewport: { width: 1440, height: 900 } })
      const page = await context.newPage()
      if (lang === 'en-US') await page.addInitScript("localStorage.setItem('chainboard.lang', 'en-US')")
      return page
    },
    async screenshot(page, name) {
      const file = join(artifactsDir, `${name}.png`)
      await page.screenshot({ path: file, fullPage: true })
      return file
    },
    async close() {
      await browser.close()
      await app.close()
      await database.close()
    },
  }
}
