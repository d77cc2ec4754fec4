import { useQuery } from '@tanstack/react-query'
import { chainVersionListSchema } from '../../../../../common/src/api/chain.js'
import { api } from '../../../lib/api-client.js'

export const chainVersionsQueryKey = ['chains', 'versions'] as const

export const getChainVersions = (code: string) => api.get(`/api/chains/${encodeURIComponent(code)}/versions`, chainVersionListSchema)

export function useChainVersions(code: string | null) {
  return useQuery({ queryKey: [...chainVersionsQueryKey, code], queryFn: () => getChainVersions(code!), enabled: code !== null })
}
