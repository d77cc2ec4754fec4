import { useQuery } from '@tanstack/react-query'
import { checklistSchema } from '../../../../../common/src/api/projects.js'
import { api } from '../../../lib/api-client.js'
import { projectKeys } from './keys.js'

export const getChecklist = (id: string) => api.get(`/api/projects/${id}/checklist`, checklistSchema)

export function useChecklist(id: string) {
  return useQuery({ queryKey: projectKeys.checklist(id), queryFn: () => getChecklist(id) })
}
