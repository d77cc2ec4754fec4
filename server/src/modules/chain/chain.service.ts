import { randomUUID } from 'node:crypto'
import { and, eq } from 'drizzle-orm'
import type { z } from 'zod'
import type {
  ChainDiff,
  ChainMap,
  ChainSnapshot,
  ClassificationPreview,
  CreateChainRequest,
  CreateSegmentRequest,
  EditableChain,
  LayoutGuide,
  PutLayoutEntryRequest,
  UpdateChainRequest,
  UpdateSegmentRequest,
  chainMapQuerySchema,
  deleteLayoutEntryQuerySchema,
  segmentEnterprisesQuerySchema,
} from '../../../../common/src/api/chain.js'
import type { AppContext } from '../../context.js'
import type { DbOrTx } from '../../db/client.js'
import { fieldError } from '../../http/app-error.js'
import { writeXlsx } from '../../lib/spreadsheet.js'
import { recordAudit } from '../audit/index.js'
import type { Actor } from '../auth/index.js'
import { chainSegments, chains, getTenant, platforms, tenantDistricts } from '../reference/index.js'
import { chainErrors } from './chain.errors.js'
import { chainMapRefresher, chainMapSummaryFresh, summaryFigures } from './chain-map-summary.js'
import * as repo from './chain.repository.js'
import { createsCycle, diffSnapshots, extensionCandidates, gapLabel, reorder, segmentStrength, type GuideEntry } from './chain.rules.js'

// ---------------------------------------------------------------------------------------------
// chains, segments, versions

function snapshotOf(chain: repo.ChainRow, segments: readonly repo.SegmentRow[]): ChainSnapshot {
  return {
    chain: { code: chain.code, ecosystem: chain.ecosystem, nameZh: chain.nameZh, nameEn: chain.nameEn, future: chain.future },
    segments: segments.map((s) => ({
      code: s.code,
      parentCode: s.parentCode,
      nameZh: s.nameZh,
      nameEn: s.nameEn,
      stage: s.stage,
      position: s.position,
      industryCodes: s.industryCodes,
      keywords: s.keywords,
    })),
  }
}

async function currentSnapshot(db: DbOrTx, tenantId: string, chain: repo.ChainRow) {
  return snapshotOf(chain, await repo.listSegments(db, tenantId, chain.code))
}

async function requireChain(db: DbOrTx, tenantId: string, code: string, lock = false) {
  const chain = await repo.findChain(db, tenantId, code, lock)
  if (!chain) throw chainErrors.CHAIN_NOT_FOUND()
  return chain
}

/**
 * The seeded trees are version 1 without a stored snapshot; before the first edit of such a chain its
 * state is stored as that version, so that every published version can be shown and diffed.
 */
async function ensureBaseline(tx: DbOrTx, ctx: AppContext, actor: Actor, chain: repo.ChainRow) {
  if (chain.version < 1) return
  if (await repo.latestVersion(tx, actor.tenantId, chain.code)) return
  await repo.insertVersion(tx, {
    tenantId: actor.tenantId,
    chainCode: chain.code,
    version: chain.version,
    snapshot: await currentSnapshot(tx, actor.tenantId, chain),
    note: null,
    createdAt: ctx.clock.now(),
    createdBy: 'seed',
  })
}

/** Opens an edit of a chain: locks its row (edits of one chain run one after another) and stores the baseline. */
async function beginEdit(tx: DbOrTx, ctx: AppContext, actor: Actor, code: string) {
  const chain = await requireChain(tx, actor.tenantId, code, true)
  await ensureBaseline(tx, ctx, actor, chain)
  return chain
}

export async function getEditableChain(ctx: AppContext, actor: Actor, code: string): Promise<EditableChain> {
  const db = ctx.database.db
  const chain = await requireChain(db, actor.tenantId, code)
  const [segments, counts, latest] = await Promise.all([
    repo.listSegments(db, actor.tenantId, code),
    repo.segmentEnterpriseCounts(db, actor.tenantId, code),
    repo.latestVersion(db, actor.tenantId, code),
  ])
  const snapshot = snapshotOf(chain, segments)
  const draftChanged = chain.version < 1 ? true : latest ? hasChanges(diffSnapshots(latest.snapshot as ChainSnapshot, snapshot)) : false
  return {
    ...snapshot.chain,
    version: chain.version,
    draftChanged,
    segments: snapshot.segments.map((s) => ({ ...s, enterprises: counts.get(s.code) ?? 0 })),
  }
}

