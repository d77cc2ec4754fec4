import { randomUUID } from 'node:crypto'
import { and, asc, desc, eq, inArray, or, sql } from 'drizzle-orm'
import type { z } from 'zod'
import type {
  createEnterpriseRequestSchema,
  createRelationRequestSchema,
  duplicateQuerySchema,
  EnterpriseDetail,
  enterpriseListQuerySchema,
  graphQuerySchema,
  Relation,
  relationListQuerySchema,
  updateEnterpriseRequestSchema,
  updateRelationRequestSchema,
} from '../../../../common/src/api/enterprise.js'
import { relationKindValues } from '../../../../common/src/api/enterprise.js'
import { cityRoles } from '../../../../common/src/roles.js'
import type { AppContext } from '../../context.js'
import type { DbOrTx } from '../../db/client.js'
import { commonErrors, fieldError } from '../../http/app-error.js'
import { recordAudit } from '../audit/index.js'
import type { Actor } from '../auth/index.js'
import { chainSegments, chains, getTenant, regions } from '../reference/index.js'
import { normalizeTradeName, parseEnterpriseName, pinyinInitials, TRADE_NAME_MATCH_THRESHOLD } from './enterprise-name.rules.js'
import { enterpriseErrors } from './enterprise.errors.js'
import {
  ancestors,
  descendants,
  findDuplicateHits,
  frontierEdges,
  searchEnterprises,
  summariesByIds,
  type DuplicateHit,
  type DuplicateProbe,
  type EdgeRow,
} from './enterprise.repository.js'
import {
  buildGroupTree,
  checkSegments,
  diffFields,
  edgeShare,
  formerNamesAfterRename,
  normalizeTags,
  parseKinds,
  planSegmentChange,
  readSearchTerm,
  relationProblems,
  usccMessage,
  withMainSegment,
  wouldCreateCycle,
  type SegmentAssignment,
} from './enterprise.rules.js'
import {
  enterpriseChanges,
  enterpriseRelations,
  enterpriseSegmentExclusions,
  enterpriseSegments,
  enterprises,
} from './enterprise.table.js'

type EnterpriseRow = typeof enterprises.$inferSelect
type RelationRow = typeof enterpriseRelations.$inferSelect
type CreateInput = z.output<typeof createEnterpriseRequestSchema>
type UpdateInput = z.output<typeof updateEnterpriseRequestSchema>

// ---------------------------------------------------------------------------------------------
// merge registry: other modules re-point their rows inside the merge transaction

export type EnterpriseMergeStep = (tx: DbOrTx, tenantId: string, fromId: string, toId: string) => Promise<void>
const mergeSteps: EnterpriseMergeStep[] = []

/** Lets another module move its rows from a merged-away firm to the kept one (runs inside the merge transaction). */
export function registerEnterpriseMergeStep(step: EnterpriseMergeStep): void {
  if (!mergeSteps.includes(step)) mergeSteps.push(step)
}

// ---------------------------------------------------------------------------------------------
// scope

async function cityRegion(db: DbOrTx, tenantId: string): Promise<string> {
  return (await getTenant(db, tenantId))?.regionCode ?? tenantId
}

/** Whether the actor may write a firm registered in `regionCode`: city roles all, district staff their district. */
export function mayEditRegion(actor: Actor, regionCode: string): boolean {
  if (cityRoles.includes(actor.role)) return true
  return actor.role === 'district_staff' && actor.scope.type === 'district' && actor.scope.id === regionCode
}

function assertEdit(actor: Actor, regionCode: string): void {
  if (!mayEditRegion(actor, regionCode)) throw commonErrors.OUT_OF_SCOPE()
}

function assertRead(actor: Actor, id: string): void {
  if (actor.role === 'enterprise' && actor.scope.id !== id) throw commonErrors.OUT_OF_SCOPE()
}

// ---------------------------------------------------------------------------------------------
// reading

export async function listEnterprises(ctx: AppContext, actor: Actor, query: z.output<typeof enterpriseListQuerySchema>) {
  const db = ctx.database.db
  return searchEnterprises(db, actor.tenantId, await cityRegion(db, actor.tenantId), query, readSearchTerm(query.q))
}

async function loadRow(db: DbOrTx, tenantId: string, id: string, lock = false): Promise<EnterpriseRow> {
  const query = db
    .select()
    .from(enterprises)
    .where(and(eq(enterprises.tenantId, tenantId), eq(enterprises.id, id)))
  const [row] = lock ? await query.for('update') : await query
  if (!row) throw enterpriseErrors.ENTERPRISE_NOT_FOUND()
  return row
}

async function segmentRows(db: DbOrTx, tenantId: string, id: string) {
  return db
    .select({
      segmentCode: enterpriseSegments.segmentCode,
      main: enterpriseSegments.main,
      source: enterpriseSegments.source,
      segmentName: chainSegments.nameZh,
      chainCode: chainSegments.chainCode,
      chainName: chains.nameZh,
    })
    .from(enterpriseSegments)
    .leftJoin(chainSegments, and(eq(chainSegments.tenantId, enterpriseSegments.tenantId), eq(chainSegments.code, enterpriseSegments.segmentCode)))
    .leftJoin(chains, and(eq(chains.tenantId, chainSegments.tenantId), eq(chains.code, chainSegments.chainCode)))
    .where(and(eq(enterpriseSegments.tenantId, tenantId), eq(enterpriseSegments.enterpriseId, id)))
    .orderBy(desc(enterpriseSegments.main), asc(enterpriseSegments.segmentCode))
}

