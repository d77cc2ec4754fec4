// npm run bench [-- --size city|demo|tiny|province] [--db pglite|postgres|both] [--only foundation,enterprise,...]
//                 [--reuse <postgres url>]
// Generates data at the sizes the issues name, loads it, and prints timings of the paths users hit.
import { readdirSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { performance } from 'node:perf_hooks'
import { fileURLToPath } from 'node:url'
import { buildApp } from '../server/src/app.js'
import { bootstrap } from '../server/src/bootstrap.js'
import { systemClock } from '../server/src/clock.js'
import { loadConfig } from '../server/src/config.js'
import { openDatabase, type Database } from '../server/src/db/client.js'
import { migrateDatabase } from '../server/src/db/migrate.js'
import { createScratchDatabase } from '../server/src/db/scratch-database.js'
import { loadDataset } from '../server/src/generator/load.js'
import type { BenchContext, BenchRow, BenchSuite } from './types.js'

// Each module's figures live in bench/<module>.bench.ts (exporting `bench`); --only picks some of them.
const benchDir = dirname(fileURLToPath(import.meta.url))
const suites: Record<string, () => Promise<BenchSuite>> = Object.fromEntries(
  readdirSync(benchDir)
    .filter((f) => f.endsWith('.bench.ts'))
    .sort()
    .map((f) => [f.replace('.bench.ts', ''), async () => ((await import(join(benchDir, f))) as { bench: BenchSuite }).bench]),
)

type Size = 'tiny' | 'demo' | 'city' | 'province'
const args = process.argv.slice(2)
const arg = (name: string, fallback: string) => {
  const i = args.indexOf(`--${name}`)
  return i >= 0 && args[i + 1] ? args[i + 1]! : fallback
}
const size = arg('size', 'city') as Size
const dbs = arg('db', 'both') === 'both' ? (['pglite', 'postgres'] as const) : [arg('db', 'pglite') as 'pglite' | 'postgres']
const adminUrl = process.env.BENCH_PG_ADMIN_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres'
const only = arg('only', '') ? new Set(arg('only', '').split(',')) : null
// --reuse: a PostgreSQL database kept between runs; loaded on the first run (same seed), kept afterwards.
// The province size takes most of an hour to load, so tuning runs against a kept copy.
const reuse = arg('reuse', '')
const TENANT = '330100'
const PASSWORD = 'bench-admin-2026'

function stats(samples: number[]) {
  const sorted = [...samples].sort((a, b) => a - b)
  const q = (p: number) => sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))]!
  return { median: q(0.5), p95: q(0.95), max: sorted[sorted.length - 1]! }
}
const fmt = (ms: number) => `${ms.toFixed(1)} ms`

async function timed(n: number, fn: () => Promise<unknown>) {
  const samples: number[] = []
  for (let i = 0; i < n; i++) {
    const start = performance.now()
    await fn()
    samples.push(performance.now() - start)
  }
  return stats(samples)
}

async function openBenchDatabase(kind: 'pglite' | 'postgres'): Promise<{ database: Database; drop: () => Promise<void> }> {
  if (reuse) {
    if (kind !== 'postgres') throw new Error('--reuse takes a PostgreSQL url; pass --db postgres')
    return { database: await openDatabase({ databaseUrl: reuse }), drop: async () => {} }
  }
  if (kind === 'pglite') {
    const database = await openDatabase({})
    return { database, drop: async () => {} }
  }
  const scratch = await createScratchDatabase(adminUrl, 'cb_bench')
  const database = await openDatabase({ databaseUrl: scratch.url })
  return { database, drop: scratch.drop }
}

const rows: BenchRow[] = []
for (const kind of dbs) {
  const { database, drop } = await openBenchDatabase(kind)
  try {
    await migrateDatabase(database)
    await bootstrap(database, systemClock, { tenantId: TENANT, adminPassword: PASSWORD, demoData: 'none' })
    const kept = reuse
      ? Number((await database.pool.query<{ n: string }>('select count(*) as n from enterprises where tenant_id = $1', [TENANT])).rows[0]!.n)
      : 0
    if (kept > 0) {
      rows.push([kind, `reused database (${size})`, `${kept} enterprises`, '-'])
    } else {
      const loaded = await loadDataset(database, { tenantId: TENANT, size, now: new Date() })
      rows.push([kind, `generate + load ${size}`, `${loaded.enterprises} enterprises, ${loaded.relations} relations`, fmt(loaded.ms)])
      await database.pool.query('analyze')
    }

    const config = loadConfig({ TENANT_ID: TENANT, LOG_LEVEL: 'silent', DEMO_DATA: 'none' })
    const { app } = await buildApp((log) => ({ database, clock: systemClock, config, log }))
    await app.ready()
    const login = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'admin', password: PASSWORD } })
    const cookie = `cb_session=${login.cookies.find((c) => c.name === 'cb_session')!.value}`

    const context: BenchContext = { kind, size, tenantId: TENANT, app, cookie, database, timed }
    for (const [name, load] of Object.entries(suites)) {
      if (only && !only.has(name)) continue
      const suite = await load()
      rows.push(...(await suite(context)))
    }
    if (only && !only.has('foundation')) {
      await app.close()
      continue
    }

    const loginStats = await timed(10, () =>
      app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'admin', password: PASSWORD } }),
    )
    rows.push([kind, 'POST /api/auth/login (scrypt)', 'median / p95', `${fmt(loginStats.median)} / ${fmt(loginStats.p95)}`])
    const me = await timed(50, () => app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie } }))
    rows.push([kind, 'GET /api/auth/me (session check)', 'median / p95', `${fmt(me.median)} / ${fmt(me.p95)}`])
    const home = await timed(10, () => app.inject({ method: 'GET', url: '/api/home/summary', headers: { cookie } }))
    rows.push([kind, 'GET /api/home/summary (city)', 'median / p95', `${fmt(home.median)} / ${fmt(home.p95)}`])
    const audit = await timed(10, () => app.inject({ method: 'GET', url: '/api/audit?pageSize=50', headers: { cookie } }))
    rows.push([kind, 'GET /api/audit (page of 50)', 'median / p95', `${fmt(audit.median)} / ${fmt(audit.p95)}`])

    if (kind === 'pglite') {
      // a long query must not freeze the HTTP event loop (PGlite runs in a worker thread)
      let ticks = 0
      const timer = setInterval(() => ticks++, 10)
      const start = performance.now()
      await database.pool.query('select count(*) from enterprises a, generate_series(1, 20) g where a.revenue > g')
      const spent = performance.now() - start
      clearInterval(timer)
      rows.push([kind, 'event loop during a long query', `${fmt(spent)} query`, `${ticks} of ~${Math.floor(spent / 10)} 10-ms ticks ran`])
    }
    await app.close()
  } finally {
    await database.close()
    await drop()
  }
}

const widths = [0, 1, 2, 3].map((i) => Math.max(...rows.map((r) => r[i]!.length), 8))
console.log(`\nchainboard bench — size ${size}\n`)
for (const r of rows) console.log(r.map((c, i) => c.padEnd(widths[i]!)).join('  '))
