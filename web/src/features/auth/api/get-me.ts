import { queryOptions, useQuery, type QueryClient } from '@tanstack/react-query'
import { meSchema, type Me } from '../../../../../common/src/api/auth.js'
import { api, ApiError } from '../../../lib/api-client.js'

export const meQueryKey = ['auth', 'me'] as const

/** The signed-in user, or null when there is no valid session (401 is an answer here, not a failure). */
export async function getMe(): Promise<Me | null> {
  try {
    return await api.get('/api/auth/me', meSchema, { ignoreUnauthorized: true })
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) return null
    throw error
  }
}

export const meQueryOptions = () => queryOptions({ queryKey: meQueryKey, queryFn: getMe, staleTime: Infinity })

export function useMe() {
  return useQuery(meQueryOptions())
}

/**
 * Signed out (by the user or by an expired session): the user becomes null first, so the guard
 * leaves the page, then every other cached answer goes, so nothing leaks to the next user.
 */
export function forgetSession(queryClient: QueryClient): void {
  queryClient.setQueryData(meQueryKey, null)
  void queryClient.cancelQueries({ predicate: (q) => q.queryKey[0] !== meQueryKey[0] })
  queryClient.removeQueries({ predicate: (q) => q.queryKey[0] !== meQueryKey[0] })
}
