import { describe, expect, it } from 'vitest'
import { startOfChinaDay } from './home.rules.js'

describe('the bureau’s day', () => {
  it.each([
    ['2026-06-01T15:59:59Z', '2026-05-31T16:00:00.000Z'],
    ['2026-06-01T16:00:00Z', '2026-06-01T16:00:00.000Z'],
    ['2026-06-01T02:00:00Z', '2026-05-31T16:00:00.000Z'],
  ])('%s falls in the China day starting %s', (at, start) => {
    expect(startOfChinaDay(new Date(at)).toISOString()).toBe(start)
  })
})
