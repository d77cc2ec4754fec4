import { describe, expect, it } from 'vitest'
import { Random } from '../../generator/random.js'
import {
  contactRegions,
  DEFAULT_WEIGHTS,
  describeStep,
  factorKeys,
  factorsOf,
  fitWeights,
  mayReadRegion,
  precisionAt,
  randomBaseline,
  recallAt,
  recencyWeight,
  regionLayout,
  scoreOf,
  type CandidateFacts,
  type Factors,
  type Sample,
} from './targeting.rules.js'

const quiet: CandidateFacts = {
  gap: 'strong',
  revenue: null,
  financing: 0,
  newBranches: 0,
  capacityExpansions: 0,
  customersInRegion: 0,
  leaderCustomersInRegion: 0,
  suppliersInRegion: 0,
  layout: null,
  assetDistance: null,
}

describe('factors', () => {
  it('are all zero for a firm the data says nothing about', () => {
    expect(Object.values(factorsOf(quiet))).toEqual(factorKeys.map(() => 0))
  })

  it('stay within [0, 1] at the extremes', () => {
    const loud = factorsOf({
      gap: 'missing',
      revenue: 1e9,
      financing: 50,
      newBranches: 50,
      capacityExpansions: 50,
      customersInRegion: 1000,
      leaderCustomersInRegion: 1000,
      suppliersInRegion: 1000,
      layout: 'core',
      assetDistance: 1,
    })
    for (const key of factorKeys) expect(loud[key]).toBeGreaterThanOrEqual(0)
    for (const key of factorKeys) expect(loud[key]).toBeLessThanOrEqual(1)
    expect(loud.gap).toBe(1)
    expect(loud.reach).toBe(1)
  })

  it.each([
    ['missing', 1],
    ['weak', 0.6],
    ['extension', 0.4],
    ['strong', 0],
  ] as const)('values the gap label %s at %d', (gap, value) => {
    expect(factorsOf({ ...quiet, gap }).gap).toBe(value)
  })

  it('grow with revenue on a log scale: 100万 → 0, 1亿 → 0.5, 100亿 → 1', () => {
    expect(factorsOf({ ...quiet, revenue: 100 }).scale).toBe(0)
    expect(factorsOf({ ...quiet, revenue: 10_000 }).scale).toBeCloseTo(0.5)
    expect(factorsOf({ ...quiet, revenue: 1_000_000 }).scale).toBe(1)
  })

  it('count a second-hop asset half as much as a direct one', () => {
    expect(factorsOf({ ...quiet, assetDistance: 2 }).reach).toBe(0.5)
  })
})

describe('score', () => {
  it('rises with every factor and reports each contribution', () => {
    const base = scoreOf(factorsOf(quiet))
    const withCustomers = scoreOf(factorsOf({ ...quiet, customersInRegion: 3 }))
    expect(withCustomers.score).toBeGreaterThan(base.score)
    expect(withCustomers.contributions.customers).toBeCloseTo(DEFAULT_WEIGHTS.customers * factorsOf({ ...quiet, customersInRegion: 3 }).customers)
    expect(base.score).toBeGreaterThanOrEqual(0)
    expect(base.score).toBeLessThanOrEqual(100)
  })

  it('weighs events by recency over the window', () => {
    expect(recencyWeight(0, 730)).toBe(1)
    expect(recencyWeight(365, 730)).toBeCloseTo(0.5, 2)
    expect(recencyWeight(730, 730)).toBe(0)
    expect(recencyWeight(-1, 730)).toBe(0)
  })
})

