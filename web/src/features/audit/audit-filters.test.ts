import { describe, expect, it } from 'vitest'
import { auditQuerySchema } from '../../../../common/src/api/audit.js'
import { auditQueryFrom, hashPrefix, prettyJson } from './audit-filters.js'

describe('auditQueryFrom', () => {
  it('drops empty filters and keeps paging', () => {
    expect(auditQueryFrom({ actor: '  ', action: undefined, entityType: '', range: null }, 2, 50)).toEqual({ page: 2, pageSize: 50 })
  })

  it('trims text and turns a day range into Shanghai day bounds', () => {
    const query = auditQueryFrom(
      { actor: ' admin ', action: 'user.create', entityType: 'user', entityId: ' abc ', range: ['2026-11-01', '2026-11-22'] },
      1,
      20,
    )
    expect(query).toEqual({
      actor: 'admin',
      action: 'user.create',
      entityType: 'user',
      entityId: 'abc',
      from: '2026-11-01T00:00:00.000+08:00',
      to: '2026-11-22T23:59:59.999+08:00',
      page: 1,
      pageSize: 20,
    })
  })

  it('accepts a range open at one end', () => {
    expect(auditQueryFrom({ range: [null, '2026-11-22'] }, 1, 20)).toEqual({ to: '2026-11-22T23:59:59.999+08:00', page: 1, pageSize: 20 })
  })

  it('produces what the server schema accepts', () => {
    const query = auditQueryFrom({ actor: 'admin', range: ['2026-01-01', '2026-01-31'] }, 3, 200)
    expect(auditQuerySchema.safeParse(query).success).toBe(true)
  })
})

describe('prettyJson and hashPrefix', () => {
  it('indents objects and leaves null empty', () => {
    expect(prettyJson({ a: 1 })).toBe('{\n  "a": 1\n}')
    expect(prettyJson(null)).toBe('')
  })

  it('shortens a hash', () => {
    expect(hashPrefix('0123456789abcdef0123')).toBe('0123456789ab')
  })
})
