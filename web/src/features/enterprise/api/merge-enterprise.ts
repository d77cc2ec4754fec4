import { useMutation, useQueryClient } from '@tanstack/react-query'
import { enterpriseDetailSchema } from '../../../../../common/src/api/enterprise.js'
import { api } from '../../../lib/api-client.js'
import { enterpriseKeys } from './keys.js'

export const mergeEnterprise = ({ id, duplicateId }: { id: string; duplicateId: string }) =>
  api.post(`/api/enterprises/${encodeURIComponent(id)}/merge`, enterpriseDetailSchema, { duplicateId })

export function useMergeEnterprise() {
  const queryClient = useQueryClient()
  return useMutation({ mutationFn: mergeEnterprise, onSuccess: () => queryClient.invalidateQueries({ queryKey: enterpriseKeys.all }) })
}
