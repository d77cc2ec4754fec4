import { useMutation, useQueryClient } from '@tanstack/react-query'
import { z } from 'zod'
import { apiRequest } from '../../../lib/api-client.js'
import { layoutGuideQueryKey } from './get-layout-guide.js'

export interface LayoutEntryKey {
  year: number
  chainCode: string
  districtCode: string
  platformCode: string
}

export const deleteLayoutEntry = (key: LayoutEntryKey) =>
  apiRequest('/api/layout-guide/entries', z.object({ ok: z.literal(true) }), { method: 'DELETE', query: { ...key, platformCode: key.platformCode || undefined } })

export function useDeleteLayoutEntry() {
  const queryClient = useQueryClient()
  return useMutation({ mutationFn: deleteLayoutEntry, onSuccess: () => queryClient.invalidateQueries({ queryKey: layoutGuideQueryKey }) })
}
