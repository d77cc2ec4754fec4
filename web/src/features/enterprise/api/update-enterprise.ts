import { useMutation, useQueryClient } from '@tanstack/react-query'
import { enterpriseDetailSchema, type UpdateEnterpriseRequest } from '../../../../../common/src/api/enterprise.js'
import { api } from '../../../lib/api-client.js'
import { enterpriseKeys } from './keys.js'

export const updateEnterprise = ({ id, changes }: { id: string; changes: UpdateEnterpriseRequest }) =>
  api.patch(`/api/enterprises/${encodeURIComponent(id)}`, enterpriseDetailSchema, changes)

export function useUpdateEnterprise() {
  const queryClient = useQueryClient()
  return useMutation({ mutationFn: updateEnterprise, onSuccess: () => queryClient.invalidateQueries({ queryKey: enterpriseKeys.all }) })
}
