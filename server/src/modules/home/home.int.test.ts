import { sql } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { cityScope, createTestContext, district, type TestContext } from '../../../test/context.js'

describe('home summary respects the caller’s scope', () => {
  let t: TestContext
  const countWhere = async (condition: ReturnType<typeof sql>) => {
    const result = await t.database.db.execute<{ n: number }>(sql`select count(*)::int as n from enterprises where tenant_id = '330100' and ${condition}`)
    return result.rows[0]!.n
  }
  const summary = async (cookie: string) => {
    const response = await t.app.inject({ method: 'GET', url: '/api/home/summary', headers: { cookie } })
    expect(response.statusCode).toBe(200)
    return response.json()
  }

  beforeAll(async () => {
    t = await createTestContext({ demoData: 'tiny' })
  })
  afterAll(() => t?.close())

  it('gives the city every local firm, and the district only its own', async () => {
    const city = await summary((await t.newUser('city_staff', cityScope)).cookie)
    const local = await countWhere(sql`region_code in (select code from regions where parent_code = '330100')`)
    expect(local).toBeGreaterThan(0)
    expect(city.counts.enterprises).toBe(local)
    expect(city.counts.users).toBeNull()
    expect(city.enterprisesByDistrict).toHaveLength(13)

    const binjiang = await summary((await t.newUser('district_staff', district('330108'))).cookie)
    expect(binjiang.scopeName).toBe('滨江区')
    expect(binjiang.counts.enterprises).toBe(await countWhere(sql`region_code = '330108'`))
    expect(binjiang.counts.enterprises).toBeLessThan(local)
    expect(binjiang.enterprisesByDistrict.every((d: { code: string }) => d.code === '330108')).toBe(true)
  })

  it('gives a platform its host district and an enterprise only itself', async () => {
    const platform = await t.database.db.execute<{ code: string; district_code: string }>(
      sql`select code, district_code from platforms where tenant_id = '330100' order by code limit 1`,
    )
    const p = platform.rows[0]!
    const platformView = await summary((await t.newUser('platform_staff', { type: 'platform', id: p.code })).cookie)
    expect(platformView.counts.enterprises).toBe(await countWhere(sql`region_code = ${p.district_code}`))

    const firm = await t.database.db.execute<{ id: string }>(sql`select id from enterprises where tenant_id = '330100' limit 1`)
    const enterpriseView = await summary((await t.newUser('enterprise', { type: 'enterprise', id: firm.rows[0]!.id })).cookie)
    expect(enterpriseView.counts.enterprises).toBe(1)
  })

  it('shows user and audit counts to the city admin only', async () => {
    const admin = await summary(await t.login('admin', 'admin-pass-2026'))
    expect(admin.counts.users).toBeGreaterThan(0)
    expect(admin.counts.auditToday).toBeGreaterThanOrEqual(0)
    const leader = await summary((await t.newUser('leader', cityScope)).cookie)
    expect(leader.counts.users).toBeNull()
  })
})
