import { useMutation, useQueryClient } from '@tanstack/react-query'
import { layoutEntrySchema, putLayoutEntryRequestSchema, type PutLayoutEntryRequest } from '../../../../../common/src/api/chain.js'
import { apiRequest } from '../../../lib/api-client.js'
import { layoutGuideQueryKey } from './get-layout-guide.js'

export const putLayoutEntry = (entry: PutLayoutEntryRequest) =>
  apiRequest('/api/layout-guide/entries', layoutEntrySchema, { method: 'PUT', body: putLayoutEntryRequestSchema.parse(entry) })

export function usePutLayoutEntry() {
  const queryClient = useQueryClient()
  return useMutation({ mutationFn: putLayoutEntry, onSuccess: () => queryClient.invalidateQueries({ queryKey: layoutGuideQueryKey }) })
}
