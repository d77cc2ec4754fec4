// The three lists: who may read and change which rows, transactions, history and audit.
import { randomUUID } from 'node:crypto'
import { and, eq, sql } from 'drizzle-orm'
import type {
  ChainLeader,
  ChainLeaderCriteria,
  ChainLeaderDecision,
  ChainLeaderQuery,
  CreateTarget,
  KeySupplier,
  KeySupplierQuery,
  ProposeResult,
  RefreshResult,
  Target,
  TargetQuery,
  UpdateKeySupplier,
  UpdateTarget,
} from '../../../../common/src/api/lists.js'
import { chainLeaderCriteriaSchema, createTargetSchema, updateTargetSchema } from '../../../../common/src/api/lists.js'
import type { AppContext } from '../../context.js'
import type { DbOrTx } from '../../db/client.js'
import { commonErrors, fieldError } from '../../http/app-error.js'
import { recordAudit } from '../audit/index.js'
import type { Actor } from '../auth/index.js'
import { enterpriseChanges, enterprises } from '../enterprise/index.js'
import { getTenant, scopeDistrict } from '../reference/index.js'
import { listErrors } from './lists.errors.js'
import * as repo from './lists.repository.js'
import {
  chainLeaderKey,
  defaultChainLeaderCriteria,
  mayEditRegion,
  parseChainLeaderKey,
  proposalAction,
  readableRegion,
  scoreChainLeaders,
} from './lists.rules.js'
import { chainLeaders, keySuppliers, listSettings, targets } from './lists.table.js'

const iso = (d: Date | string | null) => (d === null ? null : new Date(d).toISOString())
const CRITERIA_KEY = 'chain_leader_criteria'

// ---------------------------------------------------------------- scope

interface CallerScope {
  cityRegion: string
  district: string | null
  read: repo.RegionFilter
}

async function callerScope(db: DbOrTx, actor: Actor): Promise<CallerScope> {
  const tenant = await getTenant(db, actor.tenantId)
  const district = await scopeDistrict(db, actor.tenantId, actor.scope)
  return { cityRegion: tenant?.regionCode ?? actor.tenantId, district, read: readableRegion(actor.role, actor.scope.type, district) }
}

const mayRead = (scope: CallerScope, region: string) =>
  scope.read === 'all' || (scope.read.district !== null && scope.read.district === region)

/** A region a list row may belong to: the city itself or one of its districts. */
async function assertRegion(db: DbOrTx, scope: CallerScope, region: string, path = 'region') {
  if (region !== scope.cityRegion) {
    const { rows } = await db.execute<{ n: number }>(
      sql`select count(*)::int as n from regions where code = ${region} and parent_code = ${scope.cityRegion}`,
    )
    if ((rows[0]?.n ?? 0) === 0) throw listErrors.REGION_NOT_FOUND([fieldError(path, `区域 ${region} 不属于本市`, `region ${region} is not in this city`)])
  }
}

function assertMayEdit(actor: Actor, scope: CallerScope, region: string) {
  if (!mayEditRegion(actor.role, scope.district, region)) throw commonErrors.OUT_OF_SCOPE()
}

/** A region filter in a query must be one the caller reads; asking for another district is refused. */
function assertQueryRegion(scope: CallerScope, region: string | undefined) {
  if (region && !mayRead(scope, region)) throw commonErrors.OUT_OF_SCOPE()
}

// ---------------------------------------------------------------- chain-leader criteria

export async function getCriteria(db: DbOrTx, tenantId: string, lock = false) {
  const row = await repo.readSetting(db, tenantId, CRITERIA_KEY, lock)
  if (!row) return { criteria: defaultChainLeaderCriteria, version: 0, isDefault: true }
  const parsed = chainLeaderCriteriaSchema.safeParse(row.value)
  return { criteria: parsed.success ? parsed.data : defaultChainLeaderCriteria, version: row.version, isDefault: false }
}

