import { useQuery } from '@tanstack/react-query'
import { projectSettingsSchema } from '../../../../../common/src/api/projects.js'
import { api } from '../../../lib/api-client.js'
import { projectKeys } from './keys.js'

export const getProjectSettings = () => api.get('/api/projects/settings', projectSettingsSchema)

/** The city's stage list and norms (names of stages everywhere come from here). */
export function useProjectSettings() {
  return useQuery({ queryKey: projectKeys.settings, queryFn: getProjectSettings, staleTime: 5 * 60_000 })
}
