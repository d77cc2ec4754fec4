import { describe, expect, it } from 'vitest'
import {
  classifyEnterprise,
  createsCycle,
  diffSnapshots,
  extensionCandidates,
  gapLabel,
  hostsChain,
  reclassify,
  reorder,
  segmentStrength,
  type SegmentRule,
} from './chain.rules.js'

const segments: SegmentRule[] = [
  { code: 'ic.support', parentCode: null, position: 0, industryCodes: ['3985', '3562'], keywords: ['半导体材料'] },
  { code: 'ic.materials', parentCode: 'ic.support', position: 1, industryCodes: ['3985'], keywords: ['硅片', '光刻胶'] },
  { code: 'ic.design', parentCode: null, position: 2, industryCodes: ['6520'], keywords: ['芯片设计'] },
  { code: 'ic.fab', parentCode: null, position: 3, industryCodes: ['3973'], keywords: ['晶圆'] },
  { code: 'ic.packaging', parentCode: null, position: 4, industryCodes: ['3973'], keywords: ['封装测试'] },
]

describe('classifyEnterprise', () => {
  const cases: [string, { industryCode: string; businessScope: string | null }, string[], string[]?][] = [
    ['no match at all', { industryCode: '1234', businessScope: '餐饮服务' }, []],
    ['industry code only: every segment with that class', { industryCode: '3973', businessScope: '技术咨询' }, ['ic.fab', 'ic.packaging']],
    ['keyword beats a bare industry code', { industryCode: '3973', businessScope: '封装测试的研发' }, ['ic.packaging']],
    ['keyword and code on the same segment rank first', { industryCode: '6520', businessScope: '晶圆制造；芯片设计' }, ['ic.design', 'ic.fab']],
    ['child wins over its matching parent', { industryCode: '3985', businessScope: '硅片销售' }, ['ic.materials']],
    ['parent kept when no child matches', { industryCode: '3562', businessScope: null }, ['ic.support']],
    ['excluded segment never assigned', { industryCode: '3973', businessScope: null }, ['ic.fab'], ['ic.packaging']],
    ['keywords of several segments, ordered upstream first', { industryCode: '7000', businessScope: '封装测试；光刻胶' }, ['ic.materials', 'ic.packaging']],
  ]
  it.each(cases)('%s', (_name, firm, expected, excluded = []) => {
    expect(classifyEnterprise(firm, segments, new Set(excluded)).map((m) => m.code)).toEqual(expected)
  })

  it('says what matched', () => {
    expect(classifyEnterprise({ industryCode: '6520', businessScope: '芯片设计' }, segments)).toEqual([{ code: 'ic.design', by: 'both' }])
  })
})

describe('reclassify', () => {
  const chain = new Set(segments.map((s) => s.code))
  it('keeps manual rows and other chains, replaces rule rows of the chain', () => {
    const result = reclassify(
      [
        { segmentCode: 'ic.fab', main: false, source: 'rule' },
        { segmentCode: 'ic.design', main: false, source: 'manual' },
        { segmentCode: 'other.x', main: true, source: 'rule' },
      ],
      chain,
      [{ code: 'ic.packaging', by: 'keyword' }, { code: 'ic.design', by: 'industry' }],
    )
    expect(result.added).toEqual(['ic.packaging'])
    expect(result.removed).toEqual(['ic.fab'])
    expect(result.next).toEqual([
      { segmentCode: 'ic.design', main: false, source: 'manual' },
      { segmentCode: 'other.x', main: true, source: 'rule' },
      { segmentCode: 'ic.packaging', main: false, source: 'rule' },
    ])
  })
  it('gives a firm left without a main segment the best new one; never moves an existing main', () => {
    const lost = reclassify([{ segmentCode: 'ic.fab', main: true, source: 'rule' }], chain, [
      { code: 'ic.design', by: 'both' },
      { code: 'ic.packaging', by: 'keyword' },
    ])
    expect(lost.next.filter((a) => a.main).map((a) => a.segmentCode)).toEqual(['ic.design'])
    const stays = reclassify([{ segmentCode: 'ic.fab', main: true, source: 'rule' }], chain, [
      { code: 'ic.design', by: 'both' },
      { code: 'ic.fab', by: 'industry' },
    ])
    expect(stays.next.filter((a) => a.main).map((a) => a.segmentCode)).toEqual(['ic.fab'])
    expect(stays.added).toEqual(['ic.design'])
    expect(stays.removed).toEqual([])
  })
})