async function detail(db: DbOrTx, tenantId: string, id: string): Promise<EnterpriseDetail> {
  const row = await loadRow(db, tenantId, id)
  const city = await cityRegion(db, tenantId)
  const refIds = [row.id, row.parentId, row.mergedIntoId].filter((x): x is string => !!x)
  const [summaries, segments, industry, hometown] = await Promise.all([
    summariesByIds(db, tenantId, city, refIds),
    segmentRows(db, tenantId, id),
    db.execute<{ name_zh: string }>(sql`select name_zh from industry_classes where code = ${row.industryCode}`),
    // "杭州市滨江区" for a district, the region's own name otherwise
    row.founderOriginCode
      ? db.execute<{ name: string }>(sql`
          select coalesce(p.name_zh, '') || r.name_zh as name from regions r left join regions p on p.code = r.parent_code and r.level = 'district'
          where r.code = ${row.founderOriginCode}`)
      : null,
  ])
  const summary = summaries.get(row.id)!
  const ref = (refId: string | null) => (refId ? { id: refId, name: summaries.get(refId)?.name ?? refId } : null)
  return {
    ...summary,
    formerNames: row.formerNames,
    nameInitials: row.nameInitials,
    address: row.address,
    industryName: industry.rows[0]?.name_zh ?? null,
    businessScope: row.businessScope,
    registeredCapital: row.registeredCapital,
    tax: row.tax,
    parent: ref(row.parentId),
    actualController: row.actualController,
    founderOriginCode: row.founderOriginCode,
    founderOriginName: hometown?.rows[0]?.name ?? row.founderOriginCode,
    mergedInto: ref(row.mergedIntoId),
    segments: segments.map((s) => ({
      segmentCode: s.segmentCode,
      segmentName: s.segmentName ?? s.segmentCode,
      chainCode: s.chainCode ?? '',
      chainName: s.chainName ?? '',
      main: s.main,
      source: s.source,
    })),
    version: row.version,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  }
}

export async function getEnterprise(ctx: AppContext, actor: Actor, id: string): Promise<EnterpriseDetail> {
  assertRead(actor, id)
  return detail(ctx.database.db, actor.tenantId, id)
}

export async function enterpriseHistory(ctx: AppContext, actor: Actor, id: string) {
  assertRead(actor, id)
  const db = ctx.database.db
  await loadRow(db, actor.tenantId, id)
  const rows = await db
    .select()
    .from(enterpriseChanges)
    .where(and(eq(enterpriseChanges.tenantId, actor.tenantId), eq(enterpriseChanges.enterpriseId, id)))
    .orderBy(desc(enterpriseChanges.at), asc(enterpriseChanges.field))
    .limit(500)
  return {
    items: rows.map((r) => ({
      id: r.id,
      at: r.at.toISOString(),
      actorName: r.actorName,
      kind: r.kind,
      field: r.field,
      before: r.before,
      after: r.after,
    })),
  }
}

export async function enterpriseGroup(ctx: AppContext, actor: Actor, id: string) {
  assertRead(actor, id)
  const db = ctx.database.db
  const row = await loadRow(db, actor.tenantId, id)
  const up = await ancestors(db, actor.tenantId, id)
  const rootId = up[up.length - 1]!.id
  const CAP = 500
  const down = await descendants(db, actor.tenantId, rootId, CAP)
  const tree = buildGroupTree(
    down.map((d) => ({ id: d.id, name: d.name, regionCode: d.region_code, parentId: d.parent_id })),
    rootId,
  )!
  const inTree = new Set(down.map((d) => d.id))
  const sameController = row.actualController
    ? (
        await db
          .select({ id: enterprises.id, name: enterprises.name })
          .from(enterprises)
          .where(
            and(
              eq(enterprises.tenantId, actor.tenantId),
              eq(enterprises.actualController, row.actualController),
              eq(enterprises.status, 'active'),
            ),
          )
          .orderBy(asc(enterprises.name))
          .limit(50)
      ).filter((r) => !inTree.has(r.id))
    : []
  return { root: tree, path: up.map((u) => u.id).reverse(), sameController, truncated: down.length >= CAP }
}

// ---------------------------------------------------------------------------------------------
// validation shared by create and update

async function assertUscc(db: DbOrTx, tenantId: string, uscc: string, excludeId?: string) {
  const problem = usccMessage(uscc)
  if (problem) throw enterpriseErrors.USCC_INVALID([fieldError('uscc', problem.zh, problem.en)])
  const [taken] = await db
    .select({ id: enterprises.id, name: enterprises.name })
    .from(enterprises)
    .where(and(eq(enterprises.tenantId, tenantId), eq(enterprises.uscc, uscc)))
  if (taken && taken.id !== excludeId) {
    throw enterpriseErrors.USCC_TAKEN([fieldError('uscc', `该代码已属于 ${taken.name}`, `this code belongs to ${taken.name}`)])
  }
}

