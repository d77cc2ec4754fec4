import { keepPreviousData, useQuery } from '@tanstack/react-query'
import { candidatesResponseSchema } from '../../../../../common/src/api/targeting.js'
import { api } from '../../../lib/api-client.js'

export interface CandidatesParams {
  region: string
  chain: string
  limit: number
  offset: number
}

export const candidatesQueryKey = ['targeting', 'candidates'] as const

export const getCandidates = (params: CandidatesParams) =>
  api.get('/api/targeting/candidates', candidatesResponseSchema, { query: { ...params } })

export function useCandidates(params: CandidatesParams | null) {
  return useQuery({
    queryKey: [...candidatesQueryKey, params],
    queryFn: () => getCandidates(params!),
    enabled: params !== null,
    placeholderData: keepPreviousData,
  })
}
