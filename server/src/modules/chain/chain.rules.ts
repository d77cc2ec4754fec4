// Pure rules of the chain module: classification, benchmark and gap labels, the layout guide, version diffs.
// The SQL in chain.repository.ts implements classifyEnterprise set-wise; the int tests check both agree.
import type { ChainDiff, ChainSnapshot, GapLabel, LayoutRole } from '../../../../common/src/api/chain.js'

// ---------------------------------------------------------------------------------------------
// classification

export interface SegmentRule {
  code: string
  parentCode: string | null
  position: number
  industryCodes: readonly string[]
  keywords: readonly string[]
}

export type MatchKind = 'both' | 'keyword' | 'industry'
const MATCH_RANK: Record<MatchKind, number> = { both: 0, keyword: 1, industry: 2 }

export interface SegmentMatch {
  code: string
  by: MatchKind
}

/**
 * The segments of one chain a firm belongs to by rule:
 * 1. a segment matches when the firm's industry code is in its industry_codes or its business scope
 *    contains one of its keywords (plain substring, case-sensitive);
 * 2. keywords are the stronger evidence: when any segment of the chain matches by keyword, segments
 *    that match only by industry code are dropped (one class code such as 3973 sits in several segments);
 * 3. the most specific segment wins: a segment is dropped when one of its descendants also matches;
 * 4. segments staff excluded for this firm are never assigned.
 * The result is ordered best first (both > keyword > industry, then upstream → downstream position):
 * the first one is the firm's main segment when it has none.
 */
export function classifyEnterprise(
  firm: { industryCode: string; businessScope: string | null },
  segments: readonly SegmentRule[],
  excluded: ReadonlySet<string> = new Set(),
): SegmentMatch[] {
  const scope = firm.businessScope ?? ''
  const matches: (SegmentMatch & { position: number })[] = []
  for (const s of segments) {
    const byCode = s.industryCodes.includes(firm.industryCode)
    const byKeyword = s.keywords.some((k) => k.length > 0 && scope.includes(k))
    if (!byCode && !byKeyword) continue
    matches.push({ code: s.code, by: byCode && byKeyword ? 'both' : byKeyword ? 'keyword' : 'industry', position: s.position })
  }
  const anyKeyword = matches.some((m) => m.by !== 'industry')
  const tiered = anyKeyword ? matches.filter((m) => m.by !== 'industry') : matches
  const ancestors = ancestorMap(segments)
  const covered = new Set(tiered.flatMap((m) => ancestors.get(m.code) ?? []))
  return tiered
    .filter((m) => !covered.has(m.code) && !excluded.has(m.code))
    .sort((a, b) => MATCH_RANK[a.by] - MATCH_RANK[b.by] || a.position - b.position)
    .map(({ code, by }) => ({ code, by }))
}

/** segment code → the codes of all its ancestors. */
export function ancestorMap(segments: readonly Pick<SegmentRule, 'code' | 'parentCode'>[]): Map<string, string[]> {
  const parent = new Map(segments.map((s) => [s.code, s.parentCode]))
  const result = new Map<string, string[]>()
  for (const s of segments) {
    const list: string[] = []
    let p = parent.get(s.code) ?? null
    while (p !== null && !list.includes(p)) {
      list.push(p)
      p = parent.get(p) ?? null
    }
    result.set(s.code, list)
  }
  return result
}

export interface Assignment {
  segmentCode: string
  main: boolean
  source: 'rule' | 'manual'
}

/**
 * What reclassifying one chain does to one firm's assignments: rule rows of the chain are replaced by
 * the rule's result, manual rows (and rows of other chains) stay; the main flag never moves — only
 * a firm left without any main segment gets the best new rule segment as main.
 */
export function reclassify(
  current: readonly Assignment[],
  chainSegments: ReadonlySet<string>,
  desired: readonly SegmentMatch[],
): { next: Assignment[]; added: string[]; removed: string[] } {
  const keep = current.filter((a) => a.source === 'manual' || !chainSegments.has(a.segmentCode))
  const kept = new Set(keep.map((a) => a.segmentCode))
  const currentRule = new Set(current.filter((a) => a.source === 'rule' && chainSegments.has(a.segmentCode)).map((a) => a.segmentCode))
  const desiredCodes = desired.map((d) => d.code).filter((c) => !kept.has(c))
  const removed = [...currentRule].filter((c) => !desiredCodes.includes(c))
  const added = desiredCodes.filter((c) => !currentRule.has(c))
  const ruleRows: Assignment[] = desiredCodes.map((code) => ({
    segmentCode: code,
    main: current.find((a) => a.segmentCode === code)?.main ?? false,
    source: 'rule',
  }))
  const next = [...keep, ...ruleRows]
  if (!next.some((a) => a.main) && ruleRows.length > 0) ruleRows[0]!.main = true
  return { next, added, removed }
}

// ---------------------------------------------------------------------------------------------
// benchmark and gap labels

/** Thresholds of the gap labels; data so that a city can tune them. */
export const gapThresholds = {
  /** Below this location quotient a present segment is weak (强链). */
  weakStrength: 0.8,
} as const

