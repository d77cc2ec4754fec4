import { useQuery } from '@tanstack/react-query'
import { projectDetailSchema } from '../../../../../common/src/api/projects.js'
import { api } from '../../../lib/api-client.js'
import { projectKeys } from './keys.js'

export const getProject = (id: string) => api.get(`/api/projects/${id}`, projectDetailSchema)

export function useProject(id: string) {
  return useQuery({ queryKey: projectKeys.detail(id), queryFn: () => getProject(id) })
}
