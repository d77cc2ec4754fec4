import { createHash } from 'node:crypto'

export const GENESIS_HASH = '0'.repeat(64)

/** Turns any value into the JSON that will be stored in jsonb, so that hashing before and after storage agrees. */
export function toJsonValue(value: unknown): unknown {
  if (value === undefined) return null
  return JSON.parse(JSON.stringify(value))
}

/** JSON with object keys sorted at every level; jsonb does not keep key order, so the hash must not depend on it. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value ?? null)
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`
}

export interface AuditContent {
  tenantId: string
  seq: number
  at: Date
  actorId: string | null
  actorName: string
  action: string
  entityType: string
  entityId: string
  before: unknown
  after: unknown
}

export function auditHash(prevHash: string, entry: AuditContent): string {
  // only the content fields: rows read back carry extra columns (hash, request id) that are not hashed
  const body = canonicalJson({
    tenantId: entry.tenantId,
    seq: entry.seq,
    at: entry.at.toISOString(),
    actorId: entry.actorId,
    actorName: entry.actorName,
    action: entry.action,
    entityType: entry.entityType,
    entityId: entry.entityId,
    before: entry.before ?? null,
    after: entry.after ?? null,
  })
  return createHash('sha256').update(prevHash).update('\n').update(body).digest('hex')
}

export interface ChainRow extends AuditContent {
  prevHash: string
  hash: string
}

/** Walks rows in seq order and returns the first seq whose link or hash is wrong, or null when intact. */
export function findBrokenLink(rows: Iterable<ChainRow>, startHash = GENESIS_HASH, startSeq = 0): number | null {
  let prev = startHash
  let expectedSeq = startSeq + 1
  for (const row of rows) {
    if (row.seq !== expectedSeq || row.prevHash !== prev || auditHash(prev, row) !== row.hash) return row.seq
    prev = row.hash
    expectedSeq++
  }
  return null
}
