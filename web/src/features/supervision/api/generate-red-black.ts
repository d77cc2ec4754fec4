import { useMutation, useQueryClient } from '@tanstack/react-query'
import { redBlackSchema } from '../../../../../common/src/api/supervision.js'
import { api } from '../../../lib/api-client.js'
import { supervisionKeys } from './keys.js'

export const generateRedBlack = (month: string) => api.post('/api/supervision/red-black/snapshots', redBlackSchema, { month })

export function useGenerateRedBlack() {
  const client = useQueryClient()
  return useMutation({ mutationFn: generateRedBlack, onSuccess: () => client.invalidateQueries({ queryKey: supervisionKeys.redBlack }) })
}
