import { sql } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestContext, type TestContext } from '../../../test/context.js'
import { tenantDistricts } from '../reference/index.js'
import { refreshTargetingFacts, targetingFactsFresh } from './targeting.facts.js'
import { rankingSql, scoreCandidates } from './targeting.ranking.js'
import { candidateFacts, rankedCandidates, type CandidateQuery, type CandidateRow } from './targeting.repository.js'

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

  it('rank in the database exactly as the rules rank in the server: order, page, one firm’s rank, counts', async () => {
    await refreshTargetingFacts(db(), TENANT, t.clock.now())
    const chains = await rows<{ code: string }>(sql`select code from chains where tenant_id = ${TENANT} order by code`)
    const labels = ['missing', 'weak', 'extension', 'strong'] as const
    let compared = 0
    for (const [k, { code }] of chains.entries()) {
      const segments = await rows<{ code: string }>(sql`select code from chain_segments where tenant_id = ${TENANT} and chain_code = ${code} order by code`)
      // every gap label and a non-default weight set, so that each factor moves the order
      const scoring = {
        gapOf: new Map(segments.map((s, i) => [s.code, labels[(i + k) % labels.length]!])),
        layout: (['core', 'cooperating', null] as const)[k % 3]!,
        weights: { gap: 0.7, scale: 1.1, signals: 1.9, customers: 2.4, suppliers: 1.3, layout: 0.5, reach: 0.6 },
        intercept: -6,
      }
      for (const regionCodes of [['330108'], city]) {
        const query: CandidateQuery = { tenantId: TENANT, chainCode: code, regionCodes, cityCodes: city, asOf: '2026-03-31', windowDays: 730, contactIds: [] }
        const expected = scoreCandidates(await candidateFacts(db(), query, 'live'), scoring)
        for (const source of ['live', 'precomputed'] as const) {
          const all = await rankedCandidates(db(), query, source, rankingSql(scoring), { offset: 0, limit: 100_000 })
          expect(all.items.map((r) => r.id), `${code} ${regionCodes.length} ${source}`).toEqual(expected.map((c) => c.row.id))
          expect(all.items.map((r) => r.rank)).toEqual(expected.map((_, i) => i + 1))
          expect(all.total).toBe(expected.length)
          const perSegment: Record<string, number> = {}
          for (const c of expected) perSegment[c.row.segment_code] = (perSegment[c.row.segment_code] ?? 0) + 1
          expect(all.perSegment).toEqual(perSegment)
          if (expected.length < 3) continue
          const page = await rankedCandidates(db(), query, source, rankingSql(scoring), { offset: 1, limit: 2 })
          expect(page.items.map((r) => [r.id, r.rank])).toEqual([[expected[1]!.row.id, 2], [expected[2]!.row.id, 3]])
          const last = expected.length - 1
          const one = await rankedCandidates(db(), query, source, rankingSql(scoring), { enterpriseId: expected[last]!.row.id })
          expect(one.items.map((r) => r.rank)).toEqual([last + 1])
          compared += expected.length
        }
      }
    }
    expect(compared).toBeGreaterThan(100)
    const stranger = await rankedCandidates(db(), { tenantId: TENANT, chainCode: chains[0]!.code, regionCodes: city, cityCodes: city, asOf: '2026-03-31', windowDays: 730, contactIds: [] }, 'precomputed', rankingSql({ gapOf: new Map(), layout: null }), { enterpriseId: '00000000-0000-4000-8000-000000000000' })
    expect(stranger.items).toEqual([])
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
    // the candidate base: revenue, a main segment, the chain tree
    for (const change of [
      sql`update enterprises set revenue = coalesce(revenue, 0) + 1 where tenant_id = ${TENANT} and id = (select id from enterprises where tenant_id = ${TENANT} order by id limit 1)`,
      sql`update enterprise_segments set main = main where tenant_id = ${TENANT} and enterprise_id = (select enterprise_id from enterprise_segments where tenant_id = ${TENANT} order by enterprise_id limit 1)`,
      sql`update chain_segments set name_zh = name_zh where tenant_id = ${TENANT} and code = (select code from chain_segments where tenant_id = ${TENANT} order by code limit 1)`,
    ]) {
      await refreshTargetingFacts(db(), TENANT, t.clock.now())
      expect(await targetingFactsFresh(db(), TENANT)).toBe(true)
      await db().execute(change)
      expect(await targetingFactsFresh(db(), TENANT)).toBe(false)
    }
  })
})
