// Pure rules of the three lists: chain-leader scoring, proposal merging, dependence, region scope,
// target import cell parsing. No I/O.
import type { ChainLeaderCriteria, ChainLeaderFactors } from '../../../../common/src/api/lists.js'
import {
  targetPriorities,
  targetStatuses,
  type chainLeaderStatuses,
} from '../../../../common/src/api/lists.js'
import type { Role } from '../../../../common/src/roles.js'

type ChainLeaderStatus = (typeof chainLeaderStatuses)[number]
type TargetPriority = (typeof targetPriorities)[number]
type TargetStatus = (typeof targetStatuses)[number]

/**
 * Defaults of the chain-leader criteria (a city may change them in the list settings):
 * a firm needs 10亿 revenue (100,000 万元); revenue rank 1 in the chain earns the full rank part,
 * rank 10 the least; 15 local suppliers or 10 local customers fill those parts; 上市 counts half,
 * 世界500强 full. Weights 50/20/15/15; proposed from score 50, at most 5 per chain.
 */
export const defaultChainLeaderCriteria: ChainLeaderCriteria = {
  minRevenue: 100_000,
  topRank: 10,
  supplierTarget: 15,
  customerTarget: 10,
  tagPoints: { 上市: 0.5, 世界500强: 1 },
  weights: { revenueRank: 0.5, localSuppliers: 0.2, localCustomers: 0.15, tags: 0.15 },
  threshold: 50,
  maxPerChain: 5,
}

export interface ChainLeaderCandidate {
  enterpriseId: string
  revenue: number | null
  localSuppliers: number
  localCustomers: number
  tags: readonly string[]
}

export interface ScoredCandidate {
  enterpriseId: string
  score: number
  factors: ChainLeaderFactors
  proposed: boolean
}

const round = (x: number, digits = 2) => Math.round(x * 10 ** digits) / 10 ** digits

/** Rank part: 1 for rank 1, falling linearly to 1/topRank at topRank, 0 beyond (or without revenue). */
export function rankPart(rank: number | null, topRank: number): number {
  if (rank === null || rank > topRank) return 0
  return (topRank - rank + 1) / topRank
}

/** Scores one firm (0-100) from its factors; the weights are normalized so that they need not sum to 1. */
export function scoreFactors(
  factors: Omit<ChainLeaderFactors, 'parts'>,
  criteria: ChainLeaderCriteria,
): { score: number; parts: ChainLeaderFactors['parts'] } {
  const tagSum = factors.tags.reduce((sum, tag) => sum + (criteria.tagPoints[tag] ?? 0), 0)
  const parts = {
    revenueRank: rankPart(factors.revenueRank, criteria.topRank),
    localSuppliers: Math.min(1, factors.localSuppliers / criteria.supplierTarget),
    localCustomers: Math.min(1, factors.localCustomers / criteria.customerTarget),
    tags: Math.min(1, tagSum),
  }
  const w = criteria.weights
  const total = w.revenueRank + w.localSuppliers + w.localCustomers + w.tags
  if (total <= 0) return { score: 0, parts }
  const score =
    (100 *
      (w.revenueRank * parts.revenueRank +
        w.localSuppliers * parts.localSuppliers +
        w.localCustomers * parts.localCustomers +
        w.tags * parts.tags)) /
    total
  return { score: round(score), parts: { revenueRank: round(parts.revenueRank, 4), localSuppliers: round(parts.localSuppliers, 4), localCustomers: round(parts.localCustomers, 4), tags: round(parts.tags, 4) } }
}

/**
 * Ranks the local firms of one chain by revenue (ties by id, so the result is stable), scores each,
 * and marks as proposed those with enough revenue and score, best first, at most maxPerChain.
 */
export function scoreChainLeaders(candidates: readonly ChainLeaderCandidate[], criteria: ChainLeaderCriteria): ScoredCandidate[] {
  const byRevenue = [...candidates]
    .filter((c) => c.revenue !== null)
    .sort((a, b) => b.revenue! - a.revenue! || a.enterpriseId.localeCompare(b.enterpriseId))
  const rank = new Map(byRevenue.map((c, i) => [c.enterpriseId, i + 1]))
  const scored = candidates.map((c) => {
    const base = {
      revenue: c.revenue,
      revenueRank: rank.get(c.enterpriseId) ?? null,
      firmsInChain: candidates.length,
      localSuppliers: c.localSuppliers,
      localCustomers: c.localCustomers,
      tags: [...c.tags],
    }
    const { score, parts } = scoreFactors(base, criteria)
    return { enterpriseId: c.enterpriseId, score, factors: { ...base, parts }, proposed: false }
  })
  scored.sort((a, b) => b.score - a.score || a.enterpriseId.localeCompare(b.enterpriseId))
  let taken = 0
  for (const s of scored) {
    if (taken >= criteria.maxPerChain) break
    if ((s.factors.revenue ?? 0) >= criteria.minRevenue && s.score >= criteria.threshold) {
      s.proposed = true
      taken++
    }
  }
  return scored
}

