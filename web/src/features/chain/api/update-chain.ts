import { useMutation, useQueryClient } from '@tanstack/react-query'
import { editableChainSchema, updateChainRequestSchema, type UpdateChainRequest } from '../../../../../common/src/api/chain.js'
import { api } from '../../../lib/api-client.js'
import { chainPath, storeEditedChain } from './chain-edit-cache.js'

export const updateChain = ({ chain, changes }: { chain: string; changes: UpdateChainRequest }) =>
  api.patch(chainPath(chain), editableChainSchema, updateChainRequestSchema.parse(changes))

export function useUpdateChain() {
  const queryClient = useQueryClient()
  return useMutation({ mutationFn: updateChain, onSuccess: (chain) => storeEditedChain(queryClient, chain) })
}
