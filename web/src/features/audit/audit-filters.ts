import { shanghaiDayRange } from '../../lib/format.js'

export interface AuditFilterValues {
  actor?: string
  action?: string
  entityType?: string
  entityId?: string
  /** Calendar days `YYYY-MM-DD`, read as days in Asia/Shanghai. */
  range?: readonly [string | null, string | null] | null
}

export interface AuditQuery {
  actor?: string
  action?: string
  entityType?: string
  entityId?: string
  from?: string
  to?: string
  page: number
  pageSize: number
}

const clean = (value: string | undefined) => {
  const trimmed = value?.trim()
  return trimmed ? trimmed : undefined
}

/** The filter form's values as the query `GET /api/audit` accepts (auditQuerySchema). */
export function auditQueryFrom(values: AuditFilterValues, page: number, pageSize: number): AuditQuery {
  const query: AuditQuery = { page, pageSize }
  const actor = clean(values.actor)
  const action = clean(values.action)
  const entityType = clean(values.entityType)
  const entityId = clean(values.entityId)
  if (actor) query.actor = actor
  if (action) query.action = action
  if (entityType) query.entityType = entityType
  if (entityId) query.entityId = entityId
  if (values.range) Object.assign(query, shanghaiDayRange(values.range[0], values.range[1]))
  return query
}

/** Before/after snapshots as indented JSON; null stays visibly empty rather than the word "null". */
export function prettyJson(value: unknown): string {
  if (value === null || value === undefined) return ''
  return JSON.stringify(value, null, 2)
}

export function hashPrefix(hash: string, length = 12): string {
  return hash.slice(0, length)
}
