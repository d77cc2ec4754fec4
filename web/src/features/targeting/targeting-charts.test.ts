import { describe, expect, it } from 'vitest'
import type { FactorRecord, ReachPathView } from '../../../../common/src/api/targeting.js'
import { barScale, factorSegments, priorityOf, reachedAssets, reachGraph, reachGraphOption, reasonFactors } from './targeting-charts.js'

const zero: FactorRecord = { gap: 0, scale: 0, signals: 0, customers: 0, suppliers: 0, layout: 0, reach: 0 }

describe('factor bars', () => {
  it('scales every row against the largest positive sum', () => {
    const rows = [{ contributions: { ...zero, gap: 1, customers: 3 } }, { contributions: { ...zero, scale: 2, reach: -5 } }]
    expect(barScale(rows)).toBe(4)
    expect(barScale([])).toBe(0)
  })
  it('draws positive contributions in the fixed factor order and leaves negatives out', () => {
    const segments = factorSegments({ ...zero, customers: 3, gap: 1, reach: -1 }, 4)
    expect(segments).toEqual([
      { key: 'gap', value: 1, width: 25 },
      { key: 'customers', value: 3, width: 75 },
    ])
    expect(factorSegments({ ...zero, gap: 1 }, 0)).toEqual([])
  })
})

describe('reason and priority', () => {
  it('names the largest positive factors first, at most n', () => {
    expect(reasonFactors({ ...zero, gap: 0.4, customers: 3, signals: 2, layout: 0.9, reach: -1 }, 3)).toEqual(['customers', 'signals', 'layout'])
    expect(reasonFactors(zero)).toEqual([])
  })
  it('proposes a priority from the score', () => {
    expect([priorityOf(80), priorityOf(50), priorityOf(20), priorityOf(3)]).toEqual(['high', 'high', 'medium', 'low'])
  })
})

const node = (id: string, asset: ReachPathView['nodes'][number]['asset'] = null) => ({ id, name: `N${id}`, regionCode: '330108', regionName: 'R', local: asset !== null, asset })
const paths: ReachPathView[] = [
  {
    nodes: [node('c'), node('x'), node('L', 'chain_leader')],
    steps: [
      { fromName: 'Nc', toName: 'Nx', kind: 'supplier', forward: true, textZh: '', textEn: '' },
      { fromName: 'Nx', toName: 'NL', kind: 'investor', forward: false, textZh: '', textEn: '' },
    ],
  },
  {
    nodes: [node('c'), node('x'), node('F', 'fund')],
    steps: [
      { fromName: 'Nc', toName: 'Nx', kind: 'supplier', forward: true, textZh: '', textEn: '' },
      { fromName: 'Nx', toName: 'NF', kind: 'investor', forward: false, textZh: '', textEn: '' },
    ],
  },
]

describe('reach-path graph', () => {
  it('keeps each node and edge once, the candidate first, assets coloured by kind', () => {
    const graph = reachGraph(paths)
    expect(graph.nodes.map((n) => [n.id, n.role, n.x, n.y])).toEqual([
      ['c', 'candidate', 0, 0],
      ['x', 'intermediary', 240, 0],
      ['L', 'chain_leader', 480, 0],
      ['F', 'fund', 480, 90],
    ])
    // stored direction: c supplies x; L invests in x (the step ran backwards)
    expect(graph.edges).toEqual([
      { source: 'c', target: 'x', kind: 'supplier' },
      { source: 'L', target: 'x', kind: 'investor' },
      { source: 'F', target: 'x', kind: 'investor' },
    ])
    expect(reachedAssets(paths)).toEqual(['chain_leader', 'fund'])
  })
  it('builds an option with a category per role and labelled links', () => {
    const labels = {
      roles: { candidate: 'cand', intermediary: 'mid', chain_leader: 'leader', fund: 'fund', hometown: 'hometown', contact: 'contact' },
      edges: { supplier: 'supplies', investor: 'invests', branch: 'branch' },
    }
    const option = reachGraphOption(paths, labels)
    const series = (option.series as Array<{ data: Array<{ category: number }>; links: Array<{ value: unknown }>; categories: unknown[] }>)[0]!
    expect(series.categories).toHaveLength(6)
    expect(series.data.map((d) => d.category)).toEqual([0, 1, 2, 3])
    expect(series.links.map((l) => l.value)).toEqual(['supplies', 'invests', 'invests'])
    expect(reachGraphOption([], labels).series).toBeDefined()
  })
})
