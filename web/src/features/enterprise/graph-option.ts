// ECharts option of the relation graph, as a pure function of the API answer (tested without a DOM).
import type { GraphSeriesOption } from 'echarts/charts'
import type { LegendComponentOption, TooltipComponentOption } from 'echarts/components'
import type { ComposeOption } from 'echarts/core'
import type { EnterpriseGraph } from '../../../../common/src/api/enterprise.js'

export type GraphChartOption = ComposeOption<GraphSeriesOption | TooltipComponentOption | LegendComponentOption>

export interface GraphLabels {
  root: string
  local: string
  external: string
  kinds: Record<'supplier' | 'investor' | 'branch', string>
}

export const graphColors = { root: '#f5222d', local: '#1677ff', external: '#fa8c16' } as const
export const edgeColors = { supplier: '#597ef7', investor: '#52c41a', branch: '#8c8c8c' } as const

/** Nodes coloured by root / local / external, sized by chain leadership; edges coloured by kind with an arrow. */
export function relationGraphOption(graph: EnterpriseGraph, labels: GraphLabels): GraphChartOption {
  const categories = [labels.root, labels.local, labels.external]
  const category = (n: EnterpriseGraph['nodes'][number]) => (n.id === graph.rootId ? 0 : n.local ? 1 : 2)
  return {
    tooltip: { trigger: 'item' },
    legend: [{ data: categories, bottom: 0 }],
    color: [graphColors.root, graphColors.local, graphColors.external],
    series: [
      {
        type: 'graph',
        layout: 'force',
        roam: true,
        draggable: true,
        force: { repulsion: 220, edgeLength: [60, 160], gravity: 0.08 },
        categories: categories.map((name) => ({ name })),
        label: { show: graph.nodes.length <= 60, position: 'right', fontSize: 11 },
        edgeSymbol: ['none', 'arrow'],
        edgeSymbolSize: 7,
        data: graph.nodes.map((n) => ({
          id: n.id,
          name: n.tradeName || n.name,
          value: n.name,
          category: category(n),
          symbolSize: n.id === graph.rootId ? 34 : n.chainLeader ? 24 : Math.max(10, 18 - n.depth * 3),
          tooltip: { formatter: `${n.name}` },
        })),
        links: graph.edges.map((e) => ({
          source: e.from,
          target: e.to,
          value: e.share ?? undefined,
          lineStyle: { color: edgeColors[e.kind], width: e.share ? 1 + e.share * 4 : 1, curveness: 0.1 },
          tooltip: { formatter: `${labels.kinds[e.kind]}${e.share !== null ? ` ${(e.share * 100).toFixed(0)}%` : ''}` },
        })),
      },
    ],
  }
}
