import { useMutation, useQueryClient } from '@tanstack/react-query'
import { chainVersionSummarySchema } from '../../../../../common/src/api/chain.js'
import { api } from '../../../lib/api-client.js'
import { editableChainQueryKey } from './get-editable-chain.js'
import { chainVersionsQueryKey } from './get-chain-versions.js'

export const publishChain = ({ chain, note }: { chain: string; note: string }) =>
  api.post(`/api/chains/${encodeURIComponent(chain)}/publish`, chainVersionSummarySchema, { note })

export function usePublishChain() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: publishChain,
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: editableChainQueryKey })
      void queryClient.invalidateQueries({ queryKey: chainVersionsQueryKey })
    },
  })
}
