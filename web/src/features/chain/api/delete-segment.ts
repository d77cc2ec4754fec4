import { useMutation, useQueryClient } from '@tanstack/react-query'
import { editableChainSchema } from '../../../../../common/src/api/chain.js'
import { apiRequest } from '../../../lib/api-client.js'
import { chainPath, storeEditedChain } from './chain-edit-cache.js'

/** Refused (409) while enterprises sit in the segment, unless `moveTo` names where they go. */
export const deleteSegment = ({ chain, code, moveTo }: { chain: string; code: string; moveTo?: string }) =>
  apiRequest(`${chainPath(chain)}/segments/${encodeURIComponent(code)}`, editableChainSchema, { method: 'DELETE', query: { moveTo } })

export function useDeleteSegment() {
  const queryClient = useQueryClient()
  return useMutation({ mutationFn: deleteSegment, onSuccess: (chain) => storeEditedChain(queryClient, chain) })
}
