import { randomUUID } from 'node:crypto'
import type { FastifyInstance } from 'fastify'
import type { Scope } from '../../common/src/api/auth.js'
import type { Role } from '../../common/src/roles.js'
import { buildApp } from '../src/app.js'
import type { RouteEntry } from '../src/http/access.js'
import { bootstrap } from '../src/bootstrap.js'
import { ManualClock } from '../src/clock.js'
import { loadConfig } from '../src/config.js'
import type { AppContext } from '../src/context.js'
import { hashPassword } from '../src/modules/auth/password.js'
import { users } from '../src/modules/users/users.table.js'
import { openTestDatabase, TEST_TENANT, type TestDatabase } from './database.js'

export const ADMIN_PASSWORD = 'admin-pass-2026'
export const TEST_PASSWORD = 'test-pass-2026'

export interface TestContext {
  app: FastifyInstance
  routes: RouteEntry[]
  ctx: AppContext
  database: TestDatabase
  clock: ManualClock
  /** Signs in and returns the Cookie header value for later requests. */
  login(username: string, password?: string): Promise<string>
  /** Inserts a user with a given role and scope and returns its session cookie. */
  newUser(role: Role, scope: Scope, username?: string): Promise<{ id: string; username: string; cookie: string }>
  close(): Promise<void>
}

let hashed: Promise<string> | undefined

export async function createTestContext(options: { demoData?: 'none' | 'tiny' } = {}): Promise<TestContext> {
  const database = await openTestDatabase()
  const clock = new ManualClock()
  const config = loadConfig({ TENANT_ID: TEST_TENANT, DEMO_DATA: 'none', LOG_LEVEL: 'silent', DATA_DIR: '/nonexistent' })
  await bootstrap(database, clock, { tenantId: TEST_TENANT, adminPassword: ADMIN_PASSWORD, demoData: options.demoData ?? 'none' })
  const { app, ctx, routes } = await buildApp((log) => ({ database, clock, config, log }))
  await app.ready()

  const login = async (username: string, password = TEST_PASSWORD) => {
    const response = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password } })
    if (response.statusCode !== 200) throw new Error(`login ${username} failed: ${response.statusCode} ${response.body}`)
    const cookie = response.cookies.find((c) => c.name === 'cb_session')
    if (!cookie) throw new Error('no session cookie')
    return `cb_session=${cookie.value}`
  }

  return {
    app,
    routes,
    ctx,
    database,
    clock,
    login,
    async newUser(role, scope, username = `${role.replace('_', '.')}.${randomUUID().slice(0, 6)}`) {
      hashed ??= hashPassword(TEST_PASSWORD)
      const id = randomUUID()
      const now = clock.now()
      await database.db.insert(users).values({
        id,
        tenantId: TEST_TENANT,
        username,
        displayName: username,
        role,
        scopeType: scope.type,
        scopeId: scope.id,
        passwordHash: await hashed,
        createdAt: now,
        updatedAt: now,
      })
      return { id, username, cookie: await login(username) }
    },
    async close() {
      await app.close()
      await database.cleanup()
    },
  }
}

export const cityScope: Scope = { type: 'city', id: TEST_TENANT }
export const district = (code: string): Scope => ({ type: 'district', id: code })
