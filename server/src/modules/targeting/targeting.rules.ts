import type { GapLabel } from '../../../../common/src/api/chain.js'

// Target discovery (靶向招商): which firms to bring into a region's chain, why, and how sure.
// Pure functions only: the repository gathers raw facts per candidate, these turn them into factors,
// a score and an explanation, fit the weights on history and measure rankings.

export const factorKeys = ['gap', 'scale', 'signals', 'customers', 'suppliers', 'layout', 'reach'] as const
export type FactorKey = (typeof factorKeys)[number]
export type Weights = Record<FactorKey, number>

/** What the repository knows about one candidate for one region and chain. */
export interface CandidateFacts {
  /** the chain map's label of the candidate's segment in the region: missing 补链, weak 强链, extension 延链, strong */
  gap: GapLabel
  /** 万元, null when unknown */
  revenue: number | null
  /** events in the look-back window, weighted by recency (1 = this month, 0.5 at half the window) */
  financing: number
  newBranches: number
  capacityExpansions: number
  /** the candidate's customers (firms it supplies) in the region, and among them chain leaders */
  customersInRegion: number
  leaderCustomersInRegion: number
  /** the candidate's suppliers in the region */
  suppliersInRegion: number
  /** the region (or one of its platforms) hosts the chain in the layout guide: core 1, cooperating 0.5, no 0 */
  layout: 'core' | 'cooperating' | null
  /** hops from the bureau's assets (chain leaders, local funds' portfolio, 乡贤 firms, earlier contacts): 0 (an asset itself), 1, 2, or null */
  assetDistance: number | null
}

export type Factors = Record<FactorKey, number>

/** GB/T 4754-2017 classes of investment funds and their managers (资本投资服务, 投资与资产管理, 创业投资): local funds are assets. */
export const FUND_INDUSTRY_CODES = ['6731', '6760', '7212'] as const

const GAP_VALUE: Record<GapLabel, number> = { missing: 1, weak: 0.6, extension: 0.4, strong: 0 }

export const gapFactor = (gap: GapLabel) => GAP_VALUE[gap]
export const layoutFactor = (layout: CandidateFacts['layout']) => (layout === 'core' ? 1 : layout === 'cooperating' ? 0.5 : 0)

/**
 * Each factor in [0, 1], so that weights compare and the bars in the UI mean the same thing. The API ranks
 * in the database with the same formulas (targeting.repository rankedCandidates; tested equal): change both.
 */
export function factorsOf(facts: CandidateFacts): Factors {
  const revenue = facts.revenue ?? 0
  return {
    gap: gapFactor(facts.gap),
    // 100万元 → 0, 100亿元 (1,000,000万元) → 1, on a log scale
    scale: clamp01(Math.log10(Math.max(revenue, 100) / 100) / 4),
    signals: 1 - Math.exp(-(1.0 * facts.financing + 0.8 * facts.capacityExpansions + 0.6 * facts.newBranches)),
    customers: clamp01(Math.log1p(facts.customersInRegion + facts.leaderCustomersInRegion) / Math.log(11)),
    suppliers: clamp01(Math.log1p(facts.suppliersInRegion) / Math.log(11)),
    layout: layoutFactor(facts.layout),
    reach: facts.assetDistance === 0 || facts.assetDistance === 1 ? 1 : facts.assetDistance === 2 ? 0.5 : 0,
  }
}

/**
 * Default weights, set by hand for now: trade with the region first (以商引商), growth signals next,
 * then the layout guide, size and the gap. `npm run eval:targeting` fits the same factors by logistic
 * regression on the history before the cut-off; the fitted values replace these once a full run on
 * the `city` size has been measured. The city admin may override them per chain.
 */
export const DEFAULT_WEIGHTS: Weights = {
  gap: 0.4,
  scale: 0.8,
  signals: 2.0,
  customers: 3.0,
  suppliers: 2.0,
  layout: 0.9,
  reach: 0.3,
}
export const DEFAULT_INTERCEPT = -7

export interface Scored {
  score: number
  /** weight × factor, per factor: what the bars show */
  contributions: Factors
}

