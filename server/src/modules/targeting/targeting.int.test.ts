import { sql } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestContext, type TestContext } from '../../../test/context.js'
import { tenantDistricts } from '../reference/index.js'
import { reachPaths } from './targeting.paths.js'
import { rankCandidates, type RankInput } from './targeting.ranking.js'

const TENANT = '330100'
const BINJIANG = '330108'

// the tiny demo dataset comes with its event history (generator/events.ts, loaded by loadDataset)
describe('target discovery engine on the tiny dataset', () => {
  let t: TestContext
  let city: string[]
  let chain: string
  beforeAll(async () => {
    t = await createTestContext({ demoData: 'tiny' })
    city = (await tenantDistricts(t.database.db, TENANT)).map((d) => d.code)
    // the chain with the most firms outside Binjiang that sell to Binjiang
    const busiest = await t.database.db.execute<{ chain_code: string }>(sql`
      select cs.chain_code from enterprise_relations r
      join enterprises buyer on buyer.tenant_id = r.tenant_id and buyer.id = r.to_id and buyer.region_code = ${BINJIANG}
      join enterprises seller on seller.tenant_id = r.tenant_id and seller.id = r.from_id and seller.region_code <> ${BINJIANG}
      join enterprise_segments s on s.tenant_id = r.tenant_id and s.enterprise_id = seller.id and s.main
      join chain_segments cs on cs.tenant_id = s.tenant_id and cs.code = s.segment_code
      where r.tenant_id = ${TENANT} and r.kind = 'supplier'
      group by cs.chain_code order by count(*) desc, cs.chain_code limit 1`)
    chain = busiest.rows[0]!.chain_code
  })
  afterAll(() => t?.close())

  const input = (overrides: Partial<RankInput> = {}): RankInput => ({
    tenantId: TENANT,
    chainCode: chain,
    regionCodes: [BINJIANG],
    cityCodes: city,
    asOf: '2026-03-31',
    windowDays: 730,
    contactIds: [],
    gapOf: new Map(),
    layout: 'core',
    ...overrides,
  })

  it('ranks firms of the chain outside the region, best score first', async () => {
    const ranked = await rankCandidates(t.database.db, input())
    expect(ranked.length).toBeGreaterThan(0)
    expect(ranked.every((c) => c.row.region_code !== BINJIANG)).toBe(true)
    for (let k = 1; k < ranked.length; k++) expect(ranked[k - 1]!.score).toBeGreaterThanOrEqual(ranked[k]!.score)
  })

  it('counts each candidate’s customers in the region as the relations say', async () => {
    const ranked = await rankCandidates(t.database.db, input())
    const seller = ranked.find((c) => c.row.customers > 0)!
    expect(seller).toBeDefined()
    const direct = await t.database.db.execute<{ n: number }>(sql`
      select count(*)::int as n from enterprise_relations r join enterprises b on b.tenant_id = r.tenant_id and b.id = r.to_id
      where r.tenant_id = ${TENANT} and r.kind = 'supplier' and r.from_id = ${seller.row.id} and b.region_code = ${BINJIANG}`)
    expect(seller.row.customers).toBe(direct.rows[0]!.n)
    expect(seller.factors.customers).toBeGreaterThan(0)
  })

  it('leaves out firms that already expanded into the region before the as-of day', async () => {
    const expanded = await t.database.db.execute<{ enterprise_id: string; occurred_on: string }>(sql`
      select enterprise_id, occurred_on::text from enterprise_events
      where tenant_id = ${TENANT} and kind = 'expansion' and region_code = ${BINJIANG} order by occurred_on limit 1`)
    if (expanded.rows.length === 0) return
    const { enterprise_id: id, occurred_on: day } = expanded.rows[0]!
    const chainOf = await t.database.db.execute<{ chain_code: string }>(sql`
      select cs.chain_code from enterprise_segments s join chain_segments cs on cs.tenant_id = s.tenant_id and cs.code = s.segment_code
      where s.tenant_id = ${TENANT} and s.enterprise_id = ${id} and s.main`)
    const own = chainOf.rows[0]?.chain_code
    if (!own) return
    const before = await rankCandidates(t.database.db, input({ chainCode: own, asOf: day }))
    const after = await rankCandidates(t.database.db, input({ chainCode: own, asOf: '2026-04-01' }))
    expect(after.some((c) => c.row.id === id)).toBe(false)
    expect(before.some((c) => c.row.id === id)).toBe(true)
  })

  it('finds a reach path from a firm that supplies a local chain leader, in words', async () => {
    const row = await t.database.db.execute<{ id: string; leader: string }>(sql`
      select r.from_id as id, l.name as leader from enterprise_relations r
      join enterprises l on l.tenant_id = r.tenant_id and l.id = r.to_id and l.chain_leader and l.region_code like '3301%'
      join enterprises s on s.tenant_id = r.tenant_id and s.id = r.from_id and s.region_code not like '3301%'
      where r.tenant_id = ${TENANT} and r.kind = 'supplier' order by r.from_id limit 1`)
    const { id, leader } = row.rows[0]!
    const paths = await reachPaths(t.database.db, { tenantId: TENANT, candidateId: id, cityCodes: city, contactIds: [] })
    expect(paths.length).toBeGreaterThan(0)
    const shortest = paths[0]!
    expect(shortest.steps).toHaveLength(1)
    expect(shortest.nodes.at(-1)!.asset).not.toBeNull()
    expect(paths.some((p) => p.nodes.at(-1)!.name === leader && p.steps[0]!.textZh.includes(`的供应商`))).toBe(true)
  })

  it('treats an earlier contact as an asset', async () => {
    const pair = await t.database.db.execute<{ a: string; b: string }>(sql`
      select r.from_id as a, r.to_id as b from enterprise_relations r
      join enterprises x on x.tenant_id = r.tenant_id and x.id = r.from_id and x.region_code not like '3301%'
      join enterprises y on y.tenant_id = r.tenant_id and y.id = r.to_id and y.region_code not like '3301%'
      where r.tenant_id = ${TENANT} order by r.id limit 1`)
    const { a, b } = pair.rows[0]!
    const paths = await reachPaths(t.database.db, { tenantId: TENANT, candidateId: a, cityCodes: city, contactIds: [b], maxHops: 1, maxPaths: 50 })
    expect(paths.map((p) => p.nodes.at(-1))).toContainEqual(expect.objectContaining({ id: b, asset: 'contact' }))
  })

  it('treats a 乡贤 firm (outside the city, founder from one of its districts) as an asset: reached directly, and through it', async () => {
    const hometown = await t.database.db.execute<{ id: string; name: string; origin: string }>(sql`
      select id::text as id, name, founder_origin_code as origin from enterprises
      where tenant_id = ${TENANT} and founder_origin_code like '3301%' and region_code not like '3301%' and status = 'active'
      order by id limit 1`)
    expect(hometown.rows.length).toBe(1)
    const firm = hometown.rows[0]!
    const own = await reachPaths(t.database.db, { tenantId: TENANT, candidateId: firm.id, cityCodes: city, contactIds: [] })
    expect(own[0]).toMatchObject({ steps: [], nodes: [{ id: firm.id, asset: 'hometown' }] })
    // a partner of it that is no asset itself reaches the city through the 乡贤 firm
    const partner = await t.database.db.execute<{ id: string }>(sql`
      select case when r.from_id = ${firm.id} then r.to_id else r.from_id end::text as id from enterprise_relations r
      join enterprises o on o.tenant_id = r.tenant_id and o.id = case when r.from_id = ${firm.id} then r.to_id else r.from_id end
      where r.tenant_id = ${TENANT} and (r.from_id = ${firm.id} or r.to_id = ${firm.id})
        and o.region_code not like '3301%' and o.founder_origin_code is null
      limit 1`)
    if (partner.rows.length === 0) return
    const through = await reachPaths(t.database.db, { tenantId: TENANT, candidateId: partner.rows[0]!.id, cityCodes: city, contactIds: [], maxPaths: 50 })
    expect(through.some((p) => p.steps.length === 1 && p.nodes.at(-1)!.id === firm.id && p.nodes.at(-1)!.asset === 'hometown')).toBe(true)
  })
})
