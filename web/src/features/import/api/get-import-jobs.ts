import { queryOptions, useQuery } from '@tanstack/react-query'
import { importJobListSchema } from '../../../../../common/src/api/import.js'
import { api } from '../../../lib/api-client.js'

export const importJobsQueryKey = ['import', 'jobs'] as const

export const getImportJobs = () => api.get('/api/import/jobs', importJobListSchema)

export const importJobsQueryOptions = () => queryOptions({ queryKey: importJobsQueryKey, queryFn: getImportJobs })

export function useImportJobs() {
  return useQuery(importJobsQueryOptions())
}