export async function updateCriteria(ctx: AppContext, actor: Actor, input: { criteria: ChainLeaderCriteria; version: number }) {
  return ctx.database.db.transaction(async (tx) => {
    const before = await getCriteria(tx, actor.tenantId, true)
    if (before.version !== input.version) throw listErrors.STALE_VERSION([fieldError('version', '设置已被他人修改', 'settings changed meanwhile')])
    const now = ctx.clock.now()
    const version = before.version + 1
    await tx
      .insert(listSettings)
      .values({ tenantId: actor.tenantId, key: CRITERIA_KEY, value: input.criteria, version, updatedAt: now, updatedBy: actor.username })
      .onConflictDoUpdate({
        target: [listSettings.tenantId, listSettings.key],
        set: { value: input.criteria, version, updatedAt: now, updatedBy: actor.username },
      })
    await recordAudit(tx, ctx, actor, {
      action: 'lists.criteria.update',
      entityType: 'list_setting',
      entityId: CRITERIA_KEY,
      before: before.criteria,
      after: input.criteria,
    })
    return { criteria: input.criteria, version, isDefault: false }
  })
}

// ---------------------------------------------------------------- chain leaders

function toChainLeader(row: repo.ChainLeaderRow): ChainLeader {
  return {
    key: chainLeaderKey(row.chain_code, row.enterprise_id),
    chainCode: row.chain_code,
    chainName: row.chain_name,
    enterpriseId: row.enterprise_id,
    enterpriseName: row.enterprise_name,
    regionCode: row.region_code,
    regionName: row.region_name ?? row.region_code,
    status: row.status,
    score: row.score,
    criteria: row.criteria as ChainLeader['criteria'],
    note: row.note,
    decidedBy: row.decided_by,
    decidedAt: iso(row.decided_at),
    version: row.version,
    updatedAt: iso(row.updated_at)!,
  }
}

/** Chain leaders are a city list: every reading role sees all of them (districts filter by district). */
export async function listChainLeaders(ctx: AppContext, actor: Actor, query: ChainLeaderQuery) {
  const { rows, total } = await repo.findChainLeaders(ctx.database.db, actor.tenantId, query, {
    limit: query.pageSize,
    offset: (query.page - 1) * query.pageSize,
  })
  return { items: rows.map(toChainLeader), total }
}

export async function exportChainLeaders(ctx: AppContext, actor: Actor, query: ChainLeaderQuery) {
  const { rows } = await repo.findChainLeaders(ctx.database.db, actor.tenantId, query)
  return rows.map(toChainLeader)
}

const leaderView = (row: { status: string; score: number; note: string | null; version: number }) => ({
  status: row.status,
  score: row.score,
  note: row.note,
  version: row.version,
})

