import { useQuery } from '@tanstack/react-query'
import { projectEventListSchema } from '../../../../../common/src/api/projects.js'
import { api } from '../../../lib/api-client.js'
import { projectKeys } from './keys.js'

export const getProjectEvents = (id: string) => api.get(`/api/projects/${id}/events`, projectEventListSchema, { query: { pageSize: 200 } })

export function useProjectEvents(id: string) {
  return useQuery({ queryKey: projectKeys.events(id), queryFn: () => getProjectEvents(id) })
}