async function assertReferences(
  db: DbOrTx,
  tenantId: string,
  input: {
    regionCode?: string | undefined
    industryCode?: string | undefined
    segments?: SegmentAssignment[] | undefined
    founderOriginCode?: string | null | undefined
  },
) {
  const problems = []
  if (input.regionCode !== undefined) {
    const [region] = await db.select({ code: regions.code }).from(regions).where(eq(regions.code, input.regionCode))
    if (!region) problems.push(fieldError('regionCode', `行政区划 ${input.regionCode} 不存在`, `region ${input.regionCode} does not exist`))
  }
  if (input.founderOriginCode) {
    const [region] = await db.select({ code: regions.code }).from(regions).where(eq(regions.code, input.founderOriginCode))
    if (!region)
      problems.push(fieldError('founderOriginCode', `籍贯行政区划 ${input.founderOriginCode} 不存在`, `hometown region ${input.founderOriginCode} does not exist`))
  }
  if (input.industryCode !== undefined) {
    const found = await db.execute<{ code: string }>(sql`select code from industry_classes where code = ${input.industryCode}`)
    if (found.rows.length === 0)
      problems.push(fieldError('industryCode', `行业代码 ${input.industryCode} 不在国民经济行业分类中`, `industry class ${input.industryCode} is not in GB/T 4754`))
  }
  if (input.segments?.length) {
    const problem = checkSegments(input.segments)
    if (problem === 'duplicate') throw enterpriseErrors.SEGMENTS_INVALID([fieldError('segments', '环节重复', 'a segment is listed twice')])
    if (problem === 'several_main') throw enterpriseErrors.SEGMENTS_INVALID([fieldError('segments', '只能有一个主环节', 'only one segment may be the main one')])
    const codes = input.segments.map((s) => s.segmentCode)
    const known = await db
      .select({ code: chainSegments.code })
      .from(chainSegments)
      .where(and(eq(chainSegments.tenantId, tenantId), inArray(chainSegments.code, codes)))
    const knownCodes = new Set(known.map((k) => k.code))
    input.segments.forEach((s, i) => {
      if (!knownCodes.has(s.segmentCode))
        problems.push(fieldError(`segments.${i}.segmentCode`, `环节 ${s.segmentCode} 不存在`, `segment ${s.segmentCode} does not exist`))
    })
  }
  if (problems.length) throw enterpriseErrors.REFERENCE_NOT_FOUND(problems)
}

async function assertParent(db: DbOrTx, tenantId: string, id: string, parentId: string | null | undefined) {
  if (!parentId) return
  const [parent] = await db
    .select({ id: enterprises.id, status: enterprises.status })
    .from(enterprises)
    .where(and(eq(enterprises.tenantId, tenantId), eq(enterprises.id, parentId)))
  if (!parent || parent.status !== 'active')
    throw enterpriseErrors.REFERENCE_NOT_FOUND([fieldError('parentId', '上级企业不存在', 'the parent enterprise does not exist')])
  const chain = await ancestors(db, tenantId, parentId)
  if (wouldCreateCycle(id, parentId, chain.map((a) => a.id)))
    throw enterpriseErrors.GROUP_CYCLE([fieldError('parentId', '该上级企业是本企业的下级', 'this parent is a subsidiary of the firm')])
}

/** The stored segment list through the manual-override rules. */
async function writeSegments(db: DbOrTx, actor: Actor, id: string, next: SegmentAssignment[], now: Date) {
  const current = await db
    .select({ segmentCode: enterpriseSegments.segmentCode, main: enterpriseSegments.main, source: enterpriseSegments.source })
    .from(enterpriseSegments)
    .where(and(eq(enterpriseSegments.tenantId, actor.tenantId), eq(enterpriseSegments.enterpriseId, id)))
  const plan = planSegmentChange(current, withMainSegment(next))
  await db.delete(enterpriseSegments).where(and(eq(enterpriseSegments.tenantId, actor.tenantId), eq(enterpriseSegments.enterpriseId, id)))
  if (plan.rows.length)
    await db.insert(enterpriseSegments).values(plan.rows.map((r) => ({ tenantId: actor.tenantId, enterpriseId: id, ...r })))
  if (plan.excluded.length)
    await db
      .insert(enterpriseSegmentExclusions)
      .values(plan.excluded.map((segmentCode) => ({ tenantId: actor.tenantId, enterpriseId: id, segmentCode, createdAt: now, createdBy: actor.username })))
      .onConflictDoNothing()
  if (plan.reinstated.length)
    await db
      .delete(enterpriseSegmentExclusions)
      .where(
        and(
          eq(enterpriseSegmentExclusions.tenantId, actor.tenantId),
          eq(enterpriseSegmentExclusions.enterpriseId, id),
          inArray(enterpriseSegmentExclusions.segmentCode, plan.reinstated),
        ),
      )
}

const segmentView = (segments: ReadonlyArray<{ segmentCode: string; main: boolean }>) =>
  segments.map((s) => (s.main ? `${s.segmentCode}*` : s.segmentCode)).sort()

/** The fields history compares, as stored. */
function historyView(row: EnterpriseRow, segments: ReadonlyArray<{ segmentCode: string; main: boolean }>) {
  return {
    uscc: row.uscc,
    name: row.name,
    formerNames: row.formerNames,
    regionCode: row.regionCode,
    address: row.address,
    industryCode: row.industryCode,
    businessScope: row.businessScope,
    registeredCapital: row.registeredCapital,
    revenue: row.revenue,
    tax: row.tax,
    employees: row.employees,
    foundedOn: row.foundedOn,
    tags: row.tags,
    chainLeader: row.chainLeader,
    parentId: row.parentId,
    actualController: row.actualController,
    founderOriginCode: row.founderOriginCode,
    segments: segmentView(segments),
  }
}

