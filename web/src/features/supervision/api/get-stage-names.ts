import { useQuery } from '@tanstack/react-query'
import { useMemo } from 'react'
import { projectSettingsSchema } from '../../../../../common/src/api/projects.js'
import { api } from '../../../lib/api-client.js'
import { useI18n } from '../../../lib/i18n.js'

// The same settings query (and cache key) as the projects feature: stage names for the views here.
export const getLifecycleSettings = () => api.get('/api/projects/settings', projectSettingsSchema)

export function useStageNames() {
  const { lang } = useI18n()
  const settings = useQuery({ queryKey: ['projects', 'settings'], queryFn: getLifecycleSettings, staleTime: 5 * 60_000 }).data
  return useMemo(() => {
    const names = new Map((settings?.stages ?? []).map((s) => [s.code, lang === 'en-US' ? s.nameEn : s.nameZh]))
    return (code: string | null | undefined) => (code ? (names.get(code) ?? code) : '')
  }, [settings, lang])
}
