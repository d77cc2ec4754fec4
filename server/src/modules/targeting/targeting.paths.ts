import type { DbOrTx } from '../../db/client.js'
import { edgesAround, nodesByIds, type EdgeRow, type NodeRow } from './targeting.repository.js'
import { describeStep, FUND_INDUSTRY_CODES, type PathStep } from './targeting.rules.js'

export type AssetKind = 'chain_leader' | 'fund' | 'hometown' | 'contact'

export interface PathNode {
  id: string
  name: string
  regionCode: string
  local: boolean
  asset: AssetKind | null
}

export interface ReachPath {
  nodes: PathNode[]
  steps: Array<PathStep & { textZh: string; textEn: string }>
}

export interface ReachQuery {
  tenantId: string
  candidateId: string
  cityCodes: readonly string[]
  contactIds: readonly string[]
  maxHops?: number
  maxPaths?: number
}

/** Edges read per hop: hubs (a chain leader has hundreds of partners) are capped, not skipped. */
const EDGES_PER_HOP = 3000
const FRONTIER_CAP = 600

/**
 * The shortest few paths through the relation graph from a candidate to the bureau's assets (local
 * chain leaders, local funds, 乡贤 firms, earlier contacts), breadth first from the candidate: its degree is
 * small where an asset's may be in the hundreds.
 */
export async function reachPaths(db: DbOrTx, query: ReachQuery): Promise<ReachPath[]> {
  const maxHops = query.maxHops ?? 3
  const city = new Set(query.cityCodes)
  const contacts = new Set(query.contactIds)
  const funds = new Set<string>(FUND_INDUSTRY_CODES)
  const nodes = new Map<string, NodeRow>()
  const assetOf = (node: NodeRow | undefined): AssetKind | null => {
    if (!node) return null
    if (contacts.has(node.id)) return 'contact'
    if (!city.has(node.region_code)) return node.founder_origin_code && city.has(node.founder_origin_code) ? 'hometown' : null
    if (node.chain_leader) return 'chain_leader'
    return funds.has(node.industry_code) ? 'fund' : null
  }
  // parent pointers of the breadth-first tree; several parents per node give alternative paths
  // a candidate that is an asset itself (a 乡贤 firm, a contact) is reached without a step; other paths still help
  const [self] = await nodesByIds(db, query.tenantId, [query.candidateId])
  if (self) nodes.set(self.id, self)
  const selfPath = assetOf(self) ? [toReachPath([{ id: query.candidateId, edge: null }], nodes, assetOf, city)] : []
  const maxPaths = (query.maxPaths ?? 3) - selfPath.length
  const parents = new Map<string, Array<{ parent: string; edge: EdgeRow }>>()
  const depth = new Map<string, number>([[query.candidateId, 0]])
  let frontier = [query.candidateId]
  const found: string[] = []
  for (let hop = 1; hop <= maxHops && frontier.length > 0 && found.length < maxPaths; hop++) {
    const edges = await edgesAround(db, query.tenantId, frontier, EDGES_PER_HOP)
    const inFrontier = new Set(frontier)
    const next: string[] = []
    for (const edge of edges) {
      for (const [here, there] of [
        [edge.from_id, edge.to_id],
        [edge.to_id, edge.from_id],
      ] as const) {
        if (!inFrontier.has(here)) continue
        const seen = depth.get(there)
        if (seen !== undefined && seen < hop) continue
        if (seen === undefined) {
          depth.set(there, hop)
          next.push(there)
        }
        const list = parents.get(there) ?? []
        if (list.length < 3) list.push({ parent: here, edge })
        parents.set(there, list)
      }
    }
    const newIds = next.filter((id) => !nodes.has(id))
    for (const row of await nodesByIds(db, query.tenantId, newIds)) nodes.set(row.id, row)
    for (const id of next) if (assetOf(nodes.get(id)) && found.length < maxPaths * 3) found.push(id)
    frontier = next.filter((id) => !assetOf(nodes.get(id))).sort().slice(0, FRONTIER_CAP)
  }
  const paths: ReachPath[] = [...selfPath]
  for (const target of found) {
    for (const chain of pathsTo(target, query.candidateId, parents, 2)) {
      if (paths.length >= maxPaths + selfPath.length) break
      paths.push(toReachPath(chain, nodes, assetOf, city))
    }
    if (paths.length >= maxPaths + selfPath.length) break
  }
  return paths
}

/** Up to `limit` node sequences candidate → … → target following the parent pointers. */
function pathsTo(target: string, source: string, parents: Map<string, Array<{ parent: string; edge: EdgeRow }>>, limit: number) {
  const results: Array<Array<{ id: string; edge: EdgeRow | null }>> = []
  const walk = (id: string, tail: Array<{ id: string; edge: EdgeRow | null }>) => {
    if (results.length >= limit) return
    if (id === source) {
      results.push([{ id, edge: null }, ...tail])
      return
    }
    for (const { parent, edge } of parents.get(id) ?? []) walk(parent, [{ id, edge }, ...tail])
  }
  walk(target, [])
  return results
}

function toReachPath(
  chain: Array<{ id: string; edge: EdgeRow | null }>,
  nodes: Map<string, NodeRow>,
  assetOf: (node: NodeRow | undefined) => AssetKind | null,
  city: Set<string>,
): ReachPath {
  const pathNodes = chain.map(({ id }) => {
    const node = nodes.get(id)
    return { id, name: node?.name ?? id, regionCode: node?.region_code ?? '', local: city.has(node?.region_code ?? ''), asset: assetOf(node) }
  })
  const steps = chain.slice(1).map(({ id, edge }, k) => {
    const from = pathNodes[k]!
    const to = pathNodes[k + 1]!
    const step: PathStep = { fromName: from.name, toName: to.name, kind: edge!.kind, forward: edge!.from_id === from.id && edge!.to_id === id }
    const text = describeStep(step)
    return { ...step, textZh: text.zh, textEn: text.en }
  })
  return { nodes: pathNodes, steps }
}
