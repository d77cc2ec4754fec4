import { randomUUID } from 'node:crypto'
import ExcelJS from 'exceljs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { cityScope, createTestContext, district, type TestContext } from '../../../test/context.js'
import { TEST_TENANT } from '../../../test/database.js'

// 滨江 (330108) and 西湖 (330106) staff, a city clerk and a read-only leader work on projects.
const BINJIANG = '330108'
const XIHU = '330106'

describe('project lifecycle', () => {
  let t: TestContext
  let city: string
  let binjiang: string
  let xihu: string
  let leader: string

  const get = (url: string, cookie = city) => t.app.inject({ method: 'GET', url, headers: { cookie } })
  const post = (url: string, payload: object, cookie = city) => t.app.inject({ method: 'POST', url, headers: { cookie }, payload })
  const patch = (url: string, payload: object, cookie = city) => t.app.inject({ method: 'PATCH', url, headers: { cookie }, payload })
  const put = (url: string, payload: object, cookie = city) => t.app.inject({ method: 'PUT', url, headers: { cookie }, payload })

  const base = {
    name: '某智能制造基地项目',
    investorName: '某科技集团有限公司',
    type: 'manufacturing',
    totalInvestment: 150_000,
    regionCode: BINJIANG,
  }

  async function create(overrides: object = {}, cookie = binjiang) {
    const response = await post('/api/projects', { ...base, ...overrides }, cookie)
    expect(response.statusCode, response.body).toBe(201)
    return response.json() as { id: string; version: number; stage: string }
  }

  beforeAll(async () => {
    t = await createTestContext()
    city = (await t.newUser('city_staff', cityScope)).cookie
    binjiang = (await t.newUser('district_staff', district(BINJIANG))).cookie
    xihu = (await t.newUser('district_staff', district(XIHU))).cookie
    leader = (await t.newUser('leader', cityScope)).cookie
  })
  afterAll(() => t?.close())

  describe('create and scope', () => {
    it('creates a project in the first stage with its size class and a dated event', async () => {
      const p = await create()
      expect(p).toMatchObject({ stage: 'lead', sizeClass: 2, regionName: '滨江区', version: 1, violatesFirstTalk: false })
      const events = (await get(`/api/projects/${p.id}/events`)).json()
      expect(events.items.map((e: { kind: string }) => e.kind).sort()).toEqual(['created', 'stage'])
    })

    it('refuses a district creating a project in another district, and a leader writing', async () => {
      expect((await post('/api/projects', { ...base, regionCode: XIHU }, binjiang)).statusCode).toBe(403)
      expect((await post('/api/projects', base, leader)).statusCode).toBe(403)
    })

    it('refuses a region outside the city and a platform of another district, naming the field', async () => {
      const outside = await post('/api/projects', { ...base, regionCode: '310101' })
      expect(outside.statusCode).toBe(400)
      expect(outside.json()).toMatchObject({ code: 'REGION_NOT_FOUND', fields: [{ path: 'regionCode' }] })
      const platform = await post('/api/projects', { ...base, platformCode: 'yuhuangshan_fund_town' })
      expect(platform.json()).toMatchObject({ code: 'PLATFORM_NOT_IN_REGION', fields: [{ path: 'platformCode' }] })
      const bad = await post('/api/projects', { ...base, totalInvestment: -1 })
      expect(bad.statusCode).toBe(400)
      expect(bad.json().code).toBe('VALIDATION_FAILED')
    })

    it('derives the chain and ecosystem from a segment', async () => {
      const p = await create({ segmentCode: 'visual_intelligence.camera' })
      expect(p).toMatchObject({ chainCode: 'visual_intelligence', ecosystemCode: 'smart_iot' })
    })

    it('hides another district’s project (404) but shows it to the city and city leaders', async () => {
      const p = await create()
      expect((await get(`/api/projects/${p.id}`, xihu)).statusCode).toBe(404)
      expect((await get(`/api/projects/${p.id}`, leader)).statusCode).toBe(200)
      const list = (await get(`/api/projects?pageSize=200`, xihu)).json()
      expect(list.items.some((x: { id: string }) => x.id === p.id)).toBe(false)
      expect((await get(`/api/projects?region=${BINJIANG}`, xihu)).statusCode).toBe(403)
      expect((await patch(`/api/projects/${p.id}`, { name: '改名项目', version: 1 }, xihu)).statusCode).toBe(404)
    })

    it('records a field change as an event and bumps the version; a stale version is refused', async () => {
      const p = await create()
      const updated = await patch(`/api/projects/${p.id}`, { totalInvestment: 600_000, landMu: 80, version: 1 }, binjiang)
      expect(updated.statusCode, updated.body).toBe(200)
      expect(updated.json()).toMatchObject({ sizeClass: 3, landMu: 80, version: 2 })
      const stale = await patch(`/api/projects/${p.id}`, { landMu: 90, version: 1 }, binjiang)
      expect(stale.statusCode).toBe(409)
      const fields = (await get(`/api/projects/${p.id}/events?kind=field`)).json().items.map((e: { field: string }) => e.field).sort()
      expect(fields).toEqual(['landMu', 'totalInvestment'])
    })
  })

  describe('stage transitions', () => {
    it('refuses a move with the list of what is missing, then allows it once filled and ticked', async () => {
      const p = await create()
      const refused = await post(`/api/projects/${p.id}/transition`, { toStage: 'negotiation', version: 1 }, binjiang)
      expect(refused.statusCode).toBe(422)
      expect(refused.json().code).toBe('STAGE_REQUIREMENTS_MISSING')
      expect(refused.json().fields.map((f: { path: string }) => f.path)).toEqual(['fields.contact.responsible', 'fields.negotiation.chainCode', 'checklist.negotiation.visit'])

      const filled = await patch(`/api/projects/${p.id}`, { responsible: [{ name: '王五', role: '招商专员' }], chainCode: 'visual_intelligence', version: 1 }, binjiang)
      expect(filled.statusCode, filled.body).toBe(200)
      const ticked = await put(`/api/projects/${p.id}/checklist/visit`, { done: true }, binjiang)
      expect(ticked.statusCode, ticked.body).toBe(200)
      expect(ticked.json().items.find((i: { key: string }) => i.key === 'visit')).toMatchObject({ done: true, doneOn: '2026-06-01' })

      const detail = (await get(`/api/projects/${p.id}`)).json()
      const moved = await post(`/api/projects/${p.id}/transition`, { toStage: 'negotiation', version: detail.project.version }, binjiang)
      expect(moved.statusCode, moved.body).toBe(200)
      expect(moved.json().project.stage).toBe('negotiation')
      expect(moved.json().nextStage).toBe('evaluation')
      expect(moved.json().missingForNext.map((m: { key: string }) => m.key)).toEqual(['landMu', 'energyTce', 'expectedOutput', 'expert_review', 'fund_review'])
      expect(moved.json().timeline.filter((s: { reached: boolean }) => s.reached).map((s: { stage: string }) => s.stage)).toEqual(['lead', 'contact', 'negotiation'])
    })

    it('needs a reason to move back, and keeps it on the event', async () => {
      const p = await create({ responsible: [{ name: '赵六' }] })
      const forward = await post(`/api/projects/${p.id}/transition`, { toStage: 'contact', version: 1 }, binjiang)
      expect(forward.statusCode, forward.body).toBe(200)
      t.clock.advance(60_000)
      const back = await post(`/api/projects/${p.id}/transition`, { toStage: 'lead', version: 2 }, binjiang)
      expect(back.statusCode).toBe(400)
      expect(back.json()).toMatchObject({ code: 'REASON_REQUIRED', fields: [{ path: 'reason' }] })
      const withReason = await post(`/api/projects/${p.id}/transition`, { toStage: 'lead', version: 2, reason: '投资方暂停决策' }, binjiang)
      expect(withReason.statusCode).toBe(200)
      const events = (await get(`/api/projects/${p.id}/events?kind=stage`)).json().items
      expect(events[0]).toMatchObject({ fromStage: 'contact', toStage: 'lead', note: '投资方暂停决策' })
    })

    it('checks role and scope on a transition', async () => {
      const p = await create({ responsible: [{ name: '赵六' }] })
      expect((await post(`/api/projects/${p.id}/transition`, { toStage: 'contact', version: 1 }, xihu)).statusCode).toBe(404)
      expect((await post(`/api/projects/${p.id}/transition`, { toStage: 'contact', version: 1 }, leader)).statusCode).toBe(403)
      expect((await post(`/api/projects/${p.id}/transition`, { toStage: 'contact', version: 1 }, city)).statusCode).toBe(200)
    })

    it('lets exactly one of two concurrent transitions of the same version win', async () => {
      const p = await create({ responsible: [{ name: '赵六' }] })
      const [a, b] = await Promise.all([
        post(`/api/projects/${p.id}/transition`, { toStage: 'contact', version: 1 }, binjiang),
        post(`/api/projects/${p.id}/transition`, { toStage: 'contact', version: 1 }, city),
      ])
      expect([a.statusCode, b.statusCode].sort()).toEqual([200, 409])
      const stageEvents = (await get(`/api/projects/${p.id}/events?kind=stage`)).json().items
      expect(stageEvents).toHaveLength(2)
    })

    it('signs, records 到资 only after signing, and keeps the signing day', async () => {
      const all = {
        responsible: [{ name: '钱七' }],
        chainCode: 'visual_intelligence',
        segmentCode: 'visual_intelligence.camera',
        landMu: 60,
        energyTce: 2000,
        expectedOutput: 300_000,
        expectedTax: 20_000,
        fixedAssetInvestment: 120_000,
        expectedJobs: 500,
      }
      const p = await create(all)
      expect((await post(`/api/projects/${p.id}/arrivals`, { amount: 1000, occurredOn: '2026-05-30', version: 1 }, binjiang)).json().code).toBe('NOT_SIGNED')
      for (const key of ['visit', 'expert_review', 'fund_review', 'meeting_minutes', 'contract']) {
        expect((await put(`/api/projects/${p.id}/checklist/${key}`, { done: true }, binjiang)).statusCode).toBe(200)
      }
      const version = (await get(`/api/projects/${p.id}`)).json().project.version
      const signed = await post(`/api/projects/${p.id}/transition`, { toStage: 'signed', version, occurredOn: '2026-05-20' }, binjiang)
      expect(signed.statusCode, signed.body).toBe(200)
      expect(signed.json().project).toMatchObject({ stage: 'signed', signedOn: '2026-05-20', startedOn: null })
      const arrival = await post(`/api/projects/${p.id}/arrivals`, { amount: 5000, occurredOn: '2026-05-30', note: '首期', version: version + 1 }, binjiang)
      expect(arrival.statusCode, arrival.body).toBe(200)
      expect(arrival.json().arrivedInvestment).toBe(5000)
      expect((await post(`/api/projects/${p.id}/transition`, { toStage: 'registered', version: version + 2, occurredOn: '2026-07-01' }, binjiang)).json().code).toBe('FUTURE_DATE')
    })

    it('refuses a checklist item the settings do not have', async () => {
      const p = await create()
      expect((await put(`/api/projects/${p.id}/checklist/nonexistent`, { done: true }, binjiang)).statusCode).toBe(404)
    })
  })

  describe('first report, first talk', () => {
    async function firm(region: string) {
      const id = randomUUID()
      await t.database.pool.query(
        `insert into enterprises (tenant_id, id, uscc, name, trade_name, trade_name_key, name_initials, region_code, industry_code, tags, created_at, updated_at)
         values ($1, $2, $3, $4, $5, $5, 'cs', $6, '3939', '{}', now(), now())`,
        [TEST_TENANT, id, `91330000MA${randomUUID().slice(0, 8).toUpperCase()}`, `首谈测试${id.slice(0, 4)}有限公司`, `首谈测试${id.slice(0, 4)}`, region],
      )
      return id
    }
    async function grant(enterpriseId: string, region: string) {
      await t.database.pool.query(
        `insert into first_talk_rights (tenant_id, id, region_code, enterprise_id, group_key, status, granted_at, granted_by, expires_at)
         values ($1, $2, $3, $4, $5, 'active', '2026-05-01T00:00:00Z', 'test', '2026-12-31T00:00:00Z')`,
        [TEST_TENANT, randomUUID(), region, enterpriseId, `enterprise:${enterpriseId}`],
      )
    }
    const ready = {
      responsible: [{ name: '孙八' }],
      chainCode: 'visual_intelligence',
      segmentCode: 'visual_intelligence.camera',
      landMu: 10,
      energyTce: 100,
      expectedOutput: 20_000,
      expectedTax: 1_000,
      fixedAssetInvestment: 10_000,
      expectedJobs: 50,
    }
    async function sign(id: string, cookie: string) {
      for (const key of ['visit', 'expert_review', 'fund_review', 'meeting_minutes', 'contract']) await put(`/api/projects/${id}/checklist/${key}`, { done: true }, cookie)
      const version = (await get(`/api/projects/${id}`)).json().project.version
      return post(`/api/projects/${id}/transition`, { toStage: 'signed', version }, cookie)
    }

    it('refuses a district creating a project for a firm whose right another district holds; the city may', async () => {
      const held = await firm(XIHU)
      await grant(held, XIHU)
      const refused = await post('/api/projects', { ...base, enterpriseId: held }, binjiang)
      expect(refused.statusCode).toBe(409)
      expect(refused.json().code).toBe('FIRST_TALK_HELD_ELSEWHERE')
      expect((await post('/api/projects', { ...base, enterpriseId: held, regionCode: XIHU }, xihu)).json().firstTalkStatus).toBe('granted')
      expect((await post('/api/projects', { ...base, enterpriseId: held }, city)).json().firstTalkStatus).toBe('city_led')
    })

    it('flags signing without the right, and not signing with it', async () => {
      const unregistered = await firm(BINJIANG)
      const without = await create({ ...ready, enterpriseId: unregistered })
      const signedWithout = await sign(without.id, binjiang)
      expect(signedWithout.statusCode, signedWithout.body).toBe(200)
      expect(signedWithout.json().project.violatesFirstTalk).toBe(true)
      expect((await get('/api/projects?violatesFirstTalk=true')).json().items.map((p: { id: string }) => p.id)).toContain(without.id)

      const mine = await firm(BINJIANG)
      await grant(mine, BINJIANG)
      const withRight = await create({ ...ready, enterpriseId: mine })
      expect((await sign(withRight.id, binjiang)).json().project).toMatchObject({ firstTalkStatus: 'granted', violatesFirstTalk: false })
    })
  })

  describe('lists, export, settings, targets, views', () => {
    it('filters by stage range and size class, and exports the same list to Excel', async () => {
      const list = (await get(`/api/projects?stageFrom=signed&pageSize=200`)).json()
      expect(list.items.length).toBeGreaterThan(0)
      expect(list.items.every((p: { signedOn: string | null }) => p.signedOn !== null)).toBe(true)
      const big = (await get(`/api/projects?sizeClassMin=3`)).json()
      expect(big.items.every((p: { sizeClass: number }) => p.sizeClass >= 3)).toBe(true)
      const xlsx = await get(`/api/projects/export.xlsx?stageFrom=signed`)
      expect(xlsx.statusCode).toBe(200)
      const workbook = new ExcelJS.Workbook()
      await workbook.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer)
      const sheet = workbook.getWorksheet('项目清单')!
      expect(sheet.rowCount - 1).toBe(list.total)
      expect(sheet.getRow(2).getCell(7).value).toBe('签约')
    })

    it('lets the city change the settings but not drop a stage that holds projects', async () => {
      const settings = (await get('/api/projects/settings')).json()
      expect(settings).toMatchObject({ isDefault: true, version: 0 })
      const withoutLead = await put('/api/projects/settings', { stages: settings.stages.slice(1), norms: settings.norms, redBlack: settings.redBlack, version: 0 })
      expect(withoutLead.json().code).toBe('STAGE_IN_USE')
      const renamed = settings.stages.map((s: { code: string }) => (s.code === 'lead' ? { ...s, nameZh: '项目线索' } : s))
      const ok = await put('/api/projects/settings', { stages: renamed, norms: settings.norms, redBlack: settings.redBlack, version: 0 })
      expect(ok.statusCode, ok.body).toBe(200)
      expect(ok.json()).toMatchObject({ version: 1, isDefault: false })
      expect((await put('/api/projects/settings', { stages: renamed, norms: settings.norms, redBlack: settings.redBlack, version: 0 })).statusCode).toBe(409)
      expect((await put('/api/projects/settings', { stages: renamed, norms: settings.norms, redBlack: settings.redBlack, version: 1 }, binjiang)).statusCode).toBe(403)
      const noSigned = await put('/api/projects/settings', { stages: renamed.filter((s: { code: string }) => s.code !== 'signed'), norms: [], redBlack: settings.redBlack, version: 1 })
      expect(noSigned.statusCode).toBe(400)
    })

    it('lets the city edit a district’s annual target with a version', async () => {
      const first = await put(`/api/projects/targets/2026/${BINJIANG}`, { count1: 30, count10: 5, count50: 1, count100: 0, investment: 2_000_000, version: 0 })
      expect(first.statusCode, first.body).toBe(200)
      expect(first.json()).toMatchObject({ count1: 30, version: 1 })
      expect((await put(`/api/projects/targets/2026/${BINJIANG}`, { count1: 31, count10: 5, count50: 1, count100: 0, investment: 0, version: 0 })).statusCode).toBe(409)
      expect((await put(`/api/projects/targets/2026/${BINJIANG}`, { count1: 31, count10: 5, count50: 1, count100: 0, investment: 0, version: 1 }, binjiang)).statusCode).toBe(403)
      const mine = (await get('/api/projects/targets?year=2026', binjiang)).json()
      expect(mine.items.map((i: { regionCode: string }) => i.regionCode)).toEqual([BINJIANG])
    })

    it('keeps saved views per user', async () => {
      const saved = await post('/api/projects/views', { name: '签约未开工', filter: { notYet: 'started' } }, leader)
      expect(saved.statusCode, saved.body).toBe(201)
      expect((await get('/api/projects/views', leader)).json().items).toHaveLength(1)
      expect((await get('/api/projects/views', city)).json().items).toHaveLength(0)
      expect((await t.app.inject({ method: 'DELETE', url: `/api/projects/views/${saved.json().id}`, headers: { cookie: city } })).statusCode).toBe(404)
      expect((await t.app.inject({ method: 'DELETE', url: `/api/projects/views/${saved.json().id}`, headers: { cookie: leader } })).statusCode).toBe(200)
    })

    it('writes an audit entry for every change', async () => {
      const { rows } = await t.database.pool.query<{ action: string }>(`select distinct action from audit_log where action like 'projects.%' order by action`)
      expect(rows.map((r) => r.action)).toEqual(
        expect.arrayContaining(['projects.create', 'projects.update', 'projects.stage.forward', 'projects.stage.back', 'projects.checklist', 'projects.arrival', 'projects.settings.update', 'projects.target.update']),
      )
    })
  })
})
