// Messages of the lists feature; keys start with 'lists.'. en must have exactly the same keys.
export const listsZh = {
  'lists.title': '三张清单',
} as const satisfies Record<string, string>

export const listsEn: Record<keyof typeof listsZh, string> = {
  'lists.title': 'Three lists',
}
