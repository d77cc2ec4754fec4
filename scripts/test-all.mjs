// `npm test`: every tier on every database. Finds PostgreSQL and Chromium; where one is missing on a
// developer's machine it says so loudly and skips only that tier. With CI=true nothing may be skipped.
import { spawnSync } from 'node:child_process'
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs'
import pg from 'pg'

const ci = process.env.CI === 'true' || process.env.CI === '1'
const args = process.argv.slice(2)

async function findPostgres() {
  const candidates = [
    process.env.TEST_DATABASE_URL,
    process.env.DATABASE_URL,
    'postgres://postgres@127.0.0.1:5432/postgres',
    'postgres://root@127.0.0.1:5432/postgres',
  ].filter(Boolean)
  for (const url of candidates) {
    const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 3000 })
    try {
      await client.connect()
      await client.query('select 1')
      return url
    } catch {
      // try the next candidate
    } finally {
      await client.end().catch(() => {})
    }
  }
  return null
}

const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'
const pgUrl = await findPostgres()
const projects = ['unit', 'int-pglite']
const missing = []
if (pgUrl) projects.push('int-postgres')
else missing.push('PostgreSQL (set DATABASE_URL or start the server on 127.0.0.1:5432)')
if (existsSync(chromium)) projects.push('e2e')
else missing.push(`Chromium at ${chromium} (apt-get install chromium fonts-noto-cjk)`)

if (missing.length) {
  const banner = '!'.repeat(78)
  console.error(`\n${banner}\n!! SKIPPING TEST TIERS — missing: ${missing.join('; ')}\n${banner}\n`)
  if (ci) {
    console.error('CI=true: no tier may be skipped. Failing.')
    console.log('0 passed, 1 failed')
    process.exit(1)
  }
}

mkdirSync('.tmp', { recursive: true })
const report = '.tmp/vitest-report.json'
rmSync(report, { force: true })
const result = spawnSync(
  'npx',
  ['vitest', 'run', ...projects.flatMap((p) => ['--project', p]), '--reporter=default', '--reporter=json', `--outputFile.json=${report}`, ...args],
  { stdio: 'inherit', env: { ...process.env, ...(pgUrl ? { CB_TEST_PG_ADMIN_URL: pgUrl } : {}) } },
)

let passed = 0
let failed = 0
let skipped = 0
if (existsSync(report)) {
  const json = JSON.parse(readFileSync(report, 'utf8'))
  passed = json.numPassedTests
  failed = json.numFailedTests + (json.numFailedTestSuites ?? 0) * (json.numFailedTests === 0 ? 1 : 0)
  skipped = json.numPendingTests + json.numTodoTests
} else {
  failed = 1
}
if (ci && skipped > 0) {
  console.error(`CI=true: ${skipped} test(s) were skipped; nothing may be skipped in CI.`)
  failed += skipped
}
console.log(`\ntiers: ${projects.join(', ')}${missing.length ? ` (skipped: ${missing.length})` : ''}`)
console.log(`${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`)
process.exit(result.status === 0 && failed === 0 ? 0 : 1)
