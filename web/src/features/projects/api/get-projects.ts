import { keepPreviousData, useQuery } from '@tanstack/react-query'
import { projectListSchema } from '../../../../../common/src/api/projects.js'
import { api } from '../../../lib/api-client.js'
import { projectKeys } from './keys.js'

/** The list's query exactly as the URL carries it (the dashboard's drill-downs land here unchanged). */
export type ProjectListParams = Record<string, string>

export const getProjects = (params: ProjectListParams) => api.get('/api/projects', projectListSchema, { query: params })

export function useProjects(params: ProjectListParams) {
  return useQuery({ queryKey: [...projectKeys.list, params], queryFn: () => getProjects(params), placeholderData: keepPreviousData })
}

export const projectsExportUrl = (params: ProjectListParams) => {
  const { page: _page, pageSize: _size, ...filter } = params
  return `/api/projects/export.xlsx?${new URLSearchParams(filter)}`
}
