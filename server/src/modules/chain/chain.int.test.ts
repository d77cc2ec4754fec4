import ExcelJS from 'exceljs'
import { sql } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { cityScope, createTestContext, district, type TestContext } from '../../../test/context.js'
import { classifyEnterprise, reclassify, type Assignment } from './chain.rules.js'

const CHAIN = 'integrated_circuit'

describe('chain module on the tiny dataset', () => {
  let t: TestContext
  let admin: string
  let staff: string
  let binjiang: string
  let leader: string
  beforeAll(async () => {
    t = await createTestContext({ demoData: 'tiny' })
    admin = await t.login('admin', 'admin-pass-2026')
    staff = (await t.newUser('city_staff', cityScope)).cookie
    binjiang = (await t.newUser('district_staff', district('330108'))).cookie
    leader = (await t.newUser('leader', cityScope)).cookie
  })
  afterAll(() => t?.close())

  const req = (method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE', url: string, cookie: string, payload?: object) =>
    t.app.inject({ method, url, headers: { cookie }, ...(payload ? { payload } : {}) })
  const rows = async <T>(query: ReturnType<typeof sql>) => (await t.database.db.execute(query)).rows as T[]

  describe('editing and versions', () => {
    it('validates industry codes, parents and codes, naming the field', async () => {
      const badCode = await req('POST', `/api/chains/${CHAIN}/segments`, admin, {
        code: 'photonics', nameZh: '光子芯片', nameEn: 'Photonic chips', stage: 'midstream', industryCodes: ['3973', '0000'], keywords: ['光子芯片'],
      })
      expect(badCode.statusCode).toBe(400)
      expect(badCode.json()).toMatchObject({ code: 'UNKNOWN_INDUSTRY_CODE', fields: [{ path: 'industryCodes.1' }] })
      const badParent = await req('POST', `/api/chains/${CHAIN}/segments`, admin, {
        code: 'photonics', parentCode: 'visual_intelligence.optics', nameZh: '光子芯片', nameEn: 'Photonic chips', stage: 'midstream',
      })
      expect(badParent.json()).toMatchObject({ code: 'INVALID_PARENT', fields: [{ path: 'parentCode' }] })
      const cycle = await req('PATCH', `/api/chains/${CHAIN}/segments/integrated_circuit.support`, admin, { parentCode: 'integrated_circuit.materials' })
      expect(cycle.statusCode).toBe(400)
      expect((await req('POST', `/api/chains/no_such_chain/segments`, admin, { code: 'x1', nameZh: 'x', nameEn: 'x', stage: 'upstream' })).statusCode).toBe(404)
    })

    it('adds, renames and moves segments, publishes with a note, lists, shows and diffs versions', async () => {
      const added = await req('POST', `/api/chains/${CHAIN}/segments`, admin, {
        code: 'photonics', parentCode: 'integrated_circuit.manufacturing', nameZh: '光子芯片', nameEn: 'Photonic chips', stage: 'midstream',
        industryCodes: ['3973'], keywords: ['光子芯片', '硅光'],
      })
      expect(added.statusCode).toBe(201)
      const chain = added.json()
      const codes = chain.segments.map((s: { code: string }) => s.code)
      // a child lands after its parent's other children
      expect(codes.indexOf('integrated_circuit.photonics')).toBe(codes.indexOf('integrated_circuit.packaging') + 1)
      expect(chain.draftChanged).toBe(true)
      expect(chain.version).toBe(1)
      const dup = await req('POST', `/api/chains/${CHAIN}/segments`, admin, { code: 'photonics', nameZh: 'x', nameEn: 'x', stage: 'upstream' })
      expect(dup.statusCode).toBe(409)

      const renamed = await req('PATCH', `/api/chains/${CHAIN}/segments/integrated_circuit.photonics`, admin, { nameZh: '硅光芯片', parentCode: null, position: 0 })
      expect(renamed.statusCode).toBe(200)
      expect(renamed.json().segments[0]).toMatchObject({ code: 'integrated_circuit.photonics', nameZh: '硅光芯片', parentCode: null, position: 0 })

      const published = await req('POST', `/api/chains/${CHAIN}/publish`, admin, { note: '新增硅光芯片环节' })
      expect(published.statusCode).toBe(201)
      expect(published.json()).toMatchObject({ version: 2, note: '新增硅光芯片环节', createdBy: 'admin' })
      expect((await req('POST', `/api/chains/${CHAIN}/publish`, admin, { note: 'again' })).json().code).toBe('NOTHING_TO_PUBLISH')

      const versions = (await req('GET', `/api/chains/${CHAIN}/versions`, admin)).json().items
      expect(versions.map((v: { version: number }) => v.version)).toEqual([2, 1])
      const v1 = (await req('GET', `/api/chains/${CHAIN}/versions/1`, admin)).json()
      expect(v1.snapshot.segments.some((s: { code: string }) => s.code === 'integrated_circuit.photonics')).toBe(false)
      const diff = (await req('GET', `/api/chains/${CHAIN}/diff?from=1&to=2`, admin)).json()
      expect(diff.added.map((s: { code: string }) => s.code)).toEqual(['integrated_circuit.photonics'])
      expect(diff.removed).toEqual([])
      // every other segment moved one place down
      expect(diff.changed.every((c: { fields: string[] }) => c.fields.includes('position'))).toBe(true)
      expect((await req('GET', `/api/chains/${CHAIN}/versions/9`, admin)).statusCode).toBe(404)
      const chainRow = await rows<{ version: number }>(sql`select version from chains where tenant_id = '330100' and code = ${CHAIN}`)
      expect(chainRow[0]!.version).toBe(2)
    })

    it('renames a chain and creates a new one in an ecosystem', async () => {
      const renamed = await req('PATCH', `/api/chains/${CHAIN}`, admin, { nameZh: '集成电路（芯片）' })
      expect(renamed.json()).toMatchObject({ nameZh: '集成电路（芯片）', draftChanged: true })
      const created = await req('POST', '/api/chains', admin, { code: 'quantum_tech', ecosystem: 'smart_iot', nameZh: '量子科技', nameEn: 'Quantum technology' })
      expect(created.statusCode).toBe(201)
      expect(created.json()).toMatchObject({ version: 0, segments: [] })
      expect((await req('POST', '/api/chains', admin, { code: 'quantum_tech', ecosystem: 'smart_iot', nameZh: 'x', nameEn: 'x' })).statusCode).toBe(409)
      expect((await req('POST', '/api/chains', admin, { code: 'x_chain', ecosystem: 'nowhere', nameZh: 'x', nameEn: 'x' })).json().code).toBe('ECOSYSTEM_NOT_FOUND')
      const published = await req('POST', '/api/chains/quantum_tech/publish', admin, { note: '首版' })
      expect(published.json().version).toBe(1)
    })

    it('refuses to delete a segment enterprises sit in, naming the count; moves them when asked', async () => {
      const n = (await rows<{ n: number }>(sql`select count(*)::int as n from enterprise_segments where tenant_id = '330100' and segment_code = 'integrated_circuit.design'`))[0]!.n
      expect(n).toBeGreaterThan(0)
      const refused = await req('DELETE', `/api/chains/${CHAIN}/segments/integrated_circuit.design`, admin)
      expect(refused.statusCode).toBe(409)
      expect(refused.json()).toMatchObject({ code: 'SEGMENT_HAS_ENTERPRISES', fields: [{ path: 'moveTo' }] })
      expect(refused.json().fields[0].message).toContain(String(n))
      const parent = await req('DELETE', `/api/chains/${CHAIN}/segments/integrated_circuit.support`, admin)
      expect(parent.json().code).toBe('SEGMENT_HAS_CHILDREN')
      const target = (await rows<{ target: number }>(sql`select count(*)::int as target from enterprise_segments where tenant_id = '330100' and segment_code in ('integrated_circuit.design', 'integrated_circuit.eda_ip')`))[0]!.target
      const moved = await req('DELETE', `/api/chains/${CHAIN}/segments/integrated_circuit.design?moveTo=integrated_circuit.eda_ip`, admin)
      expect(moved.statusCode).toBe(200)
      expect(moved.json().segments.some((s: { code: string }) => s.code === 'integrated_circuit.design')).toBe(false)
      const positions = moved.json().segments.map((s: { position: number }) => s.position)
      expect(positions).toEqual(positions.map((_: number, i: number) => i))
      const after = (await rows<{ after: number }>(sql`select count(*)::int as after from enterprise_segments where tenant_id = '330100' and segment_code = 'integrated_circuit.eda_ip'`))[0]!.after
      // firms in both collapse into one row
      expect(after).toBeLessThanOrEqual(target)
      expect(after).toBeGreaterThanOrEqual(n)
    })

    it('keeps chain editing to the city admin', async () => {
      for (const cookie of [staff, binjiang]) {
        expect((await req('PATCH', `/api/chains/${CHAIN}`, cookie, { nameZh: 'x' })).statusCode).toBe(403)
        expect((await req('POST', `/api/chains/${CHAIN}/classification/apply`, cookie)).statusCode).toBe(403)
      }
    })
  })

  describe('classification by rules', () => {
    const C = 'visual_intelligence'
    it('previews and applies in one set-based step, keeping manual assignments and exclusions, as the pure rule says', async () => {
      const segs = await rows<{ code: string; parent_code: string | null; position: number; industry_codes: string[]; keywords: string[] }>(
        sql`select code, parent_code, position, industry_codes, keywords from chain_segments where tenant_id = '330100' and chain_code = ${C}`,
      )
      const firms = await rows<{ id: string; industry_code: string; business_scope: string | null }>(
        sql`select id::text as id, industry_code, business_scope from enterprises where tenant_id = '330100' and status = 'active' order by id`,
      )
      // staff decisions: one manual assignment that the rules would not make, one exclusion the rules would make
      const manualFirm = firms.find((f) => classifyEnterprise({ industryCode: f.industry_code, businessScope: f.business_scope }, segs.map(toRule)).length === 0)!
      await t.database.db.execute(sql`insert into enterprise_segments (tenant_id, enterprise_id, segment_code, main, source)
        values ('330100', ${manualFirm.id}::uuid, 'visual_intelligence.camera', false, 'manual') on conflict do nothing`)
      const excludedFirm = firms.find(
        (f) => classifyEnterprise({ industryCode: f.industry_code, businessScope: f.business_scope }, segs.map(toRule)).length > 0,
      )!
      const excludedSegment = classifyEnterprise({ industryCode: excludedFirm.industry_code, businessScope: excludedFirm.business_scope }, segs.map(toRule))[0]!.code
      await t.database.db.execute(sql`delete from enterprise_segments where tenant_id = '330100' and enterprise_id = ${excludedFirm.id}::uuid and segment_code = ${excludedSegment}`)
      await t.database.db.execute(sql`insert into enterprise_segment_exclusions (tenant_id, enterprise_id, segment_code, created_at, created_by)
        values ('330100', ${excludedFirm.id}::uuid, ${excludedSegment}, now(), 'test')`)

      const before = await assignments()
      const preview = await req('POST', `/api/chains/${C}/classification/preview`, admin)
      expect(preview.statusCode).toBe(200)
      const p = preview.json()
      expect(p.manualKept).toBeGreaterThanOrEqual(2)
      expect(p.added + p.removed).toBeGreaterThan(0)
      expect(await assignments()).toEqual(before) // preview writes nothing

      // what the pure rule expects, firm by firm
      const chainCodes = new Set(segs.map((s) => s.code))
      const exclusions = await rows<{ id: string; code: string }>(sql`select enterprise_id::text as id, segment_code as code from enterprise_segment_exclusions where tenant_id = '330100'`)
      const expected = new Map<string, Assignment[]>()
      let expectedAdded = 0
      let expectedRemoved = 0
      for (const f of firms) {
        const excluded = new Set(exclusions.filter((x) => x.id === f.id).map((x) => x.code))
        const current = before.get(f.id) ?? []
        const desired = classifyEnterprise({ industryCode: f.industry_code, businessScope: f.business_scope }, segs.map(toRule), excluded)
        const result = reclassify(current, chainCodes, desired)
        expectedAdded += result.added.length
        expectedRemoved += result.removed.length
        expected.set(f.id, result.next)
      }
      expect({ added: p.added, removed: p.removed }).toEqual({ added: expectedAdded, removed: expectedRemoved })
      const segmentSum = p.segments.reduce((n: number, s: { added: number }) => n + s.added, 0)
      expect(segmentSum).toBe(p.added)

      const applied = await req('POST', `/api/chains/${C}/classification/apply`, admin)
      expect(applied.statusCode).toBe(200)
      expect(applied.json()).toMatchObject({ added: expectedAdded, removed: expectedRemoved })
      const after = await assignments()
      for (const f of firms) {
        const norm = (list: Assignment[]) => [...list].sort((a, b) => a.segmentCode.localeCompare(b.segmentCode))
        expect({ id: f.id, rows: norm(after.get(f.id) ?? []) }).toEqual({ id: f.id, rows: norm(expected.get(f.id)!) })
      }
      expect(after.get(manualFirm.id)).toContainEqual({ segmentCode: 'visual_intelligence.camera', main: false, source: 'manual' })
      expect((after.get(excludedFirm.id) ?? []).some((a) => a.segmentCode === excludedSegment)).toBe(false)

      const runs = await rows<{ added: number; removed: number }>(sql`select added, removed from classification_runs where tenant_id = '330100' and chain_code = ${C}`)
      expect(runs).toEqual([{ added: expectedAdded, removed: expectedRemoved }])
      const audit = (await req('GET', '/api/audit?action=chain.classify', admin)).json()
      expect(audit.items[0]).toMatchObject({ entityId: C, after: { added: expectedAdded, removed: expectedRemoved } })
      // applying again changes nothing
      const again = (await req('POST', `/api/chains/${C}/classification/preview`, admin)).json()
      expect({ added: again.added, removed: again.removed }).toEqual({ added: 0, removed: 0 })
    })

    async function assignments() {
      const list = await rows<{ id: string; code: string; main: boolean; source: 'rule' | 'manual' }>(
        sql`select enterprise_id::text as id, segment_code as code, main, source from enterprise_segments where tenant_id = '330100' order by 1, 2`,
      )
      const map = new Map<string, Assignment[]>()
      for (const r of list) map.set(r.id, [...(map.get(r.id) ?? []), { segmentCode: r.code, main: r.main, source: r.source }])
      return map
    }
    function toRule(s: { code: string; parent_code: string | null; position: number; industry_codes: string[]; keywords: string[] }) {
      return { code: s.code, parentCode: s.parent_code, position: s.position, industryCodes: s.industry_codes, keywords: s.keywords }
    }
  })

  describe('layout guide', () => {
    // a year no seed fills, so that the counts below are this test's own
    const entry = { year: 2031, chainCode: 'visual_intelligence', districtCode: '330106', platformCode: 'zijingang_sci_tech_city', role: 'core', note: '紫金港' }
    it('lets city roles set entries, validates district, platform and chain, and everyone read', async () => {
      const put = await req('PUT', '/api/layout-guide/entries', staff, entry)
      expect(put.statusCode).toBe(200)
      expect(put.json()).toMatchObject({ platformCode: 'zijingang_sci_tech_city', role: 'core' })
      expect((await req('PUT', '/api/layout-guide/entries', admin, { ...entry, platformCode: '', role: 'cooperating', note: null })).statusCode).toBe(200)
      const wrongPlatform = await req('PUT', '/api/layout-guide/entries', staff, { ...entry, districtCode: '330108' })
      expect(wrongPlatform.json()).toMatchObject({ code: 'INVALID_PLATFORM', fields: [{ path: 'platformCode' }] })
      const foreign = await req('PUT', '/api/layout-guide/entries', staff, { ...entry, districtCode: '310101', platformCode: '' })
      expect(foreign.json()).toMatchObject({ code: 'INVALID_DISTRICT', fields: [{ path: 'districtCode' }] })
      const noChain = await req('PUT', '/api/layout-guide/entries', staff, { ...entry, chainCode: 'nope' })
      expect(noChain.json()).toMatchObject({ code: 'CHAIN_NOT_FOUND', fields: [{ path: 'chainCode' }] })
      const badRole = await req('PUT', '/api/layout-guide/entries', staff, { ...entry, role: 'leading' })
      expect(badRole.statusCode).toBe(400)
      expect((await req('PUT', '/api/layout-guide/entries', binjiang, entry)).statusCode).toBe(403)
      expect((await req('PUT', '/api/layout-guide/entries', leader, entry)).statusCode).toBe(403)

      for (const cookie of [binjiang, leader]) {
        const guide = await req('GET', '/api/layout-guide?year=2031', cookie)
        expect(guide.statusCode).toBe(200)
        expect(guide.json().entries).toHaveLength(2)
      }
      const latest = (await req('GET', '/api/layout-guide', binjiang)).json()
      expect(latest.year).toBe(2031)
      expect(latest.years[0]).toBe(2031)
    })

    it('copies a year to the next once, and deletes entries', async () => {
      const copy = await req('POST', '/api/layout-guide/copy', staff, { fromYear: 2031, toYear: 2032 })
      expect(copy.statusCode).toBe(201)
      expect(copy.json()).toEqual({ copied: 2 })
      expect((await req('POST', '/api/layout-guide/copy', staff, { fromYear: 2031, toYear: 2032 })).statusCode).toBe(409)
      expect((await req('POST', '/api/layout-guide/copy', staff, { fromYear: 2010, toYear: 2028 })).statusCode).toBe(404)
      const del = await req('DELETE', '/api/layout-guide/entries?year=2032&chainCode=visual_intelligence&districtCode=330106&platformCode=', staff)
      expect(del.statusCode).toBe(200)
      expect((await req('GET', '/api/layout-guide?year=2032', staff)).json().entries).toHaveLength(1)
      expect((await req('DELETE', '/api/layout-guide/entries?year=2032&chainCode=visual_intelligence&districtCode=330106&platformCode=', staff)).statusCode).toBe(404)
      const audit = (await req('GET', '/api/audit?action=layout_guide.copy_year', admin)).json()
      expect(audit.total).toBe(1)
    })
  })

  describe('chain map', () => {
    const C = 'smart_terminal'
    it('matches a direct count for the city against the national base', async () => {
      const map = await req('GET', `/api/chain-map?chain=${C}&region=330100`, binjiang)
      expect(map.statusCode).toBe(200)
      const m = map.json()
      expect(m).toMatchObject({ region: { code: '330100', level: 'city' }, benchmark: 'national' })
      const direct = await rows<{ code: string; local_n: number; base_n: number; revenue: number }>(sql`
        select cs.code,
          count(e.id) filter (where r.parent_code = '330100')::int as local_n,
          count(e.id) filter (where r.parent_code is distinct from '330100')::int as base_n,
          coalesce(sum(e.revenue) filter (where r.parent_code = '330100'), 0)::float8 as revenue
        from chain_segments cs
        left join enterprise_segments es on es.tenant_id = cs.tenant_id and es.segment_code = cs.code
        left join enterprises e on e.tenant_id = es.tenant_id and e.id = es.enterprise_id and e.status = 'active'
        left join regions r on r.code = e.region_code
        where cs.tenant_id = '330100' and cs.chain_code = ${C}
        group by cs.code`)
      const localChain = await rows<{ n: number }>(sql`
        select count(distinct e.id)::int as n from enterprise_segments es
        join enterprises e on e.tenant_id = es.tenant_id and e.id = es.enterprise_id
        join regions r on r.code = e.region_code and r.parent_code = '330100'
        join chain_segments cs on cs.tenant_id = es.tenant_id and cs.code = es.segment_code and cs.chain_code = ${C}
        where es.tenant_id = '330100'`)
      expect(m.totals.enterprises).toBe(localChain[0]!.n)
      // 延链: other chains only, at least two links, local firms counted like the drill-down does
      expect(m.extensions.length).toBeGreaterThan(0)
      for (const e of m.extensions) {
        expect(e.chainCode).not.toBe(C)
        expect(e.links).toBeGreaterThanOrEqual(2)
      }
      const first = m.extensions[0]
      const firstLocal = await rows<{ n: number }>(sql`
        select count(*)::int as n from enterprise_segments es
        join enterprises e on e.tenant_id = es.tenant_id and e.id = es.enterprise_id
        join regions r on r.code = e.region_code and r.parent_code = '330100'
        where es.tenant_id = '330100' and es.segment_code = ${first.segmentCode}`)
      expect(first.localEnterprises).toBe(firstLocal[0]!.n)
      expect(m.totals.enterprises).toBeGreaterThan(0)
      for (const d of direct) {
        const s = m.segments.find((x: { code: string }) => x.code === d.code)
        expect({ code: d.code, n: s.enterprises, base: s.benchmarkEnterprises }).toEqual({ code: d.code, n: d.local_n, base: d.base_n })
        expect(s.revenue).toBeCloseTo(d.revenue, 2)
        expect(s.gap).toBe(d.local_n === 0 ? 'missing' : s.strength !== null && s.strength < 0.8 ? 'weak' : 'strong')
      }
    })

    it('benchmarks a district against the city, pages the drill-down by revenue and refuses foreign regions', async () => {
      const m = (await req('GET', `/api/chain-map?chain=${C}&region=330110`, binjiang)).json()
      expect(m).toMatchObject({ region: { code: '330110', level: 'district' }, benchmark: 'city' })
      const city = (await req('GET', `/api/chain-map?chain=${C}&region=330100`, binjiang)).json()
      const busiest = [...m.segments].sort((a, b) => b.enterprises - a.enterprises)[0]
      expect(busiest.benchmarkEnterprises).toBe(city.segments.find((s: { code: string }) => s.code === busiest.code).enterprises)
      const page = (await req('GET', `/api/chain-map/segment-enterprises?chain=${C}&region=330110&segment=${busiest.code}&pageSize=2`, binjiang)).json()
      expect(page.total).toBe(busiest.enterprises)
      const all = (await req('GET', `/api/chain-map/segment-enterprises?chain=${C}&region=330110&segment=${busiest.code}&pageSize=200`, binjiang)).json()
      const revenues = all.items.map((i: { revenue: number | null }) => i.revenue ?? -1)
      expect(revenues).toEqual([...revenues].sort((a, b) => b - a))
      expect(all.items.every((i: { regionCode: string }) => i.regionCode === '330110')).toBe(true)
      expect((await req('GET', `/api/chain-map?chain=${C}&region=310101`, binjiang)).json().code).toBe('INVALID_REGION')
      expect((await req('GET', `/api/chain-map?chain=nope&region=330100`, binjiang)).statusCode).toBe(404)
      expect((await req('GET', `/api/chain-map/segment-enterprises?chain=${C}&region=330110&segment=integrated_circuit.design`, binjiang)).statusCode).toBe(404)
    })

    it('exports a valid xlsx with the map and its enterprises', async () => {
      const response = await req('GET', `/api/chain-map/export.xlsx?chain=${C}&region=330100`, leader)
      expect(response.statusCode).toBe(200)
      expect(response.headers['content-type']).toContain('spreadsheetml')
      const workbook = new ExcelJS.Workbook()
      await workbook.xlsx.load(response.rawPayload as unknown as ArrayBuffer)
      expect(workbook.worksheets.map((w) => w.name)).toEqual(['图谱', '延链', '企业'])
      const map = (await req('GET', `/api/chain-map?chain=${C}&region=330100`, leader)).json()
      const sheet = workbook.getWorksheet('图谱')!
      expect(sheet.getRow(2).getCell(2).value).toBe('环节')
      expect(sheet.rowCount).toBe(2 + map.segments.length)
      const firms = workbook.getWorksheet('企业')!
      const total = map.segments.reduce((n: number, s: { enterprises: number }) => n + s.enterprises, 0)
      expect(firms.rowCount).toBe(1 + total)
    })
  })
})
