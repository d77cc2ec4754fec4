import { keepPreviousData, useQuery } from '@tanstack/react-query'
import { layoutGuideSchema } from '../../../../../common/src/api/chain.js'
import { api } from '../../../lib/api-client.js'

export const layoutGuideQueryKey = ['layout-guide'] as const

export const getLayoutGuide = (year: number | undefined) => api.get('/api/layout-guide', layoutGuideSchema, { query: { year } })

export function useLayoutGuide(year: number | undefined) {
  return useQuery({ queryKey: [...layoutGuideQueryKey, year ?? 'latest'], queryFn: () => getLayoutGuide(year), placeholderData: keepPreviousData })
}