export async function proposeChainLeaders(ctx: AppContext, actor: Actor, chain: string): Promise<ProposeResult> {
  const db = ctx.database.db
  if (!(await repo.chainExists(db, actor.tenantId, chain))) throw listErrors.CHAIN_NOT_FOUND([fieldError('chain', `产业链 ${chain} 不存在`, `unknown chain ${chain}`)])
  return db.transaction(async (tx) => {
    const scope = await callerScope(tx, actor)
    const { criteria } = await getCriteria(tx, actor.tenantId)
    const candidates = await repo.chainLeaderCandidates(tx, actor.tenantId, chain, scope.cityRegion)
    const scored = scoreChainLeaders(
      candidates.map((c) => ({
        enterpriseId: c.id,
        revenue: c.revenue,
        localSuppliers: c.local_suppliers,
        localCustomers: c.local_customers,
        tags: c.tags,
      })),
      criteria,
    )
    const existing = await repo.chainLeaderStatuses(tx, actor.tenantId, chain)
    const now = ctx.clock.now()
    const result = { chain, considered: candidates.length, proposed: 0, inserted: 0, updated: 0, kept: 0 }
    const changed: string[] = []
    for (const s of scored.filter((x) => x.proposed)) {
      result.proposed++
      const before = existing.get(s.enterpriseId)
      const action = proposalAction(before?.status ?? null)
      const key = chainLeaderKey(chain, s.enterpriseId)
      if (action === 'keep') {
        result.kept++
        continue
      }
      if (action === 'insert') {
        await tx.insert(chainLeaders).values({
          tenantId: actor.tenantId,
          chainCode: chain,
          enterpriseId: s.enterpriseId,
          status: 'proposed',
          score: s.score,
          criteria: s.factors,
          createdAt: now,
          updatedAt: now,
        })
        result.inserted++
        await repo.recordChange(tx, { tenantId: actor.tenantId, list: 'chain_leader', key, at: now, actorName: actor.username, action: 'propose', after: { status: 'proposed', score: s.score } })
      } else {
        await tx
          .update(chainLeaders)
          .set({ score: s.score, criteria: s.factors, version: sql`${chainLeaders.version} + 1`, updatedAt: now })
          .where(and(eq(chainLeaders.tenantId, actor.tenantId), eq(chainLeaders.chainCode, chain), eq(chainLeaders.enterpriseId, s.enterpriseId)))
        result.updated++
        await repo.recordChange(tx, { tenantId: actor.tenantId, list: 'chain_leader', key, at: now, actorName: actor.username, action: 'repropose', before: { status: 'proposed' }, after: { status: 'proposed', score: s.score } })
      }
      changed.push(s.enterpriseId)
    }
    await recordAudit(tx, ctx, actor, { action: 'lists.chain_leader.propose', entityType: 'chain_leader', entityId: chain, after: { ...result, changed } })
    return result
  })
}

async function setChainLeaderFlag(tx: DbOrTx, ctx: AppContext, actor: Actor, enterpriseId: string, value: boolean, now: Date) {
  const [row] = await tx
    .update(enterprises)
    .set({ chainLeader: value, version: sql`${enterprises.version} + 1`, updatedAt: now })
    .where(and(eq(enterprises.tenantId, actor.tenantId), eq(enterprises.id, enterpriseId), sql`${enterprises.chainLeader} <> ${value}`))
    .returning({ id: enterprises.id })
  if (!row) return
  await tx.insert(enterpriseChanges).values({
    tenantId: actor.tenantId,
    id: randomUUID(),
    enterpriseId,
    at: now,
    actorId: actor.userId,
    actorName: actor.username,
    kind: 'update',
    field: 'chainLeader',
    before: !value,
    after: value,
  })
}

export async function decideChainLeader(ctx: AppContext, actor: Actor, key: string, input: ChainLeaderDecision): Promise<ChainLeader> {
  const parsed = parseChainLeaderKey(key)
  if (!parsed) throw listErrors.ENTRY_NOT_FOUND()
  return ctx.database.db.transaction(async (tx) => {
    const before = await repo.findChainLeader(tx, actor.tenantId, parsed.chainCode, parsed.enterpriseId, true)
    if (!before) throw listErrors.ENTRY_NOT_FOUND()
    if (before.version !== input.version) throw listErrors.STALE_VERSION([fieldError('version', '该条目已被他人修改', 'changed meanwhile')])
    const now = ctx.clock.now()
    const status = input.decision === 'confirm' ? 'confirmed' : 'rejected'
    await tx
      .update(chainLeaders)
      .set({ status, note: input.note ?? before.note, decidedBy: actor.username, decidedAt: now, version: before.version + 1, updatedAt: now })
      .where(and(eq(chainLeaders.tenantId, actor.tenantId), eq(chainLeaders.chainCode, parsed.chainCode), eq(chainLeaders.enterpriseId, parsed.enterpriseId)))
    if (status === 'confirmed') await setChainLeaderFlag(tx, ctx, actor, parsed.enterpriseId, true, now)
    else if (before.status === 'confirmed' && (await repo.confirmedLeaderChains(tx, actor.tenantId, parsed.enterpriseId)) === 0) {
      await setChainLeaderFlag(tx, ctx, actor, parsed.enterpriseId, false, now)
    }
    const after = (await repo.findChainLeader(tx, actor.tenantId, parsed.chainCode, parsed.enterpriseId))!
    await repo.recordChange(tx, { tenantId: actor.tenantId, list: 'chain_leader', key, at: now, actorName: actor.username, action: input.decision, before: leaderView(before), after: leaderView(after) })
    await recordAudit(tx, ctx, actor, { action: `lists.chain_leader.${input.decision}`, entityType: 'chain_leader', entityId: key, before: leaderView(before), after: leaderView(after) })
    return toChainLeader(after)
  })
}

