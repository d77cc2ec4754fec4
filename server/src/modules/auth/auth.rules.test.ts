import { describe, expect, it } from 'vitest'
import { afterFailedLogin, AttemptLimiter, isLocked, LOCK_MINUTES, MAX_FAILED_ATTEMPTS } from './auth.rules.js'
import { hashPassword, verifyPassword } from './password.js'

describe('login protection', () => {
  const now = new Date('2026-06-01T00:00:00Z')

  it('locks after the configured number of failures, for the configured time', () => {
    let state = { failedAttempts: 0, lockedUntil: null as Date | null }
    for (let i = 1; i < MAX_FAILED_ATTEMPTS; i++) {
      state = afterFailedLogin(state, now)
      expect(isLocked(state, now)).toBe(false)
    }
    state = afterFailedLogin(state, now)
    expect(isLocked(state, now)).toBe(true)
    expect(isLocked(state, new Date(now.getTime() + LOCK_MINUTES * 60_000 + 1))).toBe(false)
  })

  it('limits attempts per key inside the window and forgets them after it', () => {
    const limiter = new AttemptLimiter(3, 1000)
    expect([1, 2, 3].map(() => limiter.hit('k', now))).toEqual([true, true, true])
    expect(limiter.hit('k', now)).toBe(false)
    expect(limiter.hit('other', now)).toBe(true)
    expect(limiter.hit('k', new Date(now.getTime() + 1001))).toBe(true)
  })
})

describe('scrypt passwords', () => {
  it('verifies the right password only, with a fresh salt each time', async () => {
    const a = await hashPassword('correct horse 1')
    const b = await hashPassword('correct horse 1')
    expect(a).not.toBe(b)
    expect(a.startsWith('scrypt$')).toBe(true)
    expect(await verifyPassword('correct horse 1', a)).toBe(true)
    expect(await verifyPassword('correct horse 2', a)).toBe(false)
    expect(await verifyPassword('x', 'garbage')).toBe(false)
  })
})
