import { useMutation, useQueryClient } from '@tanstack/react-query'
import { z } from 'zod'
import { apiRequest } from '../../../lib/api-client.js'
import { projectKeys } from './keys.js'

export const deleteView = (id: string) => apiRequest(`/api/projects/views/${id}`, z.object({ ok: z.literal(true) }), { method: 'DELETE' })

export function useDeleteView() {
  const client = useQueryClient()
  return useMutation({ mutationFn: deleteView, onSuccess: () => client.invalidateQueries({ queryKey: projectKeys.views }) })
}
