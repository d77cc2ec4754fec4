import { queryOptions, useQuery } from '@tanstack/react-query'
import { importJobListSchema, type ImportJobList } from '../../../../../common/src/api/import.js'
import { api } from '../../../lib/api-client.js'
import { isRunning } from '../job-progress.js'

export const importJobsQueryKey = ['import', 'jobs'] as const

export const getImportJobs = () => api.get('/api/import/jobs', importJobListSchema)

/** Refreshes every two seconds while one of the listed jobs still runs. */
export const importJobsQueryOptions = () =>
  queryOptions({
    queryKey: importJobsQueryKey,
    queryFn: getImportJobs,
    refetchInterval: (query) => ((query.state.data as ImportJobList | undefined)?.items.some(isRunning) ? 2000 : false),
  })

export function useImportJobs() {
  return useQuery(importJobsQueryOptions())
}
