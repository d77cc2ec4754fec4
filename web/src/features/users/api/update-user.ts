import { useMutation, useQueryClient } from '@tanstack/react-query'
import { updateUserRequestSchema, userSchema, type UpdateUserRequest } from '../../../../../common/src/api/users.js'
import { api } from '../../../lib/api-client.js'
import { usersQueryKey } from './get-users.js'

export const updateUser = ({ id, changes }: { id: string; changes: UpdateUserRequest }) =>
  api.patch(`/api/users/${encodeURIComponent(id)}`, userSchema, updateUserRequestSchema.parse(changes))

export function useUpdateUser() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: updateUser,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: usersQueryKey }),
  })
}
