import { useMutation } from '@tanstack/react-query'
import { auditVerificationSchema } from '../../../../../common/src/api/audit.js'
import { api } from '../../../lib/api-client.js'

export const verifyAudit = () => api.get('/api/audit/verify', auditVerificationSchema)

// A GET, but run on demand by a button and never served from cache: a mutation fits that lifecycle.
export function useVerifyAudit() {
  return useMutation({ mutationFn: verifyAudit })
}
