import { useMutation, useQueryClient } from '@tanstack/react-query'
import { z } from 'zod'
import { resetPasswordRequestSchema } from '../../../../../common/src/api/users.js'
import { api } from '../../../lib/api-client.js'
import { usersQueryKey } from './get-users.js'

export const resetPassword = ({ id, newPassword }: { id: string; newPassword: string }) =>
  api.post(
    `/api/users/${encodeURIComponent(id)}/reset-password`,
    z.object({ ok: z.literal(true) }),
    resetPasswordRequestSchema.parse({ newPassword }),
  )

export function useResetPassword() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: resetPassword,
    // the reset also unlocks the account, so the lock column changes
    onSuccess: () => queryClient.invalidateQueries({ queryKey: usersQueryKey }),
  })
}
