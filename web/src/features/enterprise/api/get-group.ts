import { useQuery } from '@tanstack/react-query'
import { enterpriseGroupSchema } from '../../../../../common/src/api/enterprise.js'
import { api } from '../../../lib/api-client.js'
import { enterpriseKeys } from './keys.js'

export const getEnterpriseGroup = (id: string) => api.get(`/api/enterprises/${encodeURIComponent(id)}/group`, enterpriseGroupSchema)

export function useEnterpriseGroup(id: string) {
  return useQuery({ queryKey: enterpriseKeys.group(id), queryFn: () => getEnterpriseGroup(id) })
}
