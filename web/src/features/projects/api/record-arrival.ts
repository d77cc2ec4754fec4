import { useMutation, useQueryClient } from '@tanstack/react-query'
import { projectSchema, type Arrival } from '../../../../../common/src/api/projects.js'
import { api } from '../../../lib/api-client.js'
import { projectKeys } from './keys.js'

export const recordArrival = (id: string, body: Arrival) => api.post(`/api/projects/${id}/arrivals`, projectSchema, body)

export function useRecordArrival(id: string) {
  const client = useQueryClient()
  return useMutation({
    mutationFn: (body: Arrival) => recordArrival(id, body),
    onSuccess: () => client.invalidateQueries({ queryKey: projectKeys.all }),
  })
}
