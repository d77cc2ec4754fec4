import { useMutation } from '@tanstack/react-query'
import { createTargetSchema, targetSchema, type CreateTarget } from '../../../../../common/src/api/lists.js'
import { apiRequest } from '../../../lib/api-client.js'

// The lists module owns the target list; discovery only proposes an entry with its reason.
export const createTarget = (body: CreateTarget) =>
  apiRequest('/api/lists/targets', targetSchema, { method: 'POST', body: createTargetSchema.parse(body) })

export function useCreateTarget() {
  return useMutation({ mutationFn: createTarget })
}
