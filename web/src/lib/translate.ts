// The pure half of our i18n: language list, lookup and interpolation. The React context is in i18n.tsx.

export const languages = ['zh-CN', 'en-US'] as const
export type Lang = (typeof languages)[number]
export const defaultLang: Lang = 'zh-CN'
export const langStorageKey = 'chainboard.lang'

export type TranslateParams = Record<string, string | number>

export function parseLang(value: string | null | undefined): Lang {
  return languages.find((l) => l === value) ?? defaultLang
}

/** Replaces `{name}` placeholders; an unknown placeholder stays visible so a missing param is noticed. */
export function interpolate(template: string, params?: TranslateParams): string {
  if (!params) return template
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = params[name]
    return value === undefined ? whole : String(value)
  })
}

export function placeholders(template: string): string[] {
  return [...template.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!).sort()
}

/** The server sends every message twice: `message` in Chinese and `messageEn` in English. */
export function pickServerMessage(lang: Lang, body: { message: string; messageEn: string }): string {
  if (lang === 'en-US') return body.messageEn || body.message
  return body.message || body.messageEn
}

/** Bilingual labels shipped in common/ (`{ zh, en }`, e.g. role labels). */
export function pickLabel(lang: Lang, label: { zh: string; en: string }): string {
  return lang === 'en-US' ? label.en : label.zh
}

/** Reference rows carry `nameZh` and sometimes `nameEn`. */
export function pickName(lang: Lang, row: { nameZh: string; nameEn?: string | null }): string {
  return lang === 'en-US' && row.nameEn ? row.nameEn : row.nameZh
}