/**
 * Strength of a region in a segment as a location quotient: the region's share of the segment's firms
 * over its share of the chain's firms, computed against the benchmark population
 *   district: benchmark = the whole city;  city: benchmark = all firms outside the city (national base).
 * LQ = (local_seg / local_chain) / (base_seg / base_chain). 1 = as specialised as the benchmark.
 * null when it cannot be computed (no local chain firms, or no benchmark firms in the segment).
 */
export function segmentStrength(localSegment: number, localChain: number, baseSegment: number, baseChain: number): number | null {
  if (localChain <= 0 || baseSegment <= 0 || baseChain <= 0) return null
  return localSegment / localChain / (baseSegment / baseChain)
}

/**
 * 补链 missing: no local firm in the segment;
 * 强链 weak: present but below the benchmark (strength < weakStrength);
 * strong otherwise, including segments the benchmark itself lacks (strength null with local firms).
 * 延链 (extension) is not a label of the chain's own segments: it names segments of other chains that the
 * region's chain firms trade with (see extensionCandidates).
 */
export function gapLabel(localSegment: number, strength: number | null, thresholds: { weakStrength: number } = gapThresholds): Exclude<GapLabel, 'extension'> {
  if (localSegment <= 0) return 'missing'
  if (strength !== null && strength < thresholds.weakStrength) return 'weak'
  return 'strong'
}

export interface LinkedSegment {
  segmentCode: string
  chainCode: string
  links: number
  localEnterprises: number
}

/**
 * 延链 (extension): segments outside this chain where the suppliers and customers of the region's chain
 * firms sit (by the partner's main segment), i.e. where the chain reaches beyond itself. A segment
 * qualifies with at least `minLinks` links; strongest first, at most `limit`.
 */
export function extensionCandidates(rows: readonly LinkedSegment[], chainCode: string, minLinks = 2, limit = 8): LinkedSegment[] {
  return rows
    .filter((r) => r.chainCode !== chainCode && r.links >= minLinks)
    .sort((a, b) => b.links - a.links || a.segmentCode.localeCompare(b.segmentCode))
    .slice(0, limit)
}

// ---------------------------------------------------------------------------------------------
// layout guide

export interface GuideEntry {
  chainCode: string
  districtCode: string
  platformCode: string
  role: LayoutRole
}

/**
 * Whether the layout guide names this district (and, when given, this platform) as a host of the chain.
 * A district-level entry covers every platform of the district; a platform entry also makes its district
 * a host. Returns the role (core beats cooperating) or null when the guide does not place the chain there.
 */
export function hostsChain(guide: readonly GuideEntry[], chainCode: string, districtCode: string, platformCode?: string): LayoutRole | null {
  const rows = guide.filter(
    (e) =>
      e.chainCode === chainCode &&
      e.districtCode === districtCode &&
      (platformCode === undefined || platformCode === '' || e.platformCode === '' || e.platformCode === platformCode),
  )
  if (rows.length === 0) return null
  return rows.some((r) => r.role === 'core') ? 'core' : 'cooperating'
}

// ---------------------------------------------------------------------------------------------
// tree edits and versions

/** Whether making `newParent` the parent of `code` would put the segment under itself. */
export function createsCycle(segments: readonly Pick<SegmentRule, 'code' | 'parentCode'>[], code: string, newParent: string | null): boolean {
  if (newParent === null) return false
  if (newParent === code) return true
  return (ancestorMap(segments).get(newParent) ?? []).includes(code)
}

/** Moves `code` to `position` (0-based) and renumbers 0..n-1, keeping the others' order. */
export function reorder(codes: readonly string[], code: string, position: number): string[] {
  const rest = codes.filter((c) => c !== code)
  const at = Math.max(0, Math.min(position, rest.length))
  return [...rest.slice(0, at), code, ...rest.slice(at)]
}

const SEGMENT_FIELDS = ['parentCode', 'nameZh', 'nameEn', 'stage', 'position', 'industryCodes', 'keywords'] as const
const CHAIN_FIELDS = ['ecosystem', 'nameZh', 'nameEn', 'future'] as const

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b)

export function diffSnapshots(from: ChainSnapshot, to: ChainSnapshot): Omit<ChainDiff, 'from' | 'to'> {
  const before = new Map(from.segments.map((s) => [s.code, s]))
  const after = new Map(to.segments.map((s) => [s.code, s]))
  return {
    chainFields: CHAIN_FIELDS.filter((f) => !same(from.chain[f], to.chain[f])),
    added: to.segments.filter((s) => !before.has(s.code)),
    removed: from.segments.filter((s) => !after.has(s.code)),
    changed: to.segments
      .filter((s) => before.has(s.code))
      .map((s) => ({ code: s.code, nameZh: s.nameZh, fields: SEGMENT_FIELDS.filter((f) => !same(before.get(s.code)![f], s[f])) as string[] }))
      .filter((c) => c.fields.length > 0),
  }
}
