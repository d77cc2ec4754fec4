import { randomUUID } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { cityScope, createTestContext, district, type TestContext } from '../../../test/context.js'
import { TEST_TENANT } from '../../../test/database.js'
import { writeXlsx } from '../../lib/spreadsheet.js'
import { leadImportColumns } from '../../../../common/src/api/leads.js'
import { tradeNameKey } from '../enterprise/index.js'
import { runLeadTimersJob } from './index.js'

const BINJIANG = '330108'
const XIHU = '330106'
const DAY = 86_400_000

describe('leads', () => {
  let t: TestContext
  let city: string
  let binjiang: string
  let xihu: string
  let seq = 0
  const firms: Record<string, string> = {}

  async function firm(key: string, tradeName: string, extra: { parentId?: string } = {}) {
    const id = randomUUID()
    await t.database.pool.query(
      `insert into enterprises (tenant_id, id, uscc, name, trade_name, trade_name_key, name_initials, region_code, industry_code, tags, parent_id, created_at, updated_at)
       values ($1, $2, $3, $4, $5, $6, 'x', '310101', '3939', '{}', $7, now(), now())`,
      [TEST_TENANT, id, `91310000MA${String(++seq).padStart(8, '0')}`, `${tradeName}科技有限公司`, tradeName, tradeNameKey(`${tradeName}科技有限公司`), extra.parentId ?? null],
    )
    firms[key] = id
    return id
  }
  const get = (url: string, cookie: string) => t.app.inject({ method: 'GET', url, headers: { cookie } })
  const post = (url: string, payload: object, cookie: string) => t.app.inject({ method: 'POST', url, headers: { cookie }, payload })
  const form = (enterpriseId: string, extra: object = {}) => ({ title: '新能源电池项目', enterpriseId, channel: 'fair', sourcePerson: '李四', plannedInvestment: 120_000, chainCode: 'new_energy_vehicle', ...extra })

  beforeAll(async () => {
    t = await createTestContext()
    city = (await t.newUser('city_staff', cityScope)).cookie
    binjiang = (await t.newUser('district_staff', district(BINJIANG))).cookie
    xihu = (await t.newUser('district_staff', district(XIHU))).cookie
    await firm('A', '宁德远航')
    await firm('A2', '宁德远航新能源')
    await firm('B', '蓝海智造')
    await firm('C', '青山材料')
    await firm('T', '目标企业')
  })
  afterAll(() => t?.close())

  it('a district creates a lead in its own region; others cannot read it; bad input names the field', async () => {
    const created = await post('/api/leads', form(firms.A!), binjiang)
    expect(created.statusCode).toBe(201)
    expect(created.json()).toMatchObject({ regionCode: BINJIANG, regionName: '滨江区', status: 'new', origin: 'form', mustReport: true, standing: 'none', overdue: 0, events: [{ kind: 'created' }] })
    expect(created.json().timers.map((x: { key: string; state: string }) => `${x.key}:${x.state}`)).toEqual(['first_response:open', 'evaluation:open', 'feedback:open', 'progress:stopped'])
    const id = created.json().id
    expect((await get(`/api/leads/${id}`, xihu)).statusCode).toBe(404)
    expect((await get(`/api/leads/${id}`, city)).statusCode).toBe(200)
    expect((await get('/api/leads', xihu)).json().items.map((l: { id: string }) => l.id)).not.toContain(id)
    expect((await get(`/api/leads?region=${BINJIANG}`, xihu)).statusCode).toBe(403)
    expect((await post('/api/leads', form(firms.B!, { region: XIHU }), binjiang)).statusCode).toBe(403)
    const bad = await post('/api/leads', form(firms.B!, { channel: 'phone' }), binjiang)
    expect(bad.statusCode).toBe(400)
    expect(bad.json().fields[0].path).toBe('body.channel')
    const chain = await post('/api/leads', form(firms.B!, { chainCode: 'no_such_chain' }), binjiang)
    expect(chain.json()).toMatchObject({ code: 'CHAIN_NOT_FOUND', fields: [{ path: 'chainCode' }] })
    const audit = await t.database.pool.query(`select action from audit_log where entity_id = $1`, [id])
    expect(audit.rows).toEqual([{ action: 'leads.create' }])
  })

  it('detects duplicates in the caller’s scope: same firm, similar trade name; confirm creates anyway', async () => {
    const same = await post('/api/leads', form(firms.A!), binjiang)
    expect(same.statusCode).toBe(409)
    expect(same.json().code).toBe('DUPLICATE_LEAD')
    expect(same.json().fields[0].message).toContain('同一企业')
    const similar = await post('/api/leads', form(firms.A2!), binjiang)
    expect(similar.statusCode).toBe(409)
    expect(similar.json().fields[0].message).toContain('字号相近')
    const check = await get(`/api/leads/duplicates?enterpriseId=${firms.A2}`, binjiang)
    expect(check.json().items).toMatchObject([{ kind: 'lead', reason: 'similar_trade_name', regionCode: BINJIANG }])
    expect((await post('/api/leads', form(firms.A2!, { confirmDuplicate: true }), binjiang)).statusCode).toBe(201)
    // 西湖 does not learn of 滨江's leads
    expect((await get(`/api/leads/duplicates?enterpriseId=${firms.A}`, xihu)).json().items).toEqual([])
    expect((await post('/api/leads', form(firms.A!), xihu)).statusCode).toBe(201)
  })

  it('refuses a lead on a firm another district holds the first-talk right for', async () => {
    const lead = await post('/api/leads', form(firms.B!), binjiang)
    const report = await post('/api/registry/reports', { leadId: lead.json().id, intent: '意向明确' }, binjiang)
    expect(report.statusCode).toBe(201)
    const grant = await post(`/api/registry/reports/${report.json().id}/decision`, { decision: 'grant', version: 1 }, city)
    expect(grant.statusCode).toBe(200)
    expect((await get(`/api/leads/${lead.json().id}`, binjiang)).json()).toMatchObject({ standing: 'holder', reportStatus: 'granted' })
    const refused = await post('/api/leads', form(firms.B!), xihu)
    expect(refused.statusCode).toBe(409)
    expect(refused.json()).toMatchObject({ code: 'FIRST_TALK_HELD_ELSEWHERE' })
    expect(refused.json().message).toContain('滨江区')
    const dup = await get(`/api/leads/duplicates?enterpriseId=${firms.B}`, xihu)
    expect(dup.json().items).toMatchObject([{ kind: 'right', regionName: '滨江区', leadId: null, title: null }])
  })

  it('creates a lead from a target-list entry of the caller’s region only', async () => {
    const targetId = randomUUID()
    await t.database.pool.query(
      `insert into targets (tenant_id, id, region_code, enterprise_id, chain_code, owner_name, priority, status, reason, source, created_at, created_by, updated_at)
       values ($1, $2, $3, $4, 'new_energy_vehicle', '王五', 'high', 'contacting', '补链', 'manual', now(), 'test', now())`,
      [TEST_TENANT, targetId, XIHU, firms.T],
    )
    expect((await post('/api/leads/from-target', { targetId, channel: 'referral', sourcePerson: '链主推荐' }, binjiang)).json().code).toBe('TARGET_NOT_FOUND')
    const created = await post('/api/leads/from-target', { targetId, channel: 'referral', sourcePerson: '链主推荐' }, xihu)
    expect(created.statusCode).toBe(201)
    expect(created.json()).toMatchObject({ origin: 'target', targetId, regionCode: XIHU, title: '目标企业科技有限公司项目', chainCode: 'new_energy_vehicle' })
  })

  it('imports all or nothing, naming row and column', async () => {
    const header = [...leadImportColumns]
    const file = async (rows: (string | number)[][]) =>
      (await writeXlsx([{ name: '线索', columns: header.map((h) => ({ header: h })), rows }])).toString('base64')
    const bad = await post(
      '/api/leads/import',
      {
        fileName: 'leads.xlsx',
        contentBase64: await file([
          ['青山材料科技有限公司', '新材料项目', '展会/推介会', '赵六', '', '8000', '', '', '', ''],
          ['不存在的公司', '某项目', '电话', '', '', 'abc', '', '', '火星', ''],
        ]),
      },
      binjiang,
    )
    expect(bad.statusCode).toBe(400)
    const paths = bad.json().fields.map((f: { path: string }) => f.path)
    expect(paths).toEqual(expect.arrayContaining(['rows.3.企业名称或统一社会信用代码', 'rows.3.渠道', 'rows.3.信息来源人', 'rows.3.计划投资（万元）', 'rows.3.意向区县']))
    const before = (await get('/api/leads?q=青山', binjiang)).json().total
    expect(before).toBe(0)
    const ok = await post('/api/leads/import', { fileName: 'leads.xlsx', contentBase64: await file([['青山材料科技有限公司', '新材料项目', '展会/推介会', '赵六', '', '8000', '', '', '建德市', '']]) }, binjiang)
    expect(ok.json()).toEqual({ imported: 1 })
    expect((await get('/api/leads?q=青山', binjiang)).json().items[0]).toMatchObject({ origin: 'import', channel: 'fair', intendedRegionCode: '330182', plannedInvestment: 8000, mustReport: false })
  })

  it('service timers: overdue in the inbox, steps stamp them, the job alerts once per timer', async () => {
    const created = await post('/api/leads', form(firms.C!, { title: '计时线索', plannedInvestment: 500 }), xihu)
    const id = created.json().id
    t.clock.advance(2 * DAY)
    const xihuNow = await t.login((await t.database.pool.query(`select username from users where scope_id = $1 and role = 'district_staff'`, [XIHU])).rows[0].username)
    const overdue = await get('/api/leads?overdue=true', xihuNow)
    expect(overdue.json().items.map((l: { id: string }) => l.id)).toContain(id)
    expect(overdue.json().items.find((l: { id: string }) => l.id === id).overdue).toBe(1)
    const job = await runLeadTimersJob(t.ctx, TEST_TENANT)
    expect(job.raised).toBeGreaterThanOrEqual(1)
    const again = await runLeadTimersJob(t.ctx, TEST_TENANT)
    expect(again.raised).toBe(0)
    const inbox = await get('/api/notifications?unread=true', xihuNow)
    expect(inbox.json().items.filter((n: { kind: string; entityId: string }) => n.kind === 'leads.overdue' && n.entityId === id)).toHaveLength(1)

    const step = await post(`/api/leads/${id}/steps`, { kind: 'first_response', note: '已电话联系', version: 1 }, xihuNow)
    expect(step.json().timers[0]).toMatchObject({ key: 'first_response', state: 'done_late' })
    expect((await post(`/api/leads/${id}/steps`, { kind: 'evaluation', note: '研判', version: 1 }, xihuNow)).json().code).toBe('STALE_VERSION')
    const noOutcome = await post(`/api/leads/${id}/steps`, { kind: 'evaluation', note: '研判', version: 2 }, xihuNow)
    expect(noOutcome.json()).toMatchObject({ code: 'OUTCOME_REQUIRED', fields: [{ path: 'outcome' }] })
    const evaluated = await post(`/api/leads/${id}/steps`, { kind: 'evaluation', outcome: 'valid', note: '产业匹配', version: 2 }, xihuNow)
    expect(evaluated.json()).toMatchObject({ status: 'valid', overdue: 0 })
    expect((await get('/api/leads?overdue=true', xihuNow)).json().items.map((l: { id: string }) => l.id)).not.toContain(id)
    const closed = await post(`/api/leads/${id}/close`, { status: 'dropped', note: '企业转投外省', version: 3 }, xihuNow)
    expect(closed.json().status).toBe('dropped')
    expect((await post(`/api/leads/${id}/steps`, { kind: 'progress', note: 'x', version: 4 }, xihuNow)).json().code).toBe('LEAD_CLOSED')
  })

  it('funnel by channel and district: valid → reported → granted → signed, districts see their own', async () => {
    const cityNow = await t.login((await t.database.pool.query(`select username from users where role = 'city_staff' limit 1`)).rows[0].username)
    const funnel = await get('/api/leads/funnel', cityNow)
    expect(funnel.statusCode).toBe(200)
    const fair = funnel.json().byChannel.find((r: { key: string }) => r.key === 'fair')
    expect(fair).toMatchObject({ name: '展会推介', reported: 1, granted: 1, signed: 0 })
    expect(funnel.json().byRegion.find((r: { key: string }) => r.key === BINJIANG)).toMatchObject({ name: '滨江区', granted: 1 })
    expect(funnel.json().total.leads).toBe(funnel.json().byChannel.reduce((s: number, r: { leads: number }) => s + r.leads, 0))
    const xihuNow = await t.login((await t.database.pool.query(`select username from users where scope_id = $1 and role = 'district_staff'`, [XIHU])).rows[0].username)
    const own = await get('/api/leads/funnel', xihuNow)
    expect(own.json().byRegion.map((r: { key: string }) => r.key)).toEqual([XIHU])
  })
})
