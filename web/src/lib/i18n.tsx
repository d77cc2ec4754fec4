import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react'
import { dictionaries, isMessageKey, type MessageKey } from '../i18n/index.js'
import { ApiError } from './api-client.js'
import {
  interpolate,
  langStorageKey,
  parseLang,
  pickServerMessage,
  type Lang,
  type TranslateParams,
} from './translate.js'

export type { Lang, MessageKey }
export type Translate = (key: MessageKey, params?: TranslateParams) => string

export interface I18n {
  lang: Lang
  setLang(lang: Lang): void
  t: Translate
  /** The text to show for any thrown error: the server's own message in the current language. */
  errorText(error: unknown): string
}

const I18nContext = createContext<I18n | null>(null)

function readStoredLang(): Lang {
  try {
    return parseLang(localStorage.getItem(langStorageKey))
  } catch {
    return parseLang(null)
  }
}

export function I18nProvider({ children }: { children: ReactNode }) {
  const [lang, setLangState] = useState<Lang>(readStoredLang)

  const setLang = useCallback((next: Lang) => {
    setLangState(next)
    try {
      localStorage.setItem(langStorageKey, next)
    } catch {
      // private mode: the choice lasts for this page only
    }
  }, [])

  const t = useCallback<Translate>((key, params) => interpolate(dictionaries[lang][key], params), [lang])

  const errorText = useCallback(
    (error: unknown) => {
      if (error instanceof ApiError) {
        if (!error.fromClient) return pickServerMessage(lang, error)
        const key = `error.${error.code}`
        return isMessageKey(key) ? t(key) : t('error.unknown')
      }
      return t('error.unknown')
    },
    [lang, t],
  )

  useEffect(() => {
    document.documentElement.lang = lang
    document.title = dictionaries[lang]['app.name']
  }, [lang])

  const value = useMemo<I18n>(() => ({ lang, setLang, t, errorText }), [lang, setLang, t, errorText])
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>
}

export function useI18n(): I18n {
  const value = useContext(I18nContext)
  if (!value) throw new Error('useI18n outside I18nProvider')
  return value
}
