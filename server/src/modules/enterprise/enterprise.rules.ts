// Pure rules of the enterprise module: size classes, search-query reading, field diffs,
// segment assignment checks, group trees. No I/O.
import type { SizeClass } from '../../../../common/src/api/enterprise.js'
import { explainUsccError, type UsccError } from '../../../../common/src/uscc.js'
import { normalizeTradeName, parseEnterpriseName } from './enterprise-name.rules.js'

// ---------------------------------------------------------------------------------------------
// size classes

/**
 * Size classes after the NBS industrial classification (统计上大中小微型企业划分办法, 工业):
 * large: ≥ 1000 employees and revenue ≥ 40000 万元; medium: ≥ 300 and ≥ 2000 万元;
 * small: ≥ 20 and ≥ 300 万元; micro: below. A firm must meet both thresholds of a class
 * (the NBS rule), so a firm with many staff and little revenue falls to the lower class.
 * Unknown revenue or employees gives no class.
 */
export const SIZE_THRESHOLDS: ReadonlyArray<{ size: Exclude<SizeClass, 'micro'>; employees: number; revenue: number }> = [
  { size: 'large', employees: 1000, revenue: 40000 },
  { size: 'medium', employees: 300, revenue: 2000 },
  { size: 'small', employees: 20, revenue: 300 },
]

export function sizeClass(revenue: number | null | undefined, employees: number | null | undefined): SizeClass | null {
  if (revenue === null || revenue === undefined || employees === null || employees === undefined) return null
  for (const t of SIZE_THRESHOLDS) if (employees >= t.employees && revenue >= t.revenue) return t.size
  return 'micro'
}

/** The condition a size class puts on (revenue, employees), for the SQL filter: both ≥ lower, not both ≥ upper. */
export function sizeBounds(size: SizeClass): { lower: { employees: number; revenue: number } | null; upper: { employees: number; revenue: number } | null } {
  const index = size === 'micro' ? SIZE_THRESHOLDS.length : SIZE_THRESHOLDS.findIndex((t) => t.size === size)
  const lower = index < SIZE_THRESHOLDS.length ? SIZE_THRESHOLDS[index]! : null
  const upper = index > 0 ? SIZE_THRESHOLDS[index - 1]! : null
  return {
    lower: lower && { employees: lower.employees, revenue: lower.revenue },
    upper: upper && { employees: upper.employees, revenue: upper.revenue },
  }
}

// ---------------------------------------------------------------------------------------------
// search query

export type SearchTerm =
  | { kind: 'uscc'; value: string }
  | { kind: 'initials'; value: string }
  /** prefix: the key is too short for a trigram infix match (1-2 characters). */
  | { kind: 'trade_name'; key: string; prefix: boolean }
  | { kind: 'none' }

/**
 * Reads what a search box holds: a USCC (or its first characters: digits first, 6+ characters),
 * pinyin initials (2-10 latin letters), or a name. A full name is reduced to its trade name key,
 * so that "杭州海康威视数字技术股份有限公司" and "海康威视（杭州）" find the same firm.
 */
export function readSearchTerm(raw: string | undefined): SearchTerm {
  const q = (raw ?? '').trim()
  if (!q) return { kind: 'none' }
  const upper = q.toUpperCase()
  if (/^[0-9][0-9A-Z]{5,17}$/.test(upper) && /\d{4}/.test(upper)) return { kind: 'uscc', value: upper }
  if (/^[a-zA-Z]{2,10}$/.test(q)) return { kind: 'initials', value: q.toLowerCase() }
  const parsed = parseEnterpriseName(q)
  const looksLikeFullName = parsed.form !== null || parsed.region !== null || parsed.industry !== null
  const key = normalizeTradeName(looksLikeFullName && parsed.tradeName ? parsed.tradeName : q)
  if (!key) return { kind: 'none' }
  return { kind: 'trade_name', key, prefix: [...key].length <= 2 }
}

// ---------------------------------------------------------------------------------------------
// USCC messages

