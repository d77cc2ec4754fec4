// Pure helpers of the lists pages: table sorting to query parameters, export links, status colours.
import type { SorterResult } from 'antd/es/table/interface'
import type { ListName } from '../../../../common/src/api/lists.js'
import { buildQuery, type QueryParams } from '../../lib/api-client.js'

/** antd's sorter (column key + ascend/descend) to the server's sort/order, when the column is sortable there. */
export function sortParams<S extends string>(
  sorter: Pick<SorterResult<unknown>, 'columnKey' | 'order'> | undefined,
  allowed: readonly S[],
): { sort?: S; order?: 'asc' | 'desc' } {
  const key = sorter?.columnKey
  if (!sorter?.order || typeof key !== 'string' || !(allowed as readonly string[]).includes(key)) return { sort: undefined, order: undefined }
  return { sort: key as S, order: sorter.order === 'ascend' ? 'asc' : 'desc' }
}

/** The antd sortOrder a column shows for the current params. */
export function columnSortOrder(params: { sort?: string | undefined; order?: string | undefined }, key: string): 'ascend' | 'descend' | null {
  if (params.sort !== key) return null
  return params.order === 'asc' ? 'ascend' : 'descend'
}

/** The export link of a list with the page's filters and sort (paging left out: the export has every row). */
export function exportUrl(list: ListName, params: QueryParams): string {
  const { page: _page, pageSize: _pageSize, ...filters } = params
  return `/api/lists/${list}/export.xlsx${buildQuery(filters)}`
}

/** "rows.12.优先级" → { row: 12, column: '优先级' }; other paths (columns.X, file) → row null. */
export function importErrorCell(path: string): { row: number | null; column: string } {
  const m = /^rows\.(\d+)\.(.+)$/.exec(path)
  if (m) return { row: Number(m[1]), column: m[2]! }
  const c = /^columns\.(.+)$/.exec(path)
  return { row: null, column: c ? c[1]! : path }
}

export const leaderStatusColors = { proposed: 'gold', confirmed: 'green', rejected: 'default' } as const
export const supplierStatusColors = { open: 'blue', approaching: 'gold', introduced: 'green', dismissed: 'default' } as const
export const targetStatusColors = {
  new: 'blue',
  researching: 'cyan',
  contacting: 'geekblue',
  negotiating: 'gold',
  converted: 'green',
  dropped: 'default',
} as const
export const priorityColors = { high: 'red', medium: 'orange', low: 'default' } as const

/** Dependence (share of the buyers' cost, 0..n) as a percentage with one decimal. */
export const formatShare = (x: number | null | undefined) => (x === null || x === undefined ? '—' : `${(x * 100).toFixed(1)}%`)
