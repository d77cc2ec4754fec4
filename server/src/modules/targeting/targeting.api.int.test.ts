import { randomUUID } from 'node:crypto'
import { sql } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { CandidatesResponse, PathsResponse, WeightsSet } from '../../../../common/src/api/targeting.js'
import { cityScope, createTestContext, district, type TestContext } from '../../../test/context.js'
import { tenantDistricts } from '../reference/index.js'
import { DEFAULT_WEIGHTS } from './targeting.rules.js'

const TENANT = '330100'
const CITY = '330100'
const BINJIANG = '330108'

describe('target discovery API', () => {
  let t: TestContext
  let chain: string
  let other: string
  let admin: string
  let staff: string
  let binjiangStaff: string
  let enterpriseUser: string
  const get = async (url: string, cookie: string) => t.app.inject({ method: 'GET', url, headers: { cookie } })
  const candidates = async (cookie: string, query: string) => get(`/api/targeting/candidates?${query}`, cookie)

  beforeAll(async () => {
    t = await createTestContext({ demoData: 'tiny' })
    t.clock.set(new Date('2026-04-01T08:00:00Z'))
    const districts = (await tenantDistricts(t.database.db, TENANT)).map((d) => d.code)
    other = districts.find((d) => d !== BINJIANG)!
    const busiest = await t.database.db.execute<{ chain_code: string }>(sql`
      select cs.chain_code from enterprise_relations r
      join enterprises buyer on buyer.tenant_id = r.tenant_id and buyer.id = r.to_id and buyer.region_code = ${BINJIANG}
      join enterprises seller on seller.tenant_id = r.tenant_id and seller.id = r.from_id and seller.region_code <> ${BINJIANG}
      join enterprise_segments s on s.tenant_id = r.tenant_id and s.enterprise_id = seller.id and s.main
      join chain_segments cs on cs.tenant_id = s.tenant_id and cs.code = s.segment_code
      where r.tenant_id = ${TENANT} and r.kind = 'supplier'
      group by cs.chain_code order by count(*) desc, cs.chain_code limit 1`)
    chain = busiest.rows[0]!.chain_code
    admin = (await t.newUser('city_admin', cityScope)).cookie
    staff = (await t.newUser('city_staff', cityScope)).cookie
    binjiangStaff = (await t.newUser('district_staff', district(BINJIANG))).cookie
    enterpriseUser = (await t.newUser('enterprise', { type: 'enterprise', id: randomUUID() })).cookie
  })
  afterAll(() => t?.close())

  it('ranks the chain’s candidates outside the region with the gap summary, layout fit and weights', async () => {
    const response = await candidates(staff, `region=${BINJIANG}&chain=${chain}&limit=20`)
    expect(response.statusCode).toBe(200)
    const body = response.json() as CandidatesResponse
    expect(body.region).toMatchObject({ code: BINJIANG, level: 'district' })
    expect(body.asOf).toBe('2026-04-01')
    expect(body.windowDays).toBe(730)
    expect(body.gaps.segments.length).toBeGreaterThan(0)
    const counted = Object.values(body.gaps.counts).reduce((a, b) => a + b, 0)
    expect(counted).toBe(body.gaps.segments.length)
    expect(body.gaps.segments.reduce((a, s) => a + s.candidates, 0)).toBe(body.total)
    expect(['core', 'cooperating', null]).toContain(body.layout.role)
    expect(body.weights).toMatchObject({ isDefault: true, version: 0, weights: DEFAULT_WEIGHTS })
    expect(body.items.length).toBe(Math.min(20, body.total))
    expect(body.items.map((c) => c.rank)).toEqual(body.items.map((_, k) => k + 1))
    for (const c of body.items) {
      expect(c.regionCode).not.toBe(BINJIANG)
      expect(c.regionName.length).toBeGreaterThan(0)
      expect(body.gaps.segments.find((s) => s.code === c.segmentCode)?.gap).toBe(c.gap)
      expect(Object.keys(c.factors).sort()).toEqual(Object.keys(DEFAULT_WEIGHTS).sort())
      // the contributions are weight × factor, and the score is the logistic of their sum
      for (const [k, w] of Object.entries(DEFAULT_WEIGHTS)) expect(c.contributions[k as keyof typeof DEFAULT_WEIGHTS]).toBeCloseTo(w * c.factors[k as keyof typeof DEFAULT_WEIGHTS], 2)
      const z = -7 + Object.values(c.contributions).reduce((a, b) => a + b, 0)
      expect(c.score).toBeCloseTo(100 / (1 + Math.exp(-z)), 1)
    }
    for (let k = 1; k < body.items.length; k++) expect(body.items[k - 1]!.score).toBeGreaterThanOrEqual(body.items[k]!.score)
    // the firm with the most customers in the region is near the top: 以商引商 weighs most
    expect(body.items[0]!.facts.customersInRegion + body.items[0]!.facts.suppliersInRegion).toBeGreaterThan(0)
  })

  it('pages with limit and offset over the same order', async () => {
    const all = (await candidates(staff, `region=${BINJIANG}&chain=${chain}&limit=10`)).json() as CandidatesResponse
    const page = (await candidates(staff, `region=${BINJIANG}&chain=${chain}&limit=3&offset=4`)).json() as CandidatesResponse
    expect(page.total).toBe(all.total)
    expect(page.items.map((c) => c.enterpriseId)).toEqual(all.items.slice(4, 7).map((c) => c.enterpriseId))
    expect(page.items[0]!.rank).toBe(5)
  })

  it('ranks for the whole city from firms outside the city', async () => {
    const response = await candidates(staff, `region=${CITY}&chain=${chain}&limit=50`)
    expect(response.statusCode).toBe(200)
    const body = response.json() as CandidatesResponse
    expect(body.region.level).toBe('city')
    expect(body.items.every((c) => !c.regionCode.startsWith('3301'))).toBe(true)
  })

  it('refuses bad input with codes and field paths, never 500', async () => {
    const notHere = await candidates(staff, `region=110101&chain=${chain}`)
    expect(notHere.statusCode).toBe(400)
    expect(notHere.json()).toMatchObject({ code: 'REGION_NOT_FOUND', fields: [{ path: 'region' }] })
    const malformed = await candidates(staff, `region=abc&chain=${chain}&limit=0`)
    expect(malformed.statusCode).toBe(400)
    expect(malformed.json().code).toBe('VALIDATION_FAILED')
    expect(malformed.json().fields.map((f: { path: string }) => f.path).sort()).toEqual(['querystring.limit', 'querystring.region'])
    const noChain = await candidates(staff, `region=${BINJIANG}&chain=no-such-chain`)
    expect(noChain.statusCode).toBe(404)
    expect(noChain.json().code).toBe('CHAIN_NOT_FOUND')
  })

  it('lets district staff rank for their own district and the city, not another district', async () => {
    expect((await candidates(binjiangStaff, `region=${BINJIANG}&chain=${chain}&limit=1`)).statusCode).toBe(200)
    expect((await candidates(binjiangStaff, `region=${CITY}&chain=${chain}&limit=1`)).statusCode).toBe(200)
    const refused = await candidates(binjiangStaff, `region=${other}&chain=${chain}&limit=1`)
    expect(refused.statusCode).toBe(403)
    expect(refused.json().code).toBe('OUT_OF_SCOPE')
    const paths = await get(`/api/targeting/candidates/${randomUUID()}/paths?region=${other}`, binjiangStaff)
    expect(paths.statusCode).toBe(403)
    expect((await candidates(enterpriseUser, `region=${CITY}&chain=${chain}`)).statusCode).toBe(403)
  })

  it('counts the region’s contacts as assets: a contacted firm’s partner comes one hop closer', async () => {
    const before = (await candidates(staff, `region=${BINJIANG}&chain=${chain}&limit=200`)).json() as CandidatesResponse
    // a candidate far from every asset that has a partner, entered as a Binjiang target in contact
    const farIds = before.items.filter((c) => c.facts.assetDistance === null).map((c) => c.enterpriseId)
    expect(farIds.length).toBeGreaterThan(0)
    const list = sql.join(farIds.map((id) => sql`${id}::uuid`), sql`, `)
    const partner = await t.database.db.execute<{ far: string; id: string }>(sql`
      select case when from_id = any(array[${list}]) then from_id else to_id end as far,
             case when from_id = any(array[${list}]) then to_id else from_id end as id
      from enterprise_relations
      where tenant_id = ${TENANT} and (from_id = any(array[${list}]) or to_id = any(array[${list}])) order by id limit 1`)
    expect(partner.rows.length).toBe(1)
    const far = before.items.find((c) => c.enterpriseId === partner.rows[0]!.far)!
    const created = await t.app.inject({
      method: 'POST',
      url: '/api/lists/targets',
      headers: { cookie: staff },
      payload: { region: BINJIANG, enterpriseId: partner.rows[0]!.id, reason: 'test contact', status: 'contacting' },
    })
    expect(created.statusCode).toBe(201)
    const after = (await candidates(staff, `region=${BINJIANG}&chain=${chain}&limit=200`)).json() as CandidatesResponse
    expect(after.items.find((c) => c.enterpriseId === far.enterpriseId)?.facts.assetDistance).toBe(1)
    // another district's ranking does not see Binjiang's contact
    const elsewhere = (await candidates(staff, `region=${other}&chain=${chain}&limit=200`)).json() as CandidatesResponse
    expect(elsewhere.items.find((c) => c.enterpriseId === far.enterpriseId)?.facts.assetDistance ?? null).not.toBe(1)
  })

  it('explains reach paths from a local chain leader in words', async () => {
    const row = await t.database.db.execute<{ id: string; leader: string }>(sql`
      select r.from_id as id, l.name as leader from enterprise_relations r
      join enterprises l on l.tenant_id = r.tenant_id and l.id = r.to_id and l.chain_leader and l.region_code like '3301%'
      join enterprises s on s.tenant_id = r.tenant_id and s.id = r.from_id and s.region_code not like '3301%'
      where r.tenant_id = ${TENANT} and r.kind = 'supplier' order by r.from_id limit 1`)
    const { id, leader } = row.rows[0]!
    const response = await get(`/api/targeting/candidates/${id}/paths?region=${BINJIANG}`, binjiangStaff)
    expect(response.statusCode).toBe(200)
    const body = response.json() as PathsResponse
    expect(body.enterprise.id).toBe(id)
    expect(body.paths.length).toBeGreaterThan(0)
    expect(body.paths[0]!.nodes[0]!.id).toBe(id)
    expect(body.paths[0]!.steps).toHaveLength(body.paths[0]!.nodes.length - 1)
    expect(body.paths.some((p) => p.nodes.at(-1)!.name === leader && p.nodes.at(-1)!.asset === 'chain_leader')).toBe(true)
    expect(body.paths.some((p) => p.steps.some((s) => s.textZh.includes('的供应商') && s.textEn.includes('supplies')))).toBe(true)
    for (const p of body.paths) expect(p.nodes.at(-1)!.local || p.nodes.at(-1)!.asset === 'contact').toBe(true)
    const missing = await get(`/api/targeting/candidates/${randomUUID()}/paths?region=${BINJIANG}`, staff)
    expect(missing.statusCode).toBe(404)
    expect(missing.json().code).toBe('ENTERPRISE_NOT_FOUND')
    expect((await get(`/api/targeting/candidates/not-a-uuid/paths?region=${BINJIANG}`, staff)).statusCode).toBe(400)
  })

  it('keeps weights per chain: defaults, validated updates by the city admin only, stale versions refused, reset, audit', async () => {
    const url = `/api/targeting/weights/${chain}`
    const defaults = (await get(url, binjiangStaff)).json() as WeightsSet
    expect(defaults).toMatchObject({ chainCode: chain, isDefault: true, version: 0, weights: DEFAULT_WEIGHTS, updatedBy: null })
    expect((await get('/api/targeting/weights/no-such-chain', staff)).statusCode).toBe(404)

    const put = (cookie: string, payload: unknown, target = url) => t.app.inject({ method: 'PUT', url: target, headers: { cookie }, payload: payload as object })
    const weights = { ...DEFAULT_WEIGHTS, gap: 2.5 }
    expect((await put(staff, { weights })).statusCode).toBe(403)
    expect((await put(binjiangStaff, { weights })).statusCode).toBe(403)

    const tooBig = await put(admin, { weights: { ...weights, scale: 11 } })
    expect(tooBig.statusCode).toBe(400)
    expect(tooBig.json().fields.map((f: { path: string }) => f.path)).toEqual(['body.weights.scale'])
    const missingKey = await put(admin, { weights: { gap: 1 } })
    expect(missingKey.statusCode).toBe(400)
    expect(missingKey.json().fields.map((f: { path: string }) => f.path)).toContain('body.weights.reach')
    const notNumber = await put(admin, { weights: { ...weights, layout: 'high' } })
    expect(notNumber.statusCode).toBe(400)
    expect((await put(admin, { weights }, '/api/targeting/weights/no-such-chain')).statusCode).toBe(404)
    expect((await get(url, staff)).json().isDefault).toBe(true)

    const saved = await put(admin, { weights, version: 0 })
    expect(saved.statusCode).toBe(200)
    expect(saved.json()).toMatchObject({ isDefault: false, version: 1, weights, intercept: -7 })
    expect((await get(url, staff)).json()).toMatchObject({ isDefault: false, version: 1, weights: { gap: 2.5 } })
    const stale = await put(admin, { weights, version: 0 })
    expect(stale.statusCode).toBe(409)
    expect(stale.json().code).toBe('WEIGHTS_STALE')
    const again = await put(admin, { weights: { ...weights, reach: 1 }, intercept: -6, version: 1 })
    expect(again.json()).toMatchObject({ version: 2, intercept: -6 })

    const reset = await t.app.inject({ method: 'DELETE', url, headers: { cookie: admin } })
    expect(reset.statusCode).toBe(200)
    expect(reset.json()).toMatchObject({ isDefault: true, version: 0, weights: DEFAULT_WEIGHTS })
    expect((await t.app.inject({ method: 'DELETE', url, headers: { cookie: staff } })).statusCode).toBe(403)

    const audit = await t.database.db.execute<{ action: string; entity_id: string }>(sql`
      select action, entity_id from audit_log where tenant_id = ${TENANT} and entity_type = 'targeting_weights' order by seq`)
    expect(audit.rows.map((r) => r.action)).toEqual(['targeting.weights.update', 'targeting.weights.update', 'targeting.weights.reset'])
    expect(audit.rows.every((r) => r.entity_id === chain)).toBe(true)
  })

  it('ranks by the chain’s weights: size alone puts the largest firms first', async () => {
    const url = `/api/targeting/weights/${chain}`
    const query = `region=${BINJIANG}&chain=${chain}&limit=30`
    const byDefault = (await candidates(staff, query)).json() as CandidatesResponse
    const sizeOnly = { gap: 0, scale: 10, signals: 0, customers: 0, suppliers: 0, layout: 0, reach: 0 }
    expect((await t.app.inject({ method: 'PUT', url, headers: { cookie: admin }, payload: { weights: sizeOnly } })).statusCode).toBe(200)
    const bySize = (await candidates(staff, query)).json() as CandidatesResponse
    expect(bySize.weights).toMatchObject({ isDefault: false, weights: sizeOnly })
    for (let k = 1; k < bySize.items.length; k++) expect(bySize.items[k - 1]!.factors.scale).toBeGreaterThanOrEqual(bySize.items[k]!.factors.scale)
    expect(bySize.items.map((c) => c.enterpriseId)).not.toEqual(byDefault.items.map((c) => c.enterpriseId))
    await t.app.inject({ method: 'DELETE', url, headers: { cookie: admin } })
    const back = (await candidates(staff, query)).json() as CandidatesResponse
    expect(back.items.map((c) => c.enterpriseId)).toEqual(byDefault.items.map((c) => c.enterpriseId))
  })

  it('adds a candidate to the target list with source discovery, the score and factors the server ranked it by', async () => {
    const ranking = (await candidates(binjiangStaff, `region=${BINJIANG}&chain=${chain}&limit=3`)).json() as CandidatesResponse
    const pick = ranking.items[1]!
    const post = (cookie: string, id: string, payload: object) =>
      t.app.inject({ method: 'POST', url: `/api/targeting/candidates/${id}/target`, headers: { cookie }, payload })
    const created = await post(binjiangStaff, pick.enterpriseId, { region: BINJIANG, chain, priority: 'high' })
    expect(created.statusCode).toBe(201)
    const target = created.json()
    expect(target).toMatchObject({ source: 'discovery', regionCode: BINJIANG, enterpriseId: pick.enterpriseId, chainCode: chain, priority: 'high' })
    expect(target.score).toMatchObject({ score: pick.score, rank: 2, of: ranking.total, asOf: '2026-04-01', factors: pick.factors })
    expect(target.reason).toContain('靶向招商推荐')
    expect(target.reason).toContain('第 2 名')
    // the same firm again: the lists module's duplicate rule
    expect((await post(binjiangStaff, pick.enterpriseId, { region: BINJIANG, chain })).json().code).toBe('DUPLICATE_TARGET')
    // a firm of the region itself is no candidate; another district is out of scope; readers may not write
    const local = await t.database.db.execute<{ id: string }>(sql`select id::text as id from enterprises where tenant_id = ${TENANT} and region_code = ${BINJIANG} limit 1`)
    const notCandidate = await post(binjiangStaff, local.rows[0]!.id, { region: BINJIANG, chain })
    expect(notCandidate.statusCode).toBe(409)
    expect(notCandidate.json()).toMatchObject({ code: 'NOT_A_CANDIDATE', fields: [{ path: 'enterpriseId' }] })
    expect((await post(binjiangStaff, pick.enterpriseId, { region: other, chain })).statusCode).toBe(403)
    expect((await post(enterpriseUser, pick.enterpriseId, { region: BINJIANG, chain })).statusCode).toBe(403)
    const badPriority = await post(binjiangStaff, ranking.items[0]!.enterpriseId, { region: BINJIANG, chain, priority: 'urgent' })
    expect(badPriority.statusCode).toBe(400)
    const audit = await t.database.db.execute<{ n: number }>(sql`
      select count(*)::int as n from audit_log where tenant_id = ${TENANT} and action = 'lists.target.create' and entity_id = ${target.id}`)
    expect(audit.rows[0]!.n).toBe(1)
  })
})
