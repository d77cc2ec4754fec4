import type { Lang } from '../lib/translate.js'
import { enUS } from './en-US.js'
import { zhCN, type MessageKey } from './zh-CN.js'

export type { MessageKey }
export const dictionaries: Record<Lang, Record<MessageKey, string>> = { 'zh-CN': zhCN, 'en-US': enUS }

export function isMessageKey(key: string): key is MessageKey {
  return Object.hasOwn(zhCN, key)
}