async function writeChanges(
  db: DbOrTx,
  actor: Actor,
  enterpriseId: string,
  at: Date,
  kind: string,
  changes: Array<{ field: string | null; before: unknown; after: unknown }>,
) {
  if (changes.length === 0) return
  await db.insert(enterpriseChanges).values(
    changes.map((c) => ({
      tenantId: actor.tenantId,
      id: randomUUID(),
      enterpriseId,
      at,
      actorId: actor.userId,
      actorName: actor.username,
      kind,
      field: c.field,
      before: c.before ?? null,
      after: c.after ?? null,
    })),
  )
}

function nameColumns(name: string) {
  const parsed = parseEnterpriseName(name)
  const tradeName = parsed.tradeName || name
  return { tradeName, tradeNameKey: normalizeTradeName(tradeName), nameInitials: pinyinInitials(tradeName) }
}

// ---------------------------------------------------------------------------------------------
// duplicates

/**
 * Finds firms that may be the same as a new or imported one: same USCC, similar trade name
 * (≥ TRADE_NAME_MATCH_THRESHOLD), or same group with a loosely similar trade name. For the
 * import and leads modules.
 */
export async function findDuplicateCandidates(
  db: DbOrTx,
  tenantId: string,
  probe: { uscc?: string | undefined; name?: string | undefined; parentId?: string | null | undefined; actualController?: string | null | undefined; excludeId?: string | undefined },
): Promise<DuplicateHit[]> {
  const p: DuplicateProbe = { uscc: probe.uscc, parentId: probe.parentId, actualController: probe.actualController, excludeId: probe.excludeId }
  if (probe.name?.trim()) p.tradeNameKey = nameColumns(probe.name.trim()).tradeNameKey
  return findDuplicateHits(db, tenantId, p, TRADE_NAME_MATCH_THRESHOLD)
}

export async function checkDuplicates(ctx: AppContext, actor: Actor, query: z.output<typeof duplicateQuerySchema>) {
  const db = ctx.database.db
  const hits = await findDuplicateCandidates(db, actor.tenantId, query)
  const summaries = await summariesByIds(db, actor.tenantId, await cityRegion(db, actor.tenantId), hits.map((h) => h.id))
  return {
    items: hits
      .filter((h) => summaries.has(h.id))
      .map((h) => ({ enterprise: summaries.get(h.id)!, reasons: h.reasons, similarity: Math.round(h.similarity * 1000) / 1000 })),
  }
}

// ---------------------------------------------------------------------------------------------
// create / update

export async function createEnterprise(ctx: AppContext, actor: Actor, input: CreateInput): Promise<EnterpriseDetail> {
  assertEdit(actor, input.regionCode)
  return ctx.database.db.transaction(async (tx) => {
    await assertUscc(tx, actor.tenantId, input.uscc)
    await assertReferences(tx, actor.tenantId, input)
    const id = randomUUID()
    await assertParent(tx, actor.tenantId, id, input.parentId)
    const names = nameColumns(input.name)
    if (!input.confirmNotDuplicate) {
      const hits = await findDuplicateHits(
        tx,
        actor.tenantId,
        { tradeNameKey: names.tradeNameKey, parentId: input.parentId, actualController: input.actualController },
        TRADE_NAME_MATCH_THRESHOLD,
        10,
      )
      if (hits.length) {
        const rows = await tx
          .select({ id: enterprises.id, name: enterprises.name })
          .from(enterprises)
          .where(and(eq(enterprises.tenantId, actor.tenantId), inArray(enterprises.id, hits.map((h) => h.id))))
        const nameOf = new Map(rows.map((r) => [r.id, r.name]))
        throw enterpriseErrors.DUPLICATE_SUSPECTED(
          hits.map((h) =>
            fieldError(
              `duplicates.${h.id}`,
              `${nameOf.get(h.id)}（${h.reasons.map((r) => (r === 'same_group' ? '同一集团' : '字号相似')).join('、')}，相似度 ${h.similarity.toFixed(2)}）`,
              `${nameOf.get(h.id)} (${h.reasons.join(', ')}, similarity ${h.similarity.toFixed(2)})`,
            ),
          ),
        )
      }
    }
    const now = ctx.clock.now()
    const [row] = await tx
      .insert(enterprises)
      .values({
        tenantId: actor.tenantId,
        id,
        uscc: input.uscc,
        name: input.name,
        formerNames: [],
        ...names,
        regionCode: input.regionCode,
        address: input.address ?? null,
        industryCode: input.industryCode,
        businessScope: input.businessScope ?? null,
        registeredCapital: input.registeredCapital ?? null,
        revenue: input.revenue ?? null,
        tax: input.tax ?? null,
        employees: input.employees ?? null,
        foundedOn: input.foundedOn ?? null,
        tags: normalizeTags(input.tags ?? []),
        chainLeader: input.chainLeader ?? false,
        parentId: input.parentId ?? null,
        actualController: input.actualController || null,
        founderOriginCode: input.founderOriginCode || null,
        createdAt: now,
        updatedAt: now,
      })
      .returning()
    const segments = withMainSegment(input.segments ?? [])
    if (segments.length)
      await tx.insert(enterpriseSegments).values(segments.map((s) => ({ tenantId: actor.tenantId, enterpriseId: id, ...s, source: 'manual' as const })))
    const view = historyView(row!, segments)
    await writeChanges(tx, actor, id, now, 'create', [{ field: null, before: null, after: view }])
    await recordAudit(tx, ctx, actor, { action: 'enterprise.create', entityType: 'enterprise', entityId: id, after: view })
    return detail(tx, actor.tenantId, id)
  })
}

