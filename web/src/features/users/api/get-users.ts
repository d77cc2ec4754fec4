import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query'
import { userListSchema } from '../../../../../common/src/api/users.js'
import type { Role } from '../../../../../common/src/roles.js'
import { api } from '../../../lib/api-client.js'

export interface UserListParams {
  q?: string
  role?: Role
  page: number
  pageSize: number
}

export const usersQueryKey = ['users'] as const

export const getUsers = (params: UserListParams) => api.get('/api/users', userListSchema, { query: { ...params } })

export const usersQueryOptions = (params: UserListParams) =>
  queryOptions({ queryKey: [...usersQueryKey, params], queryFn: () => getUsers(params), placeholderData: keepPreviousData })

export function useUsers(params: UserListParams) {
  return useQuery(usersQueryOptions(params))
}
