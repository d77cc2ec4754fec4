import { describe, expect, it } from 'vitest'
import { interpolate, parseLang, pickServerMessage, placeholders } from '../lib/translate.js'
import { enUS } from './en-US.js'
import { dictionaries, isMessageKey } from './index.js'
import { zhCN } from './zh-CN.js'

describe('dictionaries', () => {
  const zhKeys = Object.keys(zhCN).sort()
  const enKeys = Object.keys(enUS).sort()

  it('have the same keys in both languages', () => {
    expect(enKeys.filter((k) => !zhKeys.includes(k))).toEqual([])
    expect(zhKeys.filter((k) => !enKeys.includes(k))).toEqual([])
  })

  it.each(Object.entries(dictionaries))('%s has no empty value', (_lang, dictionary) => {
    const empty = Object.entries(dictionary).filter(([, value]) => typeof value !== 'string' || value.trim() === '')
    expect(empty).toEqual([])
  })

  it('use the same placeholders in both languages', () => {
    const differing = zhKeys.filter(
      (key) => placeholders(zhCN[key as keyof typeof zhCN]).join() !== placeholders(enUS[key as keyof typeof enUS]).join(),
    )
    expect(differing).toEqual([])
  })

  it('have an entry for every error code the client makes up', () => {
    for (const code of ['NETWORK_ERROR', 'BAD_RESPONSE', 'HTTP_ERROR']) expect(isMessageKey(`error.${code}`)).toBe(true)
  })
})

describe('translate helpers', () => {
  it('fills placeholders and leaves unknown ones visible', () => {
    expect(interpolate('共 {total} 条', { total: 3 })).toBe('共 3 条')
    expect(interpolate('{a} {b}', { a: 'x' })).toBe('x {b}')
    expect(interpolate('plain')).toBe('plain')
  })

  it('defaults to Chinese for anything but a known language', () => {
    expect(parseLang('en-US')).toBe('en-US')
    expect(parseLang('zh-CN')).toBe('zh-CN')
    expect(parseLang('fr-FR')).toBe('zh-CN')
    expect(parseLang(null)).toBe('zh-CN')
  })

  it('picks the server message by language', () => {
    const body = { message: '用户名或密码错误', messageEn: 'Wrong username or password' }
    expect(pickServerMessage('zh-CN', body)).toBe('用户名或密码错误')
    expect(pickServerMessage('en-US', body)).toBe('Wrong username or password')
    expect(pickServerMessage('en-US', { message: '仅中文', messageEn: '' })).toBe('仅中文')
  })
})