export async function updateEnterprise(ctx: AppContext, actor: Actor, id: string, input: UpdateInput): Promise<EnterpriseDetail> {
  return ctx.database.db.transaction(async (tx) => {
    const before = await loadRow(tx, actor.tenantId, id, true)
    assertRead(actor, id)
    assertEdit(actor, before.regionCode)
    if (input.regionCode !== undefined) assertEdit(actor, input.regionCode)
    if (before.status === 'merged') throw enterpriseErrors.ENTERPRISE_MERGED()
    if (before.version !== input.version)
      throw enterpriseErrors.STALE_VERSION([fieldError('version', `当前版本为 ${before.version}`, `the current version is ${before.version}`)])
    if (input.uscc !== undefined && input.uscc !== before.uscc) await assertUscc(tx, actor.tenantId, input.uscc, id)
    await assertReferences(tx, actor.tenantId, {
      regionCode: input.regionCode !== before.regionCode ? input.regionCode : undefined,
      industryCode: input.industryCode !== before.industryCode ? input.industryCode : undefined,
      segments: input.segments,
      founderOriginCode: input.founderOriginCode !== before.founderOriginCode ? input.founderOriginCode : undefined,
    })
    if (input.parentId !== undefined && input.parentId !== before.parentId) await assertParent(tx, actor.tenantId, id, input.parentId)
    const beforeSegments = await tx
      .select({ segmentCode: enterpriseSegments.segmentCode, main: enterpriseSegments.main })
      .from(enterpriseSegments)
      .where(and(eq(enterpriseSegments.tenantId, actor.tenantId), eq(enterpriseSegments.enterpriseId, id)))
    const now = ctx.clock.now()
    const rename = input.name !== undefined && input.name !== before.name
    const patch: Partial<typeof enterprises.$inferInsert> = {}
    const keys = [
      'uscc', 'name', 'regionCode', 'address', 'industryCode', 'businessScope', 'registeredCapital', 'revenue', 'tax',
      'employees', 'foundedOn', 'chainLeader', 'parentId', 'actualController', 'founderOriginCode',
    ] as const
    for (const key of keys) if (input[key] !== undefined) (patch as Record<string, unknown>)[key] = input[key]
    if (input.tags !== undefined) patch.tags = normalizeTags(input.tags)
    if (rename) {
      Object.assign(patch, nameColumns(input.name!))
      patch.formerNames = formerNamesAfterRename(before.formerNames, before.name, input.name!)
    }
    const [after] = await tx
      .update(enterprises)
      .set({ ...patch, version: before.version + 1, updatedAt: now })
      .where(and(eq(enterprises.tenantId, actor.tenantId), eq(enterprises.id, id), eq(enterprises.version, input.version)))
      .returning()
    if (!after) throw enterpriseErrors.STALE_VERSION()
    let afterSegments = beforeSegments
    if (input.segments !== undefined) {
      await writeSegments(tx, actor, id, input.segments, now)
      afterSegments = withMainSegment(input.segments)
    }
    const changes = diffFields(historyView(before, beforeSegments), historyView(after, afterSegments))
    await writeChanges(tx, actor, id, now, 'update', changes)
    await recordAudit(tx, ctx, actor, {
      action: 'enterprise.update',
      entityType: 'enterprise',
      entityId: id,
      before: Object.fromEntries(changes.map((c) => [c.field, c.before])),
      after: Object.fromEntries(changes.map((c) => [c.field, c.after])),
    })
    return detail(tx, actor.tenantId, id)
  })
}

// ---------------------------------------------------------------------------------------------
// merge

