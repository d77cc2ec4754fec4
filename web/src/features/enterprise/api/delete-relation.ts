import { useMutation, useQueryClient } from '@tanstack/react-query'
import { z } from 'zod'
import { apiRequest } from '../../../lib/api-client.js'
import { enterpriseKeys } from './keys.js'

export const deleteRelation = (id: string) =>
  apiRequest(`/api/enterprise-relations/${encodeURIComponent(id)}`, z.object({ ok: z.literal(true) }), { method: 'DELETE' })

export function useDeleteRelation() {
  const queryClient = useQueryClient()
  return useMutation({ mutationFn: deleteRelation, onSuccess: () => queryClient.invalidateQueries({ queryKey: enterpriseKeys.all }) })
}
