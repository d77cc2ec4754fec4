import { roles, type Role } from '../../../common/src/roles.js'
import type { MessageKey } from '../i18n/index.js'

export const moduleKeys = ['home', 'enterprises', 'chainMap', 'targeting', 'lists', 'leads', 'registry', 'talks', 'dashboard', 'projects', 'supervision', 'deptProblems', 'layoutGuide', 'chains', 'import', 'users', 'audit'] as const
export type ModuleKey = (typeof moduleKeys)[number]

export interface ModuleEntry {
  key: ModuleKey
  path: string
  labelKey: MessageKey
  /** Roles that may open the module; mirrors the server's route access, which stays the real guard. */
  roles: readonly Role[]
}

/** Everyone who works with the enterprise base and the chain maps; enterprise users see only their own service pages. */
const staffAndReaders: readonly Role[] = roles.filter((r) => r !== 'enterprise')

/** The project lifecycle's readers (the server's projectReaders); department reviewers have their own problems page. */
const projectReaders: readonly Role[] = ['city_admin', 'city_staff', 'district_staff', 'platform_staff', 'leader']

// Only modules that exist as pages are listed: no greyed-out "coming soon" entries.
export const moduleTable: readonly ModuleEntry[] = [
  { key: 'home', path: '/', labelKey: 'nav.home', roles },
  { key: 'enterprises', path: '/enterprises', labelKey: 'nav.enterprises', roles: staffAndReaders },
  { key: 'chainMap', path: '/chain-map', labelKey: 'nav.chainMap', roles: staffAndReaders },
  { key: 'targeting', path: '/targeting', labelKey: 'nav.targeting', roles: staffAndReaders },
  { key: 'lists', path: '/lists', labelKey: 'nav.lists', roles: staffAndReaders },
  { key: 'leads', path: '/leads', labelKey: 'nav.leads', roles: ['city_admin', 'city_staff', 'district_staff', 'platform_staff', 'leader'] },
  { key: 'registry', path: '/registry', labelKey: 'nav.registry', roles: staffAndReaders },
  { key: 'talks', path: '/talks', labelKey: 'nav.talks', roles: ['city_admin', 'city_staff', 'district_staff', 'department_reviewer', 'leader'] },
  { key: 'dashboard', path: '/dashboard', labelKey: 'nav.dashboard', roles: projectReaders },
  { key: 'projects', path: '/projects', labelKey: 'nav.projects', roles: projectReaders },
  { key: 'supervision', path: '/supervision', labelKey: 'nav.supervision', roles: projectReaders },
  { key: 'deptProblems', path: '/department-problems', labelKey: 'nav.deptProblems', roles: ['department_reviewer'] },
  { key: 'layoutGuide', path: '/layout-guide', labelKey: 'nav.layoutGuide', roles: staffAndReaders },
  { key: 'chains', path: '/chains', labelKey: 'nav.chains', roles: ['city_admin'] },
  { key: 'import', path: '/import', labelKey: 'nav.import', roles: ['city_admin', 'city_staff', 'district_staff'] },
  { key: 'users', path: '/users', labelKey: 'nav.users', roles: ['city_admin'] },
  { key: 'audit', path: '/audit', labelKey: 'nav.audit', roles: ['city_admin'] },
]

export function canUse(role: Role, key: ModuleKey): boolean {
  return moduleTable.some((m) => m.key === key && m.roles.includes(role))
}

/** The left menu of a role, in table order. */
export function menuFor(role: Role): ModuleEntry[] {
  return moduleTable.filter((m) => m.roles.includes(role))
}

/** Which module a location belongs to, for the menu's selected item. */
export function moduleOfPath(pathname: string): ModuleKey | null {
  const clean = pathname.replace(/\/+$/, '') || '/'
  const match = moduleTable
    .filter((m) => (m.path === '/' ? clean === '/' : clean === m.path || clean.startsWith(`${m.path}/`)))
    .sort((a, b) => b.path.length - a.path.length)[0]
  return match?.key ?? null
}
