import { randomUUID } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { cityScope, createTestContext, district, type TestContext } from '../../../test/context.js'
import { TEST_TENANT } from '../../../test/database.js'
import { JobScheduler } from '../../lib/jobs.js'
import { generateRedBlackSnapshot, registerSupervisionJobs, runOverdueProblemsJob, runRedBlackMonthEndJob } from './index.js'

// Issue 6's supervision gaps: overdue problems alert once per episode, the department reviewer's
// problems, and the monthly red and black lists kept with their history. ManualClock from 2026-06-01.
const BINJIANG = '330108'
const XIHU = '330106'

describe('supervision gaps', () => {
  let t: TestContext
  const users: Record<string, { id: string; username: string; cookie: string }> = {}
  const ids: Record<string, string> = {}

  /** Moves the clock and signs everyone in again (sessions expire after 12 idle hours). */
  async function setClock(to: string) {
    t.clock.set(to)
    for (const u of Object.values(users)) u.cookie = await t.login(u.username)
  }
  const get = (url: string, who = 'city') => t.app.inject({ method: 'GET', url, headers: { cookie: users[who]!.cookie } })
  const post = (url: string, payload: object, who = 'city') => t.app.inject({ method: 'POST', url, headers: { cookie: users[who]!.cookie }, payload })

  async function seed(key: string, region: string, stage: string, total: number, entered: Record<string, string>) {
    const id = randomUUID()
    const size = total >= 1_000_000 ? 4 : total >= 500_000 ? 3 : total >= 100_000 ? 2 : total >= 10_000 ? 1 : 0
    await t.database.pool.query(
      `insert into projects (tenant_id, id, name, investor_name, type, total_investment, region_code, size_class, stage, stage_entered_on,
         signed_on, started_on, created_at, created_by, updated_at)
       values ($1, $2, $3, '测试投资方', 'manufacturing', $4, $5, $6, $7, $8, $9, $10, now(), 'test', now())`,
      [TEST_TENANT, id, `项目${key}`, total, region, size, stage, entered[stage], entered.signed ?? null, entered.started ?? null],
    )
    for (const [to, day] of Object.entries(entered)) {
      await t.database.pool.query(
        `insert into project_events (tenant_id, id, project_id, kind, occurred_on, at, actor_name, to_stage) values ($1, $2, $3, 'stage', $4, now(), 'test', $5)`,
        [TEST_TENANT, randomUUID(), id, day, to],
      )
    }
    ids[key] = id
  }

  /** How many overdue alerts each named user has for a problem. */
  async function alerts(problemId: string) {
    const { rows } = await t.database.pool.query<{ user_id: string; n: number }>(
      `select user_id, count(*)::int as n from notifications where tenant_id = $1 and kind = 'supervision.problem_overdue' and entity_id = $2 group by user_id`,
      [TEST_TENANT, problemId],
    )
    const byUser = new Map(rows.map((r) => [r.user_id, r.n]))
    return Object.fromEntries(Object.entries(users).map(([key, u]) => [key, byUser.get(u.id) ?? 0]))
  }

  beforeAll(async () => {
    t = await createTestContext()
    users.city = await t.newUser('city_staff', cityScope)
    users.binjiang = await t.newUser('district_staff', district(BINJIANG))
    users.xihu = await t.newUser('district_staff', district(XIHU))
    users.land = await t.newUser('department_reviewer', { type: 'department', id: 'natural_resources' })
    users.finance = await t.newUser('department_reviewer', { type: 'department', id: 'finance' })
    // A: 滨江, signed 2026-02 (≥1亿); B: 西湖, signed 2026-04 (≥1亿), started in May
    await seed('A', BINJIANG, 'signed', 200_000, { lead: '2025-12-01', signed: '2026-02-10' })
    await seed('B', XIHU, 'started', 150_000, { lead: '2026-01-05', signed: '2026-04-10', started: '2026-05-20' })
    await t.database.pool.query(
      `insert into project_targets (tenant_id, year, region_code, count_1, count_10, count_50, count_100, investment, updated_at, updated_by)
       values ($1, 2026, $2, 2, 0, 0, 0, 100000, now(), 'test'), ($1, 2026, $3, 2, 0, 0, 0, 100000, now(), 'test')`,
      [TEST_TENANT, BINJIANG, XIHU],
    )
  })
  afterAll(() => t?.close())

  describe('overdue problems alert', () => {
    let problemId: string

    it('alerts the department’s reviewers, the district’s staff and the city staff once, whatever runs at the same time', async () => {
      await setClock('2026-06-01T08:00:00Z')
      const raised = await post(`/api/supervision/projects/${ids.A}/problems`, { title: '用地指标未落实', departmentCode: 'natural_resources', deadline: '2026-06-10' }, 'binjiang')
      expect(raised.statusCode, raised.body).toBe(201)
      problemId = raised.json().id
      // on the deadline day itself it is still in time
      await setClock('2026-06-10T15:00:00Z')
      expect(await runOverdueProblemsJob(t.ctx, TEST_TENANT)).toEqual({ alerted: 0, notified: 0 })
      await setClock('2026-06-11T01:00:00Z')
      // two scheduled runs and the city's "run now" at once
      const [a, b, now] = await Promise.all([runOverdueProblemsJob(t.ctx, TEST_TENANT), runOverdueProblemsJob(t.ctx, TEST_TENANT), post('/api/supervision/stuck/run', {})])
      expect(now.statusCode, now.body).toBe(200)
      expect(a.alerted + b.alerted + now.json().overdueAlerted).toBe(1)
      expect(await alerts(problemId)).toEqual({ city: 1, binjiang: 1, xihu: 0, land: 1, finance: 0 })
      const { rows } = await t.database.pool.query(`select overdue_alerted_on::text as d from project_problems where tenant_id = $1 and id = $2`, [TEST_TENANT, problemId])
      expect(rows[0].d).toBe('2026-06-11')
      // later runs leave it alone
      await setClock('2026-06-12T01:00:00Z')
      expect((await runOverdueProblemsJob(t.ctx, TEST_TENANT)).alerted).toBe(0)
      expect((await post('/api/supervision/stuck/run', {})).json().overdueAlerted).toBe(0)
      // the reviewer's alert leads to their page, the others' to the project
      const mine = (await get('/api/notifications', 'land')).json().items
      expect(mine).toEqual([expect.objectContaining({ kind: 'supervision.problem_overdue', link: `/department-problems?id=${problemId}`, title: '问题超期：用地指标未落实（项目A）', body: '滨江区 · 责任部门 市规划和自然资源局 · 办理期限 2026-06-10' })])
      expect(mine[0].bodyEn).toMatch(/^滨江区 · .+ · deadline 2026-06-10$/)
      expect((await get('/api/notifications', 'binjiang')).json().items[0].link).toBe(`/projects/${ids.A}`)
      const audit = await t.database.pool.query(`select count(*)::int as n from audit_log where tenant_id = $1 and action = 'supervision.problem.overdue_alert'`, [TEST_TENANT])
      expect(audit.rows[0].n).toBe(1)
    })

    it('alerts again when a new deadline passes, never for a resolved problem', async () => {
      const reassigned = await post(`/api/supervision/problems/${problemId}/actions`, { action: 'reassign', departmentCode: 'natural_resources', deadline: '2026-06-20', version: 1 }, 'binjiang')
      expect(reassigned.statusCode, reassigned.body).toBe(200)
      expect(reassigned.json().overdue).toBe(false)
      expect((await runOverdueProblemsJob(t.ctx, TEST_TENANT)).alerted).toBe(0)
      await setClock('2026-06-21T01:00:00Z')
      const [a, b] = await Promise.all([runOverdueProblemsJob(t.ctx, TEST_TENANT), runOverdueProblemsJob(t.ctx, TEST_TENANT)])
      expect(a.alerted + b.alerted).toBe(1)
      expect(await alerts(problemId)).toEqual({ city: 2, binjiang: 2, xihu: 0, land: 2, finance: 0 })
      // a problem resolved before its deadline passes never alerts
      const other = (await post(`/api/supervision/projects/${ids.B}/problems`, { title: '环评审批慢', departmentCode: 'finance', deadline: '2026-06-25' }, 'xihu')).json()
      expect((await post(`/api/supervision/problems/${other.id}/actions`, { action: 'resolve', resolution: '已完成审批', version: 1 }, 'finance')).statusCode).toBe(200)
      await setClock('2026-07-01T01:00:00Z')
      expect((await runOverdueProblemsJob(t.ctx, TEST_TENANT)).alerted).toBe(0)
      expect(await alerts(other.id)).toEqual({ city: 0, binjiang: 0, xihu: 0, land: 0, finance: 0 })
    })
  })

  describe('the department reviewer’s problems', () => {
    it('lists only the problems assigned to the reviewer’s department, unresolved first, with project, district and deadline', async () => {
      await setClock('2026-07-01T01:00:00Z')
      await post(`/api/supervision/projects/${ids.B}/problems`, { title: '规划许可待批', departmentCode: 'natural_resources', deadline: '2026-07-30' }, 'xihu')
      const land = (await get('/api/supervision/problems', 'land')).json()
      expect(land.total).toBe(2)
      expect(land.items.map((p: { title: string; projectName: string; regionName: string; deadline: string; overdue: boolean }) => [p.title, p.projectName, p.regionName, p.deadline, p.overdue])).toEqual([
        ['用地指标未落实', '项目A', '滨江区', '2026-06-20', true],
        ['规划许可待批', '项目B', '西湖区', '2026-07-30', false],
      ])
      // finance sees its one (resolved) problem and nothing of natural resources, even when asking for it
      const finance = (await get('/api/supervision/problems', 'finance')).json()
      expect(finance.items.map((p: { departmentCode: string; status: string }) => `${p.departmentCode}:${p.status}`)).toEqual(['finance:resolved'])
      expect((await get('/api/supervision/problems?department=natural_resources', 'finance')).json().total).toBe(0)
      expect((await get(`/api/supervision/problems?region=${BINJIANG}&unresolved=true`, 'finance')).json().total).toBe(0)
    })

    it('refuses another department’s reviewer (403) and lets the assigned one close with a resolution', async () => {
      const problem = (await get('/api/supervision/problems?overdue=true', 'land')).json().items[0]
      const denied = await post(`/api/supervision/problems/${problem.id}/actions`, { action: 'resolve', resolution: '越权办结', version: problem.version }, 'finance')
      expect(denied.statusCode).toBe(403)
      expect(denied.json().code).toBe('OUT_OF_SCOPE')
      const blank = await post(`/api/supervision/problems/${problem.id}/actions`, { action: 'resolve', resolution: ' ', version: problem.version }, 'land')
      expect(blank.statusCode).toBe(400)
      const done = await post(`/api/supervision/problems/${problem.id}/actions`, { action: 'resolve', resolution: '已调剂用地指标', version: problem.version }, 'land')
      expect(done.statusCode, done.body).toBe(200)
      expect(done.json()).toMatchObject({ status: 'resolved', resolution: '已调剂用地指标', resolvedOn: '2026-07-01', overdue: false })
      // the reviewer reads no project lists, stuck projects or red and black lists
      for (const url of ['/api/projects', '/api/supervision/stuck', '/api/supervision/red-black?month=2026-06']) expect((await get(url, 'land')).statusCode, url).toBe(403)
    })
  })

  describe('monthly red and black lists with history', () => {
    it('keeps a month on demand (city only), serves it as kept, and replaces it when generated again', async () => {
      await setClock('2026-06-15T02:00:00Z')
      const live = (await get('/api/supervision/red-black?month=2026-06')).json()
      expect(live).toMatchObject({ month: '2026-06', source: 'live', asOf: '2026-06-15', generatedAt: null })
      expect((await post('/api/supervision/red-black/snapshots', { month: '2026-05' }, 'binjiang')).statusCode).toBe(403)
      const future = await post('/api/supervision/red-black/snapshots', { month: '2026-07' })
      expect(future.statusCode).toBe(400)
      expect(future.json()).toMatchObject({ code: 'MONTH_IN_FUTURE', fields: [{ path: 'month' }] })
      expect((await post('/api/supervision/red-black/snapshots', { month: '2026-5' })).statusCode).toBe(400)

      const kept = await post('/api/supervision/red-black/snapshots', { month: '2026-05' })
      expect(kept.statusCode, kept.body).toBe(200)
      const of = (lists: { items: Array<{ regionCode: string }> }, code: string) => lists.items.find((i) => i.regionCode === code) as Record<string, unknown>
      // 滨江: 1 of 2 by May → pace 1 / (2 × 5/12) = 1.2, but A is stuck (the check above found it past signed → registered) → black;
      // 西湖: 1 signed and started → red
      expect(kept.json()).toMatchObject({ month: '2026-05', source: 'snapshot', asOf: '2026-05-31', generatedBy: users.city!.username })
      expect(of(kept.json(), BINJIANG)).toMatchObject({ signed1: 1, target1: 2, startRate: 0, stuck: 1, list: 'black', reasons: ['stuck_share'] })
      expect(of(kept.json(), XIHU)).toMatchObject({ signed1: 1, startRate: 1, list: 'red' })

      // a project signed in May and entered afterwards does not change the kept month ...
      await seed('C', BINJIANG, 'started', 300_000, { lead: '2026-03-01', signed: '2026-05-05', started: '2026-05-25' })
      const stored = (await get('/api/supervision/red-black?month=2026-05', 'xihu')).json()
      expect(stored.source).toBe('snapshot')
      expect(of(stored, BINJIANG)).toMatchObject({ signed1: 1, startRate: 0 })
      // ... until the month is generated again, which replaces it whole
      const again = (await post('/api/supervision/red-black/snapshots', { month: '2026-05' })).json()
      expect(of(again, BINJIANG)).toMatchObject({ signed1: 2, startRate: 0.5 })
      const { rows } = await t.database.pool.query<{ n: number; districts: number }>(
        `select count(*)::int as n, (select count(*)::int from regions where parent_code = (select region_code from tenants where id = $1)) as districts
         from red_black_snapshots where tenant_id = $1 and month = '2026-05'`,
        [TEST_TENANT],
      )
      expect(rows[0]!.n).toBe(rows[0]!.districts)
      const audit = await t.database.pool.query<{ before: unknown }>(
        `select before from audit_log where tenant_id = $1 and action = 'supervision.red_black.generate' and entity_id = '2026-05' order by seq`,
        [TEST_TENANT],
      )
      expect(audit.rows.map((r) => r.before === null)).toEqual([true, false])
      const months = (await get('/api/supervision/red-black/months', 'binjiang')).json()
      expect(months.items).toEqual([expect.objectContaining({ month: '2026-05', asOf: '2026-05-31', red: 1, black: 1 })])
    })

    it('keeps the month that just ended at the first run after it, once, also under concurrent runs', async () => {
      await setClock('2026-07-01T00:30:00Z')
      const runs = await Promise.all([runRedBlackMonthEndJob(t.ctx, TEST_TENANT), runRedBlackMonthEndJob(t.ctx, TEST_TENANT), runRedBlackMonthEndJob(t.ctx, TEST_TENANT)])
      expect(runs.filter((r) => r.generated)).toHaveLength(1)
      expect(runs.every((r) => r.month === '2026-06' && r.asOf === '2026-06-30')).toBe(true)
      const june = (await get('/api/supervision/red-black?month=2026-06')).json()
      expect(june).toMatchObject({ source: 'snapshot', asOf: '2026-06-30', generatedBy: 'system' })
      expect((await runRedBlackMonthEndJob(t.ctx, TEST_TENANT)).generated).toBe(false)
      // concurrent "generate now" of one month never doubles its rows
      await Promise.all([generateRedBlackSnapshot(t.ctx, TEST_TENANT, '2026-06'), post('/api/supervision/red-black/snapshots', { month: '2026-06' }), generateRedBlackSnapshot(t.ctx, TEST_TENANT, '2026-06')])
      const { rows } = await t.database.pool.query<{ n: number; dup: number }>(
        `select count(*)::int as n, count(distinct region_code)::int as dup from red_black_snapshots where tenant_id = $1 and month = '2026-06'`,
        [TEST_TENANT],
      )
      expect(rows[0]!.n).toBe(rows[0]!.dup)
      expect((await get('/api/supervision/red-black/months')).json().items.map((m: { month: string }) => m.month)).toEqual(['2026-06', '2026-05'])
      // the running month stays live
      expect((await get('/api/supervision/red-black?month=2026-07')).json()).toMatchObject({ source: 'live', asOf: '2026-07-01' })
    })
  })

  describe('the schedule', () => {
    it('runs the overdue alerts and the month-end lists hourly on the clock, the stuck check every six hours', async () => {
      await setClock('2026-08-01T00:10:00Z')
      const raised = (await post(`/api/supervision/projects/${ids.B}/problems`, { title: '电力接入滞后', departmentCode: 'natural_resources', deadline: '2026-08-01' }, 'xihu')).json()
      const jobs = new JobScheduler(t.clock)
      registerSupervisionJobs(jobs, t.ctx, TEST_TENANT)
      expect(jobs.names()).toEqual(['supervision.stuck', 'supervision.overdue', 'supervision.redBlack'])
      const byName = (runs: Array<{ name: string; ok: boolean; result?: unknown }>) => Object.fromEntries(runs.map((r) => [r.name, r.ok ? r.result : 'failed']))
      // the first tick runs all three: July is kept; 规划许可待批 (deadline 07-30) alerts, the new one is still in time
      const first = byName(await jobs.runDueJobs())
      expect(first['supervision.overdue']).toMatchObject({ alerted: 1 })
      expect((await alerts(raised.id)).xihu).toBe(0)
      expect(first['supervision.redBlack']).toMatchObject({ month: '2026-07', generated: true })
      expect(Object.keys(first)).toHaveLength(3)
      // half an hour on nothing is due; the deadline day ends (China time) and the next hourly run alerts
      t.clock.advance(30 * 60_000)
      expect(await jobs.runDueJobs()).toEqual([])
      t.clock.set('2026-08-01T16:30:00Z')
      const later = byName(await jobs.runDueJobs())
      expect(Object.keys(later).sort()).toEqual(['supervision.overdue', 'supervision.redBlack', 'supervision.stuck'])
      expect(later['supervision.overdue']).toMatchObject({ alerted: 1 })
      expect(later['supervision.redBlack']).toMatchObject({ month: '2026-07', generated: false })
      expect((await alerts(raised.id)).xihu).toBe(1)
      t.clock.advance(60 * 60_000)
      const hourLater = byName(await jobs.runDueJobs())
      expect(Object.keys(hourLater).sort()).toEqual(['supervision.overdue', 'supervision.redBlack'])
      expect(hourLater['supervision.overdue']).toEqual({ alerted: 0, notified: 0 })
    })
  })
})
