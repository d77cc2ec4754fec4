import { createHash, randomBytes } from 'node:crypto'
import { and, eq, gt, lt, ne } from 'drizzle-orm'
import type { Me, Scope } from '../../../../common/src/api/auth.js'
import type { Role } from '../../../../common/src/roles.js'
import type { AppContext } from '../../context.js'
import { recordAudit } from '../audit/index.js'
import { getTenant, scopeName } from '../reference/index.js'
import { users } from '../users/index.js'
import type { Actor } from './actor.js'
import { authErrors } from './auth.errors.js'
import {
  afterFailedLogin,
  AttemptLimiter,
  isLocked,
  SESSION_ABSOLUTE_DAYS,
  SESSION_TOUCH_MS,
} from './auth.rules.js'
import { sessions } from './auth.table.js'
import { DUMMY_HASH, hashPassword, verifyPassword } from './password.js'

export const SESSION_COOKIE = 'cb_session'

const hashToken = (token: string) => createHash('sha256').update(token).digest('hex')

export interface LoginMeta {
  ip: string
  userAgent: string | undefined
  requestId: string
}

export class AuthService {
  private readonly limiter = new AttemptLimiter()

  constructor(private readonly ctx: AppContext) {}

  /** Checks the password and opens a session; returns the cookie token (only its hash is stored). */
  async login(username: string, password: string, meta: LoginMeta): Promise<{ token: string; expiresAt: Date; actor: Actor }> {
    const { db } = this.ctx.database
    const now = this.ctx.clock.now()
    const name = username.trim().toLowerCase()
    if (!this.limiter.hit(`${meta.ip}|${name}`, now)) throw authErrors.LOGIN_RATE_LIMITED()

    const [user] = await db.select().from(users).where(eq(users.username, name))
    if (!user) {
      await verifyPassword(password, DUMMY_HASH)
      throw authErrors.INVALID_CREDENTIALS()
    }
    if (isLocked(user, now)) throw authErrors.ACCOUNT_LOCKED()
    const ok = await verifyPassword(password, user.passwordHash)
    const actor = actorOf(user, meta.requestId)
    if (!ok) {
      const next = afterFailedLogin(user, now)
      await db.transaction(async (tx) => {
        await tx.update(users).set(next).where(eq(users.id, user.id))
        if (next.lockedUntil && !isLocked(user, now)) {
          await recordAudit(tx, this.ctx, actor, {
            action: 'auth.lock',
            entityType: 'user',
            entityId: user.id,
            after: { lockedUntil: next.lockedUntil, ip: meta.ip },
          })
        }
      })
      if (next.lockedUntil && isLocked(next, now)) throw authErrors.ACCOUNT_LOCKED()
      throw authErrors.INVALID_CREDENTIALS()
    }
    if (user.disabled) throw authErrors.ACCOUNT_DISABLED()

    const token = randomBytes(32).toString('base64url')
    const expiresAt = new Date(now.getTime() + this.ctx.config.SESSION_HOURS * 3600_000)
    await db.transaction(async (tx) => {
      await tx.update(users).set({ failedAttempts: 0, lockedUntil: null, lastLoginAt: now }).where(eq(users.id, user.id))
      await tx.insert(sessions).values({
        id: hashToken(token),
        tenantId: user.tenantId,
        userId: user.id,
        createdAt: now,
        lastSeenAt: now,
        expiresAt,
        ip: meta.ip,
        userAgent: meta.userAgent?.slice(0, 300) ?? null,
      })
      await tx.delete(sessions).where(and(eq(sessions.userId, user.id), lt(sessions.expiresAt, now)))
      await recordAudit(tx, this.ctx, actor, {
        action: 'auth.login',
        entityType: 'user',
        entityId: user.id,
        after: { ip: meta.ip },
      })
    })
    return { token, expiresAt, actor }
  }

  async logout(token: string | undefined, actor: Actor): Promise<void> {
    if (!token) return
    await this.ctx.database.db.transaction(async (tx) => {
      await tx.delete(sessions).where(eq(sessions.id, hashToken(token)))
      if (actor.userId) {
        await recordAudit(tx, this.ctx, actor, { action: 'auth.logout', entityType: 'user', entityId: actor.userId })
      }
    })
  }

  /** The actor behind a session cookie, or null when the session is unknown, expired or its user disabled. */
  async resolve(token: string | undefined, requestId: string): Promise<(Actor & { sessionExpiresAt: Date }) | null> {
    if (!token || token.length > 100) return null
    const { db } = this.ctx.database
    const now = this.ctx.clock.now()
    const id = hashToken(token)
    const [row] = await db
      .select({ session: sessions, user: users })
      .from(sessions)
      .innerJoin(users, eq(users.id, sessions.userId))
      .where(and(eq(sessions.id, id), gt(sessions.expiresAt, now)))
    if (!row || row.user.disabled) return null
    if (now.getTime() - row.session.lastSeenAt.getTime() > SESSION_TOUCH_MS) {
      const cap = row.session.createdAt.getTime() + SESSION_ABSOLUTE_DAYS * 86400_000
      const expiresAt = new Date(Math.min(now.getTime() + this.ctx.config.SESSION_HOURS * 3600_000, cap))
      await db.update(sessions).set({ lastSeenAt: now, expiresAt }).where(eq(sessions.id, id))
      row.session.expiresAt = expiresAt
    }
    return { ...actorOf(row.user, requestId), sessionExpiresAt: row.session.expiresAt }
  }

  async me(actor: Actor): Promise<Me> {
    const { db } = this.ctx.database
    const [user] = await db.select().from(users).where(eq(users.id, actor.userId!))
    const tenant = await getTenant(db, actor.tenantId)
    return {
      id: actor.userId!,
      username: actor.username,
      displayName: actor.displayName,
      role: actor.role,
      tenantId: actor.tenantId,
      tenantName: tenant?.nameZh ?? actor.tenantId,
      scope: actor.scope,
      scopeName: (await scopeName(db, actor.tenantId, actor.scope)) ?? actor.scope.id,
      mustChangePassword: user?.mustChangePassword ?? false,
    }
  }

  async changePassword(actor: Actor, currentPassword: string, newPassword: string, currentToken: string | undefined) {
    const { db } = this.ctx.database
    const [user] = await db.select().from(users).where(eq(users.id, actor.userId!))
    if (!user || !(await verifyPassword(currentPassword, user.passwordHash))) {
      throw authErrors.WRONG_CURRENT_PASSWORD([
        { path: 'currentPassword', message: '当前密码不正确', messageEn: 'the current password is wrong' },
      ])
    }
    const passwordHash = await hashPassword(newPassword)
    await db.transaction(async (tx) => {
      await tx
        .update(users)
        .set({ passwordHash, mustChangePassword: false, updatedAt: this.ctx.clock.now() })
        .where(eq(users.id, user.id))
      // other devices are signed out; this one stays
      const keep = currentToken ? hashToken(currentToken) : ''
      await tx.delete(sessions).where(and(eq(sessions.userId, user.id), ne(sessions.id, keep)))
      await recordAudit(tx, this.ctx, actor, { action: 'auth.change_password', entityType: 'user', entityId: user.id })
    })
  }
}

export function actorOf(user: typeof users.$inferSelect, requestId?: string): Actor {
  return {
    userId: user.id,
    username: user.username,
    displayName: user.displayName,
    role: user.role as Role,
    tenantId: user.tenantId,
    scope: { type: user.scopeType, id: user.scopeId } as Scope,
    requestId,
  }
}