/** Probability-like score (logistic), 0..100, with each factor's contribution. */
export function scoreOf(factors: Factors, weights: Weights = DEFAULT_WEIGHTS, intercept = DEFAULT_INTERCEPT): Scored {
  let z = intercept
  const contributions = {} as Factors
  for (const key of factorKeys) {
    contributions[key] = weights[key] * factors[key]
    z += contributions[key]
  }
  return { score: Math.round(sigmoid(z) * 10_000) / 100, contributions }
}

/** Recency weight of an event `ageDays` before the as-of day, over a window: 1 now, 0.5 at half, 0 at its end. */
export function recencyWeight(ageDays: number, windowDays: number): number {
  if (ageDays < 0 || ageDays >= windowDays) return 0
  return 1 - ageDays / windowDays
}

// ---------------------------------------------------------------------------------------------
// calibration and evaluation

export interface Sample {
  factors: Factors
  label: 0 | 1
}

/**
 * Logistic regression by Newton's method (IRLS) with a small ridge penalty: eight parameters, so each
 * step solves an 8×8 system and a few dozen steps converge even on rare events. Negatives are usually
 * subsampled; `negativeWeight` restores their share, so the intercept means the real base rate.
 */
export function fitWeights(samples: readonly Sample[], options: { iterations?: number; ridge?: number; negativeWeight?: number } = {}) {
  const { iterations = 50, ridge = 0.01, negativeWeight = 1 } = options
  const p = factorKeys.length + 1 // the intercept is the last parameter
  const beta = new Float64Array(p)
  const row = (sample: Sample) => [...factorKeys.map((k) => sample.factors[k]), 1]
  for (let step = 0; step < iterations; step++) {
    const gradient = new Float64Array(p)
    const hessian = Array.from({ length: p }, () => new Float64Array(p))
    for (const sample of samples) {
      const x = row(sample)
      let z = 0
      for (let j = 0; j < p; j++) z += beta[j]! * x[j]!
      const mu = sigmoid(z)
      const w = sample.label ? 1 : negativeWeight
      const error = w * (sample.label - mu)
      const curvature = w * mu * (1 - mu)
      for (let j = 0; j < p; j++) {
        gradient[j]! += error * x[j]!
        for (let k = 0; k < p; k++) hessian[j]![k]! += curvature * x[j]! * x[k]!
      }
    }
    for (let j = 0; j < p - 1; j++) {
      gradient[j]! -= ridge * beta[j]!
      hessian[j]![j]! += ridge
    }
    hessian[p - 1]![p - 1]! += 1e-9
    const delta = solve(hessian, gradient)
    let change = 0
    for (let j = 0; j < p; j++) {
      beta[j]! += delta[j]!
      change = Math.max(change, Math.abs(delta[j]!))
    }
    if (change < 1e-6) break
  }
  const weights = Object.fromEntries(factorKeys.map((k, j) => [k, beta[j]!])) as Weights
  return { weights, intercept: beta[p - 1]! }
}

/** Gaussian elimination with partial pivoting; the matrices here are tiny and positive definite. */
function solve(matrix: Float64Array[], vector: Float64Array): Float64Array {
  const n = vector.length
  const a = matrix.map((r, i) => [...r, vector[i]!])
  for (let col = 0; col < n; col++) {
    let pivot = col
    for (let r = col + 1; r < n; r++) if (Math.abs(a[r]![col]!) > Math.abs(a[pivot]![col]!)) pivot = r
    ;[a[col], a[pivot]] = [a[pivot]!, a[col]!]
    const head = a[col]![col]! || 1e-12
    for (let r = 0; r < n; r++) {
      if (r === col) continue
      const factor = a[r]![col]! / head
      if (factor === 0) continue
      for (let c = col; c <= n; c++) a[r]![c]! -= factor * a[col]![c]!
    }
  }
  return Float64Array.from(a.map((r, i) => r[n]! / (r[i]! || 1e-12)))
}

/** Share of the first k ranked ids that are relevant. */
export function precisionAt(ranked: readonly string[], relevant: ReadonlySet<string>, k: number): number {
  if (k <= 0) return 0
  let hits = 0
  for (const id of ranked.slice(0, k)) if (relevant.has(id)) hits++
  return hits / k
}