const hasChanges = (d: Omit<ChainDiff, 'from' | 'to'>) => d.chainFields.length + d.added.length + d.removed.length + d.changed.length > 0

export async function createChain(ctx: AppContext, actor: Actor, input: CreateChainRequest): Promise<EditableChain> {
  await ctx.database.db.transaction(async (tx) => {
    if (!(await repo.ecosystemExists(tx, input.ecosystem))) {
      throw chainErrors.ECOSYSTEM_NOT_FOUND([fieldError('ecosystem', `生态圈 ${input.ecosystem} 不存在`, `unknown ecosystem ${input.ecosystem}`)])
    }
    const [row] = await tx
      .insert(chains)
      .values({ ...input, tenantId: actor.tenantId, version: 0, position: await repo.nextChainPosition(tx, actor.tenantId) })
      .onConflictDoNothing()
      .returning()
    if (!row) throw chainErrors.CHAIN_CODE_TAKEN([fieldError('code', '编码已被使用', 'code is taken')])
    await recordAudit(tx, ctx, actor, { action: 'chain.create', entityType: 'chain', entityId: row.code, after: row })
  })
  return getEditableChain(ctx, actor, input.code)
}

export async function updateChain(ctx: AppContext, actor: Actor, code: string, input: UpdateChainRequest): Promise<EditableChain> {
  await ctx.database.db.transaction(async (tx) => {
    const before = await beginEdit(tx, ctx, actor, code)
    const [after] = await tx
      .update(chains)
      .set(input)
      .where(and(eq(chains.tenantId, actor.tenantId), eq(chains.code, code)))
      .returning()
    await recordAudit(tx, ctx, actor, { action: 'chain.update', entityType: 'chain', entityId: code, before, after })
  })
  return getEditableChain(ctx, actor, code)
}

async function assertIndustryCodes(tx: DbOrTx, codes: readonly string[]) {
  const unknown = await repo.unknownIndustryCodes(tx, codes)
  if (unknown.length > 0) {
    throw chainErrors.UNKNOWN_INDUSTRY_CODE(
      unknown.map((c) => fieldError(`industryCodes.${codes.indexOf(c)}`, `行业代码 ${c} 不存在`, `industry code ${c} does not exist`)),
    )
  }
}

function assertParent(segments: readonly repo.SegmentRow[], code: string, parentCode: string | null) {
  if (parentCode === null) return
  if (!segments.some((s) => s.code === parentCode) || createsCycle(segments, code, parentCode)) {
    throw chainErrors.INVALID_PARENT([fieldError('parentCode', `上级环节 ${parentCode} 无效`, `parent ${parentCode} is not valid here`)])
  }
}

export async function createSegment(ctx: AppContext, actor: Actor, chainCode: string, input: CreateSegmentRequest): Promise<EditableChain> {
  await ctx.database.db.transaction(async (tx) => {
    await beginEdit(tx, ctx, actor, chainCode)
    const code = `${chainCode}.${input.code}`
    const segments = await repo.listSegments(tx, actor.tenantId, chainCode)
    assertParent(segments, code, input.parentCode)
    await assertIndustryCodes(tx, input.industryCodes)
    const [row] = await tx
      .insert(chainSegments)
      .values({ ...input, code, tenantId: actor.tenantId, chainCode, position: segments.length })
      .onConflictDoNothing()
      .returning()
    if (!row) throw chainErrors.SEGMENT_CODE_TAKEN([fieldError('code', `环节编码 ${code} 已被使用`, `segment code ${code} is taken`)])
    // a new child goes right after its parent's last descendant, so the list stays a readable tree
    if (input.parentCode !== null) {
      const order = segments.map((s) => s.code)
      let at = order.indexOf(input.parentCode) + 1
      while (at < order.length && isDescendant(segments, order[at]!, input.parentCode)) at++
      await repo.setSegmentPositions(tx, actor.tenantId, reorder([...order, code], code, at))
    }
    await recordAudit(tx, ctx, actor, { action: 'chain.segment.create', entityType: 'chain_segment', entityId: code, after: row })
  })
  return getEditableChain(ctx, actor, chainCode)
}

