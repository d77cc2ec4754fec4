import { and, eq, inArray } from 'drizzle-orm'
import type { z } from 'zod'
import type { LayoutRole } from '../../../../common/src/api/chain.js'
import { gapLabels, type GapLabel } from '../../../../common/src/api/chain.js'
import type {
  CandidatesResponse,
  candidatesQuerySchema,
  PathsResponse,
  AddToTargetsRequest,
  PutWeightsRequest,
  WeightsSet,
} from '../../../../common/src/api/targeting.js'
import type { Target } from '../../../../common/src/api/lists.js'
import type { AppContext } from '../../context.js'
import type { DbOrTx } from '../../db/client.js'
import { commonErrors, fieldError } from '../../http/app-error.js'
import { recordAudit } from '../audit/index.js'
import type { Actor } from '../auth/index.js'
import { chainMap, hostsChain, loadLayoutGuide } from '../chain/index.js'
import { enterprises } from '../enterprise/index.js'
import { createTargetFromDiscovery, targets } from '../lists/index.js'
import { chains, getTenant, scopeDistrict, tenantDistricts } from '../reference/index.js'
import { reachPaths } from './targeting.paths.js'
import { targetingFactsFresh, targetingFactsRefresher } from './targeting.facts.js'
import { rankingSql, scoreRow } from './targeting.ranking.js'
import { nodesByIds, rankedCandidates, regionNames } from './targeting.repository.js'
import { targetingErrors } from './targeting.errors.js'
import {
  CONTACT_STATUSES,
  contactRegions,
  DEFAULT_INTERCEPT,
  DEFAULT_WEIGHTS,
  factorKeys,
  LOOK_BACK_DAYS,
  mayReadRegion,
  regionLayout,
  type Weights,
} from './targeting.rules.js'
import { targetingWeights } from './targeting.table.js'

// ---------------------------------------------------------------- region and scope

interface RegionFrame {
  region: { code: string; nameZh: string; level: 'city' | 'district' }
  /** the region's district codes */
  codes: string[]
  cityCode: string
  cityCodes: string[]
  /** the target-list regions whose contacts count as the bureau's for this caller */
  contactRegions: string[]
}

/** The asked region, refused (403) when it is another district than the caller's own. */
async function regionFrame(db: DbOrTx, actor: Actor, regionCode: string): Promise<RegionFrame> {
  const [tenant, districts] = await Promise.all([getTenant(db, actor.tenantId), tenantDistricts(db, actor.tenantId)])
  const cityCode = tenant?.regionCode ?? actor.tenantId
  const cityCodes = districts.map((d) => d.code)
  const district = districts.find((d) => d.code === regionCode)
  if (regionCode !== cityCode && !district) {
    throw targetingErrors.REGION_NOT_FOUND([
      fieldError('region', `区域 ${regionCode} 不是本市或本市区县`, `region ${regionCode} is not this city or one of its districts`),
    ])
  }
  const own = await scopeDistrict(db, actor.tenantId, actor.scope)
  if (!mayReadRegion(actor.role, actor.scope.type, own, cityCode, regionCode)) throw commonErrors.OUT_OF_SCOPE()
  const region = district
    ? { code: regionCode, nameZh: district.nameZh, level: 'district' as const }
    : { code: regionCode, nameZh: tenant?.nameZh ?? regionCode, level: 'city' as const }
  const codes = district ? [regionCode] : cityCodes
  return { region, codes, cityCode, cityCodes, contactRegions: contactRegions(actor.role, actor.scope.type, own, cityCode, cityCodes, regionCode) }
}

async function contactIds(db: DbOrTx, tenantId: string, regions: readonly string[]): Promise<string[]> {
  if (regions.length === 0) return []
  const rows = await db
    .selectDistinct({ id: targets.enterpriseId })
    .from(targets)
    .where(and(eq(targets.tenantId, tenantId), inArray(targets.regionCode, [...regions]), inArray(targets.status, [...CONTACT_STATUSES])))
  return rows.map((r) => r.id)
}

/** The bureau works in China Standard Time: today is the day in UTC+8. */
function chinaDay(ctx: Pick<AppContext, 'clock'>): string {
  return new Date(ctx.clock.now().getTime() + 8 * 3600_000).toISOString().slice(0, 10)
}

// ---------------------------------------------------------------- weights

type WeightsRow = typeof targetingWeights.$inferSelect

