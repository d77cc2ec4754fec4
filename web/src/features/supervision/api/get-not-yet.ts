import { useQuery } from '@tanstack/react-query'
import { notYetCountsSchema } from '../../../../../common/src/api/supervision.js'
import { api } from '../../../lib/api-client.js'
import { supervisionKeys } from './keys.js'

export const getNotYet = () => api.get('/api/supervision/not-yet', notYetCountsSchema)

export function useNotYet() {
  return useQuery({ queryKey: supervisionKeys.notYet, queryFn: getNotYet })
}