function isDescendant(segments: readonly repo.SegmentRow[], code: string, ancestor: string): boolean {
  const parent = new Map(segments.map((s) => [s.code, s.parentCode]))
  let p = parent.get(code) ?? null
  for (let i = 0; p !== null && i < segments.length; i++) {
    if (p === ancestor) return true
    p = parent.get(p) ?? null
  }
  return false
}

async function requireSegment(tx: DbOrTx, tenantId: string, chainCode: string, code: string) {
  const segment = await repo.findSegment(tx, tenantId, code)
  if (!segment || segment.chainCode !== chainCode) throw chainErrors.SEGMENT_NOT_FOUND()
  return segment
}

export async function updateSegment(
  ctx: AppContext,
  actor: Actor,
  chainCode: string,
  code: string,
  input: UpdateSegmentRequest,
): Promise<EditableChain> {
  await ctx.database.db.transaction(async (tx) => {
    await beginEdit(tx, ctx, actor, chainCode)
    const before = await requireSegment(tx, actor.tenantId, chainCode, code)
    const segments = await repo.listSegments(tx, actor.tenantId, chainCode)
    if (input.parentCode !== undefined) assertParent(segments, code, input.parentCode)
    if (input.industryCodes) await assertIndustryCodes(tx, input.industryCodes)
    const { position, ...fields } = input
    if (Object.keys(fields).length > 0) {
      await tx
        .update(chainSegments)
        .set(fields)
        .where(and(eq(chainSegments.tenantId, actor.tenantId), eq(chainSegments.code, code)))
    }
    if (position !== undefined) {
      await repo.setSegmentPositions(tx, actor.tenantId, reorder(segments.map((s) => s.code), code, position))
    }
    const after = await repo.findSegment(tx, actor.tenantId, code)
    await recordAudit(tx, ctx, actor, { action: 'chain.segment.update', entityType: 'chain_segment', entityId: code, before, after })
  })
  return getEditableChain(ctx, actor, chainCode)
}

export async function deleteSegment(ctx: AppContext, actor: Actor, chainCode: string, code: string, moveTo?: string): Promise<EditableChain> {
  await ctx.database.db.transaction(async (tx) => {
    await beginEdit(tx, ctx, actor, chainCode)
    const before = await requireSegment(tx, actor.tenantId, chainCode, code)
    const segments = await repo.listSegments(tx, actor.tenantId, chainCode)
    const children = segments.filter((s) => s.parentCode === code).length
    if (children > 0) {
      throw chainErrors.SEGMENT_HAS_CHILDREN([fieldError('segment', `该环节有 ${children} 个子环节`, `${children} child segments`)])
    }
    const firms = await repo.countSegmentEnterprises(tx, actor.tenantId, code)
    let moved = 0
    if (firms > 0) {
      if (!moveTo) {
        throw chainErrors.SEGMENT_HAS_ENTERPRISES([
          fieldError('moveTo', `该环节下有 ${firms} 家企业，请指定迁移目标环节`, `${firms} enterprises sit in this segment; name a segment to move them to`),
        ])
      }
      if (moveTo === code || !segments.some((s) => s.code === moveTo)) {
        throw chainErrors.INVALID_MOVE_TARGET([fieldError('moveTo', `目标环节 ${moveTo} 无效`, `target ${moveTo} is not a segment of this chain`)])
      }
      moved = await repo.moveSegmentEnterprises(tx, actor.tenantId, code, moveTo)
    }
    await tx.delete(chainSegments).where(and(eq(chainSegments.tenantId, actor.tenantId), eq(chainSegments.code, code)))
    await repo.setSegmentPositions(
      tx,
      actor.tenantId,
      segments.filter((s) => s.code !== code).map((s) => s.code),
    )
    await recordAudit(tx, ctx, actor, {
      action: 'chain.segment.delete',
      entityType: 'chain_segment',
      entityId: code,
      before,
      after: moveTo ? { movedTo: moveTo, enterprises: firms, rows: moved } : null,
    })
  })
  return getEditableChain(ctx, actor, chainCode)
}

