// The project lifecycle on the loaded dataset: the dashboard (city and one district) against the
// bare SQL behind it, a stage transition, a drill-down list, the stuck-project job, the monthly report.
// CB_BENCH_PROJECTS_PROVINCE=1 then replaces the projects with the province size (200,000 projects,
// 4,000,000 events) and times the city dashboard again.
import { performance } from 'node:perf_hooks'
import { chinaDay } from '../server/src/modules/projects/index.js'
import { loadProjects } from '../server/src/generator/projects.js'
import * as dashboardSql from '../server/src/modules/dashboard/dashboard.repository.js'
import { runStuckProjectJob } from '../server/src/modules/supervision/index.js'
import type { BenchContext, BenchRow, BenchSuite } from './types.js'

const fmt = (ms: number) => `${ms.toFixed(1)} ms`
/** Each row is also printed as soon as it is measured: the province part runs long, and a failure there keeps the city figures. */
const early = (row: BenchRow) => (console.error(`[projects] ${row.join(' | ')}`), row)

async function dashboardRows(context: BenchContext, label: string): Promise<BenchRow[]> {
  const { kind, app, cookie, database, timed, tenantId } = context
  const rows: BenchRow[] = []
  const call = async (url: string) => {
    const response = await app.inject({ method: 'GET', url, headers: { cookie } })
    if (response.statusCode !== 200) throw new Error(`${url}: ${response.statusCode} ${response.body.slice(0, 200)}`)
    return response
  }
  const { rows: counts } = await database.pool.query<{ projects: number; events: number }>(
    `select (select count(*)::int from projects where tenant_id = $1) as projects, (select count(*)::int from project_events where tenant_id = $1) as events`,
    [tenantId],
  )
  const { projects, events } = counts[0]!
  const asOf = chinaDay(new Date())
  const period = { yearStart: `${asOf.slice(0, 4)}-01-01`, until: asOf }
  // the same statements the service runs, straight on the database (no HTTP, no assembly)
  const bare = (region: string | null) =>
    Promise.all([
      dashboardSql.stageCells(database.db, tenantId, region),
      dashboardSql.monthCells(database.db, tenantId, region, period),
      dashboardSql.stuckCounts(database.db, tenantId, region),
      dashboardSql.problemCounts(database.db, tenantId, region, asOf),
      dashboardSql.targetsOf(database.db, tenantId, Number(asOf.slice(0, 4))),
    ])
  const { rows: busiest } = await database.pool.query<{ region_code: string }>(
    `select region_code from projects where tenant_id = $1 group by 1 order by count(*) desc limit 1`,
    [tenantId],
  )
  const district = busiest[0]!.region_code
  for (const [what, url, region] of [
    ['city', '/api/dashboard', null],
    ['district', `/api/dashboard?region=${district}`, district],
  ] as const) {
    const first = (await call(url)).json()
    const api = await timed(20, () => call(url))
    const sqlOnly = await timed(20, () => bare(region))
    rows.push(early([
      kind,
      `dashboard ${what} (${label})`,
      `${projects} projects, ${events} events; ${first.sizeClasses[0].count} signed ≥1亿 YTD`,
      `median ${fmt(api.median)}, p95 ${fmt(api.p95)}; bare SQL ${fmt(sqlOnly.median)} → ratio ${(api.median / sqlOnly.median).toFixed(2)}`,
    ]))
  }
  return rows
}

export const bench: BenchSuite = async (context) => {
  const { kind, app, cookie, database, timed, tenantId } = context
  const rows: BenchRow[] = []
  const call = async (method: 'GET' | 'POST', url: string, payload?: object) => {
    const response = await app.inject({ method, url, headers: { cookie }, ...(payload ? { payload } : {}) })
    if (response.statusCode !== 200) throw new Error(`${url}: ${response.statusCode} ${response.body.slice(0, 200)}`)
    return response
  }
  rows.push(...(await dashboardRows(context, context.size)))

  // a transition back and forth between 线索 and 接洽 (the generated projects name a person responsible)
  const { rows: leads } = await database.pool.query<{ id: string; version: number }>(
    `select id, version from projects where tenant_id = $1 and stage = 'lead' order by id limit 1`,
    [tenantId],
  )
  let version = leads[0]!.version
  const id = leads[0]!.id
  let forward = true
  const transition = await timed(20, async () => {
    const body = forward ? { toStage: 'contact', version } : { toStage: 'lead', version, reason: '基准测试来回切换' }
    const response = await call('POST', `/api/projects/${id}/transition`, body)
    version = response.json().project.version
    forward = !forward
  })
  rows.push(early([kind, 'stage transition (lead ⇄ contact)', 'row lock, requirements, event, audit, detail', `median ${fmt(transition.median)}, p95 ${fmt(transition.p95)}`]))

  const drill = `sizeClassMin=1&signedFrom=${new Date().getFullYear()}-01-01&signedTo=${chinaDay(new Date())}`
  const first = (await call('GET', `/api/projects?${drill}`)).json()
  const list = await timed(20, () => call('GET', `/api/projects?${drill}`))
  rows.push(early([kind, 'drill-down list (≥1亿 signed YTD, page 1)', `${first.total} projects`, `median ${fmt(list.median)}, p95 ${fmt(list.p95)}`]))
  const notYet = await timed(20, () => call('GET', '/api/projects?notYet=started'))
  rows.push(early([kind, 'six not-yets: 未开工 list', '', `median ${fmt(notYet.median)}, p95 ${fmt(notYet.p95)}`]))

  const started = performance.now()
  const stuck = await runStuckProjectJob({ database, clock: { now: () => new Date() } }, tenantId)
  rows.push(early([kind, 'stuck-project job', `${stuck.checked} projects checked, ${stuck.stuck} stuck`, fmt(performance.now() - started)]))
  const report = await timed(3, () => call('GET', '/api/dashboard/monthly-report.xlsx'))
  rows.push(early([kind, 'monthly report (xlsx)', '', `median ${fmt(report.median)}`]))

  if (process.env.CB_BENCH_PROJECTS_PROVINCE === '1') {
    await database.pool.query(`delete from stuck_projects where tenant_id = $1`, [tenantId])
    for (const table of ['project_problems', 'project_checklist', 'project_events', 'project_targets', 'projects']) {
      await database.pool.query(`delete from ${table} where tenant_id = $1`, [tenantId])
    }
    const loadStarted = performance.now()
    const loaded = await loadProjects(database, { tenantId, size: 'province', seed: 20261122, now: new Date() })
    rows.push(early([kind, 'load province projects', `${loaded.projects} projects, ${loaded.projectEvents} events`, fmt(performance.now() - loadStarted)]))
    rows.push(...(await dashboardRows(context, 'province')))
  }
  return rows
}