describe('benchmark and gap labels', () => {
  it('computes a location quotient', () => {
    // 10 of 100 local chain firms in the segment vs 50 of 1000 in the benchmark: twice as specialised
    expect(segmentStrength(10, 100, 50, 1000)).toBeCloseTo(2)
    expect(segmentStrength(1, 100, 50, 1000)).toBeCloseTo(0.2)
    expect(segmentStrength(0, 0, 50, 1000)).toBeNull()
    expect(segmentStrength(5, 100, 0, 1000)).toBeNull()
  })
  const cases: [number, number | null, string][] = [
    [0, null, 'missing'],
    [0, 0, 'missing'],
    [3, 0.79, 'weak'],
    [3, 0.8, 'strong'],
    [3, 2.5, 'strong'],
    [3, null, 'strong'],
  ]
  it.each(cases)('%i firms at strength %s → %s', (count, strength, label) => {
    expect(gapLabel(count, strength)).toBe(label)
  })
  it('picks extension segments outside the chain by links', () => {
    const rows = [
      { segmentCode: 'ic.design', chainCode: 'ic', links: 30, localEnterprises: 3 },
      { segmentCode: 'nev.battery', chainCode: 'nev', links: 5, localEnterprises: 0 },
      { segmentCode: 'nev.motor', chainCode: 'nev', links: 9, localEnterprises: 2 },
      { segmentCode: 'bio.cro', chainCode: 'bio', links: 1, localEnterprises: 0 },
    ]
    expect(extensionCandidates(rows, 'ic').map((r) => r.segmentCode)).toEqual(['nev.motor', 'nev.battery'])
    expect(extensionCandidates(rows, 'ic', 2, 1).map((r) => r.segmentCode)).toEqual(['nev.motor'])
  })
})

describe('hostsChain', () => {
  const guide = [
    { chainCode: 'ic', districtCode: '330108', platformCode: '', role: 'core' as const },
    { chainCode: 'ic', districtCode: '330110', platformCode: 'p.future', role: 'cooperating' as const },
    { chainCode: 'bio', districtCode: '330110', platformCode: '', role: 'cooperating' as const },
    { chainCode: 'bio', districtCode: '330110', platformCode: 'p.bio', role: 'core' as const },
  ]
  it.each([
    ['ic', '330108', undefined, 'core'],
    ['ic', '330108', 'any.platform', 'core'],
    ['ic', '330110', undefined, 'cooperating'],
    ['ic', '330110', 'p.future', 'cooperating'],
    ['ic', '330110', 'p.other', null],
    ['bio', '330110', 'p.bio', 'core'],
    ['bio', '330110', 'p.other', 'cooperating'],
    ['ic', '330106', undefined, null],
  ] as const)('%s in %s/%s → %s', (chain, district, platform, expected) => {
    expect(hostsChain(guide, chain, district, platform)).toBe(expected)
  })
})

describe('tree edits and diffs', () => {
  it('detects cycles', () => {
    expect(createsCycle(segments, 'ic.support', 'ic.materials')).toBe(true)
    expect(createsCycle(segments, 'ic.support', 'ic.support')).toBe(true)
    expect(createsCycle(segments, 'ic.materials', 'ic.design')).toBe(false)
    expect(createsCycle(segments, 'ic.materials', null)).toBe(false)
  })
  it('reorders', () => {
    expect(reorder(['a', 'b', 'c', 'd'], 'd', 1)).toEqual(['a', 'd', 'b', 'c'])
    expect(reorder(['a', 'b', 'c'], 'a', 99)).toEqual(['b', 'c', 'a'])
  })
  it('diffs two snapshots', () => {
    const seg = (code: string, nameZh: string) => ({ code, parentCode: null, nameZh, nameEn: code, stage: 'upstream' as const, position: 0, industryCodes: [], keywords: [] })
    const chain = { code: 'ic', ecosystem: 'smart_iot', nameZh: '集成电路', nameEn: 'IC', future: false }
    const diff = diffSnapshots(
      { chain, segments: [seg('a', '甲'), seg('b', '乙')] },
      { chain: { ...chain, nameZh: '芯片' }, segments: [seg('a', '甲二'), seg('c', '丙')] },
    )
    expect(diff.chainFields).toEqual(['nameZh'])
    expect(diff.added.map((s) => s.code)).toEqual(['c'])
    expect(diff.removed.map((s) => s.code)).toEqual(['b'])
    expect(diff.changed).toEqual([{ code: 'a', nameZh: '甲二', fields: ['nameZh'] }])
  })
})
