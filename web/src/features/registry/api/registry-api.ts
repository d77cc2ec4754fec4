import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import {
  attemptListSchema,
  reportListSchema,
  reportReviewSchema,
  reportSchema,
  rightListSchema,
  rightSchema,
  type ReportDecision,
} from '../../../../../common/src/api/registry.js'
import { api } from '../../../lib/api-client.js'

export const registryKeys = { all: ['registry'] as const }

export interface PageParams {
  status?: string | undefined
  region?: string | undefined
  page: number
  pageSize: number
}

export const useReports = (params: PageParams) =>
  useQuery({ queryKey: ['registry', 'reports', params], queryFn: () => api.get('/api/registry/reports', reportListSchema, { query: { ...params } }), placeholderData: keepPreviousData })

export const useReview = (id: string | null) =>
  useQuery({ queryKey: ['registry', 'review', id], queryFn: () => api.get(`/api/registry/reports/${id}/review`, reportReviewSchema), enabled: id !== null })

export const useRights = (params: PageParams) =>
  useQuery({ queryKey: ['registry', 'rights', params], queryFn: () => api.get('/api/registry/rights', rightListSchema, { query: { ...params } }), placeholderData: keepPreviousData })

export const useAttempts = (params: { page: number; pageSize: number }, enabled: boolean) =>
  useQuery({ queryKey: ['registry', 'attempts', params], queryFn: () => api.get('/api/registry/attempts', attemptListSchema, { query: { ...params } }), enabled })

function useRegistryMutation<I, O>(fn: (input: I) => Promise<O>) {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: fn,
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: registryKeys.all })
      await queryClient.invalidateQueries({ queryKey: ['leads'] })
      await queryClient.invalidateQueries({ queryKey: ['notifications'] })
    },
  })
}

export const useDecide = () => useRegistryMutation(({ id, decision }: { id: string; decision: ReportDecision }) => api.post(`/api/registry/reports/${id}/decision`, reportSchema, decision))

export const useChangeRight = () =>
  useRegistryMutation(({ id, change, version, reason }: { id: string; change: 'renew' | 'release' | 'revoke'; version: number; reason: string }) =>
    api.post(`/api/registry/rights/${id}/${change}`, rightSchema, { version, reason }),
  )
