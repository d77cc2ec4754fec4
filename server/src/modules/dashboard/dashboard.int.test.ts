import { sql } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { cityScope, createTestContext, type TestContext } from '../../../test/context.js'
import { TEST_TENANT } from '../../../test/database.js'
import { chinaDay, getSettings } from '../projects/index.js'
import * as repo from './dashboard.repository.js'
import { assembleDashboard, cubeFromCells, monthlyFromCells } from './dashboard.rules.js'

// The dashboard reads cells kept in every write (migration 0016). These tests hold them equal to the projects and
// events they summarise after every kind of write, and the dashboard built from them equal to the live one.

describe('the dashboard cells', () => {
  let t: TestContext
  let districts: string[]
  beforeAll(async () => {
    t = await createTestContext({ demoData: 'tiny' })
    districts = (await repo.districts(t.database.db, TEST_TENANT)).map((d) => d.code)
  })
  afterAll(() => t?.close())
  const db = () => t.database.db
  const exec = (query: ReturnType<typeof sql>) => db().execute(query)
  const rows = async <T>(query: ReturnType<typeof sql>) => (await exec(query)).rows as T[]

  /** Cells that differ from a recount over the projects and events (none when the cells are exact). */
  async function drift() {
    const stage = await rows(sql`
      select * from (select region_code, stage, ecosystem_code, projects, investment from dashboard_stage_cells
                     where tenant_id = ${TEST_TENANT} and (projects <> 0 or investment <> 0)) a
      full join (select region_code, stage, coalesce(ecosystem_code, '') as ecosystem_code, count(*)::int as projects,
                   sum(total_investment::numeric) as investment
                 from projects where tenant_id = ${TEST_TENANT} group by 1, 2, 3) b using (region_code, stage, ecosystem_code)
      where a.projects is distinct from b.projects or a.investment is distinct from b.investment`)
    const month = await rows(sql`
      select * from (select measure, month, region_code, ecosystem_code, size_class, on_platform, n, amount from dashboard_month_cells
                     where tenant_id = ${TEST_TENANT} and (n <> 0 or amount <> 0)) a
      full join (
        select 'signed' as measure, date_trunc('month', signed_on)::date as month, region_code, coalesce(ecosystem_code, '') as ecosystem_code,
          size_class, platform_code is not null as on_platform, count(*)::int as n, sum(total_investment::numeric) as amount
        from projects where tenant_id = ${TEST_TENANT} and signed_on is not null group by 1, 2, 3, 4, 5, 6
        union all
        select 'started', date_trunc('month', started_on)::date, region_code, coalesce(ecosystem_code, ''), size_class, platform_code is not null,
          count(*)::int, sum(total_investment::numeric)
        from projects where tenant_id = ${TEST_TENANT} and started_on is not null group by 1, 2, 3, 4, 5, 6
        union all
        select 'arrival', date_trunc('month', e.occurred_on)::date, p.region_code, '', 0::smallint, false, count(*)::int, sum(coalesce(e.amount, 0)::numeric)
        from project_events e join projects p on p.tenant_id = e.tenant_id and p.id = e.project_id
        where e.tenant_id = ${TEST_TENANT} and e.kind = 'arrival' group by 1, 2, 3, 4
      ) b using (measure, month, region_code, ecosystem_code, size_class, on_platform)
      where a.n is distinct from b.n or a.amount is distinct from b.amount`)
    return [...stage, ...month]
  }

  /** The dashboard of a region from the cells and from the live statements, as plain data to compare. */
  async function bothWays(region: string | null) {
    const asOf = chinaDay(t.clock.now())
    const period = { yearStart: `${asOf.slice(0, 4)}-01-01`, until: asOf }
    const settings = await getSettings(db(), TEST_TENANT)
    const [all, ecosystems, targets, stuck, problems] = await Promise.all([
      repo.districts(db(), TEST_TENANT),
      repo.ecosystems(db()),
      repo.targetsOf(db(), TEST_TENANT, Number(asOf.slice(0, 4))),
      repo.stuckCounts(db(), TEST_TENANT, region),
      repo.problemCounts(db(), TEST_TENANT, region, asOf),
    ])
    const common = { asOf, year: Number(asOf.slice(0, 4)), region, regionName: region ?? '全市', period, stages: settings.stages, districts: all, ecosystems, targets, stuck, problems }
    const monthCells = await repo.monthCells(db(), TEST_TENANT, region, period)
    const fromCells = assembleDashboard({
      ...common,
      cube: cubeFromCells(await repo.stageCells(db(), TEST_TENANT, region), monthCells),
      ...monthlyFromCells(monthCells, period),
    })
    const live = assembleDashboard({
      ...common,
      cube: await repo.liveProjectCube(db(), TEST_TENANT, region, period),
      monthly: await repo.liveMonthlyProjects(db(), TEST_TENANT, region, period),
      arrivals: await repo.liveMonthlyArrivals(db(), TEST_TENANT, region, period),
    })
    // money is summed in numeric in the cells and in float8 live: equal to the cent
    const cents = (value: unknown): unknown =>
      typeof value === 'number' ? Math.round(value * 100) / 100 : Array.isArray(value) ? value.map(cents) : value && typeof value === 'object' ? Object.fromEntries(Object.entries(value).map(([k, v]) => [k, cents(v)])) : value
    return { fromCells: cents(fromCells), live: cents(live) }
  }

  async function expectExact() {
    expect(await drift()).toEqual([])
    for (const region of [null, ...districts]) {
      const { fromCells, live } = await bothWays(region)
      expect(fromCells, region ?? 'city').toEqual(live)
    }
  }

  it('hold the generated projects and arrivals, and the dashboard from them equals the live one for the city and every district', async () => {
    const [counts] = await rows<{ projects: number; arrivals: number }>(sql`
      select (select count(*)::int from projects where tenant_id = ${TEST_TENANT}) as projects,
             (select count(*)::int from project_events where tenant_id = ${TEST_TENANT} and kind = 'arrival') as arrivals`)
    expect(counts!.projects).toBeGreaterThan(50)
    expect(counts!.arrivals).toBeGreaterThan(0)
    await expectExact()
  })

  it('stay exact through every kind of write: stage, dates, money, district, platform, arrivals, dates ahead, deletes', async () => {
    const some = async (n: number, where = sql`true`) =>
      (await rows<{ id: string }>(sql`select id from projects where tenant_id = ${TEST_TENANT} and ${where} order by id limit ${n}`)).map((r) => r.id)
    const signed = await some(6, sql`signed_on is not null`)
    const today = chinaDay(t.clock.now())
    const writes = [
      // a stage and a start
      sql`update projects set stage = 'started', started_on = ${today}::date where tenant_id = ${TEST_TENANT} and id = ${signed[0]!}`,
      // several rows in one statement, some moving cells and some not
      sql`update projects set total_investment = total_investment * 1.5 + 0.01, name = name || '·' where tenant_id = ${TEST_TENANT} and id in (select id from projects where tenant_id = ${TEST_TENANT} order by id limit 7)`,
      sql`update projects set region_code = ${districts[0]!} where tenant_id = ${TEST_TENANT} and id = ${signed[1]!}`,
      sql`update projects set platform_code = null, ecosystem_code = null, size_class = 4 where tenant_id = ${TEST_TENANT} and id = ${signed[2]!}`,
      // a signing dated later this month (entered ahead): not in the year to date until that day
      sql`update projects set signed_on = (date_trunc('month', ${today}::date) + interval '1 month - 1 day')::date where tenant_id = ${TEST_TENANT} and id = ${signed[3]!}`,
      sql`insert into project_events (tenant_id, id, project_id, kind, occurred_on, at, actor_name, amount)
          values (${TEST_TENANT}, gen_random_uuid(), ${signed[4]!}, 'arrival', ${today}::date, now(), 'test', 1234.56),
                 (${TEST_TENANT}, gen_random_uuid(), ${signed[4]!}, 'arrival', (${today}::date - 40), now(), 'test', 100)`,
      sql`update project_events set amount = amount + 1 where tenant_id = ${TEST_TENANT} and kind = 'arrival' and id in (
            select id from project_events where tenant_id = ${TEST_TENANT} and kind = 'arrival' order by id limit 3)`,
      sql`delete from project_events where tenant_id = ${TEST_TENANT} and id = (select id from project_events where tenant_id = ${TEST_TENANT} and kind = 'arrival' order by id desc limit 1)`,
      // a project with arrivals leaves (and with it its arrivals); a new one comes, then its district changes
      sql`delete from projects where tenant_id = ${TEST_TENANT} and id = ${signed[5]!}`,
      sql`insert into projects (tenant_id, id, name, investor_name, type, total_investment, region_code, size_class, stage, stage_entered_on, signed_on, created_at, created_by, updated_at)
          values (${TEST_TENANT}, '00000000-0000-4000-8000-00000000d001', '新项目', '投资方', 'manufacturing', 25000, ${districts[1]!}, 1, 'signed', ${today}::date, ${today}::date, now(), 'test', now())`,
      sql`insert into project_events (tenant_id, id, project_id, kind, occurred_on, at, actor_name, amount)
          values (${TEST_TENANT}, gen_random_uuid(), '00000000-0000-4000-8000-00000000d001', 'arrival', ${today}::date, now(), 'test', 500)`,
      sql`update projects set region_code = ${districts[2]!} where tenant_id = ${TEST_TENANT} and id = '00000000-0000-4000-8000-00000000d001'`,
    ]
    for (const write of writes) {
      await exec(write)
      expect(await drift()).toEqual([])
    }
    await expectExact()
  })

  it('roll back with the transaction that wrote them', async () => {
    const before = await rows(sql`select * from dashboard_stage_cells where tenant_id = ${TEST_TENANT} order by 1, 2, 3, 4`)
    await expect(
      db().transaction(async (tx) => {
        await tx.execute(sql`update projects set stage = 'produced' where tenant_id = ${TEST_TENANT}`)
        throw new Error('abandon')
      }),
    ).rejects.toThrow('abandon')
    expect(await rows(sql`select * from dashboard_stage_cells where tenant_id = ${TEST_TENANT} order by 1, 2, 3, 4`)).toEqual(before)
  })

  it('count every one of many concurrent transitions in the same district and stage', async () => {
    const user = await t.newUser('city_admin', cityScope)
    const { rows: leads } = await t.database.pool.query<{ id: string; version: number }>(
      `select id, version from projects where tenant_id = $1 and stage = 'lead' and responsible <> '[]'::jsonb order by id limit 6`,
      [TEST_TENANT],
    )
    expect(leads.length).toBeGreaterThan(1)
    const responses = await Promise.all(
      leads.map((p) =>
        t.app.inject({ method: 'POST', url: `/api/projects/${p.id}/transition`, headers: { cookie: user.cookie }, payload: { toStage: 'contact', version: p.version } }),
      ),
    )
    expect(responses.map((r) => r.statusCode)).toEqual(leads.map(() => 200))
    await expectExact()
  })
})
