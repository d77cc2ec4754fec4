import { queryOptions, useQuery } from '@tanstack/react-query'
import { chainCatalogSchema } from '../../../../../common/src/api/reference.js'
import { api } from '../../../lib/api-client.js'

// same endpoint and cache key as the other pages' chain pickers: one request per session
export const getChainCatalog = () => api.get('/api/reference/chains', chainCatalogSchema)

export function useChainCatalog() {
  return useQuery(queryOptions({ queryKey: ['reference', 'chains'], queryFn: getChainCatalog, staleTime: 5 * 60_000 }))
}
