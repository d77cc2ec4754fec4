import { keepPreviousData, useQuery } from '@tanstack/react-query'
import { enterpriseGraphSchema } from '../../../../../common/src/api/enterprise.js'
import { api } from '../../../lib/api-client.js'
import { enterpriseKeys } from './keys.js'

export interface GraphParams {
  depth: number
  direction: 'up' | 'down' | 'both'
  kinds?: string
}

export const getGraph = (id: string, params: GraphParams) =>
  api.get(`/api/enterprises/${encodeURIComponent(id)}/graph`, enterpriseGraphSchema, { query: { ...params } })

export function useGraph(id: string, params: GraphParams) {
  return useQuery({ queryKey: enterpriseKeys.graph(id, params), queryFn: () => getGraph(id, params), placeholderData: keepPreviousData })
}
