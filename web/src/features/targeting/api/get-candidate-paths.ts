import { useQuery } from '@tanstack/react-query'
import { pathsResponseSchema } from '../../../../../common/src/api/targeting.js'
import { api } from '../../../lib/api-client.js'

export const getCandidatePaths = (enterpriseId: string, region: string) =>
  api.get(`/api/targeting/candidates/${encodeURIComponent(enterpriseId)}/paths`, pathsResponseSchema, { query: { region } })

export function useCandidatePaths(enterpriseId: string | null, region: string | null) {
  return useQuery({
    queryKey: ['targeting', 'paths', enterpriseId, region],
    queryFn: () => getCandidatePaths(enterpriseId!, region!),
    enabled: enterpriseId !== null && region !== null,
    staleTime: 60_000,
  })
}
