import { useMutation, useQueryClient } from '@tanstack/react-query'
import { createTargetSchema, targetSchema, type CreateTarget } from '../../../../../common/src/api/lists.js'
import { api } from '../../../lib/api-client.js'
import { listsKeys } from './keys.js'

export const createTarget = (input: CreateTarget) => api.post('/api/lists/targets', targetSchema, createTargetSchema.parse(input))

export function useCreateTarget() {
  const queryClient = useQueryClient()
  return useMutation({ mutationFn: createTarget, onSuccess: () => queryClient.invalidateQueries({ queryKey: listsKeys.targets }) })
}
