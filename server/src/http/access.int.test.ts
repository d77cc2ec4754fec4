import { readFileSync } from 'node:fs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { projectPath } from '../paths.js'
import { roles } from '../../../common/src/roles.js'
import { cityScope, createTestContext, district, type TestContext } from '../../test/context.js'

const sampleUrl = (url: string) => url.replace(/:[a-zA-Z]+/g, '00000000-0000-4000-8000-000000000000')

describe('authorization over the whole route table', () => {
  let t: TestContext
  beforeAll(async () => {
    t = await createTestContext()
  })
  afterAll(() => t?.close())

  it('has routes to walk, each with a declaration', () => {
    expect(t.routes.length).toBeGreaterThan(10)
    for (const route of t.routes) expect(route.access).toBeDefined()
  })

  it('refuses every non-public route without a session', async () => {
    const guarded = t.routes.filter((r) => !('public' in r.access) && r.method !== 'HEAD')
    expect(guarded.length).toBeGreaterThan(5)
    for (const route of guarded) {
      const response = await t.app.inject({ method: route.method as 'GET', url: sampleUrl(route.url), payload: route.method === 'GET' ? undefined : {} })
      expect({ route: `${route.method} ${route.url}`, status: response.statusCode }).toEqual({ route: `${route.method} ${route.url}`, status: 401 })
      expect(response.json().code).toBe('UNAUTHENTICATED')
    }
  })

  it('public routes are only the ones meant to be public', () => {
    const publicRoutes = t.routes.filter((r) => 'public' in r.access).map((r) => r.url)
    for (const url of publicRoutes) expect(url === '/api/health' || url === '/api/auth/login' || url.startsWith('/api/docs')).toBe(true)
  })

  it('refuses roles a route does not name, for every role', async () => {
    const cookies = new Map<string, string>()
    const scopes = {
      city_admin: cityScope,
      city_staff: cityScope,
      district_staff: district('330108'),
      platform_staff: { type: 'platform' as const, id: 'placeholder' },
      department_reviewer: { type: 'department' as const, id: 'placeholder' },
      leader: cityScope,
      enterprise: { type: 'enterprise' as const, id: '00000000-0000-4000-8000-000000000000' },
    }
    for (const role of roles) cookies.set(role, (await t.newUser(role, scopes[role])).cookie)
    const restricted = t.routes.filter((r) => 'roles' in r.access && r.access.roles !== 'authenticated')
    expect(restricted.length).toBeGreaterThan(0)
    for (const route of restricted) {
      const allowed = (route.access as { roles: readonly string[] }).roles
      for (const role of roles.filter((r) => !allowed.includes(r))) {
        const response = await t.app.inject({
          method: route.method as 'GET',
          url: sampleUrl(route.url),
          headers: { cookie: cookies.get(role)! },
          payload: route.method === 'GET' ? undefined : {},
        })
        expect({ route: `${route.method} ${route.url}`, role, status: response.statusCode }).toEqual({
          route: `${route.method} ${route.url}`,
          role,
          status: 403,
        })
      }
    }
  })

  it('keeps leaders read-only', async () => {
    const leader = await t.newUser('leader', cityScope)
    const writes = t.routes.filter((r) => r.method !== 'GET' && r.method !== 'HEAD' && 'roles' in r.access && !r.access.leaderMayWrite)
    for (const route of writes) {
      const response = await t.app.inject({ method: route.method as 'POST', url: sampleUrl(route.url), headers: { cookie: leader.cookie }, payload: {} })
      expect(response.statusCode).toBe(403)
    }
    const home = await t.app.inject({ method: 'GET', url: '/api/home/summary', headers: { cookie: leader.cookie } })
    expect(home.statusCode).toBe(200)
  })

  it('answers an unknown API path with the JSON error model', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/api/nope' })
    expect(response.statusCode).toBe(404)
    expect(response.json()).toMatchObject({ code: 'ROUTE_NOT_FOUND', message: '接口不存在' })
  })

  it('serves the OpenAPI document generated from the schemas', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/api/docs/json' })
    expect(response.statusCode).toBe(200)
    const doc = response.json()
    expect(doc.openapi).toMatch(/^3\./)
    expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(['/api/auth/login', '/api/users', '/api/audit']))
    // docs/openapi.json is committed for readers without a running server; it must not drift
    const committed = JSON.parse(readFileSync(projectPath('docs', 'openapi.json'), 'utf8'))
    expect(doc, 'docs/openapi.json is stale: run npm run openapi').toEqual(committed)
  })
})
