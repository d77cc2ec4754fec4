import { describe, expect, it } from 'vitest'
import type { ChainMap, ChainMapSegment } from '../../../../common/src/api/chain.js'
import { chainMapOption, fishboneLayout, gapColors, symbolSize } from './chain-map-chart.js'

const seg = (code: string, stage: ChainMapSegment['stage'], position: number, extra: Partial<ChainMapSegment> = {}): ChainMapSegment => ({
  code,
  parentCode: null,
  nameZh: `环节${code}`,
  nameEn: `Segment ${code}`,
  stage,
  position,
  enterprises: 0,
  revenue: 0,
  employees: 0,
  leaders: [],
  benchmarkEnterprises: 0,
  strength: null,
  gap: 'missing',
  ...extra,
})

const segments = [
  seg('a', 'upstream', 0, { enterprises: 40, gap: 'strong', strength: 1.4 }),
  seg('a1', 'upstream', 1, { parentCode: 'a', enterprises: 10, gap: 'weak', strength: 0.5 }),
  seg('a2', 'upstream', 2, { parentCode: 'a', enterprises: 0 }),
  seg('b', 'midstream', 3, { enterprises: 5, gap: 'strong', leaders: ['海康威视'] }),
  seg('c', 'downstream', 4, { enterprises: 1, gap: 'weak', strength: 0.2 }),
]
const map: ChainMap = {
  chain: { code: 'x', nameZh: '测试链', nameEn: 'Test chain', version: 1 },
  region: { code: '330100', nameZh: '杭州市', level: 'city' },
  benchmark: 'national',
  totals: { enterprises: 50, revenue: 0, employees: 0, benchmarkEnterprises: 500 },
  segments,
  extensions: [],
}
const labels = {
  stages: { upstream: 'Up', midstream: 'Mid', downstream: 'Down' },
  gaps: { missing: 'Fill', weak: 'Strengthen', extension: 'Extend', strong: 'Strong' },
  enterprises: 'Firms',
  strength: 'Strength',
  leaders: 'Leaders',
}

describe('fishboneLayout', () => {
  const points = new Map(fishboneLayout(segments).map((p) => [p.code, p]))
  it('puts each stage in its own column along the spine', () => {
    expect(points.get('a')!.x).toBeGreaterThanOrEqual(0)
    expect(points.get('a')!.x).toBeLessThan(1)
    expect(points.get('b')!.x).toBeGreaterThanOrEqual(1)
    expect(points.get('b')!.x).toBeLessThan(2)
    expect(points.get('c')!.x).toBeGreaterThanOrEqual(2)
  })
  it('alternates bones above and below the spine and puts children further out on their bone', () => {
    expect(Math.sign(points.get('a')!.y)).toBe(-Math.sign(points.get('b')!.y))
    expect(Math.sign(points.get('b')!.y)).toBe(-Math.sign(points.get('c')!.y))
    expect(Math.abs(points.get('a1')!.y)).toBeGreaterThan(Math.abs(points.get('a')!.y))
    expect(Math.abs(points.get('a2')!.y)).toBeGreaterThan(Math.abs(points.get('a1')!.y))
    expect(points.get('a2')!.bone).toBe('a')
    expect(Math.sign(points.get('a1')!.y)).toBe(Math.sign(points.get('a')!.y))
  })
})

describe('chainMapOption', () => {
  const option = chainMapOption(map, 'en-US', labels)
  const series = option.series as { type: string; name?: string; data: { code?: string; name?: string; symbolSize?: number }[]; itemStyle?: { color: string } }[]
  it('has one scatter series per gap label, coloured by the label, holding exactly its segments', () => {
    const strong = series.find((s) => s.name === 'Strong')!
    expect(strong.itemStyle!.color).toBe(gapColors.strong)
    expect(strong.data.map((d) => d.code).sort()).toEqual(['a', 'b'])
    expect(series.find((s) => s.name === 'Fill')!.data.map((d) => d.code)).toEqual(['a2'])
    expect(series.find((s) => s.name === 'Extend')!.data).toEqual([])
  })
  it('names segments in the chosen language and sizes them by count', () => {
    const all = series.filter((s) => s.type === 'scatter' && s.name).flatMap((s) => s.data)
    expect(all.find((d) => d.code === 'b')!.name).toBe('Segment b')
    expect(all.find((d) => d.code === 'a')!.symbolSize).toBeGreaterThan(all.find((d) => d.code === 'a1')!.symbolSize!)
    expect(chainMapOption(map, 'zh-CN', labels).series).toEqual(expect.arrayContaining([expect.objectContaining({ name: 'Strong' })]))
  })
  it('labels stages and writes a tooltip with figures', () => {
    expect(JSON.stringify(option.series)).toContain('"Mid"')
    const formatter = (option.tooltip as { formatter: (p: unknown) => string }).formatter
    expect(formatter({ data: { code: 'a1' } })).toContain('Strength: 0.50')
    expect(formatter({ data: { code: 'b' } })).toContain('Leaders: 海康威视')
  })
  it('keeps empty segments visible', () => {
    expect(symbolSize(0, 40)).toBe(14)
    expect(symbolSize(40, 40)).toBe(50)
  })
})
