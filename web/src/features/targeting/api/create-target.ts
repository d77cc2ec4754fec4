import { useMutation, useQueryClient } from '@tanstack/react-query'
import { targetSchema } from '../../../../../common/src/api/lists.js'
import { addToTargetsRequestSchema, type AddToTargetsRequest } from '../../../../../common/src/api/targeting.js'
import { apiRequest } from '../../../lib/api-client.js'

// The server ranks the candidate again and keeps its score, rank and factors with the new target list entry.
export const addCandidateToTargets = (enterpriseId: string, body: AddToTargetsRequest) =>
  apiRequest(`/api/targeting/candidates/${enterpriseId}/target`, targetSchema, { method: 'POST', body: addToTargetsRequestSchema.parse(body) })

export function useAddCandidateToTargets() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: ({ enterpriseId, body }: { enterpriseId: string; body: AddToTargetsRequest }) => addCandidateToTargets(enterpriseId, body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['lists'] }),
  })
}
