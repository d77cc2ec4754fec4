import { useMutation, useQueryClient } from '@tanstack/react-query'
import { stuckRunSchema } from '../../../../../common/src/api/supervision.js'
import { api } from '../../../lib/api-client.js'
import { supervisionKeys } from './keys.js'

export const runStuckCheck = () => api.post('/api/supervision/stuck/run', stuckRunSchema)

export function useRunStuckCheck() {
  const client = useQueryClient()
  return useMutation({ mutationFn: runStuckCheck, onSuccess: () => client.invalidateQueries({ queryKey: supervisionKeys.all }) })
}
