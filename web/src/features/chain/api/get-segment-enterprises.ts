import { keepPreviousData, useQuery } from '@tanstack/react-query'
import { segmentEnterpriseListSchema } from '../../../../../common/src/api/chain.js'
import { api } from '../../../lib/api-client.js'

export interface SegmentEnterprisesParams {
  chain: string
  region: string
  segment: string
  page: number
  pageSize: number
}

export const getSegmentEnterprises = (params: SegmentEnterprisesParams) =>
  api.get('/api/chain-map/segment-enterprises', segmentEnterpriseListSchema, { query: { ...params } })

export function useSegmentEnterprises(params: SegmentEnterprisesParams | null) {
  return useQuery({
    queryKey: ['chain-map', 'segment-enterprises', params],
    queryFn: () => getSegmentEnterprises(params!),
    enabled: params !== null,
    placeholderData: keepPreviousData,
  })
}
