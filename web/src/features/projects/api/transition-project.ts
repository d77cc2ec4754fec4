import { useMutation, useQueryClient } from '@tanstack/react-query'
import { projectDetailSchema, type Transition } from '../../../../../common/src/api/projects.js'
import { api } from '../../../lib/api-client.js'
import { projectKeys } from './keys.js'

export const transitionProject = (id: string, body: Transition) => api.post(`/api/projects/${id}/transition`, projectDetailSchema, body)

export function useTransitionProject(id: string) {
  const client = useQueryClient()
  return useMutation({
    mutationFn: (body: Transition) => transitionProject(id, body),
    onSuccess: () => client.invalidateQueries({ queryKey: projectKeys.all }),
  })
}