/** Share of the relevant ids found in the first k ranked. */
export function recallAt(ranked: readonly string[], relevant: ReadonlySet<string>, k: number): number {
  if (relevant.size === 0) return 0
  let hits = 0
  for (const id of ranked.slice(0, k)) if (relevant.has(id)) hits++
  return hits / relevant.size
}

/** Expected precision@k and recall@k of a uniformly random ranking of n candidates with r relevant. */
export function randomBaseline(n: number, r: number, k: number): { precision: number; recall: number } {
  if (n === 0 || r === 0) return { precision: 0, recall: 0 }
  const taken = Math.min(k, n)
  return { precision: (taken * (r / n)) / k, recall: taken / n }
}

// ---------------------------------------------------------------------------------------------
// reach paths

export type PathEdgeKind = 'supplier' | 'investor' | 'branch'
export interface PathStep {
  fromName: string
  toName: string
  kind: PathEdgeKind
  /** true when the relation runs from → to as stored (from supplies / invests in / is a branch of to) */
  forward: boolean
}

/** One step of a reach path in words, e.g. "A 是 B 的供应商" / "A supplies B". */
export function describeStep(step: PathStep): { zh: string; en: string } {
  const [a, b] = step.forward ? [step.fromName, step.toName] : [step.toName, step.fromName]
  switch (step.kind) {
    case 'supplier':
      return { zh: `${a} 是 ${b} 的供应商`, en: `${a} supplies ${b}` }
    case 'investor':
      return { zh: `${a} 投资了 ${b}`, en: `${a} invests in ${b}` }
    case 'branch':
      return { zh: `${a} 是 ${b} 的分支机构`, en: `${a} is a branch of ${b}` }
  }
}

function sigmoid(z: number): number {
  return 1 / (1 + Math.exp(-z))
}

function clamp01(value: number): number {
  return Math.min(1, Math.max(0, value))
}

// ---------------------------------------------------------------------------------------------
// the API's choices: look-back, contacts, scope, layout of a region

/** Events older than two years say little about a firm's plans now. */
export const LOOK_BACK_DAYS = 730

/** Target-list statuses that mean the bureau is in touch with the firm (an earlier contact is an asset). */
export const CONTACT_STATUSES = ['contacting', 'negotiating', 'converted'] as const

type ScopeRole = 'city_admin' | 'city_staff' | 'district_staff' | 'platform_staff' | 'department_reviewer' | 'leader' | 'enterprise'

function readsWholeCity(role: ScopeRole, scopeType: string): boolean {
  return role === 'city_admin' || role === 'city_staff' || role === 'department_reviewer' || (role === 'leader' && scopeType === 'city')
}

/**
 * Who may rank for a region: city-wide roles for any; a district's users (district staff, platform
 * staff, a district leader) for the city or their own district, never another district (its target
 * list, which feeds the ranking as contacts, is confidential).
 */
export function mayReadRegion(role: ScopeRole, scopeType: string, ownDistrict: string | null, cityCode: string, region: string): boolean {
  if (role === 'enterprise') return false
  if (readsWholeCity(role, scopeType)) return true
  return region === cityCode || (ownDistrict !== null && region === ownDistrict)
}

/**
 * The target-list regions whose contacts count as the bureau's: a district's own list for a district;
 * for the city every list, except that a district's user sees only the city's and their own district's.
 */
export function contactRegions(
  role: ScopeRole,
  scopeType: string,
  ownDistrict: string | null,
  cityCode: string,
  cityCodes: readonly string[],
  region: string,
): string[] {
  if (region !== cityCode) return [region]
  if (readsWholeCity(role, scopeType)) return [cityCode, ...cityCodes]
  return ownDistrict ? [cityCode, ownDistrict] : [cityCode]
}

/** The layout-guide role of a region from its districts' roles: core if any is core, else cooperating if any. */
export function regionLayout(roles: ReadonlyArray<'core' | 'cooperating' | null>): 'core' | 'cooperating' | null {
  if (roles.includes('core')) return 'core'
  return roles.includes('cooperating') ? 'cooperating' : null
}

