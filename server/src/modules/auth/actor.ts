import type { Scope } from '../../../../common/src/api/auth.js'
import type { Role } from '../../../../common/src/roles.js'

/** The signed-in caller, as every service sees it. */
export interface Actor {
  userId: string | null
  username: string
  displayName: string
  role: Role
  tenantId: string
  scope: Scope
  requestId?: string | undefined
}

/** Used for work the system does by itself (first start, scheduled jobs, generator). */
export function systemActor(tenantId: string): Actor {
  return {
    userId: null,
    username: 'system',
    displayName: '系统',
    role: 'city_admin',
    tenantId,
    scope: { type: 'city', id: tenantId },
  }
}
