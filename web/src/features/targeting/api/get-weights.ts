import { useQuery } from '@tanstack/react-query'
import { weightsSetSchema } from '../../../../../common/src/api/targeting.js'
import { api } from '../../../lib/api-client.js'

export const weightsQueryKey = (chain: string | null) => ['targeting', 'weights', chain] as const

export const getWeights = (chain: string) => api.get(`/api/targeting/weights/${encodeURIComponent(chain)}`, weightsSetSchema)

export function useWeights(chain: string | null, enabled = true) {
  return useQuery({ queryKey: weightsQueryKey(chain), queryFn: () => getWeights(chain!), enabled: enabled && chain !== null })
}
