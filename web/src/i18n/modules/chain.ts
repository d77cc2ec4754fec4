// Messages of the chain feature; keys start with 'chain.'. en must have exactly the same keys.
export const chainZh = {
  'chain.title': '产业链管理',
} as const satisfies Record<string, string>

export const chainEn: Record<keyof typeof chainZh, string> = {
  'chain.title': 'Chains',
}
