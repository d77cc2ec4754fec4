import { keepPreviousData, useQuery } from '@tanstack/react-query'
import { chainLeaderListSchema, type ChainLeaderQuery } from '../../../../../common/src/api/lists.js'
import { api } from '../../../lib/api-client.js'
import { listsKeys } from './keys.js'

export type ChainLeaderParams = Partial<ChainLeaderQuery> & { page: number; pageSize: number }

export const getChainLeaders = (params: ChainLeaderParams) => api.get('/api/lists/chain-leaders', chainLeaderListSchema, { query: { ...params } })

export function useChainLeaders(params: ChainLeaderParams) {
  return useQuery({ queryKey: [...listsKeys.leaders, params], queryFn: () => getChainLeaders(params), placeholderData: keepPreviousData })
}
