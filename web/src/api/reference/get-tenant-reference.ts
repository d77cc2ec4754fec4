// Reference data is read by several features (scope pickers now; enterprises, leads, projects later),
// so its operations live here, outside any one feature.
import { queryOptions, useQuery } from '@tanstack/react-query'
import { tenantReferenceSchema } from '../../../../common/src/api/reference.js'
import { api } from '../../lib/api-client.js'

export const getTenantReference = () => api.get('/api/reference/tenant', tenantReferenceSchema)

export const tenantReferenceQueryOptions = () =>
  queryOptions({ queryKey: ['reference', 'tenant'], queryFn: getTenantReference, staleTime: 60 * 60_000 })

export function useTenantReference() {
  return useQuery(tenantReferenceQueryOptions())
}