export async function mergeEnterprise(ctx: AppContext, actor: Actor, keepId: string, duplicateId: string): Promise<EnterpriseDetail> {
  if (keepId === duplicateId) throw enterpriseErrors.MERGE_INVALID([fieldError('duplicateId', '不能与自身合并', 'a firm cannot merge with itself')])
  return ctx.database.db.transaction(async (tx) => {
    const t = actor.tenantId
    // lock in id order so two opposite merges cannot deadlock
    const [first, second] = [keepId, duplicateId].sort()
    const locked = new Map([
      [first!, await loadRow(tx, t, first!, true)],
      [second!, await loadRow(tx, t, second!, true)],
    ])
    const keep = locked.get(keepId)!
    const dup = locked.get(duplicateId)!
    assertEdit(actor, keep.regionCode)
    assertEdit(actor, dup.regionCode)
    if (keep.status !== 'active' || dup.status !== 'active')
      throw enterpriseErrors.MERGE_INVALID([fieldError('duplicateId', '已被合并的企业不能再合并', 'a merged firm cannot take part in a merge')])
    const now = ctx.clock.now()

    // relations: re-point, then drop self-loops and repeats
    await tx.update(enterpriseRelations).set({ fromId: keepId }).where(and(eq(enterpriseRelations.tenantId, t), eq(enterpriseRelations.fromId, duplicateId)))
    await tx.update(enterpriseRelations).set({ toId: keepId }).where(and(eq(enterpriseRelations.tenantId, t), eq(enterpriseRelations.toId, duplicateId)))
    const selfLoops = await tx
      .delete(enterpriseRelations)
      .where(and(eq(enterpriseRelations.tenantId, t), eq(enterpriseRelations.fromId, keepId), eq(enterpriseRelations.toId, keepId)))
      .returning({ id: enterpriseRelations.id })
    const repeats = await tx.execute<{ id: string }>(sql`
      delete from enterprise_relations r using enterprise_relations o
      where r.tenant_id = ${t} and o.tenant_id = ${t}
        and (r.from_id = ${keepId}::uuid or r.to_id = ${keepId}::uuid)
        and o.from_id = r.from_id and o.to_id = r.to_id and o.kind = r.kind and o.id < r.id
      returning r.id`)

    // segments: the kept firm keeps its main segment; the duplicate's become extra ones
    const keepSegments = await segmentRows(tx, t, keepId)
    const dupSegments = await segmentRows(tx, t, duplicateId)
    const have = new Set(keepSegments.map((s) => s.segmentCode))
    const moved = dupSegments.filter((s) => !have.has(s.segmentCode))
    if (moved.length)
      await tx.insert(enterpriseSegments).values(
        moved.map((s) => ({ tenantId: t, enterpriseId: keepId, segmentCode: s.segmentCode, main: keepSegments.length === 0 && s.main, source: s.source })),
      )
    await tx.delete(enterpriseSegments).where(and(eq(enterpriseSegments.tenantId, t), eq(enterpriseSegments.enterpriseId, duplicateId)))
    await tx.delete(enterpriseSegmentExclusions).where(and(eq(enterpriseSegmentExclusions.tenantId, t), eq(enterpriseSegmentExclusions.enterpriseId, duplicateId)))

    // group: the duplicate's subsidiaries move under the kept firm
    const children = await tx
      .update(enterprises)
      .set({ parentId: keepId, updatedAt: now })
      .where(and(eq(enterprises.tenantId, t), eq(enterprises.parentId, duplicateId), sql`${enterprises.id} <> ${keepId}::uuid`))
      .returning({ id: enterprises.id })
    const keepParent = keep.parentId === duplicateId ? dup.parentId : keep.parentId
    const formerNames = [...new Set([...keep.formerNames, dup.name, ...dup.formerNames])].filter((n) => n !== keep.name)
    const [kept] = await tx
      .update(enterprises)
      .set({
        formerNames,
        parentId: keepParent === keepId ? null : keepParent,
        actualController: keep.actualController ?? dup.actualController,
        founderOriginCode: keep.founderOriginCode ?? dup.founderOriginCode,
        version: keep.version + 1,
        updatedAt: now,
      })
      .where(and(eq(enterprises.tenantId, t), eq(enterprises.id, keepId)))
      .returning()
    await tx
      .update(enterprises)
      .set({ status: 'merged', mergedIntoId: keepId, parentId: null, version: dup.version + 1, updatedAt: now })
      .where(and(eq(enterprises.tenantId, t), eq(enterprises.id, duplicateId)))

    for (const step of mergeSteps) await step(tx, t, duplicateId, keepId)

    const summary = { relationsDropped: selfLoops.length + repeats.rows.length, segmentsMoved: moved.length, childrenMoved: children.length }
    await writeChanges(tx, actor, keepId, now, 'merge_in', [
      { field: null, before: null, after: { id: dup.id, name: dup.name, uscc: dup.uscc, ...summary } },
      ...diffFields({ formerNames: keep.formerNames, parentId: keep.parentId }, { formerNames: kept!.formerNames, parentId: kept!.parentId }),
    ])
    await writeChanges(tx, actor, duplicateId, now, 'merged', [
      { field: 'status', before: 'active', after: 'merged' },
      { field: 'mergedIntoId', before: null, after: keepId },
    ])
    await recordAudit(tx, ctx, actor, {
      action: 'enterprise.merge',
      entityType: 'enterprise',
      entityId: keepId,
      before: { kept: keep.id, duplicate: { id: dup.id, name: dup.name, uscc: dup.uscc } },
      after: { kept: keepId, formerNames, ...summary },
    })
    return detail(tx, t, keepId)
  })
}

// ---------------------------------------------------------------------------------------------
// relations

async function relationView(db: DbOrTx, tenantId: string, rows: RelationRow[]): Promise<Relation[]> {
  const ids = [...new Set(rows.flatMap((r) => [r.fromId, r.toId]))]
  const names = ids.length
    ? new Map(
        (
          await db
            .select({ id: enterprises.id, name: enterprises.name })
            .from(enterprises)
            .where(and(eq(enterprises.tenantId, tenantId), inArray(enterprises.id, ids)))
        ).map((r) => [r.id, r.name]),
      )
    : new Map<string, string>()
  return rows.map((r) => ({
    id: r.id,
    fromId: r.fromId,
    fromName: names.get(r.fromId) ?? r.fromId,
    toId: r.toId,
    toName: names.get(r.toId) ?? r.toId,
    kind: r.kind,
    shareOfSupplierRevenue: r.shareOfSupplierRevenue,
    shareOfBuyerCost: r.shareOfBuyerCost,
    equityRatio: r.equityRatio,
    source: r.source,
    observedOn: r.observedOn,
  }))
}

