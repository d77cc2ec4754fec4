// Raising notifications (fanned out to each recipient) and reading / marking them per user.
import { randomUUID } from 'node:crypto'
import { and, count, desc, eq, inArray, isNull, sql, type SQL } from 'drizzle-orm'
import type { Role } from '../../../../common/src/roles.js'
import type { AppContext } from '../../context.js'
import type { DbOrTx } from '../../db/client.js'
import type { Actor } from '../auth/index.js'
import { users } from '../users/index.js'
import { notifications } from './notifications.table.js'

export interface Recipients {
  userIds?: string[]
  /** users of these roles ... */
  roles?: Role[]
  /** ... restricted to this district (district scope, or a platform in it is not included) */
  region?: string
}

export interface NotificationInput {
  to: Recipients
  kind: string
  title: string
  titleEn: string
  body?: string | null
  bodyEn?: string | null
  link?: string | null
  entityType?: string | null
  entityId?: string | null
  /** the same key for the same user is raised once (overdue timers, expiry warnings) */
  dedupeKey?: string | null
}

/** Raises a notification inside the caller's transaction; returns how many users got it. */
export async function notify(tx: DbOrTx, ctx: Pick<AppContext, 'clock'>, tenantId: string, input: NotificationInput): Promise<number> {
  const who: SQL[] = []
  if (input.to.userIds?.length) who.push(inArray(users.id, input.to.userIds))
  if (input.to.roles?.length) {
    const byRole = inArray(users.role, input.to.roles)
    who.push(input.to.region ? and(byRole, eq(users.scopeType, 'district'), eq(users.scopeId, input.to.region))! : byRole)
  }
  if (who.length === 0) return 0
  const recipients = await tx
    .select({ id: users.id })
    .from(users)
    .where(and(eq(users.tenantId, tenantId), eq(users.disabled, false), sql`(${sql.join(who, sql` or `)})`))
  if (recipients.length === 0) return 0
  const now = ctx.clock.now()
  const inserted = await tx
    .insert(notifications)
    .values(
      recipients.map((r) => ({
        tenantId,
        id: randomUUID(),
        userId: r.id,
        kind: input.kind,
        title: input.title,
        titleEn: input.titleEn,
        body: input.body ?? null,
        bodyEn: input.bodyEn ?? null,
        link: input.link ?? null,
        entityType: input.entityType ?? null,
        entityId: input.entityId ?? null,
        dedupeKey: input.dedupeKey ?? null,
        createdAt: now,
      })),
    )
    .onConflictDoNothing()
    .returning({ id: notifications.id })
  return inserted.length
}

const iso = (d: Date | null) => (d === null ? null : d.toISOString())

async function unreadCount(db: DbOrTx, actor: Actor) {
  if (!actor.userId) return 0
  const [row] = await db
    .select({ n: count() })
    .from(notifications)
    .where(and(eq(notifications.tenantId, actor.tenantId), eq(notifications.userId, actor.userId), isNull(notifications.readAt)))
  return row?.n ?? 0
}

export async function listNotifications(ctx: AppContext, actor: Actor, query: { unread?: 'true' | 'false' | undefined; page: number; pageSize: number }) {
  const db = ctx.database.db
  if (!actor.userId) return { items: [], total: 0, unread: 0 }
  const where = and(
    eq(notifications.tenantId, actor.tenantId),
    eq(notifications.userId, actor.userId),
    query.unread === 'true' ? isNull(notifications.readAt) : undefined,
  )
  const [rows, [total], unread] = await Promise.all([
    db.select().from(notifications).where(where).orderBy(desc(notifications.createdAt), desc(notifications.id)).limit(query.pageSize).offset((query.page - 1) * query.pageSize),
    db.select({ n: count() }).from(notifications).where(where),
    unreadCount(db, actor),
  ])
  return {
    items: rows.map((r) => ({
      id: r.id,
      kind: r.kind,
      title: r.title,
      titleEn: r.titleEn,
      body: r.body,
      bodyEn: r.bodyEn,
      link: r.link,
      entityType: r.entityType,
      entityId: r.entityId,
      createdAt: r.createdAt.toISOString(),
      readAt: iso(r.readAt),
    })),
    total: total?.n ?? 0,
    unread,
  }
}

export async function countUnread(ctx: AppContext, actor: Actor) {
  return { unread: await unreadCount(ctx.database.db, actor) }
}

/** Marks the caller's own notifications read (the ids given, or all); other users' ids are ignored. */
export async function markRead(ctx: AppContext, actor: Actor, input: { ids?: string[] | undefined; all?: boolean | undefined }) {
  const db = ctx.database.db
  if (!actor.userId) return { marked: 0, unread: 0 }
  const which = input.all ? undefined : inArray(notifications.id, input.ids ?? [])
  if (!input.all && !(input.ids?.length)) return { marked: 0, unread: await unreadCount(db, actor) }
  const marked = await db
    .update(notifications)
    .set({ readAt: ctx.clock.now() })
    .where(and(eq(notifications.tenantId, actor.tenantId), eq(notifications.userId, actor.userId), isNull(notifications.readAt), which))
    .returning({ id: notifications.id })
  return { marked: marked.length, unread: await unreadCount(db, actor) }
}
