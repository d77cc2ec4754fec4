import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { cityScope, createTestContext, type TestContext } from '../../../test/context.js'
import { TEST_TENANT } from '../../../test/database.js'
import { loadLeads } from '../../generator/leads.js'

// The demo leads of the generator (server/src/generator/leads.ts) on the tiny dataset keep the registry's rules.
describe('demo leads, reports and rights', () => {
  let t: TestContext
  beforeAll(async () => {
    t = await createTestContext({ demoData: 'tiny' })
  }, 120_000)
  afterAll(() => t?.close())

  it('loads leads in every district, reports and rights without two holders for one firm or group, and again idempotently', async () => {
    // bootstrap loaded the tiny dataset, leads included (generator/load.ts)
    const counted = await t.database.pool.query(
      `select (select count(*)::int from leads) as leads, (select count(*)::int from lead_reports) as "leadReports", (select count(*)::int from first_talk_rights) as "firstTalkRights"`,
    )
    const first = counted.rows[0] as { leads: number; leadReports: number; firstTalkRights: number }
    expect(first.leads).toBeGreaterThan(20)
    expect(first.leadReports).toBeGreaterThan(0)
    expect(first.firstTalkRights).toBeGreaterThan(0)
    const again = await loadLeads(t.database, { tenantId: TEST_TENANT, now: t.clock.now() })
    expect(again).toMatchObject({ leads: 0, leadReports: 0, firstTalkRights: 0 })
    const { rows } = await t.database.pool.query(
      `select (select count(distinct region_code)::int from leads) as districts,
              (select count(*)::int from (select group_key from first_talk_rights where status = 'active' group by group_key having count(*) > 1) x) as shared_groups,
              (select count(*)::int from lead_reports p join leads l on l.id = p.lead_id where p.region_code <> l.region_code) as foreign_reports`,
    )
    expect(rows[0]).toMatchObject({ shared_groups: 0, foreign_reports: 0 })
    expect(rows[0].districts).toBeGreaterThanOrEqual(10)
    const city = (await t.newUser('city_staff', cityScope)).cookie
    const funnel = (await t.app.inject({ method: 'GET', url: '/api/leads/funnel', headers: { cookie: city } })).json()
    expect(funnel.total).toMatchObject({ leads: first.leads, reported: first.leadReports, granted: first.firstTalkRights })
    const rights = (await t.app.inject({ method: 'GET', url: '/api/registry/rights?status=active', headers: { cookie: city } })).json()
    expect(rights.total).toBe(first.firstTalkRights)
  })
})
