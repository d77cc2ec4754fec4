import { useQuery } from '@tanstack/react-query'
import { enterpriseDetailSchema } from '../../../../../common/src/api/enterprise.js'
import { api } from '../../../lib/api-client.js'
import { enterpriseKeys } from './keys.js'

export const getEnterprise = (id: string) => api.get(`/api/enterprises/${encodeURIComponent(id)}`, enterpriseDetailSchema)

export function useEnterprise(id: string) {
  return useQuery({ queryKey: enterpriseKeys.detail(id), queryFn: () => getEnterprise(id) })
}
