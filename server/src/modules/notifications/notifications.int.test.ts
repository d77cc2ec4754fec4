import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { cityScope, createTestContext, district, type TestContext } from '../../../test/context.js'
import { TEST_TENANT } from '../../../test/database.js'
import { notify } from './index.js'

describe('notifications', () => {
  let t: TestContext
  let city: { id: string; cookie: string }
  let binjiang: { id: string; cookie: string }
  let xihu: { id: string; cookie: string }
  let leader: { id: string; cookie: string }
  const get = (url: string, cookie: string) => t.app.inject({ method: 'GET', url, headers: { cookie } })
  const post = (url: string, payload: object, cookie: string) => t.app.inject({ method: 'POST', url, headers: { cookie }, payload })

  beforeAll(async () => {
    t = await createTestContext()
    city = await t.newUser('city_staff', cityScope)
    binjiang = await t.newUser('district_staff', district('330108'))
    xihu = await t.newUser('district_staff', district('330106'))
    leader = await t.newUser('leader', cityScope)
  })
  afterAll(() => t?.close())

  it('fans out by role and district, dedupes by key, and each user reads only their own', async () => {
    const db = t.database.db
    const toBinjiang = { to: { roles: ['district_staff' as const], region: '330108' }, kind: 'test', title: '滨江通知', titleEn: 'Binjiang notice', dedupeKey: 'k1' }
    expect(await db.transaction((tx) => notify(tx, t.ctx, TEST_TENANT, toBinjiang))).toBe(1)
    expect(await db.transaction((tx) => notify(tx, t.ctx, TEST_TENANT, toBinjiang))).toBe(0)
    expect(await db.transaction((tx) => notify(tx, t.ctx, TEST_TENANT, { to: { roles: ['city_staff', 'leader'], userIds: [xihu.id] }, kind: 'test', title: '全市', titleEn: 'City' }))).toBeGreaterThanOrEqual(3)
    // a rolled-back transaction raises nothing
    await expect(
      db.transaction(async (tx) => {
        await notify(tx, t.ctx, TEST_TENANT, { to: { userIds: [xihu.id] }, kind: 'test', title: '回滚', titleEn: 'rolled back' })
        throw new Error('abort')
      }),
    ).rejects.toThrow('abort')

    const mine = await get('/api/notifications', binjiang.cookie)
    expect(mine.json()).toMatchObject({ total: 1, unread: 1, items: [{ title: '滨江通知', readAt: null }] })
    const theirs = await get('/api/notifications', xihu.cookie)
    expect(theirs.json().items.map((n: { title: string }) => n.title)).toEqual(['全市'])
    expect((await get('/api/notifications/unread-count', city.cookie)).json()).toEqual({ unread: 1 })
  })

  it('marks only the caller’s own rows read; leaders may mark theirs', async () => {
    const other = (await get('/api/notifications', xihu.cookie)).json().items[0].id
    expect((await post('/api/notifications/read', { ids: [other] }, binjiang.cookie)).json()).toEqual({ marked: 0, unread: 1 })
    expect((await get('/api/notifications/unread-count', xihu.cookie)).json()).toEqual({ unread: 1 })
    expect((await post('/api/notifications/read', { all: true }, binjiang.cookie)).json()).toEqual({ marked: 1, unread: 0 })
    expect((await post('/api/notifications/read', { all: true }, leader.cookie)).json()).toEqual({ marked: 1, unread: 0 })
    expect((await get('/api/notifications?unread=true', binjiang.cookie)).json().items).toEqual([])
    const bad = await post('/api/notifications/read', { ids: ['not-a-uuid'] }, binjiang.cookie)
    expect(bad.statusCode).toBe(400)
    expect((await t.app.inject({ method: 'GET', url: '/api/notifications' })).statusCode).toBe(401)
  })
})