/**
 * What a new proposal does to an existing row: staff decisions (confirmed, rejected) are never
 * downgraded, only their score and factors refreshed; an old proposal is updated; absent → insert.
 */
export function proposalAction(existing: ChainLeaderStatus | null): 'insert' | 'update' | 'keep' {
  if (existing === null) return 'insert'
  return existing === 'proposed' ? 'update' : 'keep'
}

/** Dependence of the region's leaders on one supplier: the sum of the known shares of their cost. */
export function dependence(shares: ReadonlyArray<number | null>): number {
  return round(
    shares.reduce<number>((sum, s) => sum + (s ?? 0), 0),
    4,
  )
}

// ---- scope ----

const cityWide: readonly Role[] = ['city_admin', 'city_staff', 'department_reviewer']

/**
 * Which regions' key suppliers and targets a caller reads: 'all', or only one district's rows.
 * City roles and departments read everything; district staff, platform staff (their host district)
 * and district leaders read one district; a caller without a district reads nothing.
 */
export function readableRegion(role: Role, scopeType: string, district: string | null): 'all' | { district: string | null } {
  if (cityWide.includes(role)) return 'all'
  if (role === 'leader' && scopeType === 'city') return 'all'
  return { district }
}

/** Whether a caller may change a list row of this region (key suppliers, targets). */
export function mayEditRegion(role: Role, district: string | null, region: string): boolean {
  if (role === 'city_admin' || role === 'city_staff') return true
  return role === 'district_staff' && district !== null && district === region
}

// ---- target import cells ----

const priorityWords: Record<string, TargetPriority> = { 高: 'high', 中: 'medium', 低: 'low' }
const statusWords: Record<string, TargetStatus> = {
  新建: 'new',
  研究中: 'researching',
  接触中: 'contacting',
  洽谈中: 'negotiating',
  已转化: 'converted',
  已放弃: 'dropped',
}
export const priorityLabelsZh: Record<TargetPriority, string> = { high: '高', medium: '中', low: '低' }
export const statusLabelsZh: Record<TargetStatus, string> = {
  new: '新建',
  researching: '研究中',
  contacting: '接触中',
  negotiating: '洽谈中',
  converted: '已转化',
  dropped: '已放弃',
}

/** 高/中/低 or high/medium/low; empty means the default. */
export function parsePriority(cell: string): TargetPriority | null {
  const text = cell.trim()
  if (text === '') return 'medium'
  if (priorityWords[text]) return priorityWords[text]
  const lower = text.toLowerCase()
  return (targetPriorities as readonly string[]).includes(lower) ? (lower as TargetPriority) : null
}

/** 新建/研究中/... or the English codes; empty means new. */
export function parseStatus(cell: string): TargetStatus | null {
  const text = cell.trim()
  if (text === '') return 'new'
  if (statusWords[text]) return statusWords[text]
  const lower = text.toLowerCase()
  return (targetStatuses as readonly string[]).includes(lower) ? (lower as TargetStatus) : null
}

/** 2026-07-01, 2026/7/1, 2026.7.1 or 2026年7月1日 → 2026-07-01; empty → undefined; invalid → null. */
export function parseDueDate(cell: string): string | null | undefined {
  const text = cell.trim()
  if (text === '') return undefined
  const m = /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?$/.exec(text)
  if (!m) return null
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])]
  const date = new Date(Date.UTC(y, mo - 1, d))
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== mo - 1 || date.getUTCDate() !== d) return null
  return `${y}-${String(mo).padStart(2, '0')}-${String(d).padStart(2, '0')}`
}

/** Chain-leader history key: chain code and enterprise id. */
export const chainLeaderKey = (chainCode: string, enterpriseId: string) => `${chainCode}~${enterpriseId}`
export function parseChainLeaderKey(key: string): { chainCode: string; enterpriseId: string } | null {
  const m = /^([a-z0-9_]+)~([0-9a-f-]{36})$/i.exec(key)
  return m ? { chainCode: m[1]!, enterpriseId: m[2]!.toLowerCase() } : null
}
