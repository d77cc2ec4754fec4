import { describe, expect, it } from 'vitest'
import type { LayoutEntry } from '../../../../common/src/api/chain.js'
import { cellKey, cellRole, layoutMatrix, yearChoices } from './layout-matrix.js'

const entry = (chainCode: string, districtCode: string, platformCode: string, role: LayoutEntry['role']): LayoutEntry => ({
  chainCode,
  districtCode,
  platformCode,
  role,
  note: null,
  updatedAt: '2026-01-01T00:00:00.000Z',
  updatedBy: 'admin',
})

describe('layout matrix', () => {
  const cells = layoutMatrix([
    entry('ic', '330108', 'p2', 'cooperating'),
    entry('ic', '330108', '', 'cooperating'),
    entry('ic', '330110', 'p1', 'core'),
    entry('bio', '330108', '', 'core'),
  ])
  it('groups entries by chain and district, district-level entry first', () => {
    expect(cells.get(cellKey('ic', '330108'))!.map((e) => e.platformCode)).toEqual(['', 'p2'])
    expect(cells.get(cellKey('bio', '330110'))).toBeUndefined()
  })
  it('marks a cell core when any of its entries is core', () => {
    expect(cellRole(cells.get(cellKey('ic', '330108')))).toBe('cooperating')
    expect(cellRole(cells.get(cellKey('ic', '330110')))).toBe('core')
    expect(cellRole(undefined)).toBeNull()
  })
  it('offers the years with entries plus this and next year', () => {
    expect(yearChoices([2024, 2026], 2026)).toEqual([2027, 2026, 2024])
  })
})
