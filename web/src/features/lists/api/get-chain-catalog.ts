import { useQuery } from '@tanstack/react-query'
import { chainCatalogSchema } from '../../../../../common/src/api/reference.js'
import { api } from '../../../lib/api-client.js'

export const getChainCatalog = () => api.get('/api/reference/chains', chainCatalogSchema)

export function useChainCatalog() {
  return useQuery({ queryKey: ['reference', 'chains'], queryFn: getChainCatalog, staleTime: 10 * 60_000 })
}
