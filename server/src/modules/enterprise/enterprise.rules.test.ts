import { describe, expect, it } from 'vitest'
import {
  buildGroupTree,
  checkSegments,
  diffFields,
  formerNamesAfterRename,
  normalizeTags,
  parseKinds,
  planSegmentChange,
  readSearchTerm,
  relationProblems,
  sizeBounds,
  sizeClass,
  usccMessage,
  withMainSegment,
  wouldCreateCycle,
} from './enterprise.rules.js'

describe('sizeClass (NBS industrial thresholds, both must hold)', () => {
  it.each([
    [40000, 1000, 'large'],
    [39999, 5000, 'medium'], // revenue below the large bar
    [100000, 999, 'medium'], // staff below the large bar
    [2000, 300, 'medium'],
    [1999, 300, 'small'],
    [300, 20, 'small'],
    [299, 500, 'micro'],
    [5000, 19, 'micro'],
    [0, 0, 'micro'],
    [null, 100, null],
    [100, null, null],
  ] as const)('revenue %s, employees %s → %s', (revenue, employees, expected) => {
    expect(sizeClass(revenue, employees)).toBe(expected)
  })

  it('gives SQL bounds that agree with sizeClass', () => {
    const samples = [0, 19, 20, 299, 300, 999, 1000, 1999, 2000, 39999, 40000, 100000]
    for (const size of ['large', 'medium', 'small', 'micro'] as const) {
      const { lower, upper } = sizeBounds(size)
      for (const revenue of samples)
        for (const employees of samples) {
          const inLower = !lower || (employees >= lower.employees && revenue >= lower.revenue)
          const belowUpper = !upper || !(employees >= upper.employees && revenue >= upper.revenue)
          expect(inLower && belowUpper, `${size} ${revenue} ${employees}`).toBe(sizeClass(revenue, employees) === size)
        }
    }
  })
})

describe('readSearchTerm', () => {
  it.each([
    ['', { kind: 'none' }],
    ['  ', { kind: 'none' }],
    ['hkws', { kind: 'initials', value: 'hkws' }],
    ['HKWS', { kind: 'initials', value: 'hkws' }],
    ['91330108', { kind: 'uscc', value: '91330108' }],
    ['91330108ma27xyz12', { kind: 'uscc', value: '91330108MA27XYZ12' }],
    ['海', { kind: 'trade_name', key: '海', prefix: true }],
    ['海康', { kind: 'trade_name', key: '海康', prefix: true }],
    ['海康威', { kind: 'trade_name', key: '海康威', prefix: false }],
    ['杭州海康威视数字技术股份有限公司', { kind: 'trade_name', key: '海康威视', prefix: false }],
    ['海康威视数字技术（杭州）有限公司', { kind: 'trade_name', key: '海康威视', prefix: false }],
    ['ABB（中国）有限公司', { kind: 'trade_name', key: 'abb', prefix: false }],
    ['1234', { kind: 'trade_name', key: '1234', prefix: false }], // too short for a USCC prefix
  ])('%j', (q, expected) => {
    expect(readSearchTerm(q)).toEqual(expected)
  })
})

describe('usccMessage', () => {
  it('says why a code is wrong', () => {
    expect(usccMessage('91330108MA27XYZ1')?.error).toBe('length')
    expect(usccMessage('91330108MA27XYZ1')?.zh).toContain('16 位')
    expect(usccMessage('91330108MA27XYZ1IO')?.error).toBe('charset')
    expect(usccMessage('91330100MA2CFXXX0X')?.error).not.toBeNull()
  })
})

describe('diffFields', () => {
  it('lists only changed fields, comparing arrays by value and treating undefined as untouched', () => {
    expect(
      diffFields(
        { name: 'a', revenue: 1, tags: ['x', 'y'], address: null, employees: 5 },
        { name: 'a', revenue: 2, tags: ['x', 'y'], address: '路', employees: undefined },
      ),
    ).toEqual([
      { field: 'revenue', before: 1, after: 2 },
      { field: 'address', before: null, after: '路' },
    ])
    expect(diffFields({ tags: ['x', 'y'] }, { tags: ['y', 'x'] })).toHaveLength(1)
    expect(diffFields({}, { a: null })).toEqual([])
  })
})

describe('names and tags', () => {
  it('pushes the old name to the front of former names, without repeats or the current name', () => {
    expect(formerNamesAfterRename(['B'], 'A', 'C')).toEqual(['A', 'B'])
    expect(formerNamesAfterRename(['A', 'B'], 'C', 'A')).toEqual(['C', 'B'])
    expect(formerNamesAfterRename(['B'], 'A', 'A')).toEqual(['B'])
  })
  it('normalizes tags', () => {
    expect(normalizeTags([' 上市', '上市', '', '外资'])).toEqual(['上市', '外资'])
  })
})

