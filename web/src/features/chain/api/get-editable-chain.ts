import { useQuery } from '@tanstack/react-query'
import { editableChainSchema } from '../../../../../common/src/api/chain.js'
import { api } from '../../../lib/api-client.js'

export const editableChainQueryKey = ['chains', 'editable'] as const

export const getEditableChain = (code: string) => api.get(`/api/chains/${encodeURIComponent(code)}`, editableChainSchema)

export function useEditableChain(code: string | null) {
  return useQuery({ queryKey: [...editableChainQueryKey, code], queryFn: () => getEditableChain(code!), enabled: code !== null })
}
