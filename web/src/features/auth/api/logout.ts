import { useMutation, useQueryClient } from '@tanstack/react-query'
import { z } from 'zod'
import { api } from '../../../lib/api-client.js'
import { forgetSession } from './get-me.js'

export function logout() {
  return api.post('/api/auth/logout', z.object({ ok: z.literal(true) }), {}, { ignoreUnauthorized: true })
}

/**
 * `onSignedOut` runs right after the cache forgets the user and before the cache tells the pages;
 * a caller that navigates there (synchronously, flushSync) reaches /login before the auth guard
 * would remember the current page as the place to return to, which is for expired sessions only.
 */
export function useLogout({ onSignedOut }: { onSignedOut?: () => void } = {}) {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: logout,
    // signed out locally even when the server already forgot the session
    onSettled: () => {
      forgetSession(queryClient)
      onSignedOut?.()
    },
  })
}
