import { describe, expect, it } from 'vitest'
import { formatDateTime, isLocked, shanghaiDate, shanghaiDayRange } from './format.js'

describe('dates in Asia/Shanghai', () => {
  it('shows an instant in China time whatever the machine zone', () => {
    expect(formatDateTime('2026-11-22T16:30:05.000Z')).toBe('2026-11-23 00:30:05')
    expect(formatDateTime('2026-01-01T00:00:00Z')).toBe('2026-01-01 08:00:00')
    expect(formatDateTime(null)).toBe('')
    expect(formatDateTime('not a date')).toBe('not a date')
  })

  it('gives the China calendar day of an instant', () => {
    expect(shanghaiDate(new Date('2026-11-22T16:30:00Z'))).toBe('2026-11-23')
  })

  it('bounds picked days in China time', () => {
    expect(shanghaiDayRange('2026-11-01', '2026-11-02')).toEqual({
      from: '2026-11-01T00:00:00.000+08:00',
      to: '2026-11-02T23:59:59.999+08:00',
    })
    expect(shanghaiDayRange(null, 'garbage')).toEqual({})
  })

  it('knows whether a lock is still on', () => {
    const now = new Date('2026-11-22T00:00:00Z')
    expect(isLocked(null, now)).toBe(false)
    expect(isLocked('2026-11-22T00:10:00Z', now)).toBe(true)
    expect(isLocked('2026-11-21T23:50:00Z', now)).toBe(false)
  })
})
