import { randomUUID } from 'node:crypto'
import ExcelJS from 'exceljs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { cityScope, createTestContext, district, type TestContext } from '../../../test/context.js'
import { TEST_TENANT } from '../../../test/database.js'
import { writeXlsx } from '../../lib/spreadsheet.js'

// A small, hand-made chain: two local leaders' candidates in 滨江 (330108) and 西湖 (330106), local
// suppliers, and suppliers outside (上海, 苏州) and in another district.
const CHAIN = 'visual_intelligence'
const SENSOR = 'visual_intelligence.image_sensor'
const CAMERA = 'visual_intelligence.camera'
const OPTICS = 'visual_intelligence.optics'

type Firm = { id: string; name: string; uscc: string }

describe('the three lists', () => {
  let t: TestContext
  let city: string
  let binjiang: { id: string; username: string; cookie: string }
  let xihu: { id: string; cookie: string }
  const firms: Record<string, Firm> = {}
  let usccSeq = 0

  async function firm(key: string, region: string, revenue: number, segment: string, tags: string[] = []) {
    const id = randomUUID()
    const uscc = `91${region}MA${String(++usccSeq).padStart(8, '0')}`
    const name = `测试${key}科技有限公司`
    await t.database.pool.query(
      `insert into enterprises (tenant_id, id, uscc, name, trade_name, trade_name_key, name_initials, region_code, industry_code, revenue, tags, created_at, updated_at)
       values ($1, $2, $3, $4, $5, $5, 'cs', $6, '3939', $7, $8, now(), now())`,
      [TEST_TENANT, id, uscc, name, `测试${key}`, region, revenue, tags],
    )
    await t.database.pool.query(`insert into enterprise_segments (tenant_id, enterprise_id, segment_code, main) values ($1, $2, $3, true)`, [TEST_TENANT, id, segment])
    firms[key] = { id, name, uscc }
    return id
  }
  async function supplies(from: string, to: string, shareOfBuyerCost: number | null) {
    await t.database.pool.query(
      `insert into enterprise_relations (tenant_id, id, from_id, to_id, kind, share_of_buyer_cost, share_of_supplier_revenue, source)
       values ($1, $2, $3, $4, 'supplier', $5, 0.1, 'test')`,
      [TEST_TENANT, randomUUID(), firms[from]!.id, firms[to]!.id, shareOfBuyerCost],
    )
  }

  const get = (url: string, cookie = city) => t.app.inject({ method: 'GET', url, headers: { cookie } })
  const post = (url: string, payload: object, cookie = city) => t.app.inject({ method: 'POST', url, headers: { cookie }, payload })
  const patch = (url: string, payload: object, cookie = city) => t.app.inject({ method: 'PATCH', url, headers: { cookie }, payload })
  const leaderKey = (k: string) => `${CHAIN}~${firms[k]!.id}`
  const chainLeaderFlag = async (k: string) =>
    (await t.database.pool.query<{ chain_leader: boolean }>(`select chain_leader from enterprises where id = $1`, [firms[k]!.id])).rows[0]!.chain_leader

  beforeAll(async () => {
    t = await createTestContext()
    city = (await t.newUser('city_staff', cityScope)).cookie
    binjiang = await t.newUser('district_staff', district('330108'))
    xihu = await t.newUser('district_staff', district('330106'))
    await firm('L1', '330108', 500_000, CAMERA, ['上市'])
    await firm('L2', '330106', 300_000, CAMERA)
    for (const k of ['F1', 'F2', 'F3']) await firm(k, '330108', 2_000, SENSOR)
    await firm('S1', '310101', 80_000, SENSOR)
    await firm('S2', '320505', 20_000, OPTICS)
    await firm('S3', '330106', 9_000, SENSOR)
    for (const k of ['F1', 'F2', 'F3']) await supplies(k, 'L1', 0.01)
    await supplies('S1', 'L1', 0.2)
    await supplies('S1', 'L2', 0.1)
    await supplies('S2', 'L1', 0.05)
    await supplies('S3', 'L1', 0.15)
  })
  afterAll(() => t?.close())

  describe('chain leaders', () => {
    it('proposes by the criteria, then re-proposes without duplicating', async () => {
      const first = await post('/api/lists/chain-leaders/propose', { chain: CHAIN })
      expect(first.statusCode).toBe(200)
      // L1: rank 1 (50) + 4 local suppliers incl. 西湖's S3 (20 × 4/15 = 5.33) + 上市 (15 × 0.5 = 7.5) = 62.83; L2: rank 2 only = 45
      expect(first.json()).toMatchObject({ considered: 6, proposed: 1, inserted: 1, updated: 0, kept: 0 })
      const again = await post('/api/lists/chain-leaders/propose', { chain: CHAIN })
      expect(again.json()).toMatchObject({ proposed: 1, inserted: 0, updated: 1 })
      const list = await get(`/api/lists/chain-leaders?chain=${CHAIN}`)
      expect(list.json().total).toBe(1)
      expect(list.json().items[0]).toMatchObject({ enterpriseName: firms.L1!.name, status: 'proposed', score: 62.83, version: 2, regionName: '滨江区' })
      expect(list.json().items[0].criteria).toMatchObject({ revenueRank: 1, localSuppliers: 4, tags: ['上市'] })
    })

    it('refuses an unknown chain with the field named, and district staff may not propose', async () => {
      const unknown = await post('/api/lists/chain-leaders/propose', { chain: 'no_such_chain' })
      expect(unknown.statusCode).toBe(400)
      expect(unknown.json()).toMatchObject({ code: 'CHAIN_NOT_FOUND', fields: [{ path: 'chain' }] })
      expect((await post('/api/lists/chain-leaders/propose', { chain: CHAIN }, binjiang.cookie)).statusCode).toBe(403)
    })

    it('confirms with the version read (stale → 409), sets the enterprise flag, and a new proposal keeps the decision', async () => {
      const stale = await post(`/api/lists/chain-leaders/${leaderKey('L1')}/decision`, { decision: 'confirm', version: 1 })
      expect(stale.statusCode).toBe(409)
      expect(stale.json().code).toBe('STALE_VERSION')
      expect(await chainLeaderFlag('L1')).toBe(false)
      const ok = await post(`/api/lists/chain-leaders/${leaderKey('L1')}/decision`, { decision: 'confirm', note: '龙头', version: 2 })
      expect(ok.statusCode).toBe(200)
      expect(ok.json()).toMatchObject({ status: 'confirmed', note: '龙头', version: 3 })
      expect(await chainLeaderFlag('L1')).toBe(true)
      const again = await post('/api/lists/chain-leaders/propose', { chain: CHAIN })
      expect(again.json()).toMatchObject({ kept: 1, inserted: 0, updated: 0 })
      const list = await get(`/api/lists/chain-leaders?chain=${CHAIN}&status=confirmed`)
      expect(list.json().items.map((i: { enterpriseId: string }) => i.enterpriseId)).toEqual([firms.L1!.id])
    })

    it('rejecting the last confirmation clears the flag; confirming again sets it; history lists every step', async () => {
      const rejected = await post(`/api/lists/chain-leaders/${leaderKey('L1')}/decision`, { decision: 'reject', note: '迁出', version: 3 })
      expect(rejected.json().status).toBe('rejected')
      expect(await chainLeaderFlag('L1')).toBe(false)
      await post(`/api/lists/chain-leaders/${leaderKey('L1')}/decision`, { decision: 'confirm', version: 4 })
      expect(await chainLeaderFlag('L1')).toBe(true)
      const history = await get(`/api/lists/chain-leaders/${leaderKey('L1')}/history`, binjiang.cookie)
      expect(history.statusCode).toBe(200)
      expect(history.json().items.map((i: { action: string }) => i.action).sort()).toEqual(['confirm', 'confirm', 'propose', 'reject', 'repropose'])
      expect((await get(`/api/lists/chain-leaders/${CHAIN}~${randomUUID()}/history`)).statusCode).toBe(404)
      expect((await get(`/api/lists/chain-leaders/garbage/history`)).statusCode).toBe(404)
    })

    it('filters by district and sorts on the server; districts read the city list', async () => {
      const binjiangRows = await get(`/api/lists/chain-leaders?district=330108`, xihu.cookie)
      expect(binjiangRows.statusCode).toBe(200)
      expect(binjiangRows.json().total).toBe(1)
      expect((await get(`/api/lists/chain-leaders?district=330106`)).json().total).toBe(0)
      expect((await get(`/api/lists/chain-leaders?sort=bogus`)).statusCode).toBe(400)
    })

    it('keeps the criteria as a versioned city setting', async () => {
      const current = (await get('/api/lists/chain-leaders/criteria', binjiang.cookie)).json()
      expect(current).toMatchObject({ isDefault: true, version: 0, criteria: { threshold: 50 } })
      const put = (payload: object, cookie = city) => t.app.inject({ method: 'PUT', url: '/api/lists/chain-leaders/criteria', headers: { cookie }, payload })
      expect((await put({ criteria: current.criteria, version: 0 }, binjiang.cookie)).statusCode).toBe(403)
      const changed = await put({ criteria: { ...current.criteria, threshold: 40 }, version: 0 })
      expect(changed.json()).toMatchObject({ isDefault: false, version: 1, criteria: { threshold: 40 } })
      expect((await put({ criteria: current.criteria, version: 0 })).statusCode).toBe(409)
      // at 40, L2 (45) is proposed too
      const proposed = await post('/api/lists/chain-leaders/propose', { chain: CHAIN })
      expect(proposed.json()).toMatchObject({ proposed: 2, inserted: 1, kept: 1 })
      await put({ criteria: current.criteria, version: 1 })
    })
  })

  describe('key suppliers', () => {
    let s1Entry: { id: string; version: number }

    it('refreshes a district: outside suppliers of its confirmed leaders, with dependence and dependents', async () => {
      const refreshed = await post('/api/lists/key-suppliers/refresh', { region: '330108', chain: CHAIN }, binjiang.cookie)
      expect(refreshed.statusCode).toBe(200)
      // S1 (上海), S2 (苏州), S3 (西湖区: outside 滨江); F1-F3 are in 滨江
      expect(refreshed.json()).toMatchObject({ leaders: 1, found: 3, added: 3, updated: 0, vanished: 0 })
      const list = await get('/api/lists/key-suppliers?region=330108', binjiang.cookie)
      const items = list.json().items
      expect(items.map((i: { supplierName: string }) => i.supplierName)).toEqual([firms.S1!.name, firms.S3!.name, firms.S2!.name])
      expect(items[0]).toMatchObject({ dependence: 0.2, segmentCode: SENSOR, status: 'open', vanished: false, supplierRegionName: '黄浦区' })
      expect(items[0].dependents).toEqual([expect.objectContaining({ enterpriseId: firms.L1!.id, enterpriseName: firms.L1!.name, shareOfBuyerCost: 0.2 })])
      s1Entry = items[0]
    })

    it('refreshes the city: suppliers in other districts are local, not key suppliers', async () => {
      const refreshed = await post('/api/lists/key-suppliers/refresh', { region: '330100', chain: CHAIN })
      expect(refreshed.json()).toMatchObject({ leaders: 1, found: 2, added: 2 })
    })

    it('keeps staff status and note through a refresh, updates dependence, marks vanished entries', async () => {
      const edited = await patch(`/api/lists/key-suppliers/${s1Entry.id}`, { status: 'approaching', note: '已约见', version: s1Entry.version }, binjiang.cookie)
      expect(edited.statusCode).toBe(200)
      expect(edited.json()).toMatchObject({ status: 'approaching', note: '已约见', version: 2 })
      const stale = await patch(`/api/lists/key-suppliers/${s1Entry.id}`, { status: 'open', version: 1 }, binjiang.cookie)
      expect(stale.statusCode).toBe(409)
      await t.database.pool.query(`update enterprise_relations set share_of_buyer_cost = 0.25 where from_id = $1 and to_id = $2`, [firms.S1!.id, firms.L1!.id])
      await t.database.pool.query(`delete from enterprise_relations where from_id = $1`, [firms.S2!.id])
      const refreshed = await post('/api/lists/key-suppliers/refresh', { region: '330108', chain: CHAIN }, binjiang.cookie)
      expect(refreshed.json()).toMatchObject({ found: 2, added: 0, updated: 1, vanished: 1 })
      const s1 = (await get(`/api/lists/key-suppliers?region=330108&q=${encodeURIComponent('测试S1')}`, binjiang.cookie)).json().items[0]
      expect(s1).toMatchObject({ status: 'approaching', note: '已约见', dependence: 0.25 })
      const visible = (await get('/api/lists/key-suppliers?region=330108', binjiang.cookie)).json()
      expect(visible.total).toBe(2)
      const all = (await get('/api/lists/key-suppliers?region=330108&includeVanished=true', binjiang.cookie)).json()
      expect(all.items.find((i: { supplierId: string }) => i.supplierId === firms.S2!.id)).toMatchObject({ vanished: true })
      const history = (await get(`/api/lists/key-suppliers/${s1Entry.id}/history`, binjiang.cookie)).json().items
      expect(history.map((h: { action: string }) => h.action).sort()).toEqual(['refresh_add', 'refresh_update', 'update'])
      // an unchanged refresh changes nothing
      expect((await post('/api/lists/key-suppliers/refresh', { region: '330108', chain: CHAIN }, binjiang.cookie)).json()).toMatchObject({ added: 0, updated: 0, vanished: 0 })
    })

    it('keeps districts to their own rows', async () => {
      expect((await post('/api/lists/key-suppliers/refresh', { region: '330108', chain: CHAIN }, xihu.cookie)).statusCode).toBe(403)
      expect((await get('/api/lists/key-suppliers?region=330108', xihu.cookie)).statusCode).toBe(403)
      const own = (await get('/api/lists/key-suppliers', xihu.cookie)).json()
      expect(own.total).toBe(0)
      expect((await patch(`/api/lists/key-suppliers/${s1Entry.id}`, { note: 'x', version: 2 }, xihu.cookie)).statusCode).toBe(404)
      expect((await get(`/api/lists/key-suppliers/${s1Entry.id}/history`, xihu.cookie)).statusCode).toBe(404)
      const exported = await get('/api/lists/key-suppliers/export.xlsx', xihu.cookie)
      expect(exported.statusCode).toBe(200)
      expect(await sheetText(exported.rawPayload)).not.toContain('测试S1')
      expect((await post('/api/lists/key-suppliers/refresh', { region: '999999', chain: CHAIN })).json()).toMatchObject({ code: 'REGION_NOT_FOUND', fields: [{ path: 'region' }] })
    })

    it('adds a key supplier to the target list with source key_supplier and a reason naming the leader', async () => {
      const created = await post(`/api/lists/key-suppliers/${s1Entry.id}/target`, { priority: 'high' }, binjiang.cookie)
      expect(created.statusCode).toBe(201)
      expect(created.json()).toMatchObject({ regionCode: '330108', enterpriseId: firms.S1!.id, source: 'key_supplier', priority: 'high', chainCode: CHAIN, segmentCode: SENSOR })
      expect(created.json().reason).toContain(firms.L1!.name)
      const twice = await post(`/api/lists/key-suppliers/${s1Entry.id}/target`, {}, binjiang.cookie)
      expect(twice.statusCode).toBe(409)
    })
  })

  describe('targets', () => {
    let target: { id: string; version: number }

    it('creates a target, and refuses the same enterprise twice in a region naming the existing entry', async () => {
      const created = await post(
        '/api/lists/targets',
        { region: '330108', enterpriseId: firms.S2!.id, reason: '补链：光学镜头', priority: 'medium', ownerUserId: binjiang.id, nextStep: '拜访', nextStepDue: '2026-12-01', segmentCode: OPTICS },
        binjiang.cookie,
      )
      expect(created.statusCode).toBe(201)
      expect(created.json()).toMatchObject({ status: 'new', source: 'manual', ownerUserId: binjiang.id, chainCode: CHAIN, nextStepDue: '2026-12-01', version: 1 })
      target = created.json()
      const dup = await post('/api/lists/targets', { region: '330108', enterpriseId: firms.S2!.id, reason: '再来一次' }, city)
      expect(dup.statusCode).toBe(409)
      expect(dup.json()).toMatchObject({ code: 'DUPLICATE_TARGET', fields: [{ path: 'enterpriseId' }] })
      expect(dup.json().fields[0].message).toContain(firms.S2!.name)
      expect(dup.json().fields[0].message).toContain(target.id)
      // the same firm in another region is fine
      expect((await post('/api/lists/targets', { region: '330100', enterpriseId: firms.S2!.id, reason: '市级' })).statusCode).toBe(201)
    })

    it('validates fields: reason required, segment in chain, owner of the region, dates', async () => {
      const bad = await post('/api/lists/targets', { region: '330108', enterpriseId: firms.S3!.id, nextStepDue: '2026-13-01' }, binjiang.cookie)
      expect(bad.statusCode).toBe(400)
      expect(bad.json().fields.map((f: { path: string }) => f.path)).toEqual(expect.arrayContaining(['body.reason', 'body.nextStepDue']))
      const seg = await post('/api/lists/targets', { region: '330108', enterpriseId: firms.S3!.id, reason: 'x', chainCode: 'integrated_circuit', segmentCode: OPTICS }, binjiang.cookie)
      expect(seg.json()).toMatchObject({ code: expect.stringMatching(/SEGMENT_NOT_IN_CHAIN|CHAIN_NOT_FOUND/) })
      const owner = await post('/api/lists/targets', { region: '330108', enterpriseId: firms.S3!.id, reason: 'x', ownerUserId: xihu.id }, binjiang.cookie)
      expect(owner.json()).toMatchObject({ code: 'OWNER_NOT_FOUND', fields: [{ path: 'ownerUserId' }] })
      const other = await post('/api/lists/targets', { region: '330106', enterpriseId: firms.S3!.id, reason: 'x' }, binjiang.cookie)
      expect(other.statusCode).toBe(403)
    })

    it('updates with the version read; a stale version is 409 and changes nothing', async () => {
      const ok = await patch(`/api/lists/targets/${target.id}`, { status: 'contacting', notes: '已电话', version: 1 }, binjiang.cookie)
      expect(ok.statusCode).toBe(200)
      expect(ok.json()).toMatchObject({ status: 'contacting', notes: '已电话', version: 2, segmentCode: OPTICS })
      const stale = await patch(`/api/lists/targets/${target.id}`, { status: 'dropped', version: 1 }, binjiang.cookie)
      expect(stale.statusCode).toBe(409)
      expect((await get(`/api/lists/targets/${target.id}`, binjiang.cookie)).json().status).toBe('contacting')
    })

    it('hides another district’s targets from reads, edits, history and exports', async () => {
      expect((await get(`/api/lists/targets/${target.id}`, xihu.cookie)).statusCode).toBe(404)
      expect((await patch(`/api/lists/targets/${target.id}`, { notes: 'x', version: 2 }, xihu.cookie)).statusCode).toBe(404)
      expect((await get(`/api/lists/targets/${target.id}/history`, xihu.cookie)).statusCode).toBe(404)
      expect((await get('/api/lists/targets?region=330108', xihu.cookie)).statusCode).toBe(403)
      expect((await get('/api/lists/targets', xihu.cookie)).json().total).toBe(0)
      const exported = await get('/api/lists/targets/export.xlsx', xihu.cookie)
      expect(await sheetText(exported.rawPayload)).not.toContain('测试S')
      // the city sees the district's rows and its own
      const cityList = (await get('/api/lists/targets')).json()
      expect(cityList.total).toBe(3)
      const platform = await t.newUser('platform_staff', { type: 'platform', id: 'nope' })
      expect((await get('/api/lists/targets', platform.cookie)).json().total).toBe(0)
    })

    it('exports a valid xlsx with Chinese headers, filtered and sorted like the list', async () => {
      const response = await get('/api/lists/targets/export.xlsx?region=330108&sort=enterpriseName&order=asc')
      expect(response.statusCode).toBe(200)
      expect(response.headers['content-type']).toContain('spreadsheetml')
      const book = new ExcelJS.Workbook()
      await book.xlsx.load(response.rawPayload as unknown as ArrayBuffer)
      const sheet = book.worksheets[0]!
      expect(sheet.getRow(1).getCell(2).value).toBe('企业名称')
      expect(sheet.rowCount).toBe(3)
      expect([sheet.getRow(2).getCell(2).value, sheet.getRow(3).getCell(2).value]).toEqual([firms.S1!.name, firms.S2!.name])
      expect(sheet.getRow(3).getCell(7).value).toBe('接触中')
    })

    it('keeps the history of an entry and writes audit entries', async () => {
      const history = (await get(`/api/lists/targets/${target.id}/history`, binjiang.cookie)).json().items
      expect(history.map((h: { action: string }) => h.action).sort()).toEqual(['create', 'update'])
      const update = history.find((h: { action: string }) => h.action === 'update')
      expect(update).toMatchObject({ before: { status: 'new' }, after: { status: 'contacting' } })
      const admin = await t.login('admin', 'admin-pass-2026')
      const audit = await get(`/api/audit?entityId=${target.id}`, admin)
      expect(audit.json().items.map((i: { action: string }) => i.action).sort()).toEqual(['lists.target.create', 'lists.target.update'])
    })

    it('deletes with the version read', async () => {
      const extra = (await post('/api/lists/targets', { region: '330108', enterpriseId: firms.F1!.id, reason: '删除测试' }, binjiang.cookie)).json()
      const del = (v: number) => t.app.inject({ method: 'DELETE', url: `/api/lists/targets/${extra.id}?version=${v}`, headers: { cookie: binjiang.cookie } })
      expect((await del(5)).statusCode).toBe(409)
      expect((await del(1)).statusCode).toBe(200)
      expect((await get(`/api/lists/targets/${extra.id}`, binjiang.cookie)).statusCode).toBe(404)
    })
  })

  describe('enterprise merge', () => {
    it('re-points targets to the survivor and drops the merged firm’s duplicate entry', async () => {
      const survivor = await firm('M1', '330108', 1_000, SENSOR)
      const duplicate = await firm('M2', '330108', 900, SENSOR)
      const inDistrict = (await post('/api/lists/targets', { region: '330108', enterpriseId: duplicate, reason: '并入测试' })).json()
      await post('/api/lists/targets', { region: '330100', enterpriseId: survivor, reason: '市级保留' })
      const cityDup = (await post('/api/lists/targets', { region: '330100', enterpriseId: duplicate, reason: '市级重复' })).json()
      const merged = await post(`/api/enterprises/${survivor}/merge`, { duplicateId: duplicate })
      expect(merged.statusCode).toBe(200)
      expect((await get(`/api/lists/targets/${inDistrict.id}`)).json()).toMatchObject({ enterpriseId: survivor, version: 2 })
      expect((await get(`/api/lists/targets/${cityDup.id}`)).statusCode).toBe(404)
      const history = (await get(`/api/lists/targets/${inDistrict.id}/history`)).json().items
      expect(history.map((h: { action: string }) => h.action)).toContain('merge')
    })
  })

  describe('target import', () => {
    const header = ['企业名称或统一社会信用代码', '优先级', '状态', '负责人', '下一步', '下一步截止日期', '备注', '列入理由']
    const upload = async (rows: (string | number)[][], cookie = binjiang.cookie, region = '330108') => {
      const file = await writeXlsx([{ name: 'Sheet1', columns: header.map((h) => ({ header: h })), rows }])
      return post('/api/lists/targets/import', { region, fileName: 'targets.xlsx', contentBase64: file.toString('base64') }, cookie)
    }
    const count = async () => (await get('/api/lists/targets?region=330108', binjiang.cookie)).json().total as number

    it('rejects the whole file with row and column errors, importing nothing', async () => {
      const before = await count()
      const response = await upload([
        [firms.F2!.uscc, '高', '新建', binjiang.id, '电话', '2026-10-01', '', '补链'],
        ['不存在的公司', '高', '新建', '', '', '', '', '补链'],
        [firms.F3!.name, '紧急', '签约', '', '', '2026-02-30', '', ''],
        [firms.S1!.uscc, '低', '', '', '', '', '', '已在清单'],
        [firms.F2!.name, '中', '', '', '', '', '', '重复行'],
      ])
      expect(response.statusCode).toBe(400)
      expect(response.json().code).toBe('IMPORT_INVALID')
      const paths = response.json().fields.map((f: { path: string }) => f.path)
      expect(paths).toEqual([
        'rows.3.企业名称或统一社会信用代码',
        'rows.4.优先级',
        'rows.4.状态',
        'rows.4.下一步截止日期',
        'rows.4.列入理由',
        'rows.5.企业名称或统一社会信用代码',
        'rows.6.企业名称或统一社会信用代码',
      ])
      expect(response.json().fields[0].message).toContain('第 3 行')
      expect(await count()).toBe(before)
    })

    it('reports a missing column', async () => {
      const file = await writeXlsx([{ name: 'S', columns: [{ header: '企业名称或统一社会信用代码' }], rows: [[firms.F2!.uscc]] }])
      const response = await post('/api/lists/targets/import', { region: '330108', fileName: 'a.xlsx', contentBase64: file.toString('base64') }, binjiang.cookie)
      expect(response.json()).toMatchObject({ code: 'IMPORT_INVALID', fields: [{ path: 'columns.列入理由' }] })
    })

    it('imports a valid file in one go, matching owners by name', async () => {
      const before = await count()
      const response = await upload([
        [firms.F2!.uscc, '高', '洽谈中', binjiang.username, '签约准备', '2026/11/5', '备注', '补链'],
        [firms.F3!.name, 'low', '', '外部顾问', '', '', '', '强链'],
      ])
      expect(response.statusCode).toBe(200)
      expect(response.json()).toEqual({ imported: 2 })
      expect(await count()).toBe(before + 2)
      const f2 = (await get(`/api/lists/targets?region=330108&q=${firms.F2!.uscc}`, binjiang.cookie)).json().items[0]
      expect(f2).toMatchObject({ source: 'import', priority: 'high', status: 'negotiating', nextStepDue: '2026-11-05', ownerUserId: binjiang.id })
      const f3 = (await get(`/api/lists/targets?region=330108&q=${encodeURIComponent(firms.F3!.name)}`, binjiang.cookie)).json().items[0]
      expect(f3).toMatchObject({ ownerName: '外部顾问', ownerUserId: null, priority: 'low', status: 'new' })
      expect((await upload([[firms.F2!.uscc, '', '', '', '', '', '', 'x']], xihu.cookie)).statusCode).toBe(403)
    })
  })
})

async function sheetText(payload: Buffer): Promise<string> {
  const book = new ExcelJS.Workbook()
  await book.xlsx.load(payload as unknown as ArrayBuffer)
  const cells: string[] = []
  book.worksheets[0]!.eachRow((row) => row.eachCell((cell) => cells.push(String(cell.value))))
  return cells.join('|')
}
