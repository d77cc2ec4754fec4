import { useMutation, useQueryClient } from '@tanstack/react-query'
import { keySupplierSchema, type UpdateKeySupplier } from '../../../../../common/src/api/lists.js'
import { api } from '../../../lib/api-client.js'
import { listsKeys } from './keys.js'

export const updateKeySupplier = ({ id, changes }: { id: string; changes: UpdateKeySupplier }) =>
  api.patch(`/api/lists/key-suppliers/${encodeURIComponent(id)}`, keySupplierSchema, changes)

export function useUpdateKeySupplier() {
  const queryClient = useQueryClient()
  return useMutation({ mutationFn: updateKeySupplier, onSuccess: () => queryClient.invalidateQueries({ queryKey: listsKeys.suppliers }) })
}
