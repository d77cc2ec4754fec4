import { useMutation, useQueryClient } from '@tanstack/react-query'
import { leadDetailSchema, leadFromTargetSchema, type LeadFromTarget } from '../../../../../common/src/api/leads.js'
import { apiRequest } from '../../../lib/api-client.js'

// A lead opened from a candidate goes through its new target list entry, which keeps the reason and the score.
export const openLeadFromTarget = (body: LeadFromTarget) =>
  apiRequest('/api/leads/from-target', leadDetailSchema, { method: 'POST', body: leadFromTargetSchema.parse(body) })

export function useOpenLeadFromTarget() {
  const queryClient = useQueryClient()
  return useMutation({ mutationFn: openLeadFromTarget, onSuccess: () => queryClient.invalidateQueries({ queryKey: ['leads'] }) })
}
