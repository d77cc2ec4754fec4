// The layout guide as a chains × districts matrix: which entries sit in each cell, and the cell's strongest role.
import type { LayoutEntry, LayoutRole } from '../../../../common/src/api/chain.js'

export const cellKey = (chainCode: string, districtCode: string) => `${chainCode}|${districtCode}`

export function layoutMatrix(entries: readonly LayoutEntry[]): Map<string, LayoutEntry[]> {
  const cells = new Map<string, LayoutEntry[]>()
  for (const entry of entries) {
    const key = cellKey(entry.chainCode, entry.districtCode)
    cells.set(key, [...(cells.get(key) ?? []), entry])
  }
  // district-level entry first, then platforms by code
  for (const list of cells.values()) list.sort((a, b) => a.platformCode.localeCompare(b.platformCode))
  return cells
}

/** core if any entry of the cell is core; null for an empty cell. */
export function cellRole(entries: readonly LayoutEntry[] | undefined): LayoutRole | null {
  if (!entries || entries.length === 0) return null
  return entries.some((e) => e.role === 'core') ? 'core' : 'cooperating'
}

/** Years to offer: those with entries, this year and the next, newest first. */
export function yearChoices(years: readonly number[], thisYear: number): number[] {
  return [...new Set([...years, thisYear, thisYear + 1])].sort((a, b) => b - a)
}