export async function publishChain(ctx: AppContext, actor: Actor, code: string, note: string) {
  return ctx.database.db.transaction(async (tx) => {
    const chain = await beginEdit(tx, ctx, actor, code)
    const snapshot = await currentSnapshot(tx, actor.tenantId, chain)
    const latest = await repo.latestVersion(tx, actor.tenantId, code)
    if (latest && !hasChanges(diffSnapshots(latest.snapshot as ChainSnapshot, snapshot))) throw chainErrors.NOTHING_TO_PUBLISH()
    const version = (latest?.version ?? chain.version) + 1
    const createdAt = ctx.clock.now()
    await repo.insertVersion(tx, { tenantId: actor.tenantId, chainCode: code, version, snapshot, note, createdAt, createdBy: actor.username })
    await tx
      .update(chains)
      .set({ version })
      .where(and(eq(chains.tenantId, actor.tenantId), eq(chains.code, code)))
    await recordAudit(tx, ctx, actor, {
      action: 'chain.publish',
      entityType: 'chain',
      entityId: code,
      before: { version: chain.version },
      after: { version, note },
    })
    return { version, note, createdAt: createdAt.toISOString(), createdBy: actor.username, segmentCount: snapshot.segments.length }
  })
}

function toVersionSummary(row: Awaited<ReturnType<typeof repo.listVersions>>[number]) {
  return {
    version: row.version,
    note: row.note,
    createdAt: row.createdAt.toISOString(),
    createdBy: row.createdBy,
    segmentCount: (row.snapshot as ChainSnapshot).segments.length,
  }
}

export async function listChainVersions(ctx: AppContext, actor: Actor, code: string) {
  const db = ctx.database.db
  const chain = await requireChain(db, actor.tenantId, code)
  const rows = await repo.listVersions(db, actor.tenantId, code)
  const items = rows.map(toVersionSummary)
  // an untouched seeded chain has no stored rows yet: its version 1 is the current tree
  if (items.length === 0 && chain.version >= 1) {
    const snapshot = await currentSnapshot(db, actor.tenantId, chain)
    items.push({ version: chain.version, note: null, createdAt: new Date(0).toISOString(), createdBy: 'seed', segmentCount: snapshot.segments.length })
  }
  return { items }
}

async function snapshotAt(db: DbOrTx, actor: Actor, chain: repo.ChainRow, version: number): Promise<ChainSnapshot> {
  const row = await repo.findVersion(db, actor.tenantId, chain.code, version)
  if (row) return row.snapshot as ChainSnapshot
  const any = await repo.latestVersion(db, actor.tenantId, chain.code)
  if (!any && version === chain.version) return currentSnapshot(db, actor.tenantId, chain)
  throw chainErrors.VERSION_NOT_FOUND()
}

export async function getChainVersion(ctx: AppContext, actor: Actor, code: string, version: number) {
  const db = ctx.database.db
  const chain = await requireChain(db, actor.tenantId, code)
  const row = await repo.findVersion(db, actor.tenantId, code, version)
  if (row) return { ...toVersionSummary(row), snapshot: row.snapshot as ChainSnapshot }
  const snapshot = await snapshotAt(db, actor, chain, version)
  return { version, note: null, createdAt: new Date(0).toISOString(), createdBy: 'seed', segmentCount: snapshot.segments.length, snapshot }
}

export async function diffChainVersions(ctx: AppContext, actor: Actor, code: string, from: number, to?: number): Promise<ChainDiff> {
  const db = ctx.database.db
  const chain = await requireChain(db, actor.tenantId, code)
  const a = await snapshotAt(db, actor, chain, from)
  const b = to === undefined ? await currentSnapshot(db, actor.tenantId, chain) : await snapshotAt(db, actor, chain, to)
  return { from, to: to ?? null, ...diffSnapshots(a, b) }
}

// ---------------------------------------------------------------------------------------------
// classification

export async function previewClassification(ctx: AppContext, actor: Actor, code: string): Promise<ClassificationPreview> {
  return ctx.database.db.transaction(async (tx) => {
    await requireChain(tx, actor.tenantId, code)
    await repo.buildDesiredAssignments(tx, actor.tenantId, code)
    return describeClassification(tx, actor.tenantId, code)
  })
}

