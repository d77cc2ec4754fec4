import { useMutation } from '@tanstack/react-query'
import { classificationPreviewSchema } from '../../../../../common/src/api/chain.js'
import { api } from '../../../lib/api-client.js'
import { chainPath } from './chain-edit-cache.js'

/** What reclassifying the chain by its rules would change; writes nothing. */
export const previewClassification = (chain: string) => api.post(`${chainPath(chain)}/classification/preview`, classificationPreviewSchema)

export function usePreviewClassification() {
  return useMutation({ mutationFn: previewClassification })
}
