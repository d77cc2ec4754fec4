import { useMutation, useQueryClient } from '@tanstack/react-query'
import { savedViewSchema } from '../../../../../common/src/api/projects.js'
import { api } from '../../../lib/api-client.js'
import { projectKeys } from './keys.js'

export const saveView = (body: { name: string; filter: Record<string, string> }) => api.post('/api/projects/views', savedViewSchema, body)

export function useSaveView() {
  const client = useQueryClient()
  return useMutation({ mutationFn: saveView, onSuccess: () => client.invalidateQueries({ queryKey: projectKeys.views }) })
}
