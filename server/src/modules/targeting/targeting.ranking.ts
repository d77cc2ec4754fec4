import type { GapLabel } from '../../../../common/src/api/chain.js'
import type { DbOrTx } from '../../db/client.js'
import { targetingFactsFresh } from './targeting.facts.js'
import { candidateFacts, type CandidateQuery, type CandidateRow, type ScoringSql } from './targeting.repository.js'
import { DEFAULT_INTERCEPT, DEFAULT_WEIGHTS, factorsOf, gapFactor, layoutFactor, scoreOf, type Factors, type Weights } from './targeting.rules.js'

export interface RankInput extends CandidateQuery {
  /** the chain map's gap label of each segment in the region */
  gapOf: ReadonlyMap<string, GapLabel>
  /** the region's role for the chain in the layout guide */
  layout: 'core' | 'cooperating' | null
  weights?: Weights
  intercept?: number
}

export interface RankedCandidate {
  row: CandidateRow
  factors: Factors
  contributions: Factors
  score: number
}

/** Every candidate of the chain scored and sorted, best first (ties: larger revenue first, then id). */
export async function rankCandidates(db: DbOrTx, input: RankInput): Promise<RankedCandidate[]> {
  const fresh = await targetingFactsFresh(db, input.tenantId)
  return scoreCandidates(await candidateFacts(db, input, fresh ? 'precomputed' : 'live'), input)
}

/** Scores and sorts facts already read (the evaluation and the tests; the API ranks in the database). */
export function scoreCandidates(rows: readonly CandidateRow[], input: Scoring): RankedCandidate[] {
  const ranked = rows.map((row) => {
    const scored = scoreRow(row, input)
    return { ...scored, z: sumOf(scored.contributions) }
  })
  ranked.sort((a, b) => b.z - a.z || (b.row.revenue ?? 0) - (a.row.revenue ?? 0) || (a.row.id < b.row.id ? -1 : 1))
  return ranked.map(({ z: _z, ...rest }) => rest)
}

type Scoring = Pick<RankInput, 'gapOf' | 'layout' | 'weights' | 'intercept'>

/** One candidate's factors, contributions and score by the rules. */
export function scoreRow<R extends CandidateRow>(row: R, input: Scoring): { row: R; factors: Factors; contributions: Factors; score: number } {
  const factors = factorsOf({
    gap: input.gapOf.get(row.segment_code) ?? 'strong',
    revenue: row.revenue,
    financing: row.financing,
    newBranches: row.new_branches,
    capacityExpansions: row.capacity,
    customersInRegion: row.customers,
    leaderCustomersInRegion: row.leader_customers,
    suppliersInRegion: row.suppliers,
    layout: input.layout,
    assetDistance: row.distance,
  })
  const { score, contributions } = scoreOf(factors, input.weights ?? DEFAULT_WEIGHTS, input.intercept ?? DEFAULT_INTERCEPT)
  return { row, factors, contributions, score }
}

/**
 * What the database needs to score as the rules do: the gap and layout factors (the same for every candidate of
 * a segment) taken from `factorsOf` itself, and the weights.
 */
export function rankingSql(input: Scoring): ScoringSql {
  const gapValues = new Map<string, number>()
  for (const [code, gap] of input.gapOf) gapValues.set(code, gapFactor(gap))
  return { gapValues, layoutValue: layoutFactor(input.layout), weights: input.weights ?? DEFAULT_WEIGHTS }
}

function sumOf(contributions: Factors): number {
  let total = 0
  for (const value of Object.values(contributions)) total += value
  return total
}
