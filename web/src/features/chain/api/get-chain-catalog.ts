import { queryOptions, useQuery } from '@tanstack/react-query'
import { chainCatalogSchema } from '../../../../../common/src/api/reference.js'
import { api } from '../../../lib/api-client.js'

export const chainCatalogQueryKey = ['reference', 'chains'] as const

export const getChainCatalog = () => api.get('/api/reference/chains', chainCatalogSchema)

export function useChainCatalog() {
  return useQuery(queryOptions({ queryKey: chainCatalogQueryKey, queryFn: getChainCatalog, staleTime: 5 * 60_000 }))
}
