import { describe, expect, it } from 'vitest'
import { isRunning, jobPercent } from './job-progress.js'

describe('import progress', () => {
  it.each([
    [{ status: 'validating', totalRows: 0, processedRows: 0, writtenRows: 0 }, 0],
    [{ status: 'validating', totalRows: 1000, processedRows: 500, writtenRows: 0 }, 25],
    [{ status: 'writing', totalRows: 1000, processedRows: 1000, writtenRows: 0 }, 50],
    [{ status: 'writing', totalRows: 1000, processedRows: 1000, writtenRows: 1000 }, 99],
    [{ status: 'done', totalRows: 1000, processedRows: 1000, writtenRows: 1000 }, 100],
    [{ status: 'failed', totalRows: 10, processedRows: 3, writtenRows: 0 }, 100],
  ] as const)('%j is %i %%', (job, percent) => {
    expect(jobPercent(job)).toBe(percent)
  })

  it('knows which jobs still run', () => {
    expect(isRunning({ status: 'validating' })).toBe(true)
    expect(isRunning({ status: 'writing' })).toBe(true)
    expect(isRunning({ status: 'done' })).toBe(false)
    expect(isRunning({ status: 'failed' })).toBe(false)
  })
})
