import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { cityScope, createTestContext, district, type TestContext } from '../../../test/context.js'

// A cross-district project the bureau leads: 滨江 and 淳安 and the development and reform commission
// are in the group; 西湖 is not.
describe('city-led talks (市级主谈)', () => {
  let t: TestContext
  let city: string
  let binjiang: string
  let chunan: string
  let xihu: string
  let reviewer: string
  let talkId: string
  const get = (url: string, cookie: string) => t.app.inject({ method: 'GET', url, headers: { cookie } })
  const send = (method: 'POST' | 'PUT' | 'PATCH', url: string, payload: object, cookie: string) => t.app.inject({ method, url, headers: { cookie }, payload })

  beforeAll(async () => {
    t = await createTestContext()
    city = (await t.newUser('city_staff', cityScope)).cookie
    binjiang = (await t.newUser('district_staff', district('330108'))).cookie
    chunan = (await t.newUser('district_staff', district('330127'))).cookie
    xihu = (await t.newUser('district_staff', district('330106'))).cookie
    reviewer = (await t.newUser('department_reviewer', { type: 'department', id: 'development_reform' })).cookie
  })
  afterAll(() => t?.close())

  it('the city opens a talk with its project group; members are notified; only members see it', async () => {
    const members = [
      { unit: 'city', unitName: '市投促局', name: '张明', role: '组长' },
      { unit: '330108', unitName: '滨江区', name: '李华', role: '成员' },
      { unit: '330127', unitName: '淳安县', name: '陈刚', role: '成员' },
      { unit: 'development_reform', unitName: '市发改委', name: '赵敏', role: '成员' },
    ]
    expect((await send('POST', '/api/talks', { title: '某新能源整车项目', investorName: '某汽车集团', reason: 'cross_district', members }, binjiang)).statusCode).toBe(403)
    const bad = await send('POST', '/api/talks', { title: '某项目', investorName: '某集团', reason: 'cross_district', members: [{ unit: '999999', unitName: 'x', name: 'x', role: 'x' }] }, city)
    expect(bad.json()).toMatchObject({ code: 'UNIT_NOT_MEMBER', fields: [{ path: 'members.0.unit' }] })
    const created = await send('POST', '/api/talks', { title: '某新能源整车项目', investorName: '某汽车集团', reason: 'leader_assigned', assignedBy: '分管副市长', members }, city)
    expect(created.statusCode).toBe(201)
    talkId = created.json().id
    expect(created.json()).toMatchObject({ status: 'open', members, tasks: [], meetings: [], meetingCount: 0 })
    expect((await get(`/api/talks/${talkId}`, binjiang)).statusCode).toBe(200)
    expect((await get(`/api/talks/${talkId}`, reviewer)).statusCode).toBe(200)
    expect((await get(`/api/talks/${talkId}`, xihu)).statusCode).toBe(404)
    expect((await get('/api/talks', xihu)).json()).toEqual({ items: [], total: 0 })
    expect((await get('/api/talks', reviewer)).json().total).toBe(1)
    const inbox = await get('/api/notifications', chunan)
    expect(inbox.json().items[0]).toMatchObject({ kind: 'talks.member', entityId: talkId })
    expect((await get('/api/notifications', reviewer)).json().items[0]).toMatchObject({ kind: 'talks.member' })
  })

  it('tasks to member units with due days; the owner marks its own; overdue counted', async () => {
    const outsider = await send('POST', `/api/talks/${talkId}/tasks`, { kind: 'investigate', title: '实地考察', ownerUnit: '330106', ownerName: '王某', dueOn: '2026-06-10' }, city)
    expect(outsider.json()).toMatchObject({ code: 'UNIT_NOT_MEMBER', fields: [{ path: 'ownerUnit' }] })
    const talk = await send('POST', `/api/talks/${talkId}/tasks`, { kind: 'evaluate', title: '用地与能耗研判', ownerUnit: '330127', ownerName: '陈刚', dueOn: '2026-05-30' }, city)
    expect(talk.json()).toMatchObject({ openTasks: 1, overdueItems: 1, tasks: [{ title: '用地与能耗研判', overdue: true }] })
    const task = talk.json().tasks[0]
    expect((await send('PATCH', `/api/talks/${talkId}/tasks/${task.id}`, { status: 'done', version: 1 }, binjiang)).statusCode).toBe(403)
    const done = await send('PATCH', `/api/talks/${talkId}/tasks/${task.id}`, { status: 'done', note: '淳安可提供 500 亩', version: 1 }, chunan)
    expect(done.json()).toMatchObject({ openTasks: 0, overdueItems: 0, tasks: [{ status: 'done', note: '淳安可提供 500 亩' }] })
    expect((await send('PATCH', `/api/talks/${talkId}/tasks/${task.id}`, { status: 'open', version: 1 }, chunan)).json().code).toBe('STALE_VERSION')
  })

  it('landing proposal, a coordination meeting with decisions, follow-up by the responsible unit, all audited', async () => {
    const current = (await get(`/api/talks/${talkId}`, city)).json()
    const badRegion = await send('PUT', `/api/talks/${talkId}/proposal`, { proposal: [{ regionCode: '310101', platformCode: null, reason: '上海不行' }], version: current.version }, city)
    expect(badRegion.json()).toMatchObject({ code: 'REGION_NOT_FOUND', fields: [{ path: 'proposal.0.regionCode' }] })
    const proposal = [{ regionCode: '330127', platformCode: 'chunan_edz', reason: '西部山区县，用地充足' }, { regionCode: '330108', platformCode: null, reason: '研发总部' }]
    const withProposal = await send('PUT', `/api/talks/${talkId}/proposal`, { proposal, version: current.version }, city)
    expect(withProposal.json().proposal).toEqual(proposal)
    const meeting = await send(
      'POST',
      `/api/talks/${talkId}/meetings`,
      {
        heldOn: '2026-06-01',
        title: '第一次协调会',
        chair: '分管副市长',
        minutes: '会议同意生产基地落户淳安，研发总部落户滨江。',
        decisions: [
          { text: '淳安县 6 月底前完成供地方案', responsibleUnit: '330127', responsibleUnitName: '淳安县', dueOn: '2026-06-30' },
          { text: '市发改委牵头能耗指标统筹', responsibleUnit: 'development_reform', responsibleUnitName: '市发改委', dueOn: '2026-07-15' },
        ],
      },
      city,
    )
    expect(meeting.statusCode).toBe(200)
    const m = meeting.json().meetings[0]
    expect(m.decisions.map((d: { status: string }) => d.status)).toEqual(['open', 'open'])
    const [land, energy] = m.decisions
    expect((await send('POST', `/api/talks/${talkId}/meetings/${m.id}/decisions/${land.id}`, { status: 'done', followUp: 'x', version: 1 }, binjiang)).statusCode).toBe(403)
    const followed = await send('POST', `/api/talks/${talkId}/meetings/${m.id}/decisions/${energy.id}`, { status: 'done', followUp: '已纳入年度能耗统筹', version: 1 }, reviewer)
    expect(followed.json().meetings[0].decisions[1]).toMatchObject({ status: 'done', followUp: '已纳入年度能耗统筹' })
    expect((await get('/api/notifications', chunan)).json().items.some((n: { kind: string }) => n.kind === 'talks.decision')).toBe(true)
    t.clock.set('2026-07-02T08:00:00Z')
    const later = await get(`/api/talks/${talkId}`, await t.login((await t.database.pool.query(`select username from users where role = 'city_staff' limit 1`)).rows[0].username))
    expect(later.json()).toMatchObject({ overdueItems: 1 })
    expect(later.json().meetings[0].decisions[0]).toMatchObject({ overdue: true })
    const audit = await t.database.pool.query(`select action from audit_log where action like 'talks.%' order by seq`)
    expect(audit.rows.map((r) => r.action)).toEqual(['talks.create', 'talks.task.create', 'talks.task.update', 'talks.proposal.update', 'talks.meeting.create', 'talks.decision.follow_up'])
  })
})
