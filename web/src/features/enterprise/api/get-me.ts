import { useQuery } from '@tanstack/react-query'
import { meSchema } from '../../../../../common/src/api/auth.js'
import { api, ApiError } from '../../../lib/api-client.js'

// Same key and answer as the auth feature's query, so this reads the cached session (features do not import each other).
export function useCurrentUser() {
  return useQuery({
    queryKey: ['auth', 'me'],
    queryFn: async () => {
      try {
        return await api.get('/api/auth/me', meSchema, { ignoreUnauthorized: true })
      } catch (error) {
        if (error instanceof ApiError && error.status === 401) return null
        throw error
      }
    },
    staleTime: Infinity,
  })
}
