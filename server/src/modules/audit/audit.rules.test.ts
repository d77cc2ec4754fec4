import { describe, expect, it } from 'vitest'
import { auditHash, canonicalJson, findBrokenLink, GENESIS_HASH, type ChainRow } from './audit.rules.js'

const entry = (seq: number) => ({
  tenantId: '330100',
  seq,
  at: new Date(Date.UTC(2026, 0, 1, 0, 0, seq)),
  actorId: null,
  actorName: 'system',
  action: 'test',
  entityType: 't',
  entityId: String(seq),
  before: null,
  after: { b: 1, a: [seq, { y: 2, x: 1 }] },
})

function chain(n: number): ChainRow[] {
  const rows: ChainRow[] = []
  let prev = GENESIS_HASH
  for (let i = 1; i <= n; i++) {
    const e = entry(i)
    const hash = auditHash(prev, e)
    rows.push({ ...e, prevHash: prev, hash })
    prev = hash
  }
  return rows
}

describe('audit hash chain', () => {
  it('serializes objects independently of key order', () => {
    expect(canonicalJson({ b: 1, a: { d: 2, c: 3 } })).toBe(canonicalJson({ a: { c: 3, d: 2 }, b: 1 }))
    expect(canonicalJson({ a: undefined, b: null })).toBe('{"b":null}')
  })

  it('accepts an intact chain', () => {
    expect(findBrokenLink(chain(5))).toBeNull()
  })

  it('finds an edited row', () => {
    const rows = chain(5)
    rows[2] = { ...rows[2]!, after: { forged: true } }
    expect(findBrokenLink(rows)).toBe(3)
  })

  it('finds a deleted row', () => {
    const rows = chain(5)
    rows.splice(1, 1)
    expect(findBrokenLink(rows)).toBe(3)
  })

  it('finds a re-hashed row whose successor still points at the old hash', () => {
    const rows = chain(4)
    const forged = { ...rows[1]!, actorName: 'mallory' }
    forged.hash = auditHash(forged.prevHash, forged)
    rows[1] = forged
    expect(findBrokenLink(rows)).toBe(3)
  })
})
