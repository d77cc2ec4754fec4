import { useMutation, useQueryClient } from '@tanstack/react-query'
import { createSegmentRequestSchema, editableChainSchema, type CreateSegmentRequest } from '../../../../../common/src/api/chain.js'
import { api } from '../../../lib/api-client.js'
import { chainPath, storeEditedChain } from './chain-edit-cache.js'

export const createSegment = ({ chain, segment }: { chain: string; segment: CreateSegmentRequest }) =>
  api.post(`${chainPath(chain)}/segments`, editableChainSchema, createSegmentRequestSchema.parse(segment))

export function useCreateSegment() {
  const queryClient = useQueryClient()
  return useMutation({ mutationFn: createSegment, onSuccess: (chain) => storeEditedChain(queryClient, chain) })
}