async function loadChain(db: DbOrTx, tenantId: string, code: string) {
  const [chain] = await db
    .select({ code: chains.code, nameZh: chains.nameZh, nameEn: chains.nameEn })
    .from(chains)
    .where(and(eq(chains.tenantId, tenantId), eq(chains.code, code)))
  if (!chain) throw targetingErrors.CHAIN_NOT_FOUND([fieldError('chain', `产业链 ${code} 不存在`, `chain ${code} does not exist`)])
  return chain
}

async function weightsRow(db: DbOrTx, tenantId: string, chainCode: string, lock = false): Promise<WeightsRow | null> {
  const query = db
    .select()
    .from(targetingWeights)
    .where(and(eq(targetingWeights.tenantId, tenantId), eq(targetingWeights.chainCode, chainCode)))
  const [row] = lock ? await query.for('update') : await query
  return row ?? null
}

function toWeightsSet(chainCode: string, row: WeightsRow | null): WeightsSet {
  const defaults = { weights: { ...DEFAULT_WEIGHTS }, intercept: DEFAULT_INTERCEPT }
  if (!row) return { chainCode, ...defaults, isDefault: true, version: 0, updatedBy: null, updatedAt: null, defaults }
  // a key missing in the stored JSON (a factor added later) takes its default
  const weights = Object.fromEntries(factorKeys.map((k) => [k, typeof row.weights[k] === 'number' ? row.weights[k] : DEFAULT_WEIGHTS[k]])) as Weights
  return {
    chainCode,
    weights,
    intercept: row.intercept,
    isDefault: false,
    version: row.version,
    updatedBy: row.updatedBy,
    updatedAt: row.updatedAt.toISOString(),
    defaults,
  }
}

export async function getWeights(ctx: AppContext, actor: Actor, chainCode: string): Promise<WeightsSet> {
  const db = ctx.database.db
  const chain = await loadChain(db, actor.tenantId, chainCode)
  return toWeightsSet(chain.code, await weightsRow(db, actor.tenantId, chain.code))
}

export async function putWeights(ctx: AppContext, actor: Actor, chainCode: string, input: PutWeightsRequest): Promise<WeightsSet> {
  return ctx.database.db.transaction(async (tx) => {
    const chain = await loadChain(tx, actor.tenantId, chainCode)
    const before = await weightsRow(tx, actor.tenantId, chain.code, true)
    if (input.version !== undefined && input.version !== (before?.version ?? 0)) {
      throw targetingErrors.WEIGHTS_STALE([fieldError('version', '版本已过期', 'stale version')])
    }
    const values = {
      weights: { ...input.weights },
      intercept: input.intercept ?? before?.intercept ?? DEFAULT_INTERCEPT,
      updatedBy: actor.username,
      updatedAt: ctx.clock.now(),
    }
    const [after] = before
      ? await tx
          .update(targetingWeights)
          .set({ ...values, version: before.version + 1 })
          .where(and(eq(targetingWeights.tenantId, actor.tenantId), eq(targetingWeights.chainCode, chain.code)))
          .returning()
      : await tx
          .insert(targetingWeights)
          .values({ tenantId: actor.tenantId, chainCode: chain.code, ...values, version: 1 })
          .returning()
    await recordAudit(tx, ctx, actor, {
      action: 'targeting.weights.update',
      entityType: 'targeting_weights',
      entityId: chain.code,
      before: before ?? { weights: DEFAULT_WEIGHTS, intercept: DEFAULT_INTERCEPT, isDefault: true },
      after,
    })
    return toWeightsSet(chain.code, after!)
  })
}

export async function resetWeights(ctx: AppContext, actor: Actor, chainCode: string): Promise<WeightsSet> {
  return ctx.database.db.transaction(async (tx) => {
    const chain = await loadChain(tx, actor.tenantId, chainCode)
    const before = await weightsRow(tx, actor.tenantId, chain.code, true)
    // already the defaults: nothing to change, nothing to record
    if (!before) return toWeightsSet(chain.code, null)
    await tx.delete(targetingWeights).where(and(eq(targetingWeights.tenantId, actor.tenantId), eq(targetingWeights.chainCode, chain.code)))
    await recordAudit(tx, ctx, actor, {
      action: 'targeting.weights.reset',
      entityType: 'targeting_weights',
      entityId: chain.code,
      before,
      after: { weights: DEFAULT_WEIGHTS, intercept: DEFAULT_INTERCEPT, isDefault: true },
    })
    return toWeightsSet(chain.code, null)
  })
}

// ---------------------------------------------------------------- ranking

/** This year's layout guide; while this year's is not yet entered, last year's still holds. */
async function layoutGuideOf(db: DbOrTx, tenantId: string, year: number) {
  const entries = await loadLayoutGuide(db, tenantId, year)
  if (entries.length > 0) return { year, entries }
  const previous = await loadLayoutGuide(db, tenantId, year - 1)
  return previous.length > 0 ? { year: year - 1, entries: previous } : { year, entries }
}