describe('calibration', () => {
  it('recovers the weights that generated synthetic data', () => {
    const truth: Factors = { gap: 0, scale: 0.5, signals: 2, customers: 3, suppliers: 1, layout: 1, reach: 0 }
    const random = new Random('fit-test')
    const samples: Sample[] = []
    for (let i = 0; i < 20_000; i++) {
      const factors = Object.fromEntries(factorKeys.map((k) => [k, random.float()])) as Factors
      let z = -4
      for (const k of factorKeys) z += truth[k] * factors[k]
      samples.push({ factors, label: random.float() < 1 / (1 + Math.exp(-z)) ? 1 : 0 })
    }
    const fitted = fitWeights(samples)
    for (const k of factorKeys) expect(fitted.weights[k]).toBeCloseTo(truth[k], 0)
    expect(fitted.intercept).toBeCloseTo(-4, 0)
  })

  it('keeps the base rate when negatives were subsampled and re-weighted', () => {
    const samples: Sample[] = []
    const zero = Object.fromEntries(factorKeys.map((k) => [k, 0])) as Factors
    for (let i = 0; i < 100; i++) samples.push({ factors: zero, label: 1 })
    for (let i = 0; i < 100; i++) samples.push({ factors: zero, label: 0 })
    // the 100 kept negatives stand for 9,900: the real rate is 1 %
    const { intercept } = fitWeights(samples, { negativeWeight: 99 })
    expect(1 / (1 + Math.exp(-intercept))).toBeCloseTo(0.01, 3)
  })
})

describe('ranking metrics', () => {
  const relevant = new Set(['a', 'c', 'x'])
  const ranked = ['a', 'b', 'c', 'd', 'e']

  it('computes precision@k and recall@k', () => {
    expect(precisionAt(ranked, relevant, 2)).toBe(0.5)
    expect(precisionAt(ranked, relevant, 10)).toBe(0.2)
    expect(recallAt(ranked, relevant, 3)).toBeCloseTo(2 / 3)
    expect(recallAt(ranked, new Set(), 3)).toBe(0)
  })

  it('gives the expected values of a random order', () => {
    expect(randomBaseline(1000, 5, 10)).toEqual({ precision: 0.005, recall: 0.01 })
    expect(randomBaseline(4, 2, 10).recall).toBe(1)
    expect(randomBaseline(0, 0, 10)).toEqual({ precision: 0, recall: 0 })
  })
})

describe('reach path steps in words', () => {
  it('reads a relation in its stored direction or reversed', () => {
    expect(describeStep({ fromName: '甲', toName: '乙', kind: 'supplier', forward: true }).zh).toBe('甲 是 乙 的供应商')
    expect(describeStep({ fromName: '甲', toName: '乙', kind: 'supplier', forward: false }).en).toBe('乙 supplies 甲')
    expect(describeStep({ fromName: 'A', toName: 'B', kind: 'investor', forward: true }).en).toBe('A invests in B')
    expect(describeStep({ fromName: 'A', toName: 'B', kind: 'branch', forward: true }).zh).toBe('A 是 B 的分支机构')
  })
})

describe('who may rank for a region, and whose contacts count', () => {
  const city = '330100'
  const districts = ['330102', '330106', '330108']
  it.each([
    ['city_admin', 'city', null, '330106', true],
    ['city_staff', 'city', null, '330106', true],
    ['department_reviewer', 'department', null, '330106', true],
    ['leader', 'city', null, '330106', true],
    ['leader', 'district', '330108', '330106', false],
    ['leader', 'district', '330108', '330108', true],
    ['district_staff', 'district', '330108', '330108', true],
    ['district_staff', 'district', '330108', city, true],
    ['district_staff', 'district', '330108', '330106', false],
    ['platform_staff', 'platform', '330108', '330106', false],
    ['platform_staff', 'platform', '330108', city, true],
    ['enterprise', 'enterprise', null, city, false],
  ] as const)('%s (%s scope, district %s) for %s → %s', (role, scopeType, own, region, expected) => {
    expect(mayReadRegion(role, scopeType, own, city, region)).toBe(expected)
  })
  it('takes a district’s own list for a district, every list for the city, only the city’s and their own for a district user', () => {
    expect(contactRegions('city_staff', 'city', null, city, districts, '330106')).toEqual(['330106'])
    expect(contactRegions('city_staff', 'city', null, city, districts, city)).toEqual([city, ...districts])
    expect(contactRegions('district_staff', 'district', '330108', city, districts, city)).toEqual([city, '330108'])
    expect(contactRegions('platform_staff', 'platform', null, city, districts, city)).toEqual([city])
  })
  it('gives a region the strongest layout role of its districts', () => {
    expect(regionLayout([null, 'cooperating', 'core'])).toBe('core')
    expect(regionLayout([null, 'cooperating'])).toBe('cooperating')
    expect(regionLayout([null, null])).toBeNull()
    expect(regionLayout([])).toBeNull()
  })
})
