import { useMutation } from '@tanstack/react-query'
import type { z } from 'zod'
import { duplicateListSchema, type duplicateQuerySchema } from '../../../../../common/src/api/enterprise.js'
import { api } from '../../../lib/api-client.js'

export const checkDuplicates = (body: z.input<typeof duplicateQuerySchema>) => api.post('/api/enterprises/duplicates', duplicateListSchema, body)

export function useCheckDuplicates() {
  return useMutation({ mutationFn: checkDuplicates })
}
