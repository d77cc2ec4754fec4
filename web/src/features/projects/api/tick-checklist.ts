import { useMutation, useQueryClient } from '@tanstack/react-query'
import { checklistSchema } from '../../../../../common/src/api/projects.js'
import { apiRequest } from '../../../lib/api-client.js'
import { projectKeys } from './keys.js'

export const tickChecklist = (id: string, key: string, done: boolean) =>
  apiRequest(`/api/projects/${id}/checklist/${key}`, checklistSchema, { method: 'PUT', body: { done } })

export function useTickChecklist(id: string) {
  const client = useQueryClient()
  return useMutation({
    mutationFn: ({ key, done }: { key: string; done: boolean }) => tickChecklist(id, key, done),
    onSuccess: () => client.invalidateQueries({ queryKey: projectKeys.all }),
  })
}