export async function listRelations(ctx: AppContext, actor: Actor, id: string, query: z.output<typeof relationListQuerySchema>) {
  assertRead(actor, id)
  const db = ctx.database.db
  await loadRow(db, actor.tenantId, id)
  const conditions = [eq(enterpriseRelations.tenantId, actor.tenantId), or(eq(enterpriseRelations.fromId, id), eq(enterpriseRelations.toId, id))]
  if (query.kind) conditions.push(eq(enterpriseRelations.kind, query.kind))
  const rows = await db
    .select()
    .from(enterpriseRelations)
    .where(and(...conditions))
    .orderBy(asc(enterpriseRelations.kind), desc(enterpriseRelations.shareOfBuyerCost), asc(enterpriseRelations.id))
    .limit(query.limit + 1)
  return { items: await relationView(db, actor.tenantId, rows.slice(0, query.limit)), truncated: rows.length > query.limit }
}

async function assertRelationScope(db: DbOrTx, actor: Actor, fromId: string, toId: string) {
  const rows = await db
    .select({ id: enterprises.id, regionCode: enterprises.regionCode, status: enterprises.status })
    .from(enterprises)
    .where(and(eq(enterprises.tenantId, actor.tenantId), inArray(enterprises.id, [fromId, toId])))
  const byId = new Map(rows.map((r) => [r.id, r]))
  const problems = []
  for (const [path, id] of [['fromId', fromId], ['toId', toId]] as const) {
    const row = byId.get(id)
    if (!row || row.status !== 'active') problems.push(fieldError(path, '企业不存在或已被合并', 'the enterprise does not exist or was merged'))
  }
  if (problems.length) throw enterpriseErrors.REFERENCE_NOT_FOUND(problems)
  if (!rows.some((r) => mayEditRegion(actor, r.regionCode))) throw commonErrors.OUT_OF_SCOPE()
}

function relationAudit(r: RelationRow) {
  const { tenantId: _t, ...rest } = r
  return rest
}

export async function createRelation(ctx: AppContext, actor: Actor, input: z.output<typeof createRelationRequestSchema>): Promise<Relation> {
  const problems = relationProblems(input)
  if (problems.length) throw enterpriseErrors.RELATION_INVALID(problems.map((p) => fieldError(p.path, p.zh, p.en)))
  return ctx.database.db.transaction(async (tx) => {
    await assertRelationScope(tx, actor, input.fromId, input.toId)
    const [existing] = await tx
      .select({ id: enterpriseRelations.id })
      .from(enterpriseRelations)
      .where(
        and(
          eq(enterpriseRelations.tenantId, actor.tenantId),
          eq(enterpriseRelations.fromId, input.fromId),
          eq(enterpriseRelations.toId, input.toId),
          eq(enterpriseRelations.kind, input.kind),
        ),
      )
    if (existing) throw enterpriseErrors.RELATION_EXISTS([fieldError('toId', '这两家企业之间已有同类关系', 'these firms already have this relation')])
    const [row] = await tx
      .insert(enterpriseRelations)
      .values({
        tenantId: actor.tenantId,
        id: randomUUID(),
        fromId: input.fromId,
        toId: input.toId,
        kind: input.kind,
        shareOfSupplierRevenue: input.shareOfSupplierRevenue ?? null,
        shareOfBuyerCost: input.shareOfBuyerCost ?? null,
        equityRatio: input.equityRatio ?? null,
        source: input.source,
        observedOn: input.observedOn ?? null,
      })
      .returning()
    await recordAudit(tx, ctx, actor, { action: 'enterprise.relation.create', entityType: 'enterprise_relation', entityId: row!.id, after: relationAudit(row!) })
    return (await relationView(tx, actor.tenantId, [row!]))[0]!
  })
}

async function loadRelation(db: DbOrTx, tenantId: string, id: string): Promise<RelationRow> {
  const [row] = await db
    .select()
    .from(enterpriseRelations)
    .where(and(eq(enterpriseRelations.tenantId, tenantId), eq(enterpriseRelations.id, id)))
    .for('update')
  if (!row) throw enterpriseErrors.RELATION_NOT_FOUND()
  return row
}

export async function updateRelation(ctx: AppContext, actor: Actor, id: string, input: z.output<typeof updateRelationRequestSchema>): Promise<Relation> {
  return ctx.database.db.transaction(async (tx) => {
    const before = await loadRelation(tx, actor.tenantId, id)
    await assertRelationScope(tx, actor, before.fromId, before.toId)
    const problems = relationProblems({ fromId: before.fromId, toId: before.toId, kind: before.kind, ...input })
    if (problems.length) throw enterpriseErrors.RELATION_INVALID(problems.map((p) => fieldError(p.path, p.zh, p.en)))
    const patch = Object.fromEntries(Object.entries(input).filter(([, v]) => v !== undefined))
    const [after] = Object.keys(patch).length
      ? await tx
          .update(enterpriseRelations)
          .set(patch)
          .where(and(eq(enterpriseRelations.tenantId, actor.tenantId), eq(enterpriseRelations.id, id)))
          .returning()
      : [before]
    await recordAudit(tx, ctx, actor, {
      action: 'enterprise.relation.update',
      entityType: 'enterprise_relation',
      entityId: id,
      before: relationAudit(before),
      after: relationAudit(after!),
    })
    return (await relationView(tx, actor.tenantId, [after!]))[0]!
  })
}