export async function chainLeaderHistory(ctx: AppContext, actor: Actor, key: string) {
  const parsed = parseChainLeaderKey(key)
  if (!parsed) throw listErrors.ENTRY_NOT_FOUND()
  const row = await repo.findChainLeader(ctx.database.db, actor.tenantId, parsed.chainCode, parsed.enterpriseId)
  if (!row) throw listErrors.ENTRY_NOT_FOUND()
  return history(ctx, actor, 'chain_leader', key)
}

async function history(ctx: AppContext, actor: Actor, list: repo.ListKind, key: string) {
  const rows = await repo.listHistory(ctx.database.db, actor.tenantId, list, key)
  return { items: rows.map((r) => ({ id: r.id, at: iso(r.at)!, actorName: r.actor_name, action: r.action, before: r.before ?? null, after: r.after ?? null })) }
}

// ---------------------------------------------------------------- key suppliers

async function toKeySuppliers(db: DbOrTx, tenantId: string, rows: repo.KeySupplierRow[]): Promise<KeySupplier[]> {
  const names = await repo.enterpriseNames(db, tenantId, [...new Set(rows.flatMap((r) => r.dependents.map((d) => d.enterpriseId)))])
  return rows.map((row) => ({
    id: row.id,
    regionCode: row.region_code,
    regionName: row.region_name ?? row.region_code,
    chainCode: row.chain_code,
    chainName: row.chain_name ?? row.chain_code,
    segmentCode: row.segment_code,
    segmentName: row.segment_name,
    supplierId: row.supplier_id,
    supplierName: row.supplier_name,
    supplierRegionName: row.supplier_region_name ?? '',
    dependents: row.dependents.map((d) => ({ ...d, enterpriseName: names.get(d.enterpriseId) ?? d.enterpriseId })),
    dependence: row.dependence,
    status: row.status,
    note: row.note,
    vanished: row.vanished_at !== null,
    version: row.version,
    firstSeenAt: iso(row.first_seen_at)!,
    updatedAt: iso(row.updated_at)!,
  }))
}

export async function listKeySuppliers(ctx: AppContext, actor: Actor, query: KeySupplierQuery) {
  const db = ctx.database.db
  const scope = await callerScope(db, actor)
  assertQueryRegion(scope, query.region)
  const { rows, total } = await repo.findKeySuppliers(db, actor.tenantId, scope.read, query, { limit: query.pageSize, offset: (query.page - 1) * query.pageSize })
  return { items: await toKeySuppliers(db, actor.tenantId, rows), total }
}

export async function exportKeySuppliers(ctx: AppContext, actor: Actor, query: KeySupplierQuery) {
  const db = ctx.database.db
  const scope = await callerScope(db, actor)
  assertQueryRegion(scope, query.region)
  const { rows } = await repo.findKeySuppliers(db, actor.tenantId, scope.read, query)
  return toKeySuppliers(db, actor.tenantId, rows)
}

