import { keepPreviousData, useQuery } from '@tanstack/react-query'
import { keySupplierListSchema, type KeySupplierQuery } from '../../../../../common/src/api/lists.js'
import { api } from '../../../lib/api-client.js'
import { listsKeys } from './keys.js'

export type KeySupplierParams = Partial<KeySupplierQuery> & { page: number; pageSize: number }

export const getKeySuppliers = (params: KeySupplierParams) => api.get('/api/lists/key-suppliers', keySupplierListSchema, { query: { ...params } })

export function useKeySuppliers(params: KeySupplierParams) {
  return useQuery({ queryKey: [...listsKeys.suppliers, params], queryFn: () => getKeySuppliers(params), placeholderData: keepPreviousData })
}
