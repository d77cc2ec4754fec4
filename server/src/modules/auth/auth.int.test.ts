import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ADMIN_PASSWORD, cityScope, createTestContext, district, type TestContext } from '../../../test/context.js'
import { MAX_FAILED_ATTEMPTS, RATE_LIMIT_ATTEMPTS } from './auth.rules.js'

describe('sign-in, sessions and lockout', () => {
  let t: TestContext
  beforeAll(async () => {
    t = await createTestContext()
  })
  afterAll(() => t?.close())

  it('signs in with the right password and sets an HttpOnly SameSite=Strict cookie', async () => {
    const response = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'admin', password: ADMIN_PASSWORD } })
    expect(response.statusCode).toBe(200)
    expect(response.json()).toMatchObject({ username: 'admin', role: 'city_admin', scope: cityScope, scopeName: '杭州市' })
    const cookie = response.cookies.find((c) => c.name === 'cb_session')!
    expect(cookie.httpOnly).toBe(true)
    expect(cookie.sameSite).toBe('Strict')
    const me = await t.app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie: `cb_session=${cookie.value}` } })
    expect(me.statusCode).toBe(200)
    expect(me.json().username).toBe('admin')
  })

  it('refuses a wrong password with a bilingual message and no cookie', async () => {
    const response = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'admin', password: 'nope-nope-1' } })
    expect(response.statusCode).toBe(401)
    expect(response.json()).toMatchObject({ code: 'INVALID_CREDENTIALS', message: '用户名或密码错误' })
    expect(response.cookies).toHaveLength(0)
  })

  it('answers an unknown user exactly like a wrong password', async () => {
    const response = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'ghost', password: 'whatever-1' } })
    expect(response.statusCode).toBe(401)
    expect(response.json().code).toBe('INVALID_CREDENTIALS')
  })

  it('names the missing field when the body is incomplete', async () => {
    const response = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'admin' } })
    expect(response.statusCode).toBe(400)
    expect(response.json().code).toBe('VALIDATION_FAILED')
    expect(response.json().fields.map((f: { path: string }) => f.path)).toContain('body.password')
  })

  it('answers unparseable JSON with 400, not 500', async () => {
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      headers: { 'content-type': 'application/json' },
      payload: '{"username":',
    })
    expect(response.statusCode).toBe(400)
    expect(response.json().code).toBe('MALFORMED_REQUEST')
  })

  it('locks the account after repeated failures, even for the right password, until the lock expires', async () => {
    const user = await t.newUser('district_staff', district('330108'), 'lock.target')
    for (let i = 0; i < MAX_FAILED_ATTEMPTS - 1; i++) {
      const r = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: user.username, password: 'wrong-pass-1' } })
      expect(r.statusCode).toBe(401)
    }
    const locking = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: user.username, password: 'wrong-pass-1' } })
    expect(locking.statusCode).toBe(423)
    expect(locking.json().code).toBe('ACCOUNT_LOCKED')
    const right = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: user.username, password: 'test-pass-2026' } })
    expect(right.statusCode).toBe(423)
    t.clock.advance(16 * 60 * 1000)
    await expect(t.login(user.username)).resolves.toMatch(/^cb_session=/)
  })

  it('rate-limits bursts of attempts from one address', async () => {
    let last = 0
    for (let i = 0; i <= RATE_LIMIT_ATTEMPTS; i++) {
      const r = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'nobody.here', password: 'wrong-pass-1' } })
      last = r.statusCode
    }
    expect(last).toBe(429)
  })

  it('expires idle sessions', async () => {
    const user = await t.newUser('city_staff', cityScope)
    expect((await t.app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie: user.cookie } })).statusCode).toBe(200)
    t.clock.advance(13 * 3600 * 1000)
    const after = await t.app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie: user.cookie } })
    expect(after.statusCode).toBe(401)
    expect(after.json().code).toBe('UNAUTHENTICATED')
  })

  it('ends the session on logout', async () => {
    const user = await t.newUser('city_staff', cityScope)
    const out = await t.app.inject({ method: 'POST', url: '/api/auth/logout', headers: { cookie: user.cookie } })
    expect(out.statusCode).toBe(200)
    expect((await t.app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie: user.cookie } })).statusCode).toBe(401)
  })

  it('lets a user change the own password and signs out other sessions', async () => {
    const user = await t.newUser('district_staff', district('330109'))
    const other = await t.login(user.username)
    const bad = await t.app.inject({
      method: 'POST',
      url: '/api/auth/password',
      headers: { cookie: user.cookie },
      payload: { currentPassword: 'test-pass-2026', newPassword: 'short' },
    })
    expect(bad.statusCode).toBe(400)
    expect(bad.json().fields[0].path).toBe('body.newPassword')
    expect(bad.json().fields.map((f: { message: string }) => f.message)).toContain('至少 10 个字符')
    const ok = await t.app.inject({
      method: 'POST',
      url: '/api/auth/password',
      headers: { cookie: user.cookie },
      payload: { currentPassword: 'test-pass-2026', newPassword: 'brand-new-2026' },
    })
    expect(ok.statusCode).toBe(200)
    expect((await t.app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie: user.cookie } })).statusCode).toBe(200)
    expect((await t.app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie: other } })).statusCode).toBe(401)
    await expect(t.login(user.username, 'brand-new-2026')).resolves.toMatch(/^cb_session=/)
  })
})
