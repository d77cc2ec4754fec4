import { useQuery } from '@tanstack/react-query'
import { relationListSchema } from '../../../../../common/src/api/enterprise.js'
import { api } from '../../../lib/api-client.js'
import { enterpriseKeys } from './keys.js'

export const getRelations = (id: string) => api.get(`/api/enterprises/${encodeURIComponent(id)}/relations`, relationListSchema)

export function useRelations(id: string) {
  return useQuery({ queryKey: enterpriseKeys.relations(id), queryFn: () => getRelations(id) })
}
