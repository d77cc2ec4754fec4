import { keepPreviousData, useQuery } from '@tanstack/react-query'
import { chainMapSchema } from '../../../../../common/src/api/chain.js'
import { api } from '../../../lib/api-client.js'

export interface ChainMapParams {
  chain: string
  region: string
}

export const getChainMap = (params: ChainMapParams) => api.get('/api/chain-map', chainMapSchema, { query: { ...params } })

export function useChainMap(params: ChainMapParams | null) {
  return useQuery({
    queryKey: ['chain-map', params],
    queryFn: () => getChainMap(params!),
    enabled: params !== null,
    placeholderData: keepPreviousData,
  })
}

/** The export is a plain download: the browser sends the session cookie itself. */
export function chainMapExportUrl(params: ChainMapParams): string {
  return `/api/chain-map/export.xlsx?${new URLSearchParams({ ...params }).toString()}`
}
