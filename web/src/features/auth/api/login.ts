import { useMutation, useQueryClient } from '@tanstack/react-query'
import type { z } from 'zod'
import { loginRequestSchema, meSchema, type Me } from '../../../../../common/src/api/auth.js'
import { api } from '../../../lib/api-client.js'
import { meQueryKey } from './get-me.js'

export type LoginInput = z.infer<typeof loginRequestSchema>

export function login(input: LoginInput): Promise<Me> {
  // a wrong password answers 401 too: that is the login's own error, not an expired session
  return api.post('/api/auth/login', meSchema, loginRequestSchema.parse(input), { ignoreUnauthorized: true })
}

export function useLogin() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: login,
    onSuccess: (me) => {
      // nothing cached for a previous user may survive a new sign-in
      queryClient.clear()
      queryClient.setQueryData(meQueryKey, me)
    },
  })
}
