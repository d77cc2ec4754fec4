import { useMutation, useQueryClient } from '@tanstack/react-query'
import { targetSchema, updateTargetSchema, type UpdateTarget } from '../../../../../common/src/api/lists.js'
import { api } from '../../../lib/api-client.js'
import { listsKeys } from './keys.js'

export const updateTarget = ({ id, changes }: { id: string; changes: UpdateTarget }) =>
  api.patch(`/api/lists/targets/${encodeURIComponent(id)}`, targetSchema, updateTargetSchema.parse(changes))

export function useUpdateTarget() {
  const queryClient = useQueryClient()
  return useMutation({ mutationFn: updateTarget, onSuccess: () => queryClient.invalidateQueries({ queryKey: ['lists'] }) })
}
