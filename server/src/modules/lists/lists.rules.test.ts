import { describe, expect, it } from 'vitest'
import {
  chainLeaderKey,
  defaultChainLeaderCriteria as criteria,
  dependence,
  mayEditRegion,
  parseChainLeaderKey,
  parseDueDate,
  parsePriority,
  parseStatus,
  proposalAction,
  rankPart,
  readableRegion,
  scoreChainLeaders,
  scoreFactors,
  type ChainLeaderCandidate,
} from './lists.rules.js'

const id = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`
const firm = (n: number, revenue: number | null, suppliers = 0, customers = 0, tags: string[] = []): ChainLeaderCandidate => ({
  enterpriseId: id(n),
  revenue,
  localSuppliers: suppliers,
  localCustomers: customers,
  tags,
})

describe('chain-leader scoring', () => {
  it.each([
    [1, 10, 1],
    [10, 10, 0.1],
    [11, 10, 0],
    [null, 10, 0],
    [3, 5, 0.6],
  ])('rank %s of top %s earns %s of the rank part', (rank, top, part) => {
    expect(rankPart(rank, top)).toBeCloseTo(part)
  })

  it('scores full marks for the top firm with enough suppliers, customers and tags', () => {
    const { score, parts } = scoreFactors(
      { revenue: 1e6, revenueRank: 1, firmsInChain: 20, localSuppliers: 30, localCustomers: 10, tags: ['世界500强'] },
      criteria,
    )
    expect(score).toBe(100)
    expect(parts).toEqual({ revenueRank: 1, localSuppliers: 1, localCustomers: 1, tags: 1 })
  })

  it('weights each part and caps tags at 1', () => {
    const { score, parts } = scoreFactors(
      { revenue: 1, revenueRank: 6, firmsInChain: 20, localSuppliers: 3, localCustomers: 0, tags: ['上市', '上市', '上市'] },
      criteria,
    )
    expect(parts.tags).toBe(1)
    // 0.5 * 0.5 + 0.2 * 0.2 + 0 + 0.15 * 1 = 0.44
    expect(score).toBeCloseTo(44)
  })

  it('normalizes weights that do not sum to 1, and scores 0 when all weights are 0', () => {
    const doubled = { ...criteria, weights: { revenueRank: 1, localSuppliers: 0.4, localCustomers: 0.3, tags: 0.3 } }
    const factors = { revenue: 1, revenueRank: 1, firmsInChain: 1, localSuppliers: 0, localCustomers: 0, tags: [] }
    expect(scoreFactors(factors, doubled).score).toBe(scoreFactors(factors, criteria).score)
    expect(scoreFactors(factors, { ...criteria, weights: { revenueRank: 0, localSuppliers: 0, localCustomers: 0, tags: 0 } }).score).toBe(0)
  })

  it('ranks by revenue, proposes only firms over the revenue floor and threshold, at most maxPerChain', () => {
    const firms = [
      firm(1, 500_000, 20, 10, ['上市']), // rank 1
      firm(2, 400_000, 0, 0), // rank 2: 0.5 * 0.9 = 45 < 50
      firm(3, 50_000, 20, 10, ['世界500强']), // high score but under 10亿
      firm(4, 300_000, 15, 10), // rank 3: 40 + 20 + 15 = 75
      firm(5, null, 15, 10), // no revenue: no rank
    ]
    const scored = scoreChainLeaders(firms, criteria)
    const proposed = scored.filter((s) => s.proposed).map((s) => s.enterpriseId)
    expect(proposed).toEqual([id(1), id(4)])
    expect(scored.find((s) => s.enterpriseId === id(4))!.factors).toMatchObject({ revenueRank: 3, firmsInChain: 5 })
    expect(scored.find((s) => s.enterpriseId === id(5))!.factors.revenueRank).toBeNull()
    expect(scoreChainLeaders(firms, { ...criteria, maxPerChain: 1 }).filter((s) => s.proposed)).toHaveLength(1)
  })

  it('breaks revenue ties by id so that proposals are stable', () => {
    const a = scoreChainLeaders([firm(2, 200_000), firm(1, 200_000)], criteria)
    expect(a.map((s) => [s.enterpriseId, s.factors.revenueRank])).toEqual([
      [id(1), 1],
      [id(2), 2],
    ])
  })

  it.each([
    [null, 'insert'],
    ['proposed', 'update'],
    ['confirmed', 'keep'],
    ['rejected', 'keep'],
  ] as const)('a new proposal over %s does %s (never downgrades a decision)', (existing, action) => {
    expect(proposalAction(existing)).toBe(action)
  })
})

describe('dependence', () => {
  it('sums the known shares of the buyers’ cost, unknown counting 0', () => {
    expect(dependence([0.2, 0.15, null])).toBeCloseTo(0.35)
    expect(dependence([])).toBe(0)
  })
})

describe('region scope', () => {
  it.each([
    ['city_admin', 'city', null, 'all'],
    ['department_reviewer', 'department', null, 'all'],
    ['leader', 'city', null, 'all'],
    ['leader', 'district', '330106', { district: '330106' }],
    ['district_staff', 'district', '330106', { district: '330106' }],
    ['platform_staff', 'platform', '330108', { district: '330108' }],
  ] as const)('%s with a %s scope reads %j', (role, scopeType, district, expected) => {
    expect(readableRegion(role, scopeType, district)).toEqual(expected)
  })

  it.each([
    ['city_staff', null, '330106', true],
    ['city_admin', null, '330100', true],
    ['district_staff', '330106', '330106', true],
    ['district_staff', '330106', '330108', false],
    ['district_staff', '330106', '330100', false],
    ['platform_staff', '330106', '330106', false],
    ['leader', '330106', '330106', false],
  ] as const)('%s of %s may edit %s: %s', (role, district, region, allowed) => {
    expect(mayEditRegion(role, district, region)).toBe(allowed)
  })
})

describe('target import cells', () => {
  it.each([
    ['高', 'high'],
    [' medium ', 'medium'],
    ['', 'medium'],
    ['urgent', null],
  ])('priority %j → %s', (cell, value) => expect(parsePriority(cell)).toBe(value))

  it.each([
    ['洽谈中', 'negotiating'],
    ['dropped', 'dropped'],
    ['', 'new'],
    ['签约', null],
  ])('status %j → %s', (cell, value) => expect(parseStatus(cell)).toBe(value))

  it.each([
    ['2026-07-01', '2026-07-01'],
    ['2026/7/1', '2026-07-01'],
    ['2026年7月1日', '2026-07-01'],
    ['', undefined],
    ['2026-02-30', null],
    ['next week', null],
  ])('due date %j → %s', (cell, value) => expect(parseDueDate(cell)).toBe(value))

  it('round-trips chain-leader keys and refuses malformed ones', () => {
    expect(parseChainLeaderKey(chainLeaderKey('visual_intelligence', id(7)))).toEqual({ chainCode: 'visual_intelligence', enterpriseId: id(7) })
    expect(parseChainLeaderKey('visual_intelligence')).toBeNull()
    expect(parseChainLeaderKey(`x~not-a-uuid`)).toBeNull()
  })
})
