import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { z } from 'zod'
import {
  createLeadSchema,
  duplicateListSchema,
  funnelSchema,
  leadCloseSchema,
  leadDetailSchema,
  leadImportResultSchema,
  leadListSchema,
  leadStepSchema,
  type CreateLead,
  type LeadChannel,
  type LeadStatus,
} from '../../../../../common/src/api/leads.js'
import { reportSchema } from '../../../../../common/src/api/registry.js'
import { api } from '../../../lib/api-client.js'

export const leadsKeys = { all: ['leads'] as const, list: ['leads', 'list'] as const, detail: ['leads', 'detail'] as const, funnel: ['leads', 'funnel'] as const }

export interface LeadParams {
  q?: string | undefined
  status?: LeadStatus | undefined
  channel?: LeadChannel | undefined
  region?: string | undefined
  overdue?: 'true' | undefined
  page: number
  pageSize: number
}

export function useLeads(params: LeadParams) {
  return useQuery({ queryKey: [...leadsKeys.list, params], queryFn: () => api.get('/api/leads', leadListSchema, { query: { ...params } }), placeholderData: keepPreviousData })
}

export function useLead(id: string | null) {
  return useQuery({ queryKey: [...leadsKeys.detail, id], queryFn: () => api.get(`/api/leads/${id}`, leadDetailSchema), enabled: id !== null })
}

export function useFunnel() {
  return useQuery({ queryKey: leadsKeys.funnel, queryFn: () => api.get('/api/leads/funnel', funnelSchema) })
}

export const checkDuplicates = (enterpriseId: string) => api.get('/api/leads/duplicates', duplicateListSchema, { query: { enterpriseId } })

function useInvalidatingMutation<I, O>(fn: (input: I) => Promise<O>) {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: fn,
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: leadsKeys.all })
      await queryClient.invalidateQueries({ queryKey: ['registry'] })
    },
  })
}

export const useCreateLead = () => useInvalidatingMutation((input: CreateLead) => api.post('/api/leads', leadDetailSchema, createLeadSchema.parse(input)))

export const useLeadStep = () =>
  useInvalidatingMutation(({ id, ...body }: z.input<typeof leadStepSchema> & { id: string }) => api.post(`/api/leads/${id}/steps`, leadDetailSchema, leadStepSchema.parse(body)))

export const useCloseLead = () =>
  useInvalidatingMutation(({ id, ...body }: z.input<typeof leadCloseSchema> & { id: string }) => api.post(`/api/leads/${id}/close`, leadDetailSchema, leadCloseSchema.parse(body)))

export const useReportLead = () => useInvalidatingMutation((input: { leadId: string; intent: string }) => api.post('/api/registry/reports', reportSchema, input))

export const useImportLeads = () =>
  useInvalidatingMutation((input: { fileName: string; contentBase64: string }) => api.post('/api/leads/import', leadImportResultSchema, input))
