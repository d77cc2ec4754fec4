import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { orgCodeCheckChar, usccCheckChar } from '../../../../common/src/uscc.js'
import { cityScope, createTestContext, district, type TestContext } from '../../../test/context.js'

/** A valid USCC for a region and an 8-character organization body. */
function uscc(region: string, body: string): string {
  const first16 = `91${region}${body}`
  const first17 = first16 + orgCodeCheckChar(body)
  return first17 + usccCheckChar(first17)
}

let serial = 0
const nextBody = () => `MA${String(++serial).padStart(6, '0')}`

describe('enterprise master data', () => {
  let t: TestContext
  let admin: string
  let binjiang: { cookie: string }
  let leader: { cookie: string }
  beforeAll(async () => {
    t = await createTestContext({ demoData: 'tiny' })
    admin = await t.login('admin', 'admin-pass-2026')
    binjiang = await t.newUser('district_staff', district('330108'))
    leader = await t.newUser('leader', cityScope)
  })
  afterAll(() => t?.close())

  const post = (url: string, payload: object, cookie = admin) => t.app.inject({ method: 'POST', url, headers: { cookie }, payload })
  const patch = (url: string, payload: object, cookie = admin) => t.app.inject({ method: 'PATCH', url, headers: { cookie }, payload })
  const get = (url: string, cookie = admin) => t.app.inject({ method: 'GET', url, headers: { cookie } })
  const firm = (name: string, extra: object = {}) => ({
    uscc: uscc('330108', nextBody()),
    name,
    regionCode: '330108',
    industryCode: '3990',
    revenue: 50000,
    employees: 1200,
    tags: ['上市', '自定义标签'],
    segments: [{ segmentCode: 'visual_intelligence.camera', main: true }, { segmentCode: 'visual_intelligence.algorithm', main: false }],
    ...extra,
  })

  let hik: { id: string; version: number }

  it('creates a firm: parses the trade name, stores key and initials, writes history and audit', async () => {
    const response = await post('/api/enterprises', firm('杭州海康威视数字技术股份有限公司', { actualController: '中国电子科技集团' }))
    expect(response.statusCode, response.body).toBe(201)
    const body = response.json()
    expect(body).toMatchObject({ tradeName: '海康威视', nameInitials: 'hkws', regionName: '滨江区', local: true, sizeClass: 'large', version: 1 })
    expect(body.segments).toHaveLength(2)
    expect(body.segments.find((s: { main: boolean }) => s.main).segmentCode).toBe('visual_intelligence.camera')
    expect(body.segments.every((s: { source: string }) => s.source === 'manual')).toBe(true)
    hik = body
    const history = await get(`/api/enterprises/${hik.id}/history`)
    expect(history.json().items).toMatchObject([{ kind: 'create', field: null }])
    const audit = await get(`/api/audit?action=enterprise.create&entityId=${hik.id}`)
    expect(audit.json().items).toHaveLength(1)
  })

  it('keeps the founder’s hometown (乡贤): a known region code, named in the detail, editable, history kept', async () => {
    const outside = { ...firm('深圳乡贤智能科技有限公司', { tags: [], segments: [], revenue: 10, employees: 5 }), uscc: uscc('440305', nextBody()), regionCode: '440305' }
    const bad = await post('/api/enterprises', { ...outside, founderOriginCode: '339999' })
    expect(bad.statusCode).toBe(400)
    expect(bad.json().fields).toMatchObject([{ path: 'founderOriginCode' }])
    const created = await post('/api/enterprises', { ...outside, founderOriginCode: '330108' })
    expect(created.statusCode, created.body).toBe(201)
    expect(created.json()).toMatchObject({ founderOriginCode: '330108', founderOriginName: '杭州市滨江区', local: false })
    const cleared = await patch(`/api/enterprises/${created.json().id}`, { version: 1, founderOriginCode: null })
    expect(cleared.json()).toMatchObject({ founderOriginCode: null, founderOriginName: null, version: 2 })
    const history = await get(`/api/enterprises/${created.json().id}/history`)
    expect(history.json().items.some((c: { field: string | null }) => c.field === 'founderOriginCode')).toBe(true)
  })

  it('finds the firm by pinyin initials, fragment, full name in the other order, and USCC prefix', async () => {
    const detail = (await get(`/api/enterprises/${hik.id}`)).json()
    for (const q of ['hkws', 'HKWS', '海康', '康威视', '海康威视数字技术（杭州）有限公司', detail.uscc, detail.uscc.slice(0, 10)]) {
      const list = await get(`/api/enterprises?q=${encodeURIComponent(q)}`)
      expect(list.statusCode).toBe(200)
      expect(list.json().items.map((i: { id: string }) => i.id), q).toContain(hik.id)
    }
    const none = await get(`/api/enterprises?q=${encodeURIComponent('不存在的字号啊')}`)
    expect(none.json()).toMatchObject({ items: [], total: 0, totalCapped: false })
  })

  it('filters by tag, chain, segment, region, size and chain leader, sorts and pages server-side', async () => {
    const byTag = (await get(`/api/enterprises?tag=${encodeURIComponent('自定义标签')}`)).json()
    expect(byTag.items.map((i: { id: string }) => i.id)).toEqual([hik.id])
    expect((await get('/api/enterprises?segment=visual_intelligence.algorithm&q=hkws')).json().total).toBe(1)
    expect((await get('/api/enterprises?chain=visual_intelligence&q=hkws')).json().total).toBe(1)
    expect((await get('/api/enterprises?chain=integrated_circuit&q=hkws')).json().total).toBe(0)
    expect((await get('/api/enterprises?region=330108&q=hkws')).json().total).toBe(1)
    expect((await get('/api/enterprises?region=local&q=hkws')).json().total).toBe(1)
    expect((await get('/api/enterprises?region=external&q=hkws')).json().total).toBe(0)
    expect((await get('/api/enterprises?size=large&q=hkws')).json().total).toBe(1)
    expect((await get('/api/enterprises?size=small&q=hkws')).json().total).toBe(0)

    const external = (await get('/api/enterprises?region=external&pageSize=50')).json()
    expect(external.items.length).toBeGreaterThan(0)
    expect(external.items.every((i: { local: boolean }) => !i.local)).toBe(true)
    const local = (await get('/api/enterprises?region=local&sort=revenue&order=desc&pageSize=30')).json()
    const revenues = local.items.map((i: { revenue: number | null }) => i.revenue ?? -1)
    expect(revenues).toEqual([...revenues].sort((a: number, b: number) => b - a))
    const page2 = (await get('/api/enterprises?region=local&sort=revenue&order=desc&pageSize=10&page=2')).json()
    expect(page2.items.map((i: { id: string }) => i.id)).toEqual(local.items.slice(10, 20).map((i: { id: string }) => i.id))
    expect(page2.total).toBe(local.total)
    const byName = (await get('/api/enterprises?sort=name&order=asc&pageSize=20')).json()
    expect(byName.items).toHaveLength(20)
  })

  it('rejects bad USCCs saying why, with the field path', async () => {
    const good = uscc('330108', nextBody())
    const cases: Array<[string, RegExp]> = [
      [good.slice(0, 17), /18/],
      [good.slice(0, 17) + 'I', /字符/],
      [good.slice(0, 17) + (good[17] === '0' ? '1' : '0'), /校验位/],
    ]
    for (const [code, message] of cases) {
      const response = await post('/api/enterprises', firm('杭州甲乙丙科技有限公司', { uscc: code }))
      expect(response.statusCode).toBe(400)
      expect(response.json()).toMatchObject({ code: 'USCC_INVALID', fields: [{ path: 'uscc' }] })
      expect(response.json().fields[0].message).toMatch(message)
    }
  })

  it('refuses an existing USCC, unknown references, and reports each field', async () => {
    const detail = (await get(`/api/enterprises/${hik.id}`)).json()
    const taken = await post('/api/enterprises', firm('杭州别的名字科技有限公司', { uscc: detail.uscc, confirmNotDuplicate: true }))
    expect(taken.statusCode).toBe(409)
    expect(taken.json()).toMatchObject({ code: 'USCC_TAKEN', fields: [{ path: 'uscc' }] })
    const refs = await post('/api/enterprises', firm('杭州新名称科技有限公司', { industryCode: '9999', segments: [{ segmentCode: 'nope', main: true }] }))
    expect(refs.statusCode).toBe(400)
    expect(refs.json().fields.map((f: { path: string }) => f.path)).toEqual(['industryCode', 'segments.0.segmentCode'])
    const region = await post('/api/enterprises', firm('杭州新名称科技有限公司', { regionCode: '999999' }))
    expect(region.statusCode).toBe(400)
    expect(region.json().fields[0].path).toBe('regionCode')
  })

  it('refuses a similar trade name as a suspected duplicate unless confirmed', async () => {
    const payload = firm('海康威视数字技术（杭州）有限公司')
    const refused = await post('/api/enterprises', payload)
    expect(refused.statusCode).toBe(409)
    expect(refused.json().code).toBe('DUPLICATE_SUSPECTED')
    expect(refused.json().fields[0].path).toBe(`duplicates.${hik.id}`)
    const candidates = await post('/api/enterprises/duplicates', { name: payload.name })
    expect(candidates.json().items[0]).toMatchObject({ enterprise: { id: hik.id }, reasons: ['similar_trade_name'], similarity: 1 })
    const count = (await get('/api/enterprises?q=hkws')).json().total
    expect(count).toBe(1) // nothing half-written
    const confirmed = await post('/api/enterprises', { ...payload, confirmNotDuplicate: true })
    expect(confirmed.statusCode).toBe(201)
  })

  it('flags a firm of the same group with a loosely similar name', async () => {
    const parent = (await post('/api/enterprises', firm('杭州云栖控股集团有限公司', { segments: [] }))).json()
    await post('/api/enterprises', firm('杭州云栖智造科技有限公司', { parentId: parent.id, segments: [], confirmNotDuplicate: true }))
    const candidates = (await post('/api/enterprises/duplicates', { name: '杭州云栖智能有限公司', parentId: parent.id })).json().items
    expect(candidates.some((c: { reasons: string[] }) => c.reasons.includes('same_group'))).toBe(true)
  })

  it('edits with an optimistic version: stale edits get 409; rename keeps the former name; one history row per field', async () => {
    const edited = await patch(`/api/enterprises/${hik.id}`, { version: 1, name: '杭州海康威视科技股份有限公司', revenue: 60000, employees: 1200 })
    expect(edited.statusCode, edited.body).toBe(200)
    expect(edited.json()).toMatchObject({ version: 2, formerNames: ['杭州海康威视数字技术股份有限公司'], revenue: 60000 })
    const stale = await patch(`/api/enterprises/${hik.id}`, { version: 1, revenue: 1 })
    expect(stale.statusCode).toBe(409)
    expect(stale.json().code).toBe('STALE_VERSION')
    const history = (await get(`/api/enterprises/${hik.id}/history`)).json().items
    const fields = history.filter((h: { kind: string }) => h.kind === 'update').map((h: { field: string }) => h.field).sort()
    expect(fields).toEqual(['formerNames', 'name', 'revenue'])
    expect(history.find((h: { field: string }) => h.field === 'revenue')).toMatchObject({ before: 50000, after: 60000 })
  })

  it('removing a rule-made segment records an exclusion; manual ones do not', async () => {
    const { id } = (await post('/api/enterprises', firm('杭州规则环节科技有限公司', { segments: [] }))).json()
    await t.database.pool.query(
      `insert into enterprise_segments (tenant_id, enterprise_id, segment_code, main, source) values ('330100', $1, 'visual_intelligence.optics', true, 'rule')`,
      [id],
    )
    const detail = (await get(`/api/enterprises/${id}`)).json()
    const response = await patch(`/api/enterprises/${id}`, { version: detail.version, segments: [{ segmentCode: 'visual_intelligence.camera', main: true }] })
    expect(response.statusCode).toBe(200)
    expect(response.json().segments).toMatchObject([{ segmentCode: 'visual_intelligence.camera', source: 'manual', main: true }])
    const exclusions = await t.database.pool.query('select segment_code from enterprise_segment_exclusions where enterprise_id = $1', [id])
    expect(exclusions.rows).toEqual([{ segment_code: 'visual_intelligence.optics' }])
  })

  it('refuses a parent that would close a cycle, and shows the group tree', async () => {
    const a = (await post('/api/enterprises', firm('杭州甲集团有限公司', { segments: [] }))).json()
    const b = (await post('/api/enterprises', firm('杭州乙子公司科技有限公司', { parentId: a.id, segments: [] }))).json()
    const c = (await post('/api/enterprises', firm('杭州丙孙公司电子有限公司', { parentId: b.id, segments: [] }))).json()
    const cycle = await patch(`/api/enterprises/${a.id}`, { version: a.version, parentId: c.id })
    expect(cycle.statusCode).toBe(409)
    expect(cycle.json()).toMatchObject({ code: 'GROUP_CYCLE', fields: [{ path: 'parentId' }] })
    const group = (await get(`/api/enterprises/${c.id}/group`)).json()
    expect(group.root.id).toBe(a.id)
    expect(group.path).toEqual([a.id, b.id, c.id])
    expect(group.root.children[0].children[0].id).toBe(c.id)
  })

  it('keeps district staff to their own district, and leaders read-only', async () => {
    const own = await post('/api/enterprises', firm('杭州滨江自有科技有限公司', { segments: [] }), binjiang.cookie)
    expect(own.statusCode).toBe(201)
    const foreign = await post('/api/enterprises', firm('杭州拱墅他区科技有限公司', { regionCode: '330105', uscc: uscc('330105', nextBody()), segments: [] }), binjiang.cookie)
    expect(foreign.statusCode).toBe(403)
    const other = (await post('/api/enterprises', firm('杭州拱墅别家科技有限公司', { regionCode: '330105', uscc: uscc('330105', nextBody()), segments: [] }))).json()
    const edit = await patch(`/api/enterprises/${other.id}`, { version: 1, revenue: 5 }, binjiang.cookie)
    expect(edit.statusCode).toBe(403)
    expect(edit.json().code).toBe('OUT_OF_SCOPE')
    const moveAway = await patch(`/api/enterprises/${own.json().id}`, { version: 1, regionCode: '330105' }, binjiang.cookie)
    expect(moveAway.statusCode).toBe(403)
    expect((await get(`/api/enterprises/${other.id}`, binjiang.cookie)).statusCode).toBe(200)
    expect((await patch(`/api/enterprises/${other.id}`, { version: 1 }, leader.cookie)).statusCode).toBe(403)
    expect((await get('/api/enterprises?q=hkws', leader.cookie)).statusCode).toBe(200)
  })

  it('lets an enterprise user read only its own firm', async () => {
    const user = await t.newUser('enterprise', { type: 'enterprise', id: hik.id })
    expect((await get(`/api/enterprises/${hik.id}`, user.cookie)).statusCode).toBe(200)
    const other = (await get('/api/enterprises?pageSize=1')).json().items[0].id
    expect((await get(`/api/enterprises/${other}`, user.cookie)).statusCode).toBe(403)
    expect((await get('/api/enterprises', user.cookie)).statusCode).toBe(403)
  })

  it('answers 404 for unknown firms and 400 for bad ids', async () => {
    expect((await get('/api/enterprises/00000000-0000-4000-8000-000000000000')).statusCode).toBe(404)
    expect((await get('/api/enterprises/nope')).statusCode).toBe(400)
  })
})