export async function refreshKeySuppliers(ctx: AppContext, actor: Actor, input: { region: string; chain: string }): Promise<RefreshResult> {
  const db = ctx.database.db
  const scope = await callerScope(db, actor)
  await assertRegion(db, scope, input.region)
  assertMayEdit(actor, scope, input.region)
  if (!(await repo.chainExists(db, actor.tenantId, input.chain))) throw listErrors.CHAIN_NOT_FOUND([fieldError('chain', `产业链 ${input.chain} 不存在`, `unknown chain ${input.chain}`)])
  return db.transaction(async (tx) => {
    // one refresh of a region's chain at a time (the upsert and the vanish step read the same rows)
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`key_suppliers:${actor.tenantId}:${input.region}:${input.chain}`}))`)
    const counts = await repo.refreshKeySuppliers(tx, { tenantId: actor.tenantId, region: input.region, chain: input.chain, cityRegion: scope.cityRegion, now: ctx.clock.now(), actorName: actor.username })
    const result = { region: input.region, chain: input.chain, leaders: counts.leaders, found: counts.found, added: counts.added, updated: counts.updated, vanished: counts.vanished }
    await recordAudit(tx, ctx, actor, { action: 'lists.key_supplier.refresh', entityType: 'key_supplier', entityId: `${input.region}:${input.chain}`, after: result })
    return result
  })
}

/** A key supplier the caller may read, or 404 (another district's entry does not exist for it). */
async function readableKeySupplier(db: DbOrTx, actor: Actor, scope: CallerScope, id: string, lock = false) {
  const row = await repo.findKeySupplier(db, actor.tenantId, id, lock)
  if (!row || !mayRead(scope, row.region_code)) throw listErrors.ENTRY_NOT_FOUND()
  return row
}

const supplierView = (r: repo.KeySupplierRow) => ({ status: r.status, note: r.note, version: r.version })

export async function updateKeySupplier(ctx: AppContext, actor: Actor, id: string, input: UpdateKeySupplier): Promise<KeySupplier> {
  return ctx.database.db.transaction(async (tx) => {
    const scope = await callerScope(tx, actor)
    const before = await readableKeySupplier(tx, actor, scope, id, true)
    assertMayEdit(actor, scope, before.region_code)
    if (before.version !== input.version) throw listErrors.STALE_VERSION([fieldError('version', '该条目已被他人修改', 'changed meanwhile')])
    const now = ctx.clock.now()
    await tx
      .update(keySuppliers)
      .set({
        status: input.status ?? before.status,
        note: input.note === undefined ? before.note : input.note,
        version: before.version + 1,
        updatedAt: now,
      })
      .where(and(eq(keySuppliers.tenantId, actor.tenantId), eq(keySuppliers.id, id)))
    const after = (await repo.findKeySupplier(tx, actor.tenantId, id))!
    await repo.recordChange(tx, { tenantId: actor.tenantId, list: 'key_supplier', key: id, at: now, actorName: actor.username, action: 'update', before: supplierView(before), after: supplierView(after) })
    await recordAudit(tx, ctx, actor, { action: 'lists.key_supplier.update', entityType: 'key_supplier', entityId: id, before: supplierView(before), after: supplierView(after) })
    return (await toKeySuppliers(tx, actor.tenantId, [after]))[0]!
  })
}

export async function keySupplierHistory(ctx: AppContext, actor: Actor, id: string) {
  const scope = await callerScope(ctx.database.db, actor)
  await readableKeySupplier(ctx.database.db, actor, scope, id)
  return history(ctx, actor, 'key_supplier', id)
}

/** "Add to target list": a target in the supplier entry's region, source key_supplier, with a reason. */
export async function keySupplierToTarget(
  ctx: AppContext,
  actor: Actor,
  id: string,
  input: { reason?: string | undefined; priority: 'high' | 'medium' | 'low'; ownerName?: string | undefined },
): Promise<Target> {
  const db = ctx.database.db
  const scope = await callerScope(db, actor)
  const entry = await readableKeySupplier(db, actor, scope, id)
  assertMayEdit(actor, scope, entry.region_code)
  const [supplier] = await toKeySuppliers(db, actor.tenantId, [entry])
  const leaders = supplier!.dependents.map((d) => d.enterpriseName).slice(0, 3).join('、')
  const reason =
    input.reason ??
    `关键配套：${leaders}${supplier!.dependents.length > 3 ? ' 等' : ''}依赖该企业（成本占比合计 ${(entry.dependence * 100).toFixed(1)}%），${entry.segment_name ?? '相关'}环节需引进`
  // the supplier's segment may be in another chain (its main one): the target keeps the chain only then
  const segmentInChain = entry.segment_code && (await repo.segmentChain(db, actor.tenantId, entry.segment_code)) === entry.chain_code
  return createTargetIn(ctx, actor, scope, {
    region: entry.region_code,
    enterpriseId: entry.supplier_id,
    chainCode: entry.chain_code,
    segmentCode: segmentInChain ? entry.segment_code : null,
    priority: input.priority,
    ownerName: input.ownerName,
    reason,
  }, 'key_supplier')
}

// ---------------------------------------------------------------- targets

function toTarget(row: repo.TargetRow): Target {
  return {
    id: row.id,
    regionCode: row.region_code,
    regionName: row.region_name ?? row.region_code,
    enterpriseId: row.enterprise_id,
    enterpriseName: row.enterprise_name,
    uscc: row.uscc,
    chainCode: row.chain_code,
    chainName: row.chain_name,
    segmentCode: row.segment_code,
    segmentName: row.segment_name,
    ownerUserId: row.owner_user_id,
    ownerName: row.owner_name,
    priority: row.priority,
    status: row.status,
    nextStep: row.next_step,
    nextStepDue: row.next_step_due,
    notes: row.notes,
    reason: row.reason,
    source: row.source,
    score: row.score,
    version: row.version,
    createdAt: iso(row.created_at)!,
    createdBy: row.created_by,
    updatedAt: iso(row.updated_at)!,
  }
}

const targetView = (t: Target) => ({
  regionCode: t.regionCode,
  enterpriseId: t.enterpriseId,
  chainCode: t.chainCode,
  segmentCode: t.segmentCode,
  ownerUserId: t.ownerUserId,
  ownerName: t.ownerName,
  priority: t.priority,
  status: t.status,
  nextStep: t.nextStep,
  nextStepDue: t.nextStepDue,
  notes: t.notes,
  reason: t.reason,
  version: t.version,
})

export async function listTargets(ctx: AppContext, actor: Actor, query: TargetQuery) {
  const db = ctx.database.db
  const scope = await callerScope(db, actor)
  assertQueryRegion(scope, query.region)
  const { rows, total } = await repo.findTargets(db, actor.tenantId, scope.read, query, { limit: query.pageSize, offset: (query.page - 1) * query.pageSize })
  return { items: rows.map(toTarget), total }
}

export async function exportTargets(ctx: AppContext, actor: Actor, query: TargetQuery) {
  const db = ctx.database.db
  const scope = await callerScope(db, actor)
  assertQueryRegion(scope, query.region)
  const { rows } = await repo.findTargets(db, actor.tenantId, scope.read, query)
  return rows.map(toTarget)
}

async function readableTarget(db: DbOrTx, actor: Actor, scope: CallerScope, id: string, lock = false) {
  const row = await repo.findTarget(db, actor.tenantId, id, lock)
  if (!row || !mayRead(scope, row.region_code)) throw listErrors.ENTRY_NOT_FOUND()
  return row
}

export async function getTarget(ctx: AppContext, actor: Actor, id: string) {
  const scope = await callerScope(ctx.database.db, actor)
  return toTarget(await readableTarget(ctx.database.db, actor, scope, id))
}

export async function targetHistory(ctx: AppContext, actor: Actor, id: string) {
  const scope = await callerScope(ctx.database.db, actor)
  await readableTarget(ctx.database.db, actor, scope, id)
  return history(ctx, actor, 'target', id)
}

/** Chain and segment must exist and fit together; the segment alone implies its chain. */
async function checkChainSegment(db: DbOrTx, tenantId: string, chainCode: string | null, segmentCode: string | null) {
  let chain = chainCode
  if (chain && !(await repo.chainExists(db, tenantId, chain))) throw listErrors.CHAIN_NOT_FOUND([fieldError('chainCode', `产业链 ${chain} 不存在`, `unknown chain ${chain}`)])
  if (segmentCode) {
    const of = await repo.segmentChain(db, tenantId, segmentCode)
    if (of === null || (chain && of !== chain)) {
      throw listErrors.SEGMENT_NOT_IN_CHAIN([fieldError('segmentCode', `环节 ${segmentCode} 不属于该产业链`, `segment ${segmentCode} is not in the chain`)])
    }
    chain = of
  }
  return chain
}

/** The owner: a user of the target's region (its name is taken from the account), or a free-text name. */
async function resolveOwner(db: DbOrTx, actor: Actor, scope: CallerScope, region: string, ownerUserId: string | null | undefined, ownerName: string | undefined) {
  if (ownerUserId) {
    const user = await repo.findUser(db, actor.tenantId, ownerUserId)
    const fits = user && !user.disabled && (region === scope.cityRegion ? user.scope_type === 'city' : user.scope_type === 'district' && user.scope_id === region)
    if (!fits) throw listErrors.OWNER_NOT_FOUND([fieldError('ownerUserId', '负责人不是本区域的用户', 'the owner is not a user of this region')])
    return { ownerUserId, ownerName: user.display_name }
  }
  return { ownerUserId: null, ownerName: ownerName && ownerName.length > 0 ? ownerName : actor.displayName }
}

function duplicateError(existing: repo.TargetRow) {
  const zh = `该企业已在本区域的目标客商清单中：${existing.enterprise_name}（负责人 ${existing.owner_name}，编号 ${existing.id}）`
  const en = `already on this region's target list: ${existing.enterprise_name} (owner ${existing.owner_name}, id ${existing.id})`
  return listErrors.DUPLICATE_TARGET([fieldError('enterpriseId', zh, en)])
}

