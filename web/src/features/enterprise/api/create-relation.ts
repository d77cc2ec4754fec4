import { useMutation, useQueryClient } from '@tanstack/react-query'
import { relationSchema, type CreateRelationRequest } from '../../../../../common/src/api/enterprise.js'
import { api } from '../../../lib/api-client.js'
import { enterpriseKeys } from './keys.js'

export const createRelation = (body: CreateRelationRequest) => api.post('/api/enterprise-relations', relationSchema, body)

export function useCreateRelation() {
  const queryClient = useQueryClient()
  return useMutation({ mutationFn: createRelation, onSuccess: () => queryClient.invalidateQueries({ queryKey: enterpriseKeys.all }) })
}