async function describeClassification(tx: DbOrTx, tenantId: string, code: string): Promise<ClassificationPreview> {
  // one connection inside the transaction: the queries run one after another
  const segments = await repo.listSegments(tx, tenantId, code)
  const deltas = await repo.classificationDeltas(tx, tenantId, code)
  const samples = await repo.classificationSamples(tx, tenantId, code)
  const manualKept = await repo.manualAssignmentCount(tx, tenantId, code)
  const byCode = new Map(deltas.map((d) => [d.code, d]))
  const rows = segments.map((s) => {
    const d = byCode.get(s.code) ?? { before: 0, added: 0, removed: 0 }
    const pick = (kind: 'added' | 'removed') => samples.filter((x) => x.kind === kind && x.code === s.code).map(({ id, name }) => ({ id, name }))
    return {
      code: s.code,
      nameZh: s.nameZh,
      nameEn: s.nameEn,
      before: d.before,
      after: d.before + d.added - d.removed,
      added: d.added,
      removed: d.removed,
      addedSamples: pick('added'),
      removedSamples: pick('removed'),
    }
  })
  return {
    chainCode: code,
    added: rows.reduce((n, r) => n + r.added, 0),
    removed: rows.reduce((n, r) => n + r.removed, 0),
    manualKept,
    segments: rows,
  }
}

export async function applyClassification(ctx: AppContext, actor: Actor, code: string) {
  return ctx.database.db.transaction(async (tx) => {
    // one run per chain at a time: the chain row lock serialises runs and tree edits
    await requireChain(tx, actor.tenantId, code, true)
    await repo.buildDesiredAssignments(tx, actor.tenantId, code)
    const { added, removed } = await repo.applyDesiredAssignments(tx, actor.tenantId, code)
    const runId = randomUUID()
    await repo.insertClassificationRun(tx, {
      tenantId: actor.tenantId,
      id: runId,
      chainCode: code,
      added,
      removed,
      createdAt: ctx.clock.now(),
      createdBy: actor.username,
    })
    await recordAudit(tx, ctx, actor, { action: 'chain.classify', entityType: 'chain', entityId: code, after: { runId, added, removed } })
    return { runId, chainCode: code, added, removed }
  })
}

// ---------------------------------------------------------------------------------------------
// layout guide

const toEntry = (r: repo.LayoutRow) => ({
  chainCode: r.chainCode,
  districtCode: r.districtCode,
  platformCode: r.platformCode,
  role: r.role,
  note: r.note,
  updatedAt: r.updatedAt.toISOString(),
  updatedBy: r.updatedBy,
})

/** The guide of a year for other modules (first-talk checks, policy support): use with hostsChain. */
export async function loadLayoutGuide(db: DbOrTx, tenantId: string, year: number): Promise<GuideEntry[]> {
  return repo.listLayoutEntries(db, tenantId, year)
}

export async function getLayoutGuide(ctx: AppContext, actor: Actor, year?: number): Promise<LayoutGuide> {
  const db = ctx.database.db
  const years = await repo.layoutYears(db, actor.tenantId)
  const chosen = year ?? years[0] ?? ctx.clock.now().getUTCFullYear()
  const rows = await repo.listLayoutEntries(db, actor.tenantId, chosen)
  return { year: chosen, years, entries: rows.map(toEntry) }
}

async function assertLayoutKey(tx: DbOrTx, tenantId: string, key: { chainCode: string; districtCode: string; platformCode: string }) {
  if (!(await repo.findChain(tx, tenantId, key.chainCode))) {
    throw chainErrors.CHAIN_NOT_FOUND([fieldError('chainCode', `产业链 ${key.chainCode} 不存在`, `chain ${key.chainCode} does not exist`)])
  }
  const districts = await tenantDistricts(tx, tenantId)
  if (!districts.some((d) => d.code === key.districtCode)) {
    throw chainErrors.INVALID_DISTRICT([fieldError('districtCode', `区县 ${key.districtCode} 不属于本市`, `district ${key.districtCode} is not in this city`)])
  }
  if (key.platformCode !== '') {
    const [platform] = await tx
      .select({ districtCode: platforms.districtCode })
      .from(platforms)
      .where(and(eq(platforms.tenantId, tenantId), eq(platforms.code, key.platformCode)))
    if (!platform || platform.districtCode !== key.districtCode) {
      throw chainErrors.INVALID_PLATFORM([
        fieldError('platformCode', `平台 ${key.platformCode} 不属于该区县`, `platform ${key.platformCode} is not in district ${key.districtCode}`),
      ])
    }
  }
}

