// A chain's flat segment list (ordered by position) as the nested rows a tree table shows.
export type SegmentNode<T> = T & { children?: SegmentNode<T>[] }

export function segmentTree<T extends { code: string; parentCode: string | null; position: number }>(segments: readonly T[]): SegmentNode<T>[] {
  const known = new Set(segments.map((s) => s.code))
  const nodes = new Map<string, SegmentNode<T>>(segments.map((s) => [s.code, { ...s }]))
  const roots: SegmentNode<T>[] = []
  for (const s of [...segments].sort((a, b) => a.position - b.position)) {
    const node = nodes.get(s.code)!
    // a parent that is missing (or a loop) leaves the segment at the top, so nothing disappears from view
    const parent = s.parentCode && known.has(s.parentCode) && s.parentCode !== s.code ? nodes.get(s.parentCode)! : null
    if (parent) parent.children = [...(parent.children ?? []), node]
    else roots.push(node)
  }
  return roots
}
