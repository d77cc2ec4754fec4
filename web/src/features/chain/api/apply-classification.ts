import { useMutation, useQueryClient } from '@tanstack/react-query'
import { classificationRunSchema } from '../../../../../common/src/api/chain.js'
import { api } from '../../../lib/api-client.js'
import { chainPath } from './chain-edit-cache.js'
import { editableChainQueryKey } from './get-editable-chain.js'

export const applyClassification = (chain: string) => api.post(`${chainPath(chain)}/classification/apply`, classificationRunSchema)

export function useApplyClassification() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: applyClassification,
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: editableChainQueryKey })
      void queryClient.invalidateQueries({ queryKey: ['chain-map'] })
    },
  })
}
