import { useMutation, useQueryClient } from '@tanstack/react-query'
import { createUserRequestSchema, userSchema, type CreateUserRequest } from '../../../../../common/src/api/users.js'
import { api } from '../../../lib/api-client.js'
import { usersQueryKey } from './get-users.js'

export const createUser = (input: CreateUserRequest) => api.post('/api/users', userSchema, createUserRequestSchema.parse(input))

export function useCreateUser() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: createUser,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: usersQueryKey }),
  })
}
