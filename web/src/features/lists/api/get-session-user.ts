import { useQuery } from '@tanstack/react-query'
import { meSchema } from '../../../../../common/src/api/auth.js'
import { api } from '../../../lib/api-client.js'

// Same endpoint and cache key as the app's session query: the role decides which actions the lists offer.
export const getSessionUser = () => api.get('/api/auth/me', meSchema)

export function useSessionUser() {
  return useQuery({ queryKey: ['auth', 'me'], queryFn: getSessionUser, staleTime: Infinity })
}