export async function putLayoutEntry(ctx: AppContext, actor: Actor, input: PutLayoutEntryRequest) {
  return ctx.database.db.transaction(async (tx) => {
    await assertLayoutKey(tx, actor.tenantId, input)
    const key = { tenantId: actor.tenantId, year: input.year, chainCode: input.chainCode, districtCode: input.districtCode, platformCode: input.platformCode }
    const before = await repo.findLayoutEntry(tx, key)
    const saved = await repo.upsertLayoutEntry(tx, { ...key, role: input.role, note: input.note, updatedAt: ctx.clock.now(), updatedBy: actor.username })
    await recordAudit(tx, ctx, actor, {
      action: 'layout_guide.put',
      entityType: 'layout_guide_entry',
      entityId: `${input.year}/${input.chainCode}/${input.districtCode}/${input.platformCode}`,
      before,
      after: saved,
    })
    return toEntry(saved)
  })
}

export async function removeLayoutEntry(ctx: AppContext, actor: Actor, query: z.infer<typeof deleteLayoutEntryQuerySchema>) {
  await ctx.database.db.transaction(async (tx) => {
    const key = { tenantId: actor.tenantId, ...query }
    const before = await repo.findLayoutEntry(tx, key)
    if (!before) throw chainErrors.LAYOUT_ENTRY_NOT_FOUND()
    await repo.deleteLayoutEntry(tx, key)
    await recordAudit(tx, ctx, actor, {
      action: 'layout_guide.delete',
      entityType: 'layout_guide_entry',
      entityId: `${query.year}/${query.chainCode}/${query.districtCode}/${query.platformCode}`,
      before,
    })
  })
}

export async function copyLayoutGuideYear(ctx: AppContext, actor: Actor, fromYear: number, toYear: number) {
  return ctx.database.db.transaction(async (tx) => {
    if ((await repo.countLayoutYear(tx, actor.tenantId, fromYear)) === 0) {
      throw chainErrors.LAYOUT_YEAR_EMPTY([fieldError('fromYear', `${fromYear} 年没有布局导引`, `no entries in ${fromYear}`)])
    }
    if ((await repo.countLayoutYear(tx, actor.tenantId, toYear)) > 0) {
      throw chainErrors.LAYOUT_YEAR_NOT_EMPTY([fieldError('toYear', `${toYear} 年已有布局导引`, `${toYear} already has entries`)])
    }
    const copied = await repo.copyLayoutYear(tx, actor.tenantId, fromYear, toYear, ctx.clock.now(), actor.username)
    await recordAudit(tx, ctx, actor, {
      action: 'layout_guide.copy_year',
      entityType: 'layout_guide',
      entityId: String(toYear),
      after: { fromYear, toYear, copied },
    })
    return { copied }
  })
}

// ---------------------------------------------------------------------------------------------
// chain map (aggregate figures: every staff role may see any region's map)

interface RegionFrame {
  region: ChainMap['region']
  local: string[]
  base: { within: string[] } | { outside: string[] }
  benchmark: ChainMap['benchmark']
}

const extensionRule = { minLinks: 2, limit: 8 }

async function regionFrame(db: DbOrTx, tenantId: string, regionCode: string): Promise<RegionFrame> {
  const [tenant, districts] = await Promise.all([getTenant(db, tenantId), tenantDistricts(db, tenantId)])
  const cityCodes = districts.map((d) => d.code)
  if (tenant && regionCode === tenant.regionCode) {
    return { region: { code: regionCode, nameZh: tenant.nameZh, level: 'city' }, local: cityCodes, base: { outside: cityCodes }, benchmark: 'national' }
  }
  const district = districts.find((d) => d.code === regionCode)
  if (!district) throw chainErrors.INVALID_REGION([fieldError('region', `区域 ${regionCode} 不是本市或本市区县`, `region ${regionCode} is not this city or one of its districts`)])
  return { region: { code: regionCode, nameZh: district.nameZh, level: 'district' }, local: [regionCode], base: { within: cityCodes }, benchmark: 'city' }
}

