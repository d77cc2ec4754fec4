import { useMutation, useQueryClient } from '@tanstack/react-query'
import { putWeightsRequestSchema, weightsSetSchema, type PutWeightsRequest } from '../../../../../common/src/api/targeting.js'
import { apiRequest } from '../../../lib/api-client.js'
import { candidatesQueryKey } from './get-candidates.js'
import { weightsQueryKey } from './get-weights.js'

export const putWeights = (chain: string, body: PutWeightsRequest) =>
  apiRequest(`/api/targeting/weights/${encodeURIComponent(chain)}`, weightsSetSchema, { method: 'PUT', body: putWeightsRequestSchema.parse(body) })

export function usePutWeights(chain: string | null) {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (body: PutWeightsRequest) => putWeights(chain!, body),
    onSuccess: async (saved) => {
      queryClient.setQueryData(weightsQueryKey(chain), saved)
      await queryClient.invalidateQueries({ queryKey: candidatesQueryKey })
    },
  })
}