async function createTargetIn(
  ctx: AppContext,
  actor: Actor,
  scope: CallerScope,
  raw: CreateTarget,
  source: 'manual' | 'key_supplier' | 'discovery',
  score: Record<string, unknown> | null = null,
): Promise<Target> {
  const input = createTargetSchema.parse(raw)
  return ctx.database.db.transaction(async (tx) => {
    await assertRegion(tx, scope, input.region)
    assertMayEdit(actor, scope, input.region)
    const enterprise = await repo.activeEnterprise(tx, actor.tenantId, input.enterpriseId)
    if (!enterprise) throw listErrors.ENTERPRISE_NOT_FOUND([fieldError('enterpriseId', '企业不存在或已合并', 'no such active enterprise')])
    const chainCode = await checkChainSegment(tx, actor.tenantId, input.chainCode ?? null, input.segmentCode ?? null)
    const owner = await resolveOwner(tx, actor, scope, input.region, input.ownerUserId, input.ownerName)
    await repo.lockTargetSlot(tx, actor.tenantId, input.region)
    const existing = await repo.findTargetOf(tx, actor.tenantId, input.region, input.enterpriseId)
    if (existing) throw duplicateError(existing)
    const now = ctx.clock.now()
    const id = randomUUID()
    await tx.insert(targets).values({
      tenantId: actor.tenantId,
      id,
      regionCode: input.region,
      enterpriseId: input.enterpriseId,
      chainCode,
      segmentCode: input.segmentCode ?? null,
      ...owner,
      priority: input.priority,
      status: input.status,
      nextStep: input.nextStep ?? null,
      nextStepDue: input.nextStepDue ?? null,
      notes: input.notes ?? null,
      reason: input.reason,
      source,
      score,
      createdAt: now,
      createdBy: actor.username,
      updatedAt: now,
    })
    const after = toTarget((await repo.findTarget(tx, actor.tenantId, id))!)
    await repo.recordChange(tx, { tenantId: actor.tenantId, list: 'target', key: id, at: now, actorName: actor.username, action: 'create', after: targetView(after) })
    await recordAudit(tx, ctx, actor, { action: 'lists.target.create', entityType: 'target', entityId: id, after: targetView(after) })
    return after
  })
}