export async function chainMap(ctx: AppContext, actor: Actor, query: z.infer<typeof chainMapQuerySchema>): Promise<ChainMap> {
  const db = ctx.database.db
  const tenantId = actor.tenantId
  const chain = await repo.findChain(db, tenantId, query.chain)
  if (!chain) throw chainErrors.CHAIN_NOT_FOUND([fieldError('chain', `产业链 ${query.chain} 不存在`, `chain ${query.chain} does not exist`)])
  const [frame, fresh] = await Promise.all([regionFrame(db, tenantId, query.region), chainMapSummaryFresh(db, tenantId)])
  // the summary when nothing changed since it was built; otherwise the live figures, and a rebuild soon
  if (!fresh) chainMapRefresher(ctx.database, () => ctx.clock.now(), (error) => ctx.log.error({ err: error }, 'chain map summary refresh failed')).schedule(tenantId)
  const readFigures = fresh ? summaryFigures : repo.mapFigures
  const [segments, figures] = await Promise.all([
    repo.listSegments(db, tenantId, chain.code),
    readFigures(db, tenantId, chain.code, frame.local, frame.base, extensionRule),
  ])
  const byCode = new Map(figures.segments.map((f) => [f.code, f]))
  const totals = figures.totals
  const mapSegments = segments.map((s) => {
    const f = byCode.get(s.code)
    const local = f?.local_n ?? 0
    const strength = segmentStrength(local, totals.local_n, f?.base_n ?? 0, totals.base_n)
    return {
      code: s.code,
      parentCode: s.parentCode,
      nameZh: s.nameZh,
      nameEn: s.nameEn,
      stage: s.stage,
      position: s.position,
      enterprises: local,
      revenue: f?.revenue ?? 0,
      employees: f?.employees ?? 0,
      leaders: f?.leaders ?? [],
      benchmarkEnterprises: f?.base_n ?? 0,
      strength: strength === null ? null : Math.round(strength * 100) / 100,
      gap: gapLabel(local, strength),
    }
  })
  // 延链: segments of other chains the region's chain firms trade with (SQL pre-selects by the same rule)
  const top = extensionCandidates(figures.links, chain.code, extensionRule.minLinks, extensionRule.limit)
  const names = await segmentAndChainNames(db, tenantId, top.map((t) => t.segmentCode))
  return {
    chain: { code: chain.code, nameZh: chain.nameZh, nameEn: chain.nameEn, version: chain.version },
    region: frame.region,
    benchmark: frame.benchmark,
    totals: { enterprises: totals.local_n, revenue: totals.revenue, employees: totals.employees, benchmarkEnterprises: totals.base_n },
    segments: mapSegments,
    extensions: top.map((t) => {
      const n = names.get(t.segmentCode)
      return {
        segmentCode: t.segmentCode,
        chainCode: t.chainCode,
        nameZh: n?.nameZh ?? t.segmentCode,
        nameEn: n?.nameEn ?? t.segmentCode,
        chainNameZh: n?.chainNameZh ?? t.chainCode,
        chainNameEn: n?.chainNameEn ?? t.chainCode,
        links: t.links,
        localEnterprises: t.localEnterprises,
      }
    }),
  }
}

async function segmentAndChainNames(db: DbOrTx, tenantId: string, codes: readonly string[]) {
  if (codes.length === 0) return new Map<string, { nameZh: string; nameEn: string; chainNameZh: string; chainNameEn: string }>()
  const rows = await db
    .select({
      code: chainSegments.code,
      nameZh: chainSegments.nameZh,
      nameEn: chainSegments.nameEn,
      chainNameZh: chains.nameZh,
      chainNameEn: chains.nameEn,
    })
    .from(chainSegments)
    .innerJoin(chains, and(eq(chains.tenantId, chainSegments.tenantId), eq(chains.code, chainSegments.chainCode)))
    .where(eq(chainSegments.tenantId, tenantId))
  const wanted = new Set(codes)
  return new Map(rows.filter((r) => wanted.has(r.code)).map((r) => [r.code, r]))
}

const toSegmentEnterprise = (r: repo.SegmentEnterpriseRow) => ({
  id: r.id,
  name: r.name,
  regionCode: r.region_code,
  regionName: r.region_name,
  industryCode: r.industry_code,
  revenue: r.revenue,
  employees: r.employees,
  chainLeader: r.chain_leader,
  main: r.main,
  source: r.source,
})

