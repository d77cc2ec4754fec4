import { useQuery } from '@tanstack/react-query'
import { savedViewListSchema } from '../../../../../common/src/api/projects.js'
import { api } from '../../../lib/api-client.js'
import { projectKeys } from './keys.js'

export const getSavedViews = () => api.get('/api/projects/views', savedViewListSchema)

export function useSavedViews() {
  return useQuery({ queryKey: projectKeys.views, queryFn: getSavedViews })
}
