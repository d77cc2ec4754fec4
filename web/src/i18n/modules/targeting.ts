// Messages of the targeting feature; keys start with 'targeting.'. en must have exactly the same keys.
export const targetingZh = {
  'targeting.title': '靶向招商',
} as const satisfies Record<string, string>

export const targetingEn: Record<keyof typeof targetingZh, string> = {
  'targeting.title': 'Target discovery',
}