export async function deleteRelation(ctx: AppContext, actor: Actor, id: string): Promise<void> {
  await ctx.database.db.transaction(async (tx) => {
    const before = await loadRelation(tx, actor.tenantId, id)
    await assertRelationScope(tx, actor, before.fromId, before.toId)
    await tx.delete(enterpriseRelations).where(and(eq(enterpriseRelations.tenantId, actor.tenantId), eq(enterpriseRelations.id, id)))
    await recordAudit(tx, ctx, actor, { action: 'enterprise.relation.delete', entityType: 'enterprise_relation', entityId: id, before: relationAudit(before) })
  })
}

// ---------------------------------------------------------------------------------------------
// graph

/** Most relations followed from one firm per hop (degrees reach ~850 in the city dataset). */
export const GRAPH_FAN_OUT = 40

export async function enterpriseGraph(ctx: AppContext, actor: Actor, id: string, query: z.output<typeof graphQuerySchema>) {
  assertRead(actor, id)
  const { kinds, unknown } = parseKinds(query.kinds, relationKindValues)
  if (unknown.length) throw commonErrors.VALIDATION_FAILED([fieldError('querystring.kinds', `未知关系类型 ${unknown.join(',')}`, `unknown relation kinds ${unknown.join(',')}`)])
  const db = ctx.database.db
  const t = actor.tenantId
  await loadRow(db, t, id)
  const depthOf = new Map<string, number>([[id, 0]])
  const edges = new Map<string, EdgeRow>()
  let truncated = false
  const frontiers: Record<'up' | 'down', string[]> = {
    up: query.direction === 'down' ? [] : [id],
    down: query.direction === 'up' ? [] : [id],
  }
  for (let depth = 1; depth <= query.depth; depth++) {
    for (const direction of ['up', 'down'] as const) {
      const frontier = frontiers[direction]
      if (frontier.length === 0) continue
      const room = query.limit - depthOf.size
      const rows = await frontierEdges(db, t, frontier, direction, kinds, GRAPH_FAN_OUT, Math.max(room, 0) * 2 + 1)
      const next: string[] = []
      for (const row of rows) {
        const other = direction === 'down' ? row.to_id : row.from_id
        if (!depthOf.has(other)) {
          if (depthOf.size >= query.limit) {
            truncated = true
            continue
          }
          depthOf.set(other, depth)
          next.push(other)
        }
        edges.set(row.id, row)
      }
      if (rows.length >= GRAPH_FAN_OUT * frontier.length) truncated = true
      frontiers[direction] = next
    }
  }
  const summaries = await summariesByIds(db, t, await cityRegion(db, t), [...depthOf.keys()])
  const nodes = [...depthOf.entries()]
    .filter(([nodeId]) => summaries.has(nodeId))
    .map(([nodeId, depth]) => {
      const s = summaries.get(nodeId)!
      return { id: nodeId, name: s.name, tradeName: s.tradeName, regionCode: s.regionCode, local: s.local, chainLeader: s.chainLeader, depth }
    })
  return {
    rootId: id,
    nodes,
    edges: [...edges.values()]
      .filter((e) => depthOf.has(e.from_id) && depthOf.has(e.to_id))
      .map((e) => ({ id: e.id, from: e.from_id, to: e.to_id, kind: e.kind, share: edgeShare(e.kind, { shareOfBuyerCost: e.share_of_buyer_cost, equityRatio: e.equity_ratio }) })),
    truncated,
  }
}

export async function enterpriseSuppliers(ctx: AppContext, actor: Actor, id: string) {
  assertRead(actor, id)
  const db = ctx.database.db
  const t = actor.tenantId
  await loadRow(db, t, id)
  const rows = await db
    .select()
    .from(enterpriseRelations)
    .where(and(eq(enterpriseRelations.tenantId, t), eq(enterpriseRelations.toId, id), eq(enterpriseRelations.kind, 'supplier')))
    .orderBy(desc(enterpriseRelations.shareOfBuyerCost), asc(enterpriseRelations.id))
    .limit(500)
  const summaries = await summariesByIds(db, t, await cityRegion(db, t), rows.map((r) => r.fromId))
  const split = { local: [] as SupplierRow[], external: [] as SupplierRow[], localCostShare: 0, externalCostShare: 0 }
  for (const r of rows) {
    const supplier = summaries.get(r.fromId)
    if (!supplier) continue
    const entry = { relationId: r.id, supplier, shareOfSupplierRevenue: r.shareOfSupplierRevenue, shareOfBuyerCost: r.shareOfBuyerCost }
    if (supplier.local) {
      split.local.push(entry)
      split.localCostShare += r.shareOfBuyerCost ?? 0
    } else {
      split.external.push(entry)
      split.externalCostShare += r.shareOfBuyerCost ?? 0
    }
  }
  split.localCostShare = Math.round(split.localCostShare * 1e4) / 1e4
  split.externalCostShare = Math.round(split.externalCostShare * 1e4) / 1e4
  return split
}

interface SupplierRow {
  relationId: string
  supplier: Awaited<ReturnType<typeof summariesByIds>> extends Map<string, infer V> ? V : never
  shareOfSupplierRevenue: number | null
  shareOfBuyerCost: number | null
}
