import { sql } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestContext, type TestContext } from '../../../test/context.js'
import { tenantDistricts } from '../reference/index.js'
import { refreshTargetingFacts, targetingFactsFresh } from './targeting.facts.js'
import { candidateFacts, type CandidateQuery, type CandidateRow } from './targeting.repository.js'

const TENANT = '330100'
const byId = (rows: CandidateRow[]) =>
  [...rows].sort((a, b) => (a.id < b.id ? -1 : 1)).map((r) => ({ ...r, financing: Number(r.financing), new_branches: Number(r.new_branches), capacity: Number(r.capacity) }))

describe('precomputed target discovery facts', () => {
  let t: TestContext
  let city: string[]
  beforeAll(async () => {
    t = await createTestContext({ demoData: 'tiny' })
    city = (await tenantDistricts(t.database.db, TENANT)).map((d) => d.code)
  })
  afterAll(() => t?.close())
  const db = () => t.database.db
  const rows = async <T>(query: ReturnType<typeof sql>) => (await db().execute(query)).rows as T[]

  it('give the same candidates and facts as walking the relations, for every chain, a district and the city, with contacts', async () => {
    const outcome = await refreshTargetingFacts(db(), TENANT, t.clock.now())
    expect(outcome.refreshed).toBe(true)
    expect(outcome.rows).toBeGreaterThan(0)
    expect(await targetingFactsFresh(db(), TENANT)).toBe(true)
    const chains = await rows<{ code: string }>(sql`select code from chains where tenant_id = ${TENANT} order by code`)
    // two firms outside the city as earlier contacts, so the contact walk is exercised
    const contacts = (await rows<{ id: string }>(sql`
      select id::text as id from enterprises where tenant_id = ${TENANT} and not (region_code like '3301%') order by id limit 2`)).map((r) => r.id)
    let withDistance = 0
    let withTrade = 0
    for (const { code } of chains) {
      for (const regionCodes of [['330108'], city]) {
        const query: CandidateQuery = { tenantId: TENANT, chainCode: code, regionCodes, cityCodes: city, asOf: '2026-03-31', windowDays: 730, contactIds: contacts }
        const live = await candidateFacts(db(), query, 'live')
        const precomputed = await candidateFacts(db(), query, 'precomputed')
        expect(byId(precomputed), `${code} ${regionCodes.length}`).toEqual(byId(live))
        withDistance += live.filter((r) => r.distance !== null).length
        withTrade += live.filter((r) => r.customers + r.suppliers > 0).length
      }
    }
    expect(withDistance).toBeGreaterThan(0)
    expect(withTrade).toBeGreaterThan(0)
  })

  it('are stale after a relation or an asset changes, not after a rename', async () => {
    await refreshTargetingFacts(db(), TENANT, t.clock.now())
    await db().execute(sql`update enterprises set name = name where tenant_id = ${TENANT} and id = (select id from enterprises where tenant_id = ${TENANT} order by id limit 1)`)
    expect(await targetingFactsFresh(db(), TENANT)).toBe(true)
    await db().execute(sql`update enterprises set chain_leader = not chain_leader where tenant_id = ${TENANT} and id = (select id from enterprises where tenant_id = ${TENANT} order by id limit 1)`)
    expect(await targetingFactsFresh(db(), TENANT)).toBe(false)
    await refreshTargetingFacts(db(), TENANT, t.clock.now())
    await db().execute(sql`delete from enterprise_relations where tenant_id = ${TENANT} and id = (select id from enterprise_relations where tenant_id = ${TENANT} order by id limit 1)`)
    expect(await targetingFactsFresh(db(), TENANT)).toBe(false)
  })
})
