// Pure rules of city-led talks: who may read a talk, and what is overdue. No I/O.
import type { Role } from '../../../../common/src/roles.js'

export interface Viewer {
  role: Role
  scopeType: string
  /** the district (district staff, district leaders, platform staff) or department code of the viewer */
  unit: string | null
}

/** The city and city leaders read every talk; a district or department reads the talks it is a member of. */
export function mayReadTalk(viewer: Viewer, members: Array<{ unit: string }>): boolean {
  if (viewer.role === 'city_admin' || viewer.role === 'city_staff') return true
  if (viewer.role === 'leader' && viewer.scopeType === 'city') return true
  return viewer.unit !== null && members.some((m) => m.unit === viewer.unit)
}

export const mayWriteTalk = (role: Role) => role === 'city_admin' || role === 'city_staff'

/** A member unit may follow up the decisions it is responsible for, and mark its own tasks. */
export const mayFollowUp = (viewer: Viewer, responsibleUnit: string) => mayWriteTalk(viewer.role) || (viewer.role !== 'leader' && viewer.unit === responsibleUnit)

/** Open past its due day (a day string, China time). */
export const isOverdue = (item: { status: 'open' | 'done'; dueOn: string }, today: string) => item.status === 'open' && item.dueOn < today

/** Today in China time (UTC+8, no daylight saving), as YYYY-MM-DD. */
export const chinaDay = (now: Date) => new Date(now.getTime() + 8 * 3_600_000).toISOString().slice(0, 10)