export async function segmentEnterprisesPage(ctx: AppContext, actor: Actor, query: z.infer<typeof segmentEnterprisesQuerySchema>) {
  const db = ctx.database.db
  const frame = await regionFrame(db, actor.tenantId, query.region)
  await requireSegment(db, actor.tenantId, query.chain, query.segment)
  const page = await repo.segmentEnterprises(db, actor.tenantId, [query.segment], frame.local, {
    limit: query.pageSize,
    offset: (query.page - 1) * query.pageSize,
  })
  return { items: page.items.map(toSegmentEnterprise), total: page.total }
}

/** Rows of the export's enterprise sheet are capped; the map sheet always holds every segment. */
export const EXPORT_ENTERPRISE_LIMIT = 50_000

export async function chainMapExportData(ctx: AppContext, actor: Actor, query: z.infer<typeof chainMapQuerySchema>) {
  const map = await chainMap(ctx, actor, query)
  const frame = await regionFrame(ctx.database.db, actor.tenantId, query.region)
  const firms = await repo.segmentEnterprises(
    ctx.database.db,
    actor.tenantId,
    map.segments.map((s) => s.code),
    frame.local,
    { limit: EXPORT_ENTERPRISE_LIMIT, offset: 0 },
  )
  return { map, firms: firms.items }
}

const GAP_ZH: Record<ChainMap['segments'][number]['gap'], string> = { missing: '补链', weak: '强链', extension: '延链', strong: '优势' }
const STAGE_ZH = { upstream: '上游', midstream: '中游', downstream: '下游' } as const

/** The chain map as an .xlsx: the map sheet (one row per segment), the 延链 sheet and the enterprises sheet. */
export async function chainMapWorkbook(ctx: AppContext, actor: Actor, query: z.infer<typeof chainMapQuerySchema>) {
  const { map, firms } = await chainMapExportData(ctx, actor, query)
  const segmentName = new Map(map.segments.map((s) => [s.code, s.nameZh]))
  const benchmark = map.benchmark === 'city' ? '全市' : '全国（市外）'
  const buffer = await writeXlsx([
    {
      name: '图谱',
      title: `${map.region.nameZh} · ${map.chain.nameZh} 招商图谱（对标${benchmark}，第 ${map.chain.version} 版）`,
      columns: [
        { header: '环节编码', text: true, width: 36 },
        { header: '环节', width: 24 },
        { header: '上级环节', width: 20 },
        { header: '产业链位置', width: 10 },
        { header: '本地企业数' },
        { header: '营业收入（万元）', width: 18 },
        { header: '从业人数' },
        { header: '链主企业', width: 40 },
        { header: `对标企业数（${benchmark}）`, width: 20 },
        { header: '强度（区位商）' },
        { header: '缺口类型' },
      ],
      rows: map.segments.map((s) => [
        s.code,
        s.nameZh,
        s.parentCode ? (segmentName.get(s.parentCode) ?? s.parentCode) : '',
        STAGE_ZH[s.stage],
        s.enterprises,
        s.revenue,
        s.employees,
        s.leaders.join('、'),
        s.benchmarkEnterprises,
        s.strength,
        GAP_ZH[s.gap],
      ]),
    },
    {
      name: '延链',
      columns: [
        { header: '环节编码', text: true, width: 36 },
        { header: '环节', width: 24 },
        { header: '所属产业链', width: 16 },
        { header: '供需关联数' },
        { header: '本地企业数' },
      ],
      rows: map.extensions.map((e) => [e.segmentCode, e.nameZh, e.chainNameZh, e.links, e.localEnterprises]),
    },
    {
      name: '企业',
      columns: [
        { header: '企业名称', width: 40 },
        { header: '环节', width: 24 },
        { header: '区县', width: 12 },
        { header: '行业代码', text: true },
        { header: '营业收入（万元）', width: 18 },
        { header: '从业人数' },
        { header: '链主企业' },
        { header: '主环节' },
        { header: '归类来源' },
      ],
      rows: firms.map((f) => [
        f.name,
        segmentName.get(f.segment_code) ?? f.segment_code,
        f.region_name,
        f.industry_code,
        f.revenue,
        f.employees,
        f.chain_leader ? '是' : '否',
        f.main ? '是' : '否',
        f.source === 'manual' ? '人工' : '规则',
      ]),
    },
  ])
  return { buffer, fileName: `${map.region.nameZh}-${map.chain.nameZh}-招商图谱.xlsx` }
}
