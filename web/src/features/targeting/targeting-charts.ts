// Target discovery's drawings as pure functions of the API data, tested without a DOM:
// the stacked factor bar of a candidate, the reach-path graph, and the factors a reason names.
import type { GraphSeriesOption } from 'echarts/charts'
import type { LegendComponentOption, TooltipComponentOption } from 'echarts/components'
import type { ComposeOption } from 'echarts/core'
import {
  targetingFactorKeys,
  type AssetKind,
  type FactorRecord,
  type ReachPathView,
  type TargetingFactorKey,
} from '../../../../common/src/api/targeting.js'

/** One fixed colour per factor, so a colour means the same factor in every row, legend and language. */
export const factorColors: Record<TargetingFactorKey, string> = {
  gap: '#ff4d4f',
  scale: '#8c8c8c',
  signals: '#fa8c16',
  customers: '#1677ff',
  suppliers: '#13c2c2',
  layout: '#722ed1',
  reach: '#52c41a',
}

export interface FactorSegment {
  key: TargetingFactorKey
  value: number
  /** share of the bar's full width, 0..100 */
  width: number
}

/** The largest sum of positive contributions among the rows: the bar width every row is drawn against. */
export function barScale(rows: ReadonlyArray<{ contributions: FactorRecord }>): number {
  let max = 0
  for (const row of rows) {
    let sum = 0
    for (const key of targetingFactorKeys) sum += Math.max(0, row.contributions[key])
    max = Math.max(max, sum)
  }
  return max
}

/**
 * The positive contributions of one candidate as segments of a stacked bar, in the fixed factor order,
 * widths relative to `scale` (a negative weight pulls the score down and has no segment).
 */
export function factorSegments(contributions: FactorRecord, scale: number): FactorSegment[] {
  if (scale <= 0) return []
  return targetingFactorKeys
    .filter((key) => contributions[key] > 0)
    .map((key) => ({ key, value: contributions[key], width: Math.min(100, (contributions[key] / scale) * 100) }))
}

/** The factors a reason names: the largest positive contributions first, at most `n`. */
export function reasonFactors(contributions: FactorRecord, n = 3): TargetingFactorKey[] {
  return targetingFactorKeys
    .filter((key) => contributions[key] > 0)
    .sort((a, b) => contributions[b] - contributions[a] || targetingFactorKeys.indexOf(a) - targetingFactorKeys.indexOf(b))
    .slice(0, n)
}

/** Priority proposed for a new target from its score (0..100). */
export function priorityOf(score: number): 'high' | 'medium' | 'low' {
  if (score >= 50) return 'high'
  if (score >= 15) return 'medium'
  return 'low'
}

// ---------------------------------------------------------------------------------------------
// reach-path graph

export type ReachGraphOption = ComposeOption<GraphSeriesOption | TooltipComponentOption | LegendComponentOption>
export const nodeRoles = ['candidate', 'intermediary', 'chain_leader', 'fund', 'hometown', 'contact'] as const
export type NodeRole = (typeof nodeRoles)[number]
export const nodeColors: Record<NodeRole, string> = {
  candidate: '#fa541c',
  intermediary: '#bfbfbf',
  chain_leader: '#1677ff',
  fund: '#722ed1',
  hometown: '#d48806',
  contact: '#52c41a',
}

export interface ReachGraphLabels {
  roles: Record<NodeRole, string>
  edges: Record<'supplier' | 'investor' | 'branch', string>
}

export interface GraphNode {
  id: string
  name: string
  role: NodeRole
  x: number
  y: number
  regionName: string
}
export interface GraphEdge {
  source: string
  target: string
  kind: 'supplier' | 'investor' | 'branch'
}

/**
 * The nodes and edges of the paths, each once: the candidate on the left, one column per hop, one row
 * per path (a node met again keeps its first place). Edges point as the relation is stored (supplier →
 * customer, investor → investee, branch → parent).
 */
export function reachGraph(paths: readonly ReachPathView[]): { nodes: GraphNode[]; edges: GraphEdge[] } {
  const nodes = new Map<string, GraphNode>()
  const edges = new Map<string, GraphEdge>()
  paths.forEach((path, row) => {
    path.nodes.forEach((node, hop) => {
      if (nodes.has(node.id)) return
      const last = hop === path.nodes.length - 1
      const role: NodeRole = hop === 0 ? 'candidate' : last && node.asset ? node.asset : node.asset ?? 'intermediary'
      nodes.set(node.id, { id: node.id, name: node.name, role, x: hop * 240, y: row * 90, regionName: node.regionName })
    })
    path.steps.forEach((step, k) => {
      const a = path.nodes[k]!.id
      const b = path.nodes[k + 1]!.id
      const [source, target] = step.forward ? [a, b] : [b, a]
      edges.set(`${source}>${target}>${step.kind}`, { source, target, kind: step.kind })
    })
  })
  return { nodes: [...nodes.values()], edges: [...edges.values()] }
}

export function reachGraphOption(paths: readonly ReachPathView[], labels: ReachGraphLabels): ReachGraphOption {
  const { nodes, edges } = reachGraph(paths)
  const categories = nodeRoles.map((role) => ({ name: labels.roles[role], itemStyle: { color: nodeColors[role] } }))
  return {
    tooltip: { trigger: 'item' },
    legend: { data: categories.map((c) => c.name), bottom: 0 },
    series: [
      {
        type: 'graph',
        layout: 'none',
        // room for the labels under the nodes and for the legend at the bottom
        left: 90,
        right: 110,
        top: 30,
        bottom: 70,
        roam: true,
        categories,
        symbolSize: 18,
        edgeSymbol: ['none', 'arrow'],
        edgeSymbolSize: 8,
        label: { show: true, position: 'bottom', width: 140, overflow: 'truncate', fontSize: 11 },
        edgeLabel: { show: true, formatter: '{c}', fontSize: 10 },
        lineStyle: { color: '#8c8c8c', width: 1.5, curveness: 0.1 },
        data: nodes.map((n) => ({
          id: n.id,
          name: n.name,
          x: n.x,
          y: n.y,
          category: nodeRoles.indexOf(n.role),
          symbolSize: n.role === 'candidate' ? 26 : n.role === 'intermediary' ? 16 : 22,
          tooltip: { formatter: `${n.name}<br/>${n.regionName} · ${labels.roles[n.role]}` },
        })),
        links: edges.map((e) => ({ source: e.source, target: e.target, value: labels.edges[e.kind] as unknown as number })),
      },
    ],
  }
}

/** Which asset kinds the paths reach, for a summary line. */
export function reachedAssets(paths: readonly ReachPathView[]): AssetKind[] {
  const kinds = new Set<AssetKind>()
  for (const p of paths) {
    const asset = p.nodes.at(-1)?.asset
    if (asset) kinds.add(asset)
  }
  return [...kinds]
}
