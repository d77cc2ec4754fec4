import { useMutation, useQueryClient } from '@tanstack/react-query'
import { problemSchema, type CreateProblem } from '../../../../../common/src/api/supervision.js'
import { api } from '../../../lib/api-client.js'
import { supervisionKeys } from './keys.js'

export const raiseProblem = (projectId: string, body: CreateProblem) => api.post(`/api/supervision/projects/${projectId}/problems`, problemSchema, body)

export function useRaiseProblem(projectId: string) {
  const client = useQueryClient()
  return useMutation({ mutationFn: (body: CreateProblem) => raiseProblem(projectId, body), onSuccess: () => client.invalidateQueries({ queryKey: supervisionKeys.all }) })
}
