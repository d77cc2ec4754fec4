import { useMutation, useQueryClient } from '@tanstack/react-query'
import { chainLeaderSchema, type ChainLeaderDecision } from '../../../../../common/src/api/lists.js'
import { api } from '../../../lib/api-client.js'
import { listsKeys } from './keys.js'

export const decideChainLeader = ({ key, decision }: { key: string; decision: ChainLeaderDecision }) =>
  api.post(`/api/lists/chain-leaders/${encodeURIComponent(key)}/decision`, chainLeaderSchema, decision)

export function useDecideChainLeader() {
  const queryClient = useQueryClient()
  return useMutation({ mutationFn: decideChainLeader, onSuccess: () => queryClient.invalidateQueries({ queryKey: ['lists'] }) })
}
