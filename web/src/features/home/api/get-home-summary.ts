import { queryOptions, useQuery } from '@tanstack/react-query'
import { homeSummarySchema } from '../../../../../common/src/api/home.js'
import { api } from '../../../lib/api-client.js'

export const getHomeSummary = () => api.get('/api/home/summary', homeSummarySchema)

export const homeSummaryQueryOptions = () => queryOptions({ queryKey: ['home', 'summary'], queryFn: getHomeSummary })

export function useHomeSummary() {
  return useQuery(homeSummaryQueryOptions())
}
