import { keepPreviousData, useQuery } from '@tanstack/react-query'
import { stuckListSchema } from '../../../../../common/src/api/supervision.js'
import { api } from '../../../lib/api-client.js'
import { supervisionKeys } from './keys.js'

export type StuckParams = { page: number; pageSize: number; region?: string | undefined }
export const getStuck = (params: StuckParams) => api.get('/api/supervision/stuck', stuckListSchema, { query: params })

export function useStuck(params: StuckParams) {
  return useQuery({ queryKey: [...supervisionKeys.stuck, params], queryFn: () => getStuck(params), placeholderData: keepPreviousData })
}
