import { useMutation, useQueryClient } from '@tanstack/react-query'
import { copyLayoutYearResultSchema } from '../../../../../common/src/api/chain.js'
import { api } from '../../../lib/api-client.js'
import { layoutGuideQueryKey } from './get-layout-guide.js'

export const copyLayoutYear = (body: { fromYear: number; toYear: number }) => api.post('/api/layout-guide/copy', copyLayoutYearResultSchema, body)

export function useCopyLayoutYear() {
  const queryClient = useQueryClient()
  return useMutation({ mutationFn: copyLayoutYear, onSuccess: () => queryClient.invalidateQueries({ queryKey: layoutGuideQueryKey }) })
}
