import type { QueryClient } from '@tanstack/react-query'
import type { EditableChain } from '../../../../../common/src/api/chain.js'
import { chainCatalogQueryKey } from './get-chain-catalog.js'
import { editableChainQueryKey } from './get-editable-chain.js'

// Every tree edit answers the whole edited chain, which replaces the cached one.
export function storeEditedChain(queryClient: QueryClient, chain: EditableChain): void {
  queryClient.setQueryData([...editableChainQueryKey, chain.code], chain)
  void queryClient.invalidateQueries({ queryKey: chainCatalogQueryKey })
}

export const chainPath = (code: string) => `/api/chains/${encodeURIComponent(code)}`
