import { useQuery } from '@tanstack/react-query'
import { redBlackMonthsSchema } from '../../../../../common/src/api/supervision.js'
import { api } from '../../../lib/api-client.js'
import { supervisionKeys } from './keys.js'

export const getRedBlackMonths = () => api.get('/api/supervision/red-black/months', redBlackMonthsSchema)

export function useRedBlackMonths() {
  return useQuery({ queryKey: supervisionKeys.redBlackMonths, queryFn: getRedBlackMonths })
}
