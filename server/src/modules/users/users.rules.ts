import type { Scope } from '../../../../common/src/api/auth.js'
import { allowedScopes, type Role } from '../../../../common/src/roles.js'

/** Whether a role may carry a scope of this type (a district officer is always scoped to one district). */
export function scopeFitsRole(role: Role, scope: Scope): boolean {
  return allowedScopes[role].includes(scope.type)
}
