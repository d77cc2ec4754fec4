import { queryOptions, useQuery } from '@tanstack/react-query'
import { z } from 'zod'
import { api } from '../../../lib/api-client.js'

export const getAuditActions = () => api.get('/api/audit/actions', z.array(z.string()))

export const auditActionsQueryOptions = () => queryOptions({ queryKey: ['audit', 'actions'], queryFn: getAuditActions })

export function useAuditActions() {
  return useQuery(auditActionsQueryOptions())
}
