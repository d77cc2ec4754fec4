import { describe, expect, it } from 'vitest'
import type { EnterpriseGraph } from '../../../../common/src/api/enterprise.js'
import { graphColors, relationGraphOption } from './graph-option.js'

const labels = { root: 'R', local: 'L', external: 'E', kinds: { supplier: 'S', investor: 'I', branch: 'B' } }
const node = (id: string, local: boolean, depth: number, chainLeader = false) => ({ id, name: `${id} 有限公司`, tradeName: id, regionCode: '330108', local, chainLeader, depth })

describe('relationGraphOption', () => {
  const graph: EnterpriseGraph = {
    rootId: 'a',
    nodes: [node('a', true, 0), node('b', true, 1, true), node('c', false, 2)],
    edges: [
      { id: 'e1', from: 'b', to: 'a', kind: 'supplier', share: 0.5 },
      { id: 'e2', from: 'c', to: 'b', kind: 'investor', share: null },
    ],
    truncated: false,
  }
  const series = relationGraphOption(graph, labels).series as Array<Record<string, unknown>>
  const data = series[0]!.data as Array<{ id: string; category: number; symbolSize: number }>
  const links = series[0]!.links as Array<{ source: string; target: string; lineStyle: { width: number }; tooltip: { formatter: string } }>

  it('puts the root, local and external firms in their categories and colours', () => {
    expect(data.map((d) => d.category)).toEqual([0, 1, 2])
    expect(relationGraphOption(graph, labels).color).toEqual([graphColors.root, graphColors.local, graphColors.external])
  })

  it('draws the root largest and chain leaders larger than plain firms', () => {
    expect(data[0]!.symbolSize).toBeGreaterThan(data[1]!.symbolSize)
    expect(data[1]!.symbolSize).toBeGreaterThan(data[2]!.symbolSize)
  })

  it('links from supplier to buyer, width by share, tooltip naming kind and share', () => {
    expect(links[0]).toMatchObject({ source: 'b', target: 'a', tooltip: { formatter: 'S 50%' } })
    expect(links[0]!.lineStyle.width).toBe(3)
    expect(links[1]!.tooltip.formatter).toBe('I')
  })

  it('hides labels on crowded graphs', () => {
    const many = { ...graph, nodes: Array.from({ length: 80 }, (_, i) => node(`n${i}`, true, 1)) }
    const s = relationGraphOption(many, labels).series as Array<{ label: { show: boolean } }>
    expect(s[0]!.label.show).toBe(false)
  })
})
