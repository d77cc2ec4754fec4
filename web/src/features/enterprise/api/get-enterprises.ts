import { keepPreviousData, useQuery } from '@tanstack/react-query'
import { enterpriseListSchema, type EnterpriseListQuery } from '../../../../../common/src/api/enterprise.js'
import { api } from '../../../lib/api-client.js'
import { enterpriseKeys } from './keys.js'

export const getEnterprises = (params: EnterpriseListQuery) => api.get('/api/enterprises', enterpriseListSchema, { query: { ...params } })

export function useEnterprises(params: EnterpriseListQuery) {
  return useQuery({ queryKey: enterpriseKeys.list(params), queryFn: () => getEnterprises(params), placeholderData: keepPreviousData })
}
