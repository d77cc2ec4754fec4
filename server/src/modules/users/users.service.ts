import { randomUUID } from 'node:crypto'
import { and, asc, count, eq, ilike, or, type SQL } from 'drizzle-orm'
import type { z } from 'zod'
import type { Scope } from '../../../../common/src/api/auth.js'
import type {
  CreateUserRequest,
  UpdateUserRequest,
  User,
  userListQuerySchema,
} from '../../../../common/src/api/users.js'
import type { Role } from '../../../../common/src/roles.js'
import type { AppContext } from '../../context.js'
import type { DbOrTx } from '../../db/client.js'
import { containsPattern } from '../../db/like.js'
import { fieldError } from '../../http/app-error.js'
import { recordAudit } from '../audit/index.js'
import type { Actor } from '../auth/index.js'
import { sessions } from '../auth/index.js'
import { hashPassword } from '../auth/index.js'
import { scopeName, scopeNamer } from '../reference/index.js'
import { userErrors } from './users.errors.js'
import { scopeFitsRole } from './users.rules.js'
import { users } from './users.table.js'

type UserRow = typeof users.$inferSelect

function toUser(row: UserRow, name: (scope: Scope) => string): User {
  const scope = { type: row.scopeType, id: row.scopeId } as Scope
  return {
    id: row.id,
    username: row.username,
    displayName: row.displayName,
    role: row.role as Role,
    scope,
    scopeName: name(scope),
    disabled: row.disabled,
    lockedUntil: row.lockedUntil?.toISOString() ?? null,
    lastLoginAt: row.lastLoginAt?.toISOString() ?? null,
    createdAt: row.createdAt.toISOString(),
  }
}

/** What the audit log keeps of a user: never the password hash. */
function auditView(row: UserRow) {
  const { passwordHash: _hash, ...rest } = row
  return rest
}

async function assertScope(db: DbOrTx, tenantId: string, role: Role, scope: Scope): Promise<string> {
  if (!scopeFitsRole(role, scope)) {
    throw userErrors.SCOPE_ROLE_MISMATCH([
      fieldError('scope.type', `角色 ${role} 不能使用 ${scope.type} 范围`, `role ${role} cannot have a ${scope.type} scope`),
    ])
  }
  const name = await scopeName(db, tenantId, scope)
  if (name === null) {
    throw userErrors.SCOPE_NOT_FOUND([
      fieldError('scope.id', `范围 ${scope.id} 不存在`, `scope ${scope.id} does not exist in this city`),
    ])
  }
  return name
}

export async function listUsers(ctx: AppContext, actor: Actor, query: z.infer<typeof userListQuerySchema>) {
  const db = ctx.database.db
  const conditions: SQL[] = [eq(users.tenantId, actor.tenantId)]
  if (query.role) conditions.push(eq(users.role, query.role))
  if (query.q) {
    const pattern = containsPattern(query.q)
    conditions.push(or(ilike(users.username, pattern), ilike(users.displayName, pattern))!)
  }
  const where = and(...conditions)
  const [rows, [total]] = await Promise.all([
    db
      .select()
      .from(users)
      .where(where)
      .orderBy(asc(users.username))
      .limit(query.pageSize)
      .offset((query.page - 1) * query.pageSize),
    db.select({ n: count() }).from(users).where(where),
  ])
  const name = await scopeNamer(
    db,
    actor.tenantId,
    rows.map((r) => ({ type: r.scopeType, id: r.scopeId }) as Scope),
  )
  return { items: rows.map((r) => toUser(r, name)), total: total?.n ?? 0 }
}

async function loadUser(db: DbOrTx, tenantId: string, id: string, lock = false): Promise<UserRow> {
  const query = db
    .select()
    .from(users)
    .where(and(eq(users.tenantId, tenantId), eq(users.id, id)))
  const [row] = lock ? await query.for('update') : await query
  if (!row) throw userErrors.USER_NOT_FOUND()
  return row
}

export interface NewUser {
  username: string
  displayName: string
  role: Role
  scope: Scope
  passwordHash: string
  mustChangePassword: boolean
}

