import { useMutation, useQueryClient } from '@tanstack/react-query'
import { editableChainSchema, updateSegmentRequestSchema, type UpdateSegmentRequest } from '../../../../../common/src/api/chain.js'
import { api } from '../../../lib/api-client.js'
import { chainPath, storeEditedChain } from './chain-edit-cache.js'

/** Rename, move (parent, stage, position) or change the industry codes and keywords of a segment. */
export const updateSegment = ({ chain, code, changes }: { chain: string; code: string; changes: UpdateSegmentRequest }) =>
  api.patch(`${chainPath(chain)}/segments/${encodeURIComponent(code)}`, editableChainSchema, updateSegmentRequestSchema.parse(changes))

export function useUpdateSegment() {
  const queryClient = useQueryClient()
  return useMutation({ mutationFn: updateSegment, onSuccess: (chain) => storeEditedChain(queryClient, chain) })
}
