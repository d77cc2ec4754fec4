import type { Me } from '../../../../common/src/api/auth.js'

/** Mirrors the server: city roles edit every firm, district staff the firms of their district. */
export function mayEdit(me: Pick<Me, 'role' | 'scope'> | null | undefined, regionCode?: string): boolean {
  if (!me) return false
  if (me.role === 'city_admin' || me.role === 'city_staff') return true
  if (me.role !== 'district_staff') return false
  return regionCode === undefined || me.scope.id === regionCode
}
