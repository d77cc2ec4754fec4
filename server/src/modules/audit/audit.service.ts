import { and, asc, count, desc, eq, gt, gte, ilike, lte, type SQL } from 'drizzle-orm'
import type { z } from 'zod'
import type { auditQuerySchema } from '../../../../common/src/api/audit.js'
import type { AppContext } from '../../context.js'
import type { DbOrTx } from '../../db/client.js'
import { containsPattern } from '../../db/like.js'
import type { Actor } from '../auth/index.js'
import { auditHeads, auditLog } from './audit.table.js'
import { auditHash, findBrokenLink, GENESIS_HASH, toJsonValue, type ChainRow } from './audit.rules.js'

export interface AuditChange {
  action: string
  entityType: string
  entityId: string
  before?: unknown
  after?: unknown
}

/**
 * Appends one entry to the tenant's hash chain. Call it inside the transaction that makes the
 * change, so that the change and its record commit or roll back together.
 */
export async function recordAudit(tx: DbOrTx, ctx: Pick<AppContext, 'clock'>, actor: Actor, change: AuditChange) {
  const tenantId = actor.tenantId
  await tx.insert(auditHeads).values({ tenantId, seq: 0, hash: GENESIS_HASH }).onConflictDoNothing()
  const [head] = await tx.select().from(auditHeads).where(eq(auditHeads.tenantId, tenantId)).for('update')
  if (!head) throw new Error('audit head missing after insert')
  const content = {
    tenantId,
    seq: head.seq + 1,
    at: ctx.clock.now(),
    actorId: actor.userId,
    actorName: actor.username,
    action: change.action,
    entityType: change.entityType,
    entityId: change.entityId,
    before: toJsonValue(change.before),
    after: toJsonValue(change.after),
  }
  const hash = auditHash(head.hash, content)
  await tx.insert(auditLog).values({ ...content, prevHash: head.hash, hash, requestId: actor.requestId ?? null })
  await tx.update(auditHeads).set({ seq: content.seq, hash }).where(eq(auditHeads.tenantId, tenantId))
}

export async function listAudit(ctx: AppContext, actor: Actor, query: z.infer<typeof auditQuerySchema>) {
  const conditions: SQL[] = [eq(auditLog.tenantId, actor.tenantId)]
  if (query.actor) conditions.push(ilike(auditLog.actorName, containsPattern(query.actor)))
  if (query.action) conditions.push(eq(auditLog.action, query.action))
  if (query.entityType) conditions.push(eq(auditLog.entityType, query.entityType))
  if (query.entityId) conditions.push(eq(auditLog.entityId, query.entityId))
  if (query.from) conditions.push(gte(auditLog.at, new Date(query.from)))
  if (query.to) conditions.push(lte(auditLog.at, new Date(query.to)))
  const where = and(...conditions)
  const db = ctx.database.db
  const [rows, [total]] = await Promise.all([
    db
      .select()
      .from(auditLog)
      .where(where)
      .orderBy(desc(auditLog.seq))
      .limit(query.pageSize)
      .offset((query.page - 1) * query.pageSize),
    db.select({ n: count() }).from(auditLog).where(where),
  ])
  return {
    items: rows.map((r) => ({
      seq: r.seq,
      at: r.at.toISOString(),
      actorId: r.actorId,
      actorName: r.actorName,
      action: r.action,
      entityType: r.entityType,
      entityId: r.entityId,
      before: r.before ?? null,
      after: r.after ?? null,
      hash: r.hash,
    })),
    total: total?.n ?? 0,
  }
}

export async function distinctAuditActions(ctx: AppContext, actor: Actor): Promise<string[]> {
  const rows = await ctx.database.db
    .selectDistinct({ action: auditLog.action })
    .from(auditLog)
    .where(eq(auditLog.tenantId, actor.tenantId))
    .orderBy(asc(auditLog.action))
  return rows.map((r) => r.action)
}

/** Re-computes every hash of the tenant's chain in pages, so that a long log never sits in memory at once. */
export async function verifyAuditChain(ctx: Pick<AppContext, 'database'>, tenantId: string) {
  const pageSize = 5000
  let prevHash = GENESIS_HASH
  let lastSeq = 0
  let checked = 0
  for (;;) {
    const rows = await ctx.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.tenantId, tenantId), gt(auditLog.seq, lastSeq)))
      .orderBy(asc(auditLog.seq))
      .limit(pageSize)
    if (rows.length === 0) break
    const brokenAt = findBrokenLink(rows as ChainRow[], prevHash, lastSeq)
    if (brokenAt !== null) return { ok: false, checked: checked + rows.findIndex((r) => r.seq === brokenAt), brokenAt }
    checked += rows.length
    const last = rows[rows.length - 1]!
    prevHash = last.hash
    lastSeq = last.seq
  }
  const [head] = await ctx.database.db.select().from(auditHeads).where(eq(auditHeads.tenantId, tenantId))
  // rows cut off the end of the chain show up as a head that points past the last row
  if (head && (head.seq !== lastSeq || head.hash !== prevHash)) return { ok: false, checked, brokenAt: lastSeq + 1 }
  return { ok: true, checked, brokenAt: null }
}
