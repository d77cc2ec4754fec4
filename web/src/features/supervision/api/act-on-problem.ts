import { useMutation, useQueryClient } from '@tanstack/react-query'
import { problemSchema, type ProblemAction } from '../../../../../common/src/api/supervision.js'
import { api } from '../../../lib/api-client.js'
import { supervisionKeys } from './keys.js'

export const actOnProblem = (id: string, body: ProblemAction) => api.post(`/api/supervision/problems/${id}/actions`, problemSchema, body)

export function useActOnProblem() {
  const client = useQueryClient()
  return useMutation({ mutationFn: ({ id, body }: { id: string; body: ProblemAction }) => actOnProblem(id, body), onSuccess: () => client.invalidateQueries({ queryKey: supervisionKeys.all }) })
}
