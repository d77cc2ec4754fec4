import { useQuery } from '@tanstack/react-query'
import { meSchema } from '../../../../../common/src/api/auth.js'
import { api } from '../../../lib/api-client.js'

// the signed-in user decides the default region and the actions offered; same cache key as the app's session query
export const getSessionUser = () => api.get('/api/auth/me', meSchema)

export function useSessionUser() {
  return useQuery({ queryKey: ['auth', 'me'], queryFn: getSessionUser, staleTime: Infinity })
}
