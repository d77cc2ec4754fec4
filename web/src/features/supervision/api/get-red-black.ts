import { useQuery } from '@tanstack/react-query'
import { redBlackSchema } from '../../../../../common/src/api/supervision.js'
import { api } from '../../../lib/api-client.js'
import { supervisionKeys } from './keys.js'

export const getRedBlack = (month: string) => api.get('/api/supervision/red-black', redBlackSchema, { query: { month } })

export function useRedBlack(month: string) {
  return useQuery({ queryKey: [...supervisionKeys.redBlack, month], queryFn: () => getRedBlack(month) })
}
