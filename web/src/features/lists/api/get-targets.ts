import { keepPreviousData, useQuery } from '@tanstack/react-query'
import { targetListSchema, type TargetQuery } from '../../../../../common/src/api/lists.js'
import { api } from '../../../lib/api-client.js'
import { listsKeys } from './keys.js'

export type TargetParams = Partial<TargetQuery> & { page: number; pageSize: number }

export const getTargets = (params: TargetParams) => api.get('/api/lists/targets', targetListSchema, { query: { ...params } })

export function useTargets(params: TargetParams) {
  return useQuery({ queryKey: [...listsKeys.targets, params], queryFn: () => getTargets(params), placeholderData: keepPreviousData })
}
