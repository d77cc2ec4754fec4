import { useQuery } from '@tanstack/react-query'
import { supplierSplitSchema } from '../../../../../common/src/api/enterprise.js'
import { api } from '../../../lib/api-client.js'
import { enterpriseKeys } from './keys.js'

export const getSuppliers = (id: string) => api.get(`/api/enterprises/${encodeURIComponent(id)}/suppliers`, supplierSplitSchema)

export function useSuppliers(id: string) {
  return useQuery({ queryKey: enterpriseKeys.suppliers(id), queryFn: () => getSuppliers(id) })
}