describe('segments', () => {
  it('checks duplicates and several main segments', () => {
    expect(checkSegments([{ segmentCode: 'a', main: true }, { segmentCode: 'a', main: false }])).toBe('duplicate')
    expect(checkSegments([{ segmentCode: 'a', main: true }, { segmentCode: 'b', main: true }])).toBe('several_main')
    expect(checkSegments([{ segmentCode: 'a', main: true }, { segmentCode: 'b', main: false }])).toBeNull()
  })
  it('makes the first segment main when none is', () => {
    expect(withMainSegment([{ segmentCode: 'a', main: false }, { segmentCode: 'b', main: false }]).map((s) => s.main)).toEqual([true, false])
    expect(withMainSegment([{ segmentCode: 'a', main: false }, { segmentCode: 'b', main: true }]).map((s) => s.main)).toEqual([false, true])
  })
  it('keeps rule rows, marks new ones manual, excludes removed rule rows and lifts exclusions of re-added ones', () => {
    const plan = planSegmentChange(
      [
        { segmentCode: 'r1', main: true, source: 'rule' },
        { segmentCode: 'r2', main: false, source: 'rule' },
        { segmentCode: 'm1', main: false, source: 'manual' },
      ],
      [
        { segmentCode: 'r1', main: false },
        { segmentCode: 'n1', main: true },
      ],
    )
    expect(plan.rows).toEqual([
      { segmentCode: 'r1', main: false, source: 'rule' },
      { segmentCode: 'n1', main: true, source: 'manual' },
    ])
    expect(plan.excluded).toEqual(['r2']) // m1 was manual: removing it needs no exclusion
    expect(plan.reinstated).toEqual(['n1'])
  })
})

describe('group tree', () => {
  it('detects cycles through the parent’s ancestors', () => {
    expect(wouldCreateCycle('a', null, [])).toBe(false)
    expect(wouldCreateCycle('a', 'a', [])).toBe(true)
    expect(wouldCreateCycle('a', 'c', ['c', 'b', 'a'])).toBe(true)
    expect(wouldCreateCycle('a', 'c', ['c', 'x'])).toBe(false)
  })
  it('builds a tree sorted by name and survives a cycle in the data', () => {
    const tree = buildGroupTree(
      [
        { id: 'r', name: '根', regionCode: '1', parentId: null },
        { id: 'b', name: 'B', regionCode: '1', parentId: 'r' },
        { id: 'a', name: 'A', regionCode: '1', parentId: 'r' },
        { id: 'c', name: 'C', regionCode: '1', parentId: 'a' },
        { id: 'x', name: 'X', regionCode: '1', parentId: 'y' },
        { id: 'y', name: 'Y', regionCode: '1', parentId: 'x' },
      ],
      'r',
    )!
    expect(tree.children.map((c) => c.id)).toEqual(['a', 'b'])
    expect(tree.children[0]!.children[0]!.id).toBe('c')
    expect(buildGroupTree([], 'r')).toBeNull()
  })
})

describe('relations', () => {
  it('needs two different firms and quantities that fit the kind', () => {
    expect(relationProblems({ fromId: 'a', toId: 'a', kind: 'supplier' }).map((p) => p.path)).toEqual(['toId'])
    expect(relationProblems({ fromId: 'a', toId: 'b', kind: 'investor', shareOfBuyerCost: 0.1, equityRatio: 0.5 }).map((p) => p.path)).toEqual([
      'shareOfBuyerCost',
    ])
    expect(relationProblems({ fromId: 'a', toId: 'b', kind: 'supplier', equityRatio: 0.5 }).map((p) => p.path)).toEqual(['equityRatio'])
    expect(relationProblems({ fromId: 'a', toId: 'b', kind: 'supplier', shareOfBuyerCost: 0.2, shareOfSupplierRevenue: null })).toEqual([])
  })
  it('parses graph kinds', () => {
    const known = ['supplier', 'investor', 'branch']
    expect(parseKinds(undefined, known)).toEqual({ kinds: known, unknown: [] })
    expect(parseKinds('supplier, supplier,branch', known)).toEqual({ kinds: ['supplier', 'branch'], unknown: [] })
    expect(parseKinds('friend', known).unknown).toEqual(['friend'])
  })
})
