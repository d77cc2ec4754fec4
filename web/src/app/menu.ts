import { roles, type Role } from '../../../common/src/roles.js'
import type { MessageKey } from '../i18n/index.js'

export const moduleKeys = ['home', 'users', 'audit'] as const
export type ModuleKey = (typeof moduleKeys)[number]

export interface ModuleEntry {
  key: ModuleKey
  path: string
  labelKey: MessageKey
  /** Roles that may open the module; mirrors the server's route access, which stays the real guard. */
  roles: readonly Role[]
}

// Only modules that exist as pages are listed: no greyed-out "coming soon" entries.
export const moduleTable: readonly ModuleEntry[] = [
  { key: 'home', path: '/', labelKey: 'nav.home', roles },
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