export async function createTarget(ctx: AppContext, actor: Actor, input: CreateTarget): Promise<Target> {
  const scope = await callerScope(ctx.database.db, actor)
  return createTargetIn(ctx, actor, scope, input, 'manual')
}

/** A target proposed by target discovery, with the score and factors it was ranked by. */
export async function createTargetFromDiscovery(ctx: AppContext, actor: Actor, input: CreateTarget, score: Record<string, unknown>): Promise<Target> {
  const scope = await callerScope(ctx.database.db, actor)
  return createTargetIn(ctx, actor, scope, input, 'discovery', score)
}

export async function updateTarget(ctx: AppContext, actor: Actor, id: string, raw: UpdateTarget): Promise<Target> {
  const input = updateTargetSchema.parse(raw)
  return ctx.database.db.transaction(async (tx) => {
    const scope = await callerScope(tx, actor)
    const row = await readableTarget(tx, actor, scope, id, true)
    assertMayEdit(actor, scope, row.region_code)
    if (row.version !== input.version) throw listErrors.STALE_VERSION([fieldError('version', '该条目已被他人修改', 'changed meanwhile')])
    const before = toTarget(row)
    const chainInput = input.chainCode === undefined ? before.chainCode : input.chainCode
    const segmentInput = input.segmentCode === undefined ? (input.chainCode !== undefined && input.chainCode !== before.chainCode ? null : before.segmentCode) : input.segmentCode
    const chainCode = await checkChainSegment(tx, actor.tenantId, chainInput, segmentInput)
    const owner =
      input.ownerUserId !== undefined || input.ownerName !== undefined
        ? await resolveOwner(tx, actor, scope, row.region_code, input.ownerUserId, input.ownerName ?? (input.ownerUserId === null ? undefined : before.ownerName))
        : { ownerUserId: before.ownerUserId, ownerName: before.ownerName }
    const now = ctx.clock.now()
    await tx
      .update(targets)
      .set({
        chainCode,
        segmentCode: segmentInput,
        ...owner,
        priority: input.priority ?? before.priority,
        status: input.status ?? before.status,
        nextStep: input.nextStep === undefined ? before.nextStep : input.nextStep,
        nextStepDue: input.nextStepDue === undefined ? before.nextStepDue : input.nextStepDue,
        notes: input.notes === undefined ? before.notes : input.notes,
        reason: input.reason ?? before.reason,
        version: before.version + 1,
        updatedAt: now,
      })
      .where(and(eq(targets.tenantId, actor.tenantId), eq(targets.id, id)))
    const after = toTarget((await repo.findTarget(tx, actor.tenantId, id))!)
    await repo.recordChange(tx, { tenantId: actor.tenantId, list: 'target', key: id, at: now, actorName: actor.username, action: 'update', before: targetView(before), after: targetView(after) })
    await recordAudit(tx, ctx, actor, { action: 'lists.target.update', entityType: 'target', entityId: id, before: targetView(before), after: targetView(after) })
    return after
  })
}

export async function deleteTarget(ctx: AppContext, actor: Actor, id: string, version: number) {
  await ctx.database.db.transaction(async (tx) => {
    const scope = await callerScope(tx, actor)
    const row = await readableTarget(tx, actor, scope, id, true)
    assertMayEdit(actor, scope, row.region_code)
    if (row.version !== version) throw listErrors.STALE_VERSION([fieldError('version', '该条目已被他人修改', 'changed meanwhile')])
    await tx.delete(targets).where(and(eq(targets.tenantId, actor.tenantId), eq(targets.id, id)))
    const before = targetView(toTarget(row))
    await repo.recordChange(tx, { tenantId: actor.tenantId, list: 'target', key: id, at: ctx.clock.now(), actorName: actor.username, action: 'delete', before })
    await recordAudit(tx, ctx, actor, { action: 'lists.target.delete', entityType: 'target', entityId: id, before })
  })
}

export { callerScope as listCallerScope, assertRegion as assertListRegion, assertMayEdit as assertListEdit, toTarget, targetView }
export type { CallerScope }
