import { useMutation, useQueryClient } from '@tanstack/react-query'
import { z } from 'zod'
import { changePasswordRequestSchema } from '../../../../../common/src/api/auth.js'
import { api } from '../../../lib/api-client.js'
import { meQueryKey } from './get-me.js'

export type ChangePasswordInput = z.infer<typeof changePasswordRequestSchema>

export function changePassword(input: ChangePasswordInput) {
  return api.post('/api/auth/password', z.object({ ok: z.literal(true) }), input)
}

export function useChangePassword() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: changePassword,
    // mustChangePassword is now false on the server
    onSuccess: () => queryClient.invalidateQueries({ queryKey: meQueryKey }),
  })
}
