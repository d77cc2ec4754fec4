import { useMutation, useQueryClient } from '@tanstack/react-query'
import { proposeResultSchema } from '../../../../../common/src/api/lists.js'
import { api } from '../../../lib/api-client.js'
import { listsKeys } from './keys.js'

export const proposeChainLeaders = (chain: string) => api.post('/api/lists/chain-leaders/propose', proposeResultSchema, { chain })

export function useProposeChainLeaders() {
  const queryClient = useQueryClient()
  return useMutation({ mutationFn: proposeChainLeaders, onSuccess: () => queryClient.invalidateQueries({ queryKey: listsKeys.leaders }) })
}
