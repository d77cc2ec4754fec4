import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query'
import { auditListSchema } from '../../../../../common/src/api/audit.js'
import { api } from '../../../lib/api-client.js'
import type { AuditQuery } from '../audit-filters.js'

export const auditQueryKey = ['audit'] as const

export const getAudit = (query: AuditQuery) => api.get('/api/audit', auditListSchema, { query: { ...query } })

export const auditQueryOptions = (query: AuditQuery) =>
  queryOptions({ queryKey: [...auditQueryKey, 'list', query], queryFn: () => getAudit(query), placeholderData: keepPreviousData })

export function useAudit(query: AuditQuery) {
  return useQuery(auditQueryOptions(query))
}