/**
 * The ranking of a region × chain as the caller may see it (the page and the "add to targets" action share
 * it): the database scores every candidate and returns the asked page, or one firm with its rank.
 */
async function rankRegionChain(
  ctx: AppContext,
  actor: Actor,
  regionCode: string,
  chainCode: string,
  pick: { offset: number; limit: number } | { enterpriseId: string },
) {
  const db = ctx.database.db
  const tenantId = actor.tenantId
  const frame = await regionFrame(db, actor, regionCode)
  const chain = await loadChain(db, tenantId, chainCode)
  const asOf = chinaDay(ctx)
  const thisYear = Number(asOf.slice(0, 4))
  const [contacts, fresh, map, guide, weightSet] = await Promise.all([
    contactIds(db, tenantId, frame.contactRegions),
    targetingFactsFresh(db, tenantId),
    chainMap(ctx, actor, { chain: chain.code, region: frame.region.code }),
    layoutGuideOf(db, tenantId, thisYear),
    weightsRow(db, tenantId, chain.code).then((row) => toWeightsSet(chain.code, row)),
  ])
  // precomputed relation facts when nothing changed since they were built; otherwise live, and a rebuild soon
  if (!fresh) targetingFactsRefresher(ctx.database, () => ctx.clock.now(), (error) => ctx.log.error({ err: error }, 'target discovery facts refresh failed')).schedule(tenantId)
  const gapOf = new Map<string, GapLabel>(map.segments.map((s) => [s.code, s.gap]))
  const layout: LayoutRole | null = regionLayout(frame.codes.map((code) => hostsChain(guide.entries, chain.code, code)))
  const scoring = { gapOf, layout, weights: weightSet.weights, intercept: weightSet.intercept }
  const rows = await rankedCandidates(
    db,
    { tenantId, chainCode: chain.code, regionCodes: frame.codes, cityCodes: frame.cityCodes, asOf, windowDays: LOOK_BACK_DAYS, contactIds: contacts },
    fresh ? 'precomputed' : 'live',
    rankingSql(scoring),
    pick,
  )
  // the shown score and its factors come from the rules themselves, for the few rows that leave the database
  const items = rows.items.map((row) => ({ ...scoreRow(row, scoring), rank: row.rank }))
  return { frame, chain, asOf, map, guide, weightSet, layout, total: rows.total, perSegment: rows.perSegment, items }
}

export async function listCandidates(ctx: AppContext, actor: Actor, query: z.infer<typeof candidatesQuerySchema>): Promise<CandidatesResponse> {
  const db = ctx.database.db
  const tenantId = actor.tenantId
  const { frame, chain, asOf, map, guide, weightSet, layout, total, perSegment, items } = await rankRegionChain(ctx, actor, query.region, query.chain, {
    offset: query.offset,
    limit: query.limit,
  })
  const counts = Object.fromEntries(gapLabels.map((g) => [g, 0])) as Record<GapLabel, number>
  for (const s of map.segments) counts[s.gap]++

  const page = items
  const [names, firmNames] = await Promise.all([
    regionNames(db, [...new Set(page.map((c) => c.row.region_code))]),
    nodesByIds(db, tenantId, page.map((c) => c.row.id)).then((rows) => new Map(rows.map((r) => [r.id, r.name]))),
  ])
  const segmentOf = new Map(map.segments.map((s) => [s.code, s]))
  return {
    region: frame.region,
    chain,
    asOf,
    windowDays: LOOK_BACK_DAYS,
    gaps: {
      segments: map.segments.map((s) => ({
        code: s.code,
        nameZh: s.nameZh,
        nameEn: s.nameEn,
        stage: s.stage,
        gap: s.gap,
        enterprises: s.enterprises,
        candidates: perSegment[s.code] ?? 0,
      })),
      counts,
    },
    layout: { year: guide.year, role: layout },
    weights: weightSet,
    total,
    items: page.map((c) => {
      const segment = segmentOf.get(c.row.segment_code)
      return {
        rank: c.rank,
        enterpriseId: c.row.id,
        name: firmNames.get(c.row.id) ?? c.row.id,
        regionCode: c.row.region_code,
        regionName: names.get(c.row.region_code) ?? c.row.region_code,
        segmentCode: c.row.segment_code,
        segmentNameZh: segment?.nameZh ?? c.row.segment_code,
        segmentNameEn: segment?.nameEn ?? c.row.segment_code,
        gap: segment?.gap ?? 'strong',
        revenue: c.row.revenue === null ? null : Number(c.row.revenue),
        score: c.score,
        factors: round(c.factors),
        contributions: round(c.contributions),
        facts: {
          customersInRegion: Number(c.row.customers),
          leaderCustomersInRegion: Number(c.row.leader_customers),
          suppliersInRegion: Number(c.row.suppliers),
          financing: round3(Number(c.row.financing)),
          newBranches: round3(Number(c.row.new_branches)),
          capacityExpansions: round3(Number(c.row.capacity)),
          assetDistance: c.row.distance === null ? null : Number(c.row.distance),
        },
      }
    }),
  }
}

