// Messages of the import feature; keys start with 'import.'. en must have exactly the same keys.
export const importZh = {
  'import.title': '数据导入',
} as const satisfies Record<string, string>

export const importEn: Record<keyof typeof importZh, string> = {
  'import.title': 'Import',
}
