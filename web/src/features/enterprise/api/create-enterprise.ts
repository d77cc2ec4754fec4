import { useMutation, useQueryClient } from '@tanstack/react-query'
import { enterpriseDetailSchema, type CreateEnterpriseRequest } from '../../../../../common/src/api/enterprise.js'
import { api } from '../../../lib/api-client.js'
import { enterpriseKeys } from './keys.js'

export const createEnterprise = (body: CreateEnterpriseRequest) => api.post('/api/enterprises', enterpriseDetailSchema, body)

export function useCreateEnterprise() {
  const queryClient = useQueryClient()
  return useMutation({ mutationFn: createEnterprise, onSuccess: () => queryClient.invalidateQueries({ queryKey: enterpriseKeys.all }) })
}