const round3 = (v: number) => Math.round(v * 1000) / 1000
function round<T extends Record<string, number>>(values: T): T {
  return Object.fromEntries(Object.entries(values).map(([k, v]) => [k, round3(v)])) as T
}

// ---------------------------------------------------------------- add to the target list

const FACTOR_ZH: Record<(typeof factorKeys)[number], string> = {
  gap: '补链强链匹配',
  scale: '规模与成长',
  signals: '近期扩张信号',
  customers: '本地客户',
  suppliers: '本地供应商',
  layout: '布局导引',
  reach: '可触达',
}

/**
 * "Add to 目标客商清单" from discovery: the server ranks again (the client's score is not trusted), keeps the
 * score, rank, factors and weights with the entry, and writes the reason from the strongest factors unless
 * the caller wrote one.
 */
export async function addCandidateToTargets(ctx: AppContext, actor: Actor, enterpriseId: string, input: AddToTargetsRequest): Promise<Target> {
  const { frame, chain, asOf, weightSet, total, items } = await rankRegionChain(ctx, actor, input.region, input.chain, { enterpriseId })
  const candidate = items[0]
  if (!candidate) {
    throw targetingErrors.NOT_A_CANDIDATE([
      fieldError('enterpriseId', `该企业不是 ${frame.region.nameZh} ${chain.nameZh} 的候选企业`, `not a candidate of ${chain.nameEn} for region ${frame.region.code}`),
    ])
  }
  const strongest = (Object.entries(candidate.contributions) as [(typeof factorKeys)[number], number][])
    .filter(([, v]) => v > 0)
    .sort((a, b) => b[1] - a[1])
    .slice(0, 3)
    .map(([k]) => FACTOR_ZH[k])
  const reason =
    input.reason ?? `靶向招商推荐：评分 ${candidate.score.toFixed(1)}，${frame.region.nameZh}${chain.nameZh}第 ${candidate.rank} 名（共 ${total} 家）；主要因素：${strongest.join('、') || '综合'}`
  return createTargetFromDiscovery(
    ctx,
    actor,
    {
      region: frame.region.code,
      enterpriseId,
      chainCode: chain.code,
      segmentCode: candidate.row.segment_code,
      priority: input.priority,
      ownerName: input.ownerName,
      reason,
    },
    {
      score: round3(candidate.score),
      rank: candidate.rank,
      of: total,
      asOf,
      factors: round(candidate.factors),
      contributions: round(candidate.contributions),
      weights: { isDefault: weightSet.isDefault, version: weightSet.version, values: weightSet.weights, intercept: weightSet.intercept },
    },
  )
}

// ---------------------------------------------------------------- reach paths

export async function candidatePaths(ctx: AppContext, actor: Actor, enterpriseId: string, regionCode: string): Promise<PathsResponse> {
  const db = ctx.database.db
  const tenantId = actor.tenantId
  const frame = await regionFrame(db, actor, regionCode)
  const [firm] = await db
    .select({ id: enterprises.id, name: enterprises.name, regionCode: enterprises.regionCode })
    .from(enterprises)
    .where(and(eq(enterprises.tenantId, tenantId), eq(enterprises.id, enterpriseId)))
  if (!firm) throw targetingErrors.ENTERPRISE_NOT_FOUND()
  const contacts = await contactIds(db, tenantId, frame.contactRegions)
  const paths = await reachPaths(db, { tenantId, candidateId: firm.id, cityCodes: frame.cityCodes, contactIds: contacts })
  const codes = new Set<string>([firm.regionCode])
  for (const p of paths) for (const n of p.nodes) if (n.regionCode) codes.add(n.regionCode)
  const names = await regionNames(db, [...codes])
  return {
    enterprise: { ...firm, regionName: names.get(firm.regionCode) ?? firm.regionCode },
    paths: paths.map((p) => ({
      nodes: p.nodes.map((n) => ({ ...n, regionName: names.get(n.regionCode) ?? n.regionCode })),
      steps: p.steps,
    })),
  }
}
