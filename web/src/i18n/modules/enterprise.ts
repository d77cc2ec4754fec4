// Messages of the enterprise feature; keys start with 'enterprise.'. en must have exactly the same keys.
export const enterpriseZh = {
  'enterprise.title': '企业库',
} as const satisfies Record<string, string>

export const enterpriseEn: Record<keyof typeof enterpriseZh, string> = {
  'enterprise.title': 'Enterprises',
}