export function usccMessage(code: string): { error: UsccError; zh: string; en: string } | null {
  const error = explainUsccError(code)
  if (!error) return null
  switch (error) {
    case 'length':
      return { error, zh: `统一社会信用代码应为 18 位，当前为 ${code.length} 位`, en: `A USCC has 18 characters; this one has ${code.length}` }
    case 'charset':
      return {
        error,
        zh: '统一社会信用代码含有不允许的字符（只能使用数字和除 I、O、S、V、Z 外的大写字母，第 3-8 位须为数字）',
        en: 'The USCC contains characters that are not allowed (digits and capitals except I, O, S, V, Z; characters 3-8 must be digits)',
      }
    case 'check_char':
      return { error, zh: '统一社会信用代码校验位（第 18 位）不正确，请核对是否输错', en: 'The USCC check character (18th) is wrong: the code has a typo' }
    case 'org_code_check':
      return {
        error,
        zh: '统一社会信用代码中的组织机构代码校验位（第 17 位）不正确',
        en: 'The organization code check character (17th) inside the USCC is wrong',
      }
  }
}

// ---------------------------------------------------------------------------------------------
// field history

export type FieldValue = string | number | boolean | null | readonly unknown[] | Record<string, unknown>

function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true
  if (a === undefined || b === undefined) return a === b
  return JSON.stringify(a) === JSON.stringify(b)
}

/** One entry per field whose value differs; fields absent from `after` are unchanged. Order follows `after`. */
export function diffFields(
  before: Record<string, unknown>,
  after: Record<string, unknown>,
): Array<{ field: string; before: unknown; after: unknown }> {
  const changes: Array<{ field: string; before: unknown; after: unknown }> = []
  for (const [field, value] of Object.entries(after)) {
    if (value === undefined) continue
    const old = before[field] ?? null
    if (!sameValue(old, value)) changes.push({ field, before: old, after: value })
  }
  return changes
}

/** Former names after a rename: the old name first, no repeats, never the current name. */
export function formerNamesAfterRename(formerNames: readonly string[], oldName: string, newName: string): string[] {
  if (oldName === newName) return [...formerNames]
  return [...new Set([oldName, ...formerNames])].filter((n) => n !== newName)
}

/** Tags trimmed, deduplicated, in given order. */
export function normalizeTags(tags: readonly string[]): string[] {
  return [...new Set(tags.map((t) => t.trim()).filter(Boolean))]
}

// ---------------------------------------------------------------------------------------------
// segments

export interface SegmentAssignment {
  segmentCode: string
  main: boolean
}

/** Problems with a segment list: duplicates, more than one main. Returns the first problem or null. */
export function checkSegments(segments: readonly SegmentAssignment[]): 'duplicate' | 'several_main' | null {
  const codes = new Set<string>()
  for (const s of segments) {
    if (codes.has(s.segmentCode)) return 'duplicate'
    codes.add(s.segmentCode)
  }
  if (segments.filter((s) => s.main).length > 1) return 'several_main'
  return null
}

/** Makes the first segment main when none is marked. */
export function withMainSegment(segments: readonly SegmentAssignment[]): SegmentAssignment[] {
  if (segments.length === 0 || segments.some((s) => s.main)) return segments.map((s) => ({ ...s }))
  return segments.map((s, i) => ({ ...s, main: i === 0 }))
}

/**
 * What a new segment list does to the stored one. Kept rule-made rows keep source 'rule'; new rows
 * are 'manual'; removed rule-made rows become exclusions so reclassification does not bring them back.
 */
export function planSegmentChange(
  current: ReadonlyArray<{ segmentCode: string; main: boolean; source: 'rule' | 'manual' }>,
  next: readonly SegmentAssignment[],
): {
  rows: Array<{ segmentCode: string; main: boolean; source: 'rule' | 'manual' }>
  excluded: string[]
  /** Exclusions to lift: staff put back a segment they had removed. */
  reinstated: string[]
} {
  const byCode = new Map(current.map((s) => [s.segmentCode, s]))
  const nextCodes = new Set(next.map((s) => s.segmentCode))
  return {
    rows: next.map((s) => ({ segmentCode: s.segmentCode, main: s.main, source: byCode.get(s.segmentCode)?.source ?? 'manual' })),
    excluded: current.filter((s) => s.source === 'rule' && !nextCodes.has(s.segmentCode)).map((s) => s.segmentCode),
    reinstated: next.filter((s) => !byCode.has(s.segmentCode)).map((s) => s.segmentCode),
  }
}

