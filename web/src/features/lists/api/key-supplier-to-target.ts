import { useMutation, useQueryClient } from '@tanstack/react-query'
import { targetSchema } from '../../../../../common/src/api/lists.js'
import { api } from '../../../lib/api-client.js'
import { listsKeys } from './keys.js'

export const keySupplierToTarget = ({ id, priority }: { id: string; priority: 'high' | 'medium' | 'low' }) =>
  api.post(`/api/lists/key-suppliers/${encodeURIComponent(id)}/target`, targetSchema, { priority })

export function useKeySupplierToTarget() {
  const queryClient = useQueryClient()
  return useMutation({ mutationFn: keySupplierToTarget, onSuccess: () => queryClient.invalidateQueries({ queryKey: listsKeys.targets }) })
}
