import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestContext, district, type TestContext } from '../../../test/context.js'

describe('user management by the city admin', () => {
  let t: TestContext
  let admin: string
  beforeAll(async () => {
    t = await createTestContext()
    admin = await t.login('admin', 'admin-pass-2026')
  })
  afterAll(() => t?.close())

  const create = (payload: unknown, cookie = admin) =>
    t.app.inject({ method: 'POST', url: '/api/users', headers: { cookie }, payload: payload as object })

  it('creates a district user, who must change the password at first sign-in', async () => {
    const response = await create({
      username: 'gongshu.li',
      displayName: '拱墅区 李工',
      role: 'district_staff',
      scope: { type: 'district', id: '330105' },
      password: 'first-pass-2026',
    })
    expect(response.statusCode).toBe(201)
    expect(response.json()).toMatchObject({ username: 'gongshu.li', scopeName: '拱墅区', disabled: false })
    const cookie = await t.login('gongshu.li', 'first-pass-2026')
    const me = await t.app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie } })
    expect(me.json()).toMatchObject({ mustChangePassword: true, scopeName: '拱墅区' })
  })

  it('rejects a duplicate username with 409 naming the field, and writes nothing', async () => {
    const payload = { username: 'dup.user', displayName: 'A', role: 'city_staff', scope: { type: 'city', id: '330100' }, password: 'first-pass-2026' }
    expect((await create(payload)).statusCode).toBe(201)
    const again = await create({ ...payload, displayName: 'B' })
    expect(again.statusCode).toBe(409)
    expect(again.json()).toMatchObject({ code: 'USERNAME_TAKEN', fields: [{ path: 'username' }] })
    const list = await t.app.inject({ method: 'GET', url: '/api/users?q=dup.user', headers: { cookie: admin } })
    expect(list.json().items).toHaveLength(1)
    expect(list.json().items[0].displayName).toBe('A')
  })

  it('rejects a scope that does not fit the role, or does not exist, naming the field', async () => {
    const wrongType = await create({ username: 'x.one', displayName: 'X', role: 'district_staff', scope: { type: 'city', id: '330100' }, password: 'first-pass-2026' })
    expect(wrongType.statusCode).toBe(400)
    expect(wrongType.json()).toMatchObject({ code: 'SCOPE_ROLE_MISMATCH', fields: [{ path: 'scope.type' }] })
    // 310101 is Shanghai's Huangpu: a real district, but not Hangzhou's
    const foreign = await create({ username: 'x.two', displayName: 'X', role: 'district_staff', scope: { type: 'district', id: '310101' }, password: 'first-pass-2026' })
    expect(foreign.statusCode).toBe(400)
    expect(foreign.json()).toMatchObject({ code: 'SCOPE_NOT_FOUND', fields: [{ path: 'scope.id' }] })
  })

  it('validates every field of the body and reports each path', async () => {
    const response = await create({ username: 'BAD NAME', role: 'mayor', scope: { type: 'district' }, password: 'short' })
    expect(response.statusCode).toBe(400)
    const paths = response.json().fields.map((f: { path: string }) => f.path)
    expect(paths).toEqual(expect.arrayContaining(['body.username', 'body.displayName', 'body.role', 'body.scope.id', 'body.password']))
  })

  it('disables a user, which ends the user’s sessions', async () => {
    const user = await t.newUser('district_staff', district('330110'))
    const response = await t.app.inject({ method: 'PATCH', url: `/api/users/${user.id}`, headers: { cookie: admin }, payload: { disabled: true } })
    expect(response.statusCode).toBe(200)
    expect((await t.app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie: user.cookie } })).statusCode).toBe(401)
    const login = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: user.username, password: 'test-pass-2026' } })
    expect(login.statusCode).toBe(403)
    expect(login.json().code).toBe('ACCOUNT_DISABLED')
  })

  it('changes a scope and resets a password', async () => {
    const user = await t.newUser('district_staff', district('330110'))
    const moved = await t.app.inject({
      method: 'PATCH',
      url: `/api/users/${user.id}`,
      headers: { cookie: admin },
      payload: { scope: { type: 'district', id: '330113' } },
    })
    expect(moved.json()).toMatchObject({ scope: { type: 'district', id: '330113' }, scopeName: '临平区' })
    const reset = await t.app.inject({
      method: 'POST',
      url: `/api/users/${user.id}/reset-password`,
      headers: { cookie: admin },
      payload: { newPassword: 'reset-pass-2026' },
    })
    expect(reset.statusCode).toBe(200)
    await expect(t.login(user.username, 'reset-pass-2026')).resolves.toMatch(/^cb_session=/)
  })

  it('does not let the admin disable itself', async () => {
    const me = await t.app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie: admin } })
    const response = await t.app.inject({ method: 'PATCH', url: `/api/users/${me.json().id}`, headers: { cookie: admin }, payload: { disabled: true } })
    expect(response.statusCode).toBe(409)
  })

  it('answers 404 for an unknown user and 400 for a malformed id', async () => {
    const unknown = await t.app.inject({ method: 'PATCH', url: '/api/users/00000000-0000-4000-8000-000000000000', headers: { cookie: admin }, payload: {} })
    expect(unknown.statusCode).toBe(404)
    const malformed = await t.app.inject({ method: 'PATCH', url: '/api/users/not-a-uuid', headers: { cookie: admin }, payload: {} })
    expect(malformed.statusCode).toBe(400)
    expect(malformed.json().fields[0].path).toBe('params.id')
  })

  it('records every change in the audit log without the password hash', async () => {
    const audit = await t.app.inject({ method: 'GET', url: '/api/audit?action=user.create&pageSize=200', headers: { cookie: admin } })
    expect(audit.statusCode).toBe(200)
    const entry = audit.json().items.find((i: { after: { username?: string } }) => i.after?.username === 'gongshu.li')
    expect(entry).toBeDefined()
    expect(entry.actorName).toBe('admin')
    expect(JSON.stringify(entry.after)).not.toContain('scrypt')
  })
})
