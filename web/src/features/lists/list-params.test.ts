import { describe, expect, it } from 'vitest'
import { columnSortOrder, exportUrl, formatShare, importErrorCell, sortParams } from './list-params.js'

describe('lists page helpers', () => {
  const allowed = ['score', 'enterpriseName'] as const

  it.each([
    [{ columnKey: 'score', order: 'ascend' as const }, { sort: 'score', order: 'asc' }],
    [{ columnKey: 'enterpriseName', order: 'descend' as const }, { sort: 'enterpriseName', order: 'desc' }],
    [{ columnKey: 'score', order: undefined }, { sort: undefined, order: undefined }],
    [{ columnKey: 'regionName', order: 'ascend' as const }, { sort: undefined, order: undefined }],
  ])('maps the table sorter %j to %j', (sorter, expected) => {
    expect(sortParams(sorter, allowed)).toEqual(expected)
  })

  it('shows the sort order on the sorted column only', () => {
    expect(columnSortOrder({ sort: 'score', order: 'asc' }, 'score')).toBe('ascend')
    expect(columnSortOrder({ sort: 'score', order: 'desc' }, 'score')).toBe('descend')
    expect(columnSortOrder({ sort: 'score', order: 'asc' }, 'enterpriseName')).toBeNull()
  })

  it('builds export links with the filters and sort but without paging', () => {
    expect(exportUrl('targets', { region: '330108', status: undefined, sort: 'priority', order: 'desc', page: 3, pageSize: 20 })).toBe(
      '/api/lists/targets/export.xlsx?region=330108&sort=priority&order=desc',
    )
    expect(exportUrl('chain-leaders', { page: 1 })).toBe('/api/lists/chain-leaders/export.xlsx')
  })

  it('reads row and column from import error paths', () => {
    expect(importErrorCell('rows.12.优先级')).toEqual({ row: 12, column: '优先级' })
    expect(importErrorCell('columns.列入理由')).toEqual({ row: null, column: '列入理由' })
    expect(importErrorCell('file')).toEqual({ row: null, column: 'file' })
  })

  it('formats shares as percentages', () => {
    expect(formatShare(0.2)).toBe('20.0%')
    expect(formatShare(null)).toBe('—')
  })
})
