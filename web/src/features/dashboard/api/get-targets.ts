import { useQuery } from '@tanstack/react-query'
import { annualTargetListSchema } from '../../../../../common/src/api/projects.js'
import { api } from '../../../lib/api-client.js'

export const getAnnualTargets = (year: number) => api.get('/api/projects/targets', annualTargetListSchema, { query: { year } })

export function useAnnualTargets(year: number, enabled: boolean) {
  return useQuery({ queryKey: ['dashboard', 'targets', year], queryFn: () => getAnnualTargets(year), enabled })
}
