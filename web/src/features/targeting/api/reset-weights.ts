import { useMutation, useQueryClient } from '@tanstack/react-query'
import { weightsSetSchema } from '../../../../../common/src/api/targeting.js'
import { apiRequest } from '../../../lib/api-client.js'
import { candidatesQueryKey } from './get-candidates.js'
import { weightsQueryKey } from './get-weights.js'

export const resetWeights = (chain: string) =>
  apiRequest(`/api/targeting/weights/${encodeURIComponent(chain)}`, weightsSetSchema, { method: 'DELETE' })

export function useResetWeights(chain: string | null) {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: () => resetWeights(chain!),
    onSuccess: async (saved) => {
      queryClient.setQueryData(weightsQueryKey(chain), saved)
      await queryClient.invalidateQueries({ queryKey: candidatesQueryKey })
    },
  })
}
