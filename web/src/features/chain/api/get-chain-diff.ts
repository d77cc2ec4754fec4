import { useQuery } from '@tanstack/react-query'
import { chainDiffSchema } from '../../../../../common/src/api/chain.js'
import { api } from '../../../lib/api-client.js'

/** Differences from a published version to another one, or to the current draft when `to` is absent. */
export const getChainDiff = (code: string, from: number, to?: number) =>
  api.get(`/api/chains/${encodeURIComponent(code)}/diff`, chainDiffSchema, { query: { from, to } })

export function useChainDiff(params: { code: string; from: number; to?: number } | null) {
  return useQuery({
    queryKey: ['chains', 'diff', params],
    queryFn: () => getChainDiff(params!.code, params!.from, params!.to),
    enabled: params !== null,
  })
}
