import { sql } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestContext, type TestContext } from '../../../test/context.js'
import { tenantDistricts } from '../reference/index.js'
import { chainMapSummaryFresh, refreshChainMapSummary, summaryFigures } from './chain-map-summary.js'
import { mapFigures, type MapFigures } from './chain.repository.js'

const TENANT = '330100'
const extension = { minLinks: 2, limit: 8 }

// float sums differ in the last bits with the order of addition (per district, then over districts)
const comparable = (f: MapFigures) => ({
  segments: [...f.segments]
    .sort((a, b) => a.code.localeCompare(b.code))
    .map((s) => ({ ...s, revenue: Math.round(s.revenue) })),
  totals: { ...f.totals, revenue: Math.round(f.totals.revenue) },
  links: f.links,
})

describe('chain map summary', () => {
  let t: TestContext
  let admin: string
  beforeAll(async () => {
    t = await createTestContext({ demoData: 'tiny' })
    admin = await t.login('admin', 'admin-pass-2026')
  })
  afterAll(() => t?.close())

  const db = () => t.database.db
  const fresh = () => chainMapSummaryFresh(db(), TENANT)
  const rows = async <T>(query: ReturnType<typeof sql>) => (await db().execute(query)).rows as T[]
  const map = async (chain: string, region: string) =>
    (await t.app.inject({ method: 'GET', url: `/api/chain-map?chain=${chain}&region=${region}`, headers: { cookie: admin } })).json()

  it('gives the live figures for every chain, for the city and for each district', async () => {
    const outcome = await refreshChainMapSummary(db(), TENANT, t.clock.now())
    expect(outcome.refreshed).toBe(true)
    expect(outcome.rows).toBeGreaterThan(0)
    expect(await fresh()).toBe(true)
    const districts = (await tenantDistricts(db(), TENANT)).map((d) => d.code)
    const chains = await rows<{ code: string }>(sql`select code from chains where tenant_id = ${TENANT} order by code`)
    let compared = 0
    let nonEmpty = 0
    for (const { code } of chains) {
      const frames = [
        { local: districts, base: { outside: districts } },
        ...districts.map((d) => ({ local: [d], base: { within: districts } })),
      ]
      for (const frame of frames) {
        const live = await mapFigures(db(), TENANT, code, frame.local, frame.base, extension)
        const cached = await summaryFigures(db(), TENANT, code, frame.local, frame.base, extension)
        expect(comparable(cached), `${code} ${frame.local.join(',')}`).toEqual(comparable(live))
        compared++
        if (live.totals.local_n > 0) nonEmpty++
      }
    }
    expect(compared).toBe(chains.length * (districts.length + 1))
    expect(nonEmpty).toBeGreaterThan(chains.length)
  })

  it('is stale after a change that moves the map, not after one that does not, and the map stays exact', async () => {
    await refreshChainMapSummary(db(), TENANT, t.clock.now())
    const [firm] = await rows<{ id: string; chain: string; region: string; segment: string; revenue: number | null }>(sql`
      select e.id::text as id, cs.chain_code as chain, e.region_code as region, es.segment_code as segment, e.revenue
      from enterprise_segments es
      join enterprises e on e.tenant_id = es.tenant_id and e.id = es.enterprise_id
      join chain_segments cs on cs.tenant_id = es.tenant_id and cs.code = es.segment_code
      where es.tenant_id = ${TENANT} and e.status = 'active' and e.region_code in (select code from regions where parent_code = ${TENANT})
      order by e.id limit 1`)
    expect(firm).toBeDefined()
    const before = await map(firm!.chain, firm!.region)
    const segmentBefore = before.segments.find((s: { code: string }) => s.code === firm!.segment)

    await db().execute(sql`update enterprises set address = coalesce(address, '') || ' ' where tenant_id = ${TENANT} and id = ${firm!.id}`)
    expect(await fresh()).toBe(true)

    await db().execute(sql`update enterprises set revenue = coalesce(revenue, 0) + 1000 where tenant_id = ${TENANT} and id = ${firm!.id}`)
    expect(await fresh()).toBe(false)
    const after = await map(firm!.chain, firm!.region)
    const segmentAfter = after.segments.find((s: { code: string }) => s.code === firm!.segment)
    expect(segmentAfter.revenue).toBeCloseTo(segmentBefore.revenue + 1000, 3)

    await refreshChainMapSummary(db(), TENANT, t.clock.now())
    expect(await fresh()).toBe(true)
    expect(await map(firm!.chain, firm!.region)).toEqual(after)

    for (const change of [
      sql`delete from enterprise_relations where tenant_id = ${TENANT} and id = (select id from enterprise_relations where tenant_id = ${TENANT} limit 1)`,
      sql`update enterprise_segments set main = main where tenant_id = ${TENANT} and enterprise_id = ${firm!.id}`,
      sql`update chain_segments set name_zh = name_zh where tenant_id = ${TENANT} and code = ${firm!.segment}`,
    ]) {
      await refreshChainMapSummary(db(), TENANT, t.clock.now())
      await db().execute(change)
      expect(await fresh()).toBe(false)
    }
  })

  it('keeps the marker of a write that commits after the refresh read its snapshot', async () => {
    // two connections at once: PGlite has one backend, so only PostgreSQL can interleave them
    if (t.database.kind !== 'postgres') return
    await refreshChainMapSummary(db(), TENANT, t.clock.now())
    const writer = await t.database.pool.connect()
    try {
      await writer.query('begin')
      await writer.query(`update enterprises set revenue = coalesce(revenue, 0) + 1 where tenant_id = $1 and id = (select id from enterprises where tenant_id = $1 order by id limit 1)`, [TENANT])
      const outcome = await refreshChainMapSummary(db(), TENANT, t.clock.now())
      expect(outcome.refreshed).toBe(true)
      await writer.query('commit')
    } finally {
      writer.release()
    }
    expect(await fresh()).toBe(false)
  })

  it('lets one refresh run at a time per tenant', async () => {
    const outcomes = await Promise.all([
      refreshChainMapSummary(db(), TENANT, t.clock.now()),
      refreshChainMapSummary(db(), TENANT, t.clock.now()),
    ])
    // PGlite queues the second transaction behind the first, so both run; PostgreSQL skips the second
    expect(outcomes.filter((o) => o.refreshed).length).toBeGreaterThanOrEqual(1)
    expect(await fresh()).toBe(true)
  })
})
