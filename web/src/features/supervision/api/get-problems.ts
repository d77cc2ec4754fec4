import { keepPreviousData, useQuery } from '@tanstack/react-query'
import { problemListSchema } from '../../../../../common/src/api/supervision.js'
import { api } from '../../../lib/api-client.js'
import { supervisionKeys } from './keys.js'

export type ProblemParams = { page: number; pageSize: number; projectId?: string | undefined; overdue?: 'true' | undefined; unresolved?: 'true' | undefined }
export const getProblems = (params: ProblemParams) => api.get('/api/supervision/problems', problemListSchema, { query: params })

export function useProblems(params: ProblemParams) {
  return useQuery({ queryKey: [...supervisionKeys.problems, params], queryFn: () => getProblems(params), placeholderData: keepPreviousData })
}
