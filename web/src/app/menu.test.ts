import { describe, expect, it } from 'vitest'
import { roles, type Role } from '../../../common/src/roles.js'
import { canUse, menuFor, moduleKeys, moduleOfPath } from './menu.js'

describe('menu by role', () => {
  const expected: Record<Role, string[]> = {
    city_admin: ['home', 'enterprises', 'chainMap', 'targeting', 'lists', 'leads', 'registry', 'talks', 'dashboard', 'projects', 'supervision', 'layoutGuide', 'chains', 'import', 'users', 'audit'],
    city_staff: ['home', 'enterprises', 'chainMap', 'targeting', 'lists', 'leads', 'registry', 'talks', 'dashboard', 'projects', 'supervision', 'layoutGuide', 'import'],
    district_staff: ['home', 'enterprises', 'chainMap', 'targeting', 'lists', 'leads', 'registry', 'talks', 'dashboard', 'projects', 'supervision', 'layoutGuide', 'import'],
    platform_staff: ['home', 'enterprises', 'chainMap', 'targeting', 'lists', 'leads', 'registry', 'dashboard', 'projects', 'supervision', 'layoutGuide'],
    department_reviewer: ['home', 'enterprises', 'chainMap', 'targeting', 'lists', 'registry', 'talks', 'deptProblems', 'layoutGuide'],
    leader: ['home', 'enterprises', 'chainMap', 'targeting', 'lists', 'leads', 'registry', 'talks', 'dashboard', 'projects', 'supervision', 'layoutGuide'],
    enterprise: ['home'],
  }

  it.each(roles)('%s sees exactly its modules', (role) => {
    expect(menuFor(role).map((m) => m.key)).toEqual(expected[role])
  })

  it('agrees with canUse for every role and module', () => {
    for (const role of roles) {
      for (const key of moduleKeys) {
        expect(canUse(role, key)).toBe(expected[role].includes(key))
      }
    }
  })

  it('every entry has a label key and a path', () => {
    for (const entry of menuFor('city_admin')) {
      expect(entry.labelKey).toMatch(/^nav\./)
      expect(entry.path.startsWith('/')).toBe(true)
    }
  })
})

describe('moduleOfPath', () => {
  it.each([
    ['/', 'home'],
    ['/users', 'users'],
    ['/users/', 'users'],
    ['/users/123', 'users'],
    ['/audit', 'audit'],
    ['/auditing', null],
    ['/nowhere', null],
  ])('%s → %s', (path, key) => {
    expect(moduleOfPath(path)).toBe(key)
  })
})
