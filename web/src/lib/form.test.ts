import { describe, expect, it } from 'vitest'
import { createUserRequestSchema } from '../../../common/src/api/users.js'
import { zhCN } from '../i18n/zh-CN.js'
import { formNameOf, serverFieldErrors, zodFieldErrors, zodRule } from './form.js'
import { interpolate } from './translate.js'

const t = (key: keyof typeof zhCN, params?: Record<string, string | number>) => interpolate(zhCN[key], params)

describe('zodFieldErrors', () => {
  it('turns a failed createUser parse into Chinese messages on the form fields', () => {
    const result = createUserRequestSchema.safeParse({
      username: 'Bad Name',
      displayName: '',
      role: 'district_staff',
      scope: { type: 'district' },
      password: 'short',
    })
    expect(result.success).toBe(false)
    const errors = zodFieldErrors(result.error!, t, { username: 'validation.username', password: 'validation.passwordMix' })
    const byField = Object.fromEntries(errors.map((e) => [e.name.join('.'), e.errors]))
    expect(byField.username).toEqual(['只能使用小写字母、数字和 _ . -'])
    expect(byField.displayName).toEqual(['必填'])
    expect(byField['scope.id']).toEqual(['必填'])
    expect(byField.password).toContain('至少 10 个字符')
  })

  it('uses the override for a failed refine', () => {
    const result = createUserRequestSchema.shape.password.safeParse('onlyletters-long')
    const errors = zodFieldErrors(result.error!, t, { '': 'validation.passwordMix' })
    expect(errors[0]!.errors).toEqual(['密码须同时包含字母和数字'])
  })
})

describe('zodRule', () => {
  it('passes a valid value and rejects an invalid one with the field message', async () => {
    const rule = zodRule(createUserRequestSchema.shape.username, t, { username: 'validation.username' }, ['username'])
    await expect(rule.validator(null, 'binjiang')).resolves.toBeUndefined()
    await expect(rule.validator(null, 'Bin Jiang')).rejects.toThrow('只能使用小写字母')
    await expect(rule.validator(null, undefined)).rejects.toThrow('必填')
  })
})

describe('server field errors', () => {
  it('maps request paths to form names', () => {
    expect(formNameOf('body.scope.id')).toEqual(['scope', 'id'])
    expect(formNameOf('scope.type')).toEqual(['scope', 'type'])
    expect(formNameOf('query.page')).toEqual(['page'])
    expect(formNameOf('body')).toEqual(['body'])
  })

  it('puts known fields on the form in the chosen language and returns the rest', () => {
    const fields = [
      { path: 'body.scope.id', message: '范围 x 不存在', messageEn: 'scope x does not exist' },
      { path: 'username', message: '用户名已被使用', messageEn: 'username is taken' },
      { path: 'body.extra', message: '包含不允许的字段', messageEn: 'unrecognized key' },
    ]
    const zh = serverFieldErrors(fields, 'zh-CN', ['username', 'scope.id'])
    expect(zh.matched).toEqual([
      { name: ['scope', 'id'], errors: ['范围 x 不存在'] },
      { name: ['username'], errors: ['用户名已被使用'] },
    ])
    expect(zh.unmatched).toEqual(['extra: 包含不允许的字段'])
    const en = serverFieldErrors(fields, 'en-US', ['username', 'scope.id'])
    expect(en.matched[1]!.errors).toEqual(['username is taken'])
  })
})
