import type { ImportJob } from '../../../../common/src/api/import.js'

export const isRunning = (job: Pick<ImportJob, 'status'>) => job.status === 'validating' || job.status === 'writing'

/**
 * The bar's percentage: validating counts checked rows (0-50 %), writing counts written rows
 * (50-100 %); a finished job is full. Writing on PGlite reports no count, so it stays at 50 %
 * with the bar animated.
 */
export function jobPercent(job: Pick<ImportJob, 'status' | 'totalRows' | 'processedRows' | 'writtenRows'>): number {
  const share = (part: number) => (job.totalRows > 0 ? Math.min(1, part / job.totalRows) : 0)
  switch (job.status) {
    case 'validating':
      return Math.floor(share(job.processedRows) * 50)
    case 'writing':
      return 50 + Math.floor(share(job.writtenRows) * 49)
    case 'done':
    case 'failed':
      return 100
  }
}