describe('relations, graph, merge', () => {
  let t: TestContext
  let admin: string
  const ids: Record<string, string> = {}
  beforeAll(async () => {
    t = await createTestContext({ demoData: 'none' })
    admin = await t.login('admin', 'admin-pass-2026')
    const make = async (key: string, name: string, region: string) => {
      const response = await t.app.inject({
        method: 'POST',
        url: '/api/enterprises',
        headers: { cookie: admin },
        payload: { uscc: uscc(region, nextBody()), name, regionCode: region, industryCode: '3990', confirmNotDuplicate: true },
      })
      if (response.statusCode !== 201) throw new Error(response.body)
      ids[key] = response.json().id
    }
    await make('buyer', '杭州链主整机有限公司', '330108')
    await make('localSupplier', '杭州本地配件有限公司', '330105')
    await make('externalSupplier', '上海外地芯片有限公司', '310101')
    await make('tier2', '苏州二级材料有限公司', '320505')
    await make('customer', '杭州下游应用有限公司', '330110')
    await make('dup', '杭州链主整机制造有限公司', '330108')
  })
  afterAll(() => t?.close())

  const relate = (fromId: string, toId: string, kind: string, extra: object = {}) =>
    t.app.inject({ method: 'POST', url: '/api/enterprise-relations', headers: { cookie: admin }, payload: { fromId, toId, kind, source: 'survey', ...extra } })
  const get = (url: string) => t.app.inject({ method: 'GET', url, headers: { cookie: admin } })

  it('creates relations with quantities and refuses bad ones', async () => {
    expect((await relate(ids.localSupplier!, ids.buyer!, 'supplier', { shareOfBuyerCost: 0.2, shareOfSupplierRevenue: 0.5 })).statusCode).toBe(201)
    expect((await relate(ids.externalSupplier!, ids.buyer!, 'supplier', { shareOfBuyerCost: 0.3 })).statusCode).toBe(201)
    expect((await relate(ids.tier2!, ids.externalSupplier!, 'supplier', { shareOfBuyerCost: 0.4 })).statusCode).toBe(201)
    expect((await relate(ids.buyer!, ids.customer!, 'supplier', { shareOfBuyerCost: 0.1 })).statusCode).toBe(201)
    expect((await relate(ids.dup!, ids.customer!, 'supplier')).statusCode).toBe(201)
    expect((await relate(ids.dup!, ids.buyer!, 'investor', { equityRatio: 0.6 })).statusCode).toBe(201)
    const repeat = await relate(ids.localSupplier!, ids.buyer!, 'supplier')
    expect(repeat.statusCode).toBe(409)
    const wrongShare = await relate(ids.customer!, ids.buyer!, 'investor', { shareOfBuyerCost: 0.2 })
    expect(wrongShare.statusCode).toBe(400)
    expect(wrongShare.json().fields[0].path).toBe('shareOfBuyerCost')
    const self = await relate(ids.buyer!, ids.buyer!, 'supplier')
    expect(self.json().fields[0].path).toBe('toId')
    const tooBig = await relate(ids.customer!, ids.buyer!, 'supplier', { shareOfBuyerCost: 1.5 })
    expect(tooBig.statusCode).toBe(400)
  })

  it('lets district staff relate firms only when one end is in their district', async () => {
    const gongshu = await t.newUser('district_staff', district('330105'))
    const shangcheng = await t.newUser('district_staff', district('330102'))
    const post = (cookie: string) =>
      t.app.inject({ method: 'POST', url: '/api/enterprise-relations', headers: { cookie }, payload: { fromId: ids.localSupplier, toId: ids.customer, kind: 'supplier', source: 'visit' } })
    const refused = await post(shangcheng.cookie)
    expect(refused.statusCode).toBe(403)
    expect(refused.json().code).toBe('OUT_OF_SCOPE')
    expect((await post(gongshu.cookie)).statusCode).toBe(201)
  })

  it('splits suppliers into local and external with their shares', async () => {
    const split = (await get(`/api/enterprises/${ids.buyer}/suppliers`)).json()
    expect(split.local.map((s: { supplier: { id: string } }) => s.supplier.id)).toEqual([ids.localSupplier])
    expect(split.external.map((s: { supplier: { id: string } }) => s.supplier.id)).toEqual([ids.externalSupplier])
    expect(split).toMatchObject({ localCostShare: 0.2, externalCostShare: 0.3 })
  })

  it('walks the graph up and down to the asked depth', async () => {
    const up1 = (await get(`/api/enterprises/${ids.buyer}/graph?depth=1&direction=up&kinds=supplier`)).json()
    expect(up1.nodes.map((n: { id: string }) => n.id).sort()).toEqual([ids.buyer, ids.localSupplier, ids.externalSupplier].sort())
    const up2 = (await get(`/api/enterprises/${ids.buyer}/graph?depth=2&direction=up&kinds=supplier`)).json()
    expect(up2.nodes.find((n: { id: string }) => n.id === ids.tier2)).toMatchObject({ depth: 2, local: false })
    expect(up2.edges).toHaveLength(3)
    const both = (await get(`/api/enterprises/${ids.buyer}/graph?depth=1`)).json()
    expect(both.nodes.map((n: { id: string }) => n.id)).toContain(ids.customer)
    expect(both.nodes.map((n: { id: string }) => n.id)).toContain(ids.dup)
    expect(both.edges.find((e: { kind: string }) => e.kind === 'investor')).toMatchObject({ share: 0.6 })
    const bad = await get(`/api/enterprises/${ids.buyer}/graph?kinds=friend`)
    expect(bad.statusCode).toBe(400)
    expect((await get(`/api/enterprises/${ids.buyer}/graph?depth=4`)).statusCode).toBe(400)
  })

  it('edits and deletes a relation', async () => {
    const list = (await get(`/api/enterprises/${ids.customer}/relations`)).json()
    const rel = list.items.find((r: { fromId: string }) => r.fromId === ids.buyer)
    const edited = await t.app.inject({ method: 'PATCH', url: `/api/enterprise-relations/${rel.id}`, headers: { cookie: admin }, payload: { shareOfBuyerCost: 0.15 } })
    expect(edited.json().shareOfBuyerCost).toBe(0.15)
    const deleted = await t.app.inject({ method: 'DELETE', url: `/api/enterprise-relations/${rel.id}`, headers: { cookie: admin } })
    expect(deleted.statusCode).toBe(200)
    expect((await get(`/api/enterprises/${ids.customer}/relations`)).json().items).toHaveLength(2)
  })

  it('merges a duplicate: moves relations, drops self-loops, keeps the duplicate as merged with history', async () => {
    const steps: string[] = []
    const { registerEnterpriseMergeStep } = await import('./index.js')
    registerEnterpriseMergeStep(async (_tx, _tenant, from, to) => {
      steps.push(`${from}->${to}`)
    })
    const merged = await t.app.inject({ method: 'POST', url: `/api/enterprises/${ids.buyer}/merge`, headers: { cookie: admin }, payload: { duplicateId: ids.dup } })
    expect(merged.statusCode, merged.body).toBe(200)
    expect(merged.json().formerNames).toContain('杭州链主整机制造有限公司')
    expect(steps).toEqual([`${ids.dup}->${ids.buyer}`])
    const dup = (await get(`/api/enterprises/${ids.dup}`)).json()
    expect(dup).toMatchObject({ status: 'merged', mergedInto: { id: ids.buyer } })
    const rels = (await get(`/api/enterprises/${ids.buyer}/relations`)).json().items
    // the investor relation dup→buyer became a self-loop and is gone; dup→customer moved to buyer
    expect(rels.some((r: { fromId: string; toId: string }) => r.fromId === r.toId)).toBe(false)
    expect(rels.some((r: { fromId: string; toId: string }) => r.fromId === ids.buyer && r.toId === ids.customer)).toBe(true)
    expect((await get(`/api/enterprises/${ids.dup}/relations`)).json().items).toHaveLength(0)
    // dup→customer became buyer→customer (the old one was deleted above): exactly one such row
    expect(rels.filter((r: { fromId: string; toId: string; kind: string }) => r.fromId === ids.buyer && r.toId === ids.customer && r.kind === 'supplier')).toHaveLength(1)
    const history = (await get(`/api/enterprises/${ids.dup}/history`)).json().items
    expect(history.map((h: { kind: string }) => h.kind)).toContain('merged')
    expect((await get(`/api/enterprises/${ids.buyer}/history`)).json().items.map((h: { kind: string }) => h.kind)).toContain('merge_in')
    const again = await t.app.inject({ method: 'POST', url: `/api/enterprises/${ids.buyer}/merge`, headers: { cookie: admin }, payload: { duplicateId: ids.dup } })
    expect(again.statusCode).toBe(409)
    const list = (await get(`/api/enterprises?q=${encodeURIComponent('链主整机')}`)).json()
    expect(list.items.map((i: { id: string }) => i.id)).toEqual([ids.buyer])
  })
})
