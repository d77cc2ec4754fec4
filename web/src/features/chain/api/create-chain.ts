import { useMutation, useQueryClient } from '@tanstack/react-query'
import { createChainRequestSchema, editableChainSchema, type CreateChainRequest } from '../../../../../common/src/api/chain.js'
import { api } from '../../../lib/api-client.js'
import { storeEditedChain } from './chain-edit-cache.js'

export const createChain = (chain: CreateChainRequest) => api.post('/api/chains', editableChainSchema, createChainRequestSchema.parse(chain))

export function useCreateChain() {
  const queryClient = useQueryClient()
  return useMutation({ mutationFn: createChain, onSuccess: (chain) => storeEditedChain(queryClient, chain) })
}
