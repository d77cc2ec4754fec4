import { randomUUID } from 'node:crypto'
import ExcelJS from 'exceljs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { cityScope, createTestContext, district, type TestContext } from '../../../test/context.js'
import { TEST_TENANT } from '../../../test/database.js'
import { runStuckProjectJob } from './index.js'

// Supervision and the dashboard over a hand-made set of projects in 滨江 (330108) and 西湖 (330106).
// The clock starts at 2026-06-01 (ManualClock).
const BINJIANG = '330108'
const XIHU = '330106'

interface Seed {
  region: string
  stage: string
  total: number
  /** stage → day entered */
  entered: Record<string, string>
  ecosystem?: string | null
  platform?: string | null
}

describe('supervision and the dashboard', () => {
  let t: TestContext
  let city: string
  let binjiang: string
  let xihu: string
  let reviewer: string
  const ids: Record<string, string> = {}
  const usernames: Record<string, string> = {}

  /** Moves the clock and signs everyone in again (sessions expire after 12 idle hours). */
  async function setClock(to: string) {
    t.clock.set(to)
    city = await t.login(usernames.city!)
    binjiang = await t.login(usernames.binjiang!)
    xihu = await t.login(usernames.xihu!)
    reviewer = await t.login(usernames.reviewer!)
  }

  const get = (url: string, cookie = city) => t.app.inject({ method: 'GET', url, headers: { cookie } })
  const post = (url: string, payload: object, cookie = city) => t.app.inject({ method: 'POST', url, headers: { cookie }, payload })

  /** A project row and its stage events, as the generator writes them. */
  async function seed(key: string, s: Seed) {
    const id = randomUUID()
    const size = s.total >= 1_000_000 ? 4 : s.total >= 500_000 ? 3 : s.total >= 100_000 ? 2 : s.total >= 10_000 ? 1 : 0
    const signed = s.entered.signed ?? null
    const started = s.entered.started ?? null
    await t.database.pool.query(
      `insert into projects (tenant_id, id, name, investor_name, type, total_investment, region_code, size_class, stage, stage_entered_on,
         signed_on, started_on, ecosystem_code, chain_code, platform_code, created_at, created_by, updated_at)
       values ($1, $2, $3, '测试投资方', 'manufacturing', $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, now(), 'test', now())`,
      [TEST_TENANT, id, `项目${key}`, s.total, s.region, size, s.stage, s.entered[s.stage], signed, started, s.ecosystem === undefined ? 'smart_iot' : s.ecosystem, s.ecosystem === null ? null : 'visual_intelligence', s.platform ?? null],
    )
    for (const [stage, day] of Object.entries(s.entered)) {
      await t.database.pool.query(
        `insert into project_events (tenant_id, id, project_id, kind, occurred_on, at, actor_name, to_stage) values ($1, $2, $3, 'stage', $4, now(), 'test', $5)`,
        [TEST_TENANT, randomUUID(), id, day, stage],
      )
    }
    ids[key] = id
  }

  beforeAll(async () => {
    t = await createTestContext()
    const users = {
      city: await t.newUser('city_staff', cityScope),
      binjiang: await t.newUser('district_staff', district(BINJIANG)),
      xihu: await t.newUser('district_staff', district(XIHU)),
      reviewer: await t.newUser('department_reviewer', { type: 'department', id: 'natural_resources' }),
    }
    for (const [key, user] of Object.entries(users)) usernames[key] = user.username
    ;({ city, binjiang, xihu, reviewer } = { city: users.city.cookie, binjiang: users.binjiang.cookie, xihu: users.xihu.cookie, reviewer: users.reviewer.cookie })
    // A: signed in 2025-10, still only land → stuck on signed → started (180 days) by 2026-06-01
    await seed('A', { region: BINJIANG, stage: 'land', total: 200_000, entered: { lead: '2025-06-01', signed: '2025-10-01', registered: '2025-11-01', land: '2026-01-10' }, platform: 'hz_hitech_zone' })
    // B: signed 2026-02, started 2026-05 (≥1亿, in an ecosystem, on a platform)
    await seed('B', { region: BINJIANG, stage: 'started', total: 50_000, entered: { lead: '2025-12-01', signed: '2026-02-15', registered: '2026-03-01', land: '2026-04-01', started: '2026-05-10' }, platform: 'hz_hitech_zone' })
    // C: signed 2026-04 in 西湖, ≥100亿, no ecosystem, not on a platform
    await seed('C', { region: XIHU, stage: 'signed', total: 1_200_000, entered: { lead: '2026-01-05', signed: '2026-04-10' }, ecosystem: null })
    // D: a lead in 西湖 (not signed)
    await seed('D', { region: XIHU, stage: 'negotiation', total: 8_000, entered: { lead: '2026-04-01', negotiation: '2026-05-01' } })
    const platformCheck = await t.database.pool.query(`select code from platforms where tenant_id = $1 and code = 'hz_hitech_zone'`, [TEST_TENANT])
    expect(platformCheck.rowCount).toBe(1)
    await t.database.pool.query(
      `insert into project_targets (tenant_id, year, region_code, count_1, count_10, count_50, count_100, investment, updated_at, updated_by)
       values ($1, 2026, $2, 3, 1, 0, 0, 1000000, now(), 'test'), ($1, 2026, $3, 2, 1, 1, 1, 2000000, now(), 'test')`,
      [TEST_TENANT, BINJIANG, XIHU],
    )
  })
  afterAll(() => t?.close())

  describe('the stuck-project job', () => {
    it('finds the project over the signed → started norm, and only on the clock', async () => {
      const first = await runStuckProjectJob(t.ctx, TEST_TENANT)
      expect(first).toMatchObject({ stuck: 1 })
      const list = (await get('/api/supervision/stuck')).json()
      expect(list.items).toEqual([expect.objectContaining({ projectId: ids.A, normKey: 'signed_to_started', since: '2025-10-01', limitDays: 180, daysOver: 63 })])
      expect(list.lastRunAt).toBe('2026-06-01T08:00:00.000Z')
      // four months on, C (signed 2026-04-10, 174 days) is over the 60-day registration norm, not yet the 180-day start norm
      t.clock.set('2026-10-01T08:00:00Z')
      const later = await runStuckProjectJob(t.ctx, TEST_TENANT)
      expect(later.stuck).toBe(2)
      const { rows } = await t.database.pool.query<{ project_id: string; norm_key: string }>(`select project_id, norm_key from stuck_projects where tenant_id = $1`, [TEST_TENANT])
      expect(rows.map((i) => `${i.project_id === ids.C ? 'C' : 'A'}:${i.norm_key}`).sort()).toEqual(['A:signed_to_started', 'C:signed_to_registered'])
      t.clock.set('2026-06-01T08:00:00Z')
      await runStuckProjectJob(t.ctx, TEST_TENANT)
    })

    it('shows a district only its own stuck projects; only the city may run the job on demand', async () => {
      expect((await get('/api/supervision/stuck', xihu)).json().total).toBe(0)
      expect((await get('/api/supervision/stuck', binjiang)).json().total).toBe(1)
      expect((await post('/api/supervision/stuck/run', {}, binjiang)).statusCode).toBe(403)
      expect((await post('/api/supervision/stuck/run', {}, city)).json()).toMatchObject({ stuck: 1 })
    })

    it('serializes two concurrent runs (the findings are not doubled or lost)', async () => {
      await Promise.all([runStuckProjectJob(t.ctx, TEST_TENANT), runStuckProjectJob(t.ctx, TEST_TENANT), post('/api/supervision/stuck/run', {})])
      const { rows } = await t.database.pool.query<{ n: number }>(`select count(*)::int as n from stuck_projects where tenant_id = $1`, [TEST_TENANT])
      expect(rows[0]!.n).toBe(1)
    })
  })

  describe('the six not-yets', () => {
    it('counts the projects in the stage just before each', async () => {
      const items = (await get('/api/supervision/not-yet')).json().items
      const count = (key: string) => items.find((i: { key: string }) => i.key === key).count
      expect([count('registered'), count('land'), count('started'), count('completed')]).toEqual([1, 0, 1, 1])
      const drill = (await get('/api/projects?notYet=started')).json()
      expect(drill.items.map((p: { id: string }) => p.id)).toEqual([ids.A])
    })
  })

  describe('problems', () => {
    let problemId: string
    it('raises a problem on a project with a department and a deadline; refuses a past deadline', async () => {
      const past = await post(`/api/supervision/projects/${ids.A}/problems`, { title: '用地指标未落实', departmentCode: 'natural_resources', deadline: '2026-05-01' }, binjiang)
      expect(past.json()).toMatchObject({ code: 'DEADLINE_PAST', fields: [{ path: 'deadline' }] })
      expect((await post(`/api/supervision/projects/${ids.A}/problems`, { title: '用地指标未落实', departmentCode: 'natural_resources', deadline: '2026-06-10' }, xihu)).statusCode).toBe(404)
      const raised = await post(`/api/supervision/projects/${ids.A}/problems`, { title: '用地指标未落实', departmentCode: 'natural_resources', deadline: '2026-06-10' }, binjiang)
      expect(raised.statusCode, raised.body).toBe(201)
      expect(raised.json()).toMatchObject({ status: 'open', overdue: false, departmentName: '市规划和自然资源局' })
      problemId = raised.json().id
    })

    it('turns overdue after the deadline, escalates once, and is closed by the assigned department', async () => {
      await setClock('2026-06-12T08:00:00Z')
      expect((await get('/api/supervision/problems?overdue=true')).json().items.map((p: { id: string }) => p.id)).toEqual([problemId])
      expect((await get('/api/supervision/problems', reviewer)).json().total).toBe(1)
      expect((await get('/api/supervision/problems', xihu)).json().total).toBe(0)
      const escalated = await post(`/api/supervision/problems/${problemId}/actions`, { action: 'escalate', meeting: '6月市级协调会', version: 1 }, binjiang)
      expect(escalated.json()).toMatchObject({ status: 'escalated', escalatedOn: '2026-06-12', overdue: true })
      const again = await post(`/api/supervision/problems/${problemId}/actions`, { action: 'escalate', meeting: '再次', version: 2 }, binjiang)
      expect(again.json().code).toBe('INVALID_PROBLEM_ACTION')
      expect((await post(`/api/supervision/problems/${problemId}/actions`, { action: 'reassign', departmentCode: 'finance', deadline: '2026-07-01', version: 2 }, reviewer)).statusCode).toBe(403)
      const resolved = await post(`/api/supervision/problems/${problemId}/actions`, { action: 'resolve', resolution: '已调剂用地指标', version: 2 }, reviewer)
      expect(resolved.statusCode, resolved.body).toBe(200)
      expect(resolved.json()).toMatchObject({ status: 'resolved', resolvedOn: '2026-06-12', overdue: false })
      const events = (await get(`/api/projects/${ids.A}/events?kind=problem`)).json().items
      expect(events.map((e: { field: string }) => e.field).sort()).toEqual(['escalate', 'raised', 'resolve'])
      await setClock('2026-06-01T08:00:00Z')
    })

    it('lets exactly one of two concurrent actions on the same version through', async () => {
      const raised = await post(`/api/supervision/projects/${ids.B}/problems`, { title: '施工许可办理慢', departmentCode: 'natural_resources', deadline: '2026-06-30' }, binjiang)
      const id = raised.json().id
      const [a, b] = await Promise.all([
        post(`/api/supervision/problems/${id}/actions`, { action: 'escalate', meeting: '协调会', version: 1 }, binjiang),
        post(`/api/supervision/problems/${id}/actions`, { action: 'resolve', resolution: '已办结', version: 1 }, city),
      ])
      expect([a.statusCode, b.statusCode].sort()).toEqual([200, 409])
    })
  })

  describe('red and black lists', () => {
    it('ranks districts by pace, start rate, problems and stuck share', async () => {
      const lists = (await get('/api/supervision/red-black?month=2026-05')).json()
      const of = (code: string) => lists.items.find((i: { regionCode: string }) => i.regionCode === code)
      // 滨江: 1 signed ≥1亿 this year of 3 → pace 1 / (3 × 5/12) = 0.8; 1 of 2 signed started = 50%; stuck 1 of 2 = 50% ≥ 30% → black
      expect(of(BINJIANG)).toMatchObject({ signed1: 1, target1: 3, startRate: 0.5, stuck: 1, list: 'black', reasons: ['stuck_share'] })
      // 西湖: 1 of 2 → pace 1.2, start rate 0 → neither
      expect(of(XIHU)).toMatchObject({ signed1: 1, target1: 2, list: null })
      expect((await get('/api/supervision/red-black?month=2026-13')).statusCode).toBe(400)
    })
  })

  describe('the dashboard', () => {
    it('gives the city the year-to-date figures against the targets, each with a drill-down that lists exactly its projects', async () => {
      const response = await get('/api/dashboard?year=2026')
      expect(response.statusCode, response.body).toBe(200)
      const d = response.json()
      expect(d).toMatchObject({ asOf: '2026-06-01', year: 2026, region: null, regionName: '全市' })
      // signed in 2026: B (5亿) and C (120亿); A was signed in 2025
      expect(d.sizeClasses[0]).toMatchObject({ sizeClass: 1, count: 2, target: 5, completion: 0.4 })
      expect(d.sizeClasses[3]).toMatchObject({ sizeClass: 4, count: 1, target: 1, completion: 1 })
      expect(d.ecosystemShare).toMatchObject({ base: 2, count: 1, share: 0.5 })
      expect(d.platformShare).toMatchObject({ base: 2, count: 1 })
      expect(d.startRate).toMatchObject({ signed: 3, started: 1 })
      expect(d.stuck.count).toBe(1)
      expect(d.funnel.find((f: { stage: string }) => f.stage === 'land').count).toBe(1)
      expect(d.matrix.cells.find((c: { region: string; stage: string }) => c.region === XIHU && c.stage === 'signed').count).toBe(1)
      expect(d.monthly.map((m: { month: string; signed: number }) => `${m.month}:${m.signed}`)).toEqual(['2026-01:0', '2026-02:1', '2026-03:0', '2026-04:1', '2026-05:0', '2026-06:0'])

      const drills: Array<[number, Record<string, string>]> = [
        [d.sizeClasses[0].count, d.sizeClasses[0].drill],
        [d.sizeClasses[3].count, d.sizeClasses[3].drill],
        [d.ecosystemShare.count, d.ecosystemShare.drill],
        [d.platformShare.count, d.platformShare.drill],
        [d.startRate.signed, d.startRate.drill],
        [d.startRate.started, d.startRate.startedDrill],
        [d.stuck.count, d.stuck.drill],
        [d.monthly[1].signed, d.monthly[1].signedDrill],
        ...d.funnel.map((f: { count: number; drill: Record<string, string> }) => [f.count, f.drill] as [number, Record<string, string>]),
      ]
      for (const [value, drill] of drills) {
        const list = (await get(`/api/projects?${new URLSearchParams(drill)}`)).json()
        expect(list.total, JSON.stringify(drill)).toBe(value)
      }
    })

    it('gives a district its own dashboard whatever it asks for, and refuses another district', async () => {
      // 到资: 300 on B (滨江) and 500 on C (西湖) in May; the district sees only its own
      for (const [key, amount] of [['B', 300], ['C', 500]] as const) {
        await t.database.pool.query(
          `insert into project_events (tenant_id, id, project_id, kind, occurred_on, at, actor_name, amount) values ($1, $2, $3, 'arrival', '2026-05-20', now(), 'test', $4)`,
          [TEST_TENANT, randomUUID(), ids[key], amount],
        )
      }
      expect((await get('/api/dashboard?year=2026')).json().arrivedYtd).toBe(800)
      const own = (await get('/api/dashboard?year=2026', binjiang)).json()
      expect(own.arrivedYtd).toBe(300)
      expect(own.monthly.find((m: { month: string }) => m.month === '2026-05').arrived).toBe(300)
      expect(own).toMatchObject({ region: BINJIANG, regionName: '滨江区' })
      expect(own.matrix.regions.map((r: { code: string }) => r.code)).toEqual([BINJIANG])
      expect(own.sizeClasses[0]).toMatchObject({ count: 1, target: 3 })
      expect((await get(`/api/dashboard?region=${XIHU}`, binjiang)).statusCode).toBe(403)
      expect((await get('/api/dashboard', reviewer)).statusCode).toBe(403)
    })

    it('writes the monthly report as xlsx', async () => {
      const response = await get('/api/dashboard/monthly-report.xlsx?year=2026')
      expect(response.statusCode).toBe(200)
      const workbook = new ExcelJS.Workbook()
      await workbook.xlsx.load(response.rawPayload as unknown as ArrayBuffer)
      expect(workbook.worksheets.map((w) => w.name)).toEqual(['总览', '区县', '阶段', '区县×阶段', '月度'])
      expect(workbook.getWorksheet('总览')!.getRow(3).getCell(2).value).toBe(2)
    })
  })
})
