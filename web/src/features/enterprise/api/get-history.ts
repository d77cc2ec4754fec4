import { useQuery } from '@tanstack/react-query'
import { enterpriseHistorySchema } from '../../../../../common/src/api/enterprise.js'
import { api } from '../../../lib/api-client.js'
import { enterpriseKeys } from './keys.js'

export const getEnterpriseHistory = (id: string) => api.get(`/api/enterprises/${encodeURIComponent(id)}/history`, enterpriseHistorySchema)

export function useEnterpriseHistory(id: string) {
  return useQuery({ queryKey: enterpriseKeys.history(id), queryFn: () => getEnterpriseHistory(id) })
}