/**
 * Inserts a user and its audit entry inside the caller's transaction; returns null when the
 * username is taken, so that callers choose between an error (admin form) and skipping (first start).
 */
export async function insertUser(tx: DbOrTx, ctx: Pick<AppContext, 'clock'>, actor: Actor, user: NewUser): Promise<UserRow | null> {
  const now = ctx.clock.now()
  const [row] = await tx
    .insert(users)
    .values({
      id: randomUUID(),
      tenantId: actor.tenantId,
      username: user.username,
      displayName: user.displayName,
      role: user.role,
      scopeType: user.scope.type,
      scopeId: user.scope.id,
      passwordHash: user.passwordHash,
      mustChangePassword: user.mustChangePassword,
      createdAt: now,
      updatedAt: now,
    })
    .onConflictDoNothing({ target: users.username })
    .returning()
  if (!row) return null
  await recordAudit(tx, ctx, actor, { action: 'user.create', entityType: 'user', entityId: row.id, after: auditView(row) })
  return row
}

export async function createUser(ctx: AppContext, actor: Actor, input: CreateUserRequest): Promise<User> {
  const passwordHash = await hashPassword(input.password)
  return ctx.database.db.transaction(async (tx) => {
    const name = await assertScope(tx, actor.tenantId, input.role, input.scope)
    const { password: _password, ...fields } = input
    const row = await insertUser(tx, ctx, actor, { ...fields, passwordHash, mustChangePassword: true })
    if (!row) throw userErrors.USERNAME_TAKEN([fieldError('username', '用户名已被使用', 'username is taken')])
    return toUser(row, () => name)
  })
}

export async function updateUser(ctx: AppContext, actor: Actor, id: string, input: UpdateUserRequest): Promise<User> {
  return ctx.database.db.transaction(async (tx) => {
    const before = await loadUser(tx, actor.tenantId, id, true)
    const role = input.role ?? (before.role as Role)
    const scope = input.scope ?? ({ type: before.scopeType, id: before.scopeId } as Scope)
    if (id === actor.userId && (input.disabled === true || (input.role && input.role !== before.role))) {
      throw userErrors.CANNOT_DISABLE_SELF()
    }
    const name = await assertScope(tx, actor.tenantId, role, scope)
    const [after] = await tx
      .update(users)
      .set({
        displayName: input.displayName ?? before.displayName,
        role,
        scopeType: scope.type,
        scopeId: scope.id,
        disabled: input.disabled ?? before.disabled,
        updatedAt: ctx.clock.now(),
      })
      .where(and(eq(users.tenantId, actor.tenantId), eq(users.id, id)))
      .returning()
    // a changed role, scope or a disabled account must not keep acting through old sessions
    if (after!.disabled || role !== before.role || scope.type !== before.scopeType || scope.id !== before.scopeId) {
      await tx.delete(sessions).where(eq(sessions.userId, id))
    }
    await recordAudit(tx, ctx, actor, {
      action: 'user.update',
      entityType: 'user',
      entityId: id,
      before: auditView(before),
      after: auditView(after!),
    })
    return toUser(after!, () => name)
  })
}

/** Sets a new password, unlocks the account and ends its sessions; the user must change it at next sign-in. */
export async function resetPassword(ctx: AppContext, actor: Actor, id: string, newPassword: string): Promise<void> {
  const passwordHash = await hashPassword(newPassword)
  await ctx.database.db.transaction(async (tx) => {
    const before = await loadUser(tx, actor.tenantId, id, true)
    await tx
      .update(users)
      .set({ passwordHash, mustChangePassword: true, failedAttempts: 0, lockedUntil: null, updatedAt: ctx.clock.now() })
      .where(and(eq(users.tenantId, actor.tenantId), eq(users.id, id)))
    await tx.delete(sessions).where(eq(sessions.userId, id))
    await recordAudit(tx, ctx, actor, {
      action: 'user.reset_password',
      entityType: 'user',
      entityId: id,
      before: { lockedUntil: before.lockedUntil, failedAttempts: before.failedAttempts },
      after: { lockedUntil: null, failedAttempts: 0, mustChangePassword: true },
    })
  })
}
