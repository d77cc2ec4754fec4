import { randomUUID } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { cityScope, createTestContext, district, type TestContext } from '../../../test/context.js'
import { TEST_TENANT } from '../../../test/database.js'
import type { Actor } from '../auth/index.js'
import { assertFirstTalkAllows, firstTalkStanding, runRightsJob, settleAttempts } from './index.js'

// 滨江 (330108) and 西湖 (330106) compete for the same investor; the city (330100) decides.
const BINJIANG = '330108'
const XIHU = '330106'
const DAY = 86_400_000

describe('first report, first talk (首报首谈)', () => {
  let t: TestContext
  let city: { id: string; username: string; cookie: string }
  let binjiang: { id: string; username: string; cookie: string }
  let xihu: { id: string; username: string; cookie: string }
  let usccSeq = 0

  async function firm(tradeName: string, region: string, extra: { parentId?: string; controller?: string } = {}) {
    const id = randomUUID()
    await t.database.pool.query(
      `insert into enterprises (tenant_id, id, uscc, name, trade_name, trade_name_key, name_initials, region_code, industry_code, tags, parent_id, actual_controller, created_at, updated_at)
       values ($1, $2, $3, $4, $5, $5, 'x', $6, '3939', '{}', $7, $8, now(), now())`,
      [TEST_TENANT, id, `91330000MA${String(++usccSeq).padStart(8, '0')}`, `${tradeName}科技有限公司`, tradeName, region, extra.parentId ?? null, extra.controller ?? null],
    )
    return id
  }
  async function lead(region: string, enterpriseId: string, investment = 50_000) {
    const id = randomUUID()
    await t.database.pool.query(
      `insert into leads (tenant_id, id, region_code, title, enterprise_id, group_key, channel, source_person, planned_investment, chain_code, status, origin, received_at, created_at, created_by, updated_at)
       values ($1, $2, $3, '测试线索', $4, 'x', 'fair', '张三', $5, 'visual_intelligence', 'valid', 'form', now(), now(), 'test', now())`,
      [TEST_TENANT, id, region, enterpriseId, investment],
    )
    return id
  }
  const get = (url: string, cookie: string) => t.app.inject({ method: 'GET', url, headers: { cookie } })
  const post = (url: string, payload: object, cookie: string) => t.app.inject({ method: 'POST', url, headers: { cookie }, payload })
  const actorOf = (user: { id: string; username: string }, region: string | null): Actor => ({
    userId: user.id,
    username: user.username,
    displayName: user.username,
    role: region ? 'district_staff' : 'city_staff',
    tenantId: TEST_TENANT,
    scope: region ? district(region) : cityScope,
  })

  beforeAll(async () => {
    t = await createTestContext()
    city = await t.newUser('city_staff', cityScope)
    binjiang = await t.newUser('district_staff', district(BINJIANG))
    xihu = await t.newUser('district_staff', district(XIHU))
  })
  afterAll(() => t?.close())

  it('two districts reporting the same firm at the same moment: exactly one report is registered, the other gets 409', async () => {
    for (let round = 0; round < 3; round++) {
      const target = await firm(`竞逐${round}号`, '310101')
      const [a, b] = await Promise.all([lead(BINJIANG, target), lead(XIHU, target)])
      const responses = await Promise.all([
        post('/api/registry/reports', { leadId: a, intent: '有明确投资意向' }, binjiang.cookie),
        post('/api/registry/reports', { leadId: b, intent: '有明确投资意向' }, xihu.cookie),
      ])
      const codes = responses.map((r) => r.statusCode).sort()
      expect(codes).toEqual([201, 409])
      const loser = responses.find((r) => r.statusCode === 409)!
      expect(loser.json().code).toBe('REPORT_CONFLICT')
      const winnerRegion = responses.find((r) => r.statusCode === 201)!.json().regionCode
      const winnerName = winnerRegion === BINJIANG ? '滨江区' : '西湖区'
      expect(loser.json().fields[0].message).toContain(winnerName)
      expect(loser.json().fields[0].message).toContain('同一企业')
      const { rows } = await t.database.pool.query(`select count(*)::int as n from lead_reports where enterprise_id = $1`, [target])
      expect(rows[0].n).toBe(1)
      const attempts = await t.database.pool.query(`select action, conflict from registry_attempts where enterprise_id = $1`, [target])
      expect(attempts.rows).toHaveLength(1)
      expect(attempts.rows[0]).toMatchObject({ action: 'report', conflict: { regionCode: winnerRegion, reason: 'same_enterprise' } })
    }
  })

  it('a district sees its own reports only; another district’s report is 404; the city reads all', async () => {
    const target = await firm('可见性', '310101')
    const leadId = await lead(BINJIANG, target)
    const created = await post('/api/registry/reports', { leadId, intent: '签约意向明确' }, binjiang.cookie)
    expect(created.statusCode).toBe(201)
    const id = created.json().id
    expect((await get(`/api/registry/reports/${id}/review`, xihu.cookie)).statusCode).toBe(404)
    expect((await get(`/api/registry/reports/${id}/review`, binjiang.cookie)).statusCode).toBe(200)
    const xihuList = await get('/api/registry/reports', xihu.cookie)
    expect(xihuList.json().items.every((r: { regionCode: string }) => r.regionCode === XIHU)).toBe(true)
    expect((await get(`/api/registry/reports?region=${BINJIANG}`, xihu.cookie)).statusCode).toBe(403)
    const cityList = await get(`/api/registry/reports?region=${BINJIANG}&status=pending`, city.cookie)
    expect(cityList.json().items.map((r: { id: string }) => r.id)).toContain(id)
    // a district may not report another district's lead
    const xihuLead = await lead(XIHU, await firm('别家', '310101'))
    expect((await post('/api/registry/reports', { leadId: xihuLead, intent: '试图代报' }, binjiang.cookie)).json().code).toBe('LEAD_NOT_FOUND')
    // only the city decides
    expect((await post(`/api/registry/reports/${id}/decision`, { decision: 'grant', version: 1 }, binjiang.cookie)).statusCode).toBe(403)
  })

  describe('a granted right', () => {
    let parent: string
    let subsidiary: string
    let rightId: string
    let reportId: string

    beforeAll(async () => {
      parent = await firm('远景集团', '310101', { controller: '王某' })
      subsidiary = await firm('远景动力', '320505', { parentId: parent })
      const leadId = await lead(BINJIANG, parent, 200_000)
      const created = await post('/api/registry/reports', { leadId, intent: '拟在滨江设立研发中心' }, binjiang.cookie)
      reportId = created.json().id
      const review = await get(`/api/registry/reports/${reportId}/review`, city.cookie)
      expect(review.json()).toMatchObject({ conflicts: [], mustReport: { required: true, reasons: ['planned_investment'] } })
      expect(review.json().fits[0].regionCode).toBe(BINJIANG)
      const granted = await post(`/api/registry/reports/${reportId}/decision`, { decision: 'grant', version: 1, note: '符合布局导引' }, city.cookie)
      expect(granted.statusCode).toBe(200)
      expect(granted.json()).toMatchObject({ status: 'granted', decidedBy: city.username })
      rightId = granted.json().rightId
    })

    it('lasts the city setting (6 months) and is in the audit log', async () => {
      const right = await get(`/api/registry/rights/${rightId}`, binjiang.cookie)
      expect(right.json()).toMatchObject({ status: 'active', regionName: '滨江区', expiresAt: '2026-12-01T08:00:00.000Z', events: [{ kind: 'granted' }] })
      const audit = await t.database.pool.query(`select action from audit_log where entity_id in ($1, $2) order by seq`, [rightId, reportId])
      expect(audit.rows.map((r) => r.action)).toEqual(['registry.report.create', 'registry.right.grant', 'registry.report.grant'])
      const inbox = await get('/api/notifications', binjiang.cookie)
      expect(inbox.json().items.some((n: { kind: string }) => n.kind === 'registry.granted')).toBe(true)
    })

    it('another district sees only that the firm is taken, by whom and until when', async () => {
      const list = await get('/api/registry/rights?status=active', xihu.cookie)
      const taken = list.json().items.find((r: { enterpriseId: string }) => r.enterpriseId === parent)
      expect(taken).toEqual({ visibility: 'taken', regionCode: BINJIANG, regionName: '滨江区', enterpriseId: parent, enterpriseName: '远景集团科技有限公司', expiresAt: '2026-12-01T08:00:00.000Z' })
      expect((await get(`/api/registry/rights/${rightId}`, xihu.cookie)).statusCode).toBe(404)
      const standing = await get(`/api/registry/standing?enterpriseId=${subsidiary}`, xihu.cookie)
      expect(standing.json()).toMatchObject({ standing: 'held_elsewhere', taken: { regionName: '滨江区' } })
      expect((await get(`/api/registry/standing?enterpriseId=${parent}`, binjiang.cookie)).json().standing).toBe('holder')
    })

    it('blocks other districts on the firm and its group (409 naming holder and expiry, attempt logged); the holder and the city pass', async () => {
      const tx = t.database.db
      await expect(assertFirstTalkAllows(tx, actorOf(xihu, XIHU), { enterpriseId: subsidiary, action: 'project' })).rejects.toMatchObject({
        code: 'FIRST_TALK_HELD_ELSEWHERE',
        status: 409,
        messageZh: expect.stringContaining('滨江区'),
        messageEn: expect.stringContaining('2026-12-01'),
      })
      await settleAttempts()
      const attempts = await t.database.pool.query(`select action, region_code from registry_attempts where enterprise_id = $1`, [subsidiary])
      expect(attempts.rows).toEqual([{ action: 'project', region_code: XIHU }])
      await expect(assertFirstTalkAllows(tx, actorOf(binjiang, BINJIANG), { enterpriseId: subsidiary, action: 'negotiation' })).resolves.toBeUndefined()
      await expect(assertFirstTalkAllows(tx, actorOf(city, null), { enterpriseId: parent, action: 'project' })).resolves.toBeUndefined()
      expect(await firstTalkStanding(tx, TEST_TENANT, subsidiary, XIHU)).toBe('held_elsewhere')
      expect(await firstTalkStanding(tx, TEST_TENANT, subsidiary, BINJIANG)).toBe('holder')
      // a report of the same group by 西湖 is refused, naming 滨江 but not the firm it holds
      const other = await lead(XIHU, subsidiary)
      const refused = await post('/api/registry/reports', { leadId: other, intent: '动力电池项目' }, xihu.cookie)
      expect(refused.statusCode).toBe(409)
      expect(refused.json().fields[0].message).toContain('滨江区已有首谈资格')
      expect(refused.json().fields[0].message).toContain('同一集团')
      expect(refused.json().fields[0].message).not.toContain('远景集团')
      // the city sees the conflict in full
      const attemptList = await get('/api/registry/attempts', city.cookie)
      expect(attemptList.json().items.filter((a: { enterpriseId: string }) => a.enterpriseId === subsidiary).map((a: { action: string }) => a.action).sort()).toEqual(['project', 'report'])
      expect((await get('/api/registry/attempts', xihu.cookie)).statusCode).toBe(403)
    })

    it('renew (city, stale version refused), release by the holder only', async () => {
      const stale = await post(`/api/registry/rights/${rightId}/renew`, { version: 0, reason: '洽谈顺利' }, city.cookie)
      expect(stale.json().code).toBe('STALE_VERSION')
      t.clock.advance(1000)
      const renewed = await post(`/api/registry/rights/${rightId}/renew`, { version: 1, reason: '洽谈顺利' }, city.cookie)
      expect(renewed.json()).toMatchObject({ renewals: 1, expiresAt: '2027-03-01T08:00:00.000Z', version: 2 })
      expect((await post(`/api/registry/rights/${rightId}/renew`, { version: 2, reason: '自行续期' }, binjiang.cookie)).statusCode).toBe(403)
      expect((await post(`/api/registry/rights/${rightId}/release`, { version: 2, reason: '不要了' }, xihu.cookie)).statusCode).toBe(404)
      t.clock.advance(1000)
      const released = await post(`/api/registry/rights/${rightId}/release`, { version: 2, reason: '企业决定不来' }, binjiang.cookie)
      expect(released.json()).toMatchObject({ status: 'released', endReason: '企业决定不来', daysLeft: null })
      expect(released.json().events.map((e: { kind: string }) => e.kind)).toEqual(['granted', 'renewed', 'released'])
      expect(await firstTalkStanding(t.database.db, TEST_TENANT, subsidiary, XIHU)).toBe('none')
    })
  })

  it('reject with a reason; redirect moves the lead to the other district; revoke by the city', async () => {
    const a = await firm('退回', '310101')
    const rejected = await post('/api/registry/reports', { leadId: await lead(BINJIANG, a), intent: '意向一般' }, binjiang.cookie)
    const noReason = await post(`/api/registry/reports/${rejected.json().id}/decision`, { decision: 'reject', version: 1 }, city.cookie)
    expect(noReason.statusCode).toBe(400)
    expect(noReason.json().fields[0].path).toBe('body.reason')
    const done = await post(`/api/registry/reports/${rejected.json().id}/decision`, { decision: 'reject', version: 1, reason: '意向不明确' }, city.cookie)
    expect(done.json()).toMatchObject({ status: 'rejected', decisionReason: '意向不明确' })
    expect((await post(`/api/registry/reports/${rejected.json().id}/decision`, { decision: 'grant', version: 2 }, city.cookie)).json().code).toBe('REPORT_DECIDED')

    const b = await firm('大型制造', '310101')
    const leadId = await lead(BINJIANG, b, 300_000)
    const report = await post('/api/registry/reports', { leadId, intent: '用地 500 亩' }, binjiang.cookie)
    const bad = await post(`/api/registry/reports/${report.json().id}/decision`, { decision: 'redirect', version: 1, region: '310101', reason: '用地不足' }, city.cookie)
    expect(bad.json().code).toBe('REGION_NOT_FOUND')
    const redirected = await post(`/api/registry/reports/${report.json().id}/decision`, { decision: 'redirect', version: 1, region: '330127', reason: '滨江用地不足，淳安更合适' }, city.cookie)
    expect(redirected.json()).toMatchObject({ status: 'redirected', redirectRegionCode: '330127' })
    const { rows } = await t.database.pool.query(`select region_code from leads where id = $1`, [leadId])
    expect(rows[0].region_code).toBe('330127')

    const c = await firm('撤销', '310101')
    const r = await post('/api/registry/reports', { leadId: await lead(XIHU, c), intent: '意向明确' }, xihu.cookie)
    const g = await post(`/api/registry/reports/${r.json().id}/decision`, { decision: 'grant', version: 1 }, city.cookie)
    expect((await post(`/api/registry/rights/${g.json().rightId}/revoke`, { version: 1, reason: '违规比拼政策' }, xihu.cookie)).statusCode).toBe(403)
    const revoked = await post(`/api/registry/rights/${g.json().rightId}/revoke`, { version: 1, reason: '违规比拼政策' }, city.cookie)
    expect(revoked.json()).toMatchObject({ status: 'revoked', endedBy: city.username })
  })

  it('a merge moves the duplicate’s report and right to the kept firm', async () => {
    const kept = await firm('合并保留', '310101')
    const duplicate = await firm('合并重复', '310101')
    const report = await post('/api/registry/reports', { leadId: await lead(BINJIANG, duplicate), intent: '意向明确' }, binjiang.cookie)
    const granted = await post(`/api/registry/reports/${report.json().id}/decision`, { decision: 'grant', version: 1 }, city.cookie)
    const merged = await post(`/api/enterprises/${kept}/merge`, { duplicateId: duplicate }, city.cookie)
    expect(merged.statusCode).toBe(200)
    const { rows } = await t.database.pool.query(`select enterprise_id from first_talk_rights where id = $1`, [granted.json().rightId])
    expect(rows[0].enterprise_id).toBe(kept)
    expect(await firstTalkStanding(t.database.db, TEST_TENANT, kept, XIHU)).toBe('held_elsewhere')
    const leads = await t.database.pool.query(`select count(*)::int as n from leads where enterprise_id = $1`, [kept])
    expect(leads.rows[0].n).toBe(1)
  })

  it('settings: defaults, city-only update with version check, bad input names the field', async () => {
    const current = await get('/api/registry/settings', binjiang.cookie)
    expect(current.json()).toMatchObject({ isDefault: true, version: 0, settings: { rightMonths: 6, timers: { firstResponseDays: 1, evaluationDays: 3, feedbackDays: 7, progressDays: 14 } } })
    const settings = { ...current.json().settings, rightMonths: 4 }
    const put = (payload: object, cookie: string) => t.app.inject({ method: 'PUT', url: '/api/registry/settings', headers: { cookie }, payload })
    expect((await put({ settings, version: 0 }, binjiang.cookie)).statusCode).toBe(403)
    const bad = await put({ settings: { ...settings, rightMonths: 0 }, version: 0 }, city.cookie)
    expect(bad.statusCode).toBe(400)
    expect(bad.json().fields[0].path).toBe('body.settings.rightMonths')
    expect((await put({ settings, version: 0 }, city.cookie)).json()).toMatchObject({ version: 1, isDefault: false, settings: { rightMonths: 4 } })
    expect((await put({ settings, version: 0 }, city.cookie)).json().code).toBe('STALE_VERSION')
  })
  it('the job warns 14 days before expiry, once, then expires the right; a new report is possible afterwards', async () => {
    const target = await firm('到期', '310101')
    const report = await post('/api/registry/reports', { leadId: await lead(BINJIANG, target), intent: '意向明确' }, binjiang.cookie)
    const granted = await post(`/api/registry/reports/${report.json().id}/decision`, { decision: 'grant', version: 1 }, city.cookie)
    const rightId = granted.json().rightId
    const right = await get(`/api/registry/rights/${rightId}`, city.cookie)
    const expiresAt = new Date(right.json().expiresAt).getTime()
    t.clock.set(new Date(expiresAt - 13 * DAY))
    const first = await runRightsJob(t.ctx, TEST_TENANT)
    expect(first.warned).toBeGreaterThanOrEqual(1)
    expect((await runRightsJob(t.ctx, TEST_TENANT)).warned).toBe(0)
    const inbox = await get('/api/notifications?unread=true', await t.login(binjiang.username))
    expect(inbox.json().items.filter((n: { kind: string; entityId: string }) => n.kind === 'registry.expiring' && n.entityId === rightId)).toHaveLength(1)
    t.clock.set(new Date(expiresAt + 1000))
    // before the job runs, the right already reads as expired
    const cityNow = await t.login(city.username)
    expect((await get(`/api/registry/rights/${rightId}`, cityNow)).json().status).toBe('expired')
    expect((await runRightsJob(t.ctx, TEST_TENANT)).expired).toBeGreaterThanOrEqual(1)
    const after = await get(`/api/registry/rights/${rightId}`, cityNow)
    expect(after.json()).toMatchObject({ status: 'expired', events: [{ kind: 'granted' }, { kind: 'expired' }] })
    const again = await post('/api/registry/reports', { leadId: await lead(XIHU, target), intent: '接手洽谈' }, await t.login(xihu.username))
    expect(again.statusCode).toBe(201)
  })

})
