import { useQuery } from '@tanstack/react-query'
import { listHistorySchema, type ListName } from '../../../../../common/src/api/lists.js'
import { api } from '../../../lib/api-client.js'
import { listsKeys } from './keys.js'

export const getListHistory = (list: ListName, key: string) =>
  api.get(`/api/lists/${list}/${encodeURIComponent(key)}/history`, listHistorySchema)

export function useListHistory(entry: { list: ListName; key: string } | null) {
  return useQuery({
    queryKey: [...listsKeys.history, entry?.list, entry?.key],
    queryFn: () => getListHistory(entry!.list, entry!.key),
    enabled: entry !== null,
  })
}
