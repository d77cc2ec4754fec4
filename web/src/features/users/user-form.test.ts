import { describe, expect, it } from 'vitest'
import { passwordSchema } from '../../../../common/src/api/auth.js'
import type { User } from '../../../../common/src/api/users.js'
import { roles } from '../../../../common/src/roles.js'
import { generatePassword, scopeForRole, scopeOptions, scopeTypesFor, userChanges } from './user-form.js'

const reference = {
  tenant: { id: '330100', nameZh: '杭州市' },
  districts: [
    { code: '330108', nameZh: '滨江区', level: 'district' as const, parentCode: '330100', mountainCounty: false },
    { code: '330127', nameZh: '淳安县', level: 'district' as const, parentCode: '330100', mountainCounty: true },
  ],
  platforms: [
    {
      code: 'hz_hitech_zone',
      nameZh: '杭州高新区',
      nameEn: 'Hangzhou Hi-tech Zone',
      districtCode: '330108',
      kind: 'national_hitech',
      chainCodes: [],
      areaKm2: null,
    },
  ],
  departments: [{ code: 'fgw', nameZh: '发改委', nameEn: 'Development and Reform Commission' }],
}

const user: User = {
  id: 'u1',
  username: 'binjiang',
  displayName: '滨江投促',
  role: 'district_staff',
  scope: { type: 'district', id: '330108' },
  scopeName: '滨江区',
  disabled: false,
  lockedUntil: null,
  lastLoginAt: null,
  createdAt: '2026-11-22T00:00:00.000Z',
}

describe('scopeForRole', () => {
  it('gives every role a scope type it may carry', () => {
    for (const role of roles) expect(scopeTypesFor(role)).toContain(scopeForRole(role, undefined, '330100').type)
  })

  it.each([
    ['city_admin', { type: 'city', id: '330100' }],
    ['city_staff', { type: 'city', id: '330100' }],
    ['district_staff', { type: 'district', id: undefined }],
    ['platform_staff', { type: 'platform', id: undefined }],
    ['department_reviewer', { type: 'department', id: undefined }],
    ['leader', { type: 'city', id: '330100' }],
    ['enterprise', { type: 'enterprise', id: undefined }],
  ] as const)('a new %s starts with %o', (role, scope) => {
    expect(scopeForRole(role, undefined, '330100')).toEqual(scope)
  })

  it('keeps a district when a district officer becomes a district leader', () => {
    expect(scopeForRole('leader', { type: 'district', id: '330108' }, '330100')).toEqual({ type: 'district', id: '330108' })
  })

  it('drops a district that a platform officer may not carry', () => {
    expect(scopeForRole('platform_staff', { type: 'district', id: '330108' }, '330100')).toEqual({ type: 'platform', id: undefined })
  })
})

describe('scopeOptions', () => {
  it('offers the tenant for city, districts, platforms with their district, departments by language', () => {
    expect(scopeOptions('city', reference, 'zh-CN')).toEqual([{ value: '330100', label: '杭州市' }])
    expect(scopeOptions('district', reference, 'zh-CN').map((o) => o.value)).toEqual(['330108', '330127'])
    expect(scopeOptions('platform', reference, 'zh-CN')).toEqual([{ value: 'hz_hitech_zone', label: '杭州高新区 · 滨江区' }])
    expect(scopeOptions('platform', reference, 'en-US')[0]!.label).toBe('Hangzhou Hi-tech Zone · 滨江区')
    expect(scopeOptions('department', reference, 'en-US')).toEqual([{ value: 'fgw', label: 'Development and Reform Commission' }])
    expect(scopeOptions('enterprise', reference, 'zh-CN')).toEqual([])
    expect(scopeOptions('district', undefined, 'zh-CN')).toEqual([])
  })
})

describe('userChanges', () => {
  const same = { displayName: '滨江投促', role: 'district_staff' as const, scope: { type: 'district' as const, id: '330108' }, disabled: false }

  it('is empty when nothing changed (whitespace aside)', () => {
    expect(userChanges(user, { ...same, displayName: ' 滨江投促 ' }, '330100')).toEqual({})
  })

  it('sends only the changed fields', () => {
    expect(userChanges(user, { ...same, disabled: true }, '330100')).toEqual({ disabled: true })
    expect(userChanges(user, { ...same, scope: { type: 'district', id: '330127' } }, '330100')).toEqual({
      scope: { type: 'district', id: '330127' },
    })
  })

  it('sends the scope with a role change, the tenant for a city scope', () => {
    expect(userChanges(user, { ...same, role: 'leader', scope: { type: 'city' } }, '330100')).toEqual({
      role: 'leader',
      scope: { type: 'city', id: '330100' },
    })
  })
})

describe('generatePassword', () => {
  it('satisfies the password rule every time', () => {
    for (let i = 0; i < 200; i++) expect(passwordSchema.safeParse(generatePassword()).success).toBe(true)
  })
})
