import { useMutation, useQueryClient } from '@tanstack/react-query'
import { refreshResultSchema } from '../../../../../common/src/api/lists.js'
import { api } from '../../../lib/api-client.js'
import { listsKeys } from './keys.js'

export const refreshKeySuppliers = (input: { region: string; chain: string }) => api.post('/api/lists/key-suppliers/refresh', refreshResultSchema, input)

export function useRefreshKeySuppliers() {
  const queryClient = useQueryClient()
  return useMutation({ mutationFn: refreshKeySuppliers, onSuccess: () => queryClient.invalidateQueries({ queryKey: listsKeys.suppliers }) })
}
