import { useQuery } from '@tanstack/react-query'
import { meSchema } from '../../../../../common/src/api/auth.js'
import { api } from '../../../lib/api-client.js'

// The signed-in user decides what the pages offer (city roles edit the layout guide, a district officer's map
// opens on the district). Same endpoint and cache key as the app's session query, so no extra request is made.
export const getSessionUser = () => api.get('/api/auth/me', meSchema)

export function useSessionUser() {
  return useQuery({ queryKey: ['auth', 'me'], queryFn: getSessionUser, staleTime: Infinity })
}
