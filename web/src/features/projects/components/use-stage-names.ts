import { useMemo } from 'react'
import { useI18n } from '../../../lib/i18n.js'
import { useProjectSettings } from '../api/get-settings.js'

/** Stage names in the current language, from the city's stage list. */
export function useStageNames() {
  const { lang } = useI18n()
  const settings = useProjectSettings().data
  return useMemo(() => {
    const stages = settings?.stages ?? []
    const names = new Map(stages.map((s) => [s.code, lang === 'en-US' ? s.nameEn : s.nameZh]))
    return { stages, stageName: (code: string | null | undefined) => (code ? (names.get(code) ?? code) : '') }
  }, [settings, lang])
}