// ---------------------------------------------------------------------------------------------
// group tree

/** Whether making `parentId` the parent of `id` closes a cycle, given each firm's ancestors chain. */
export function wouldCreateCycle(id: string, parentId: string | null, ancestorsOfParent: readonly string[]): boolean {
  if (parentId === null) return false
  return parentId === id || ancestorsOfParent.includes(id)
}

export interface GroupRow {
  id: string
  name: string
  regionCode: string
  parentId: string | null
}
export interface GroupTreeNode {
  id: string
  name: string
  regionCode: string
  children: GroupTreeNode[]
}

/** Builds the tree under `rootId` from flat rows; children sorted by name. Rows not reachable are ignored. */
export function buildGroupTree(rows: readonly GroupRow[], rootId: string): GroupTreeNode | null {
  const byParent = new Map<string, GroupRow[]>()
  for (const row of rows) {
    if (!row.parentId) continue
    const list = byParent.get(row.parentId) ?? []
    list.push(row)
    byParent.set(row.parentId, list)
  }
  const root = rows.find((r) => r.id === rootId)
  if (!root) return null
  const seen = new Set<string>()
  const build = (row: GroupRow): GroupTreeNode => {
    seen.add(row.id)
    const children = (byParent.get(row.id) ?? [])
      .filter((c) => !seen.has(c.id))
      .sort((a, b) => a.name.localeCompare(b.name, 'zh'))
      .map(build)
    return { id: row.id, name: row.name, regionCode: row.regionCode, children }
  }
  return build(root)
}

// ---------------------------------------------------------------------------------------------
// relations

/** A relation needs two different firms, and quantities that fit its kind. */
export function relationProblems(input: {
  fromId: string
  toId: string
  kind: 'supplier' | 'investor' | 'branch'
  shareOfSupplierRevenue?: number | null | undefined
  shareOfBuyerCost?: number | null | undefined
  equityRatio?: number | null | undefined
}): Array<{ path: string; zh: string; en: string }> {
  const problems: Array<{ path: string; zh: string; en: string }> = []
  if (input.fromId === input.toId) problems.push({ path: 'toId', zh: '关系两端不能是同一家企业', en: 'A relation needs two different firms' })
  const has = (v: number | null | undefined) => v !== null && v !== undefined
  if (input.kind !== 'supplier') {
    if (has(input.shareOfSupplierRevenue))
      problems.push({ path: 'shareOfSupplierRevenue', zh: '仅供应关系可填写该比例', en: 'Only supplier relations carry this share' })
    if (has(input.shareOfBuyerCost)) problems.push({ path: 'shareOfBuyerCost', zh: '仅供应关系可填写该比例', en: 'Only supplier relations carry this share' })
  }
  if (input.kind !== 'investor' && has(input.equityRatio))
    problems.push({ path: 'equityRatio', zh: '仅投资关系可填写持股比例', en: 'Only investor relations carry an equity ratio' })
  return problems
}

/** The share a graph edge shows: the buyer's cost share for suppliers, the equity ratio for investors. */
export function edgeShare(kind: string, r: { shareOfBuyerCost: number | null; equityRatio: number | null }): number | null {
  if (kind === 'supplier') return r.shareOfBuyerCost
  if (kind === 'investor') return r.equityRatio
  return null
}

/** Parses the graph's `kinds` parameter; unknown kinds are an error (returned), empty means all. */
export function parseKinds(raw: string | undefined, known: readonly string[]): { kinds: string[]; unknown: string[] } {
  const parts = (raw ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean)
  const unknown = parts.filter((p) => !known.includes(p))
  return { kinds: parts.length ? [...new Set(parts.filter((p) => known.includes(p)))] : [...known], unknown }
}
