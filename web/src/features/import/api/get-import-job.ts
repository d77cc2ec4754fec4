import { queryOptions, useQuery } from '@tanstack/react-query'
import { importJobDetailSchema, type ImportJobDetail } from '../../../../../common/src/api/import.js'
import { api } from '../../../lib/api-client.js'
import { isRunning } from '../job-progress.js'

export const importJobQueryKey = (id: string) => ['import', 'job', id] as const

export const getImportJob = (id: string) => api.get(`/api/import/jobs/${encodeURIComponent(id)}`, importJobDetailSchema)

/** Polls once a second while the job validates or writes; stops when it is done or failed. */
export const importJobQueryOptions = (id: string) =>
  queryOptions({
    queryKey: importJobQueryKey(id),
    queryFn: () => getImportJob(id),
    refetchInterval: (query) => {
      const job = query.state.data as ImportJobDetail | undefined
      return !job || isRunning(job) ? 1000 : false
    },
  })

export function useImportJob(id: string | null) {
  return useQuery({ ...importJobQueryOptions(id ?? ''), enabled: id !== null })
}

/** Plain downloads: the browser sends the session cookie with the link itself. */
export const importTemplateUrl = (kind: string) => `/api/import/templates/${kind}.xlsx`
export const importErrorsUrl = (id: string) => `/api/import/jobs/${encodeURIComponent(id)}/errors.xlsx`
