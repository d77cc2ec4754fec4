import { describe, expect, it } from 'vitest'
import { segmentTree } from './segment-tree.js'

describe('segmentTree', () => {
  it('nests children under parents in position order, leaves have no children key', () => {
    const tree = segmentTree([
      { code: 'b1', parentCode: 'b', position: 3 },
      { code: 'a', parentCode: null, position: 0 },
      { code: 'b', parentCode: null, position: 1 },
      { code: 'b0', parentCode: 'b', position: 2 },
      { code: 'x', parentCode: 'gone', position: 4 },
    ])
    expect(tree.map((n) => n.code)).toEqual(['a', 'b', 'x'])
    expect(tree[1]!.children!.map((n) => n.code)).toEqual(['b0', 'b1'])
    expect(tree[0]!.children).toBeUndefined()
  })
})
