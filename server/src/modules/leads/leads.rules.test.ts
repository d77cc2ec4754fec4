import { describe, expect, it } from 'vitest'
import { defaultRegistrySettings } from '../registry/index.js'
import { leadTimers, overdueCount, parseChannel, statusAfterStep } from './leads.rules.js'

const timers = defaultRegistrySettings.timers
const received = new Date('2026-06-01T08:00:00Z')
const base = { status: 'new' as const, receivedAt: received, firstResponseAt: null, evaluatedAt: null, feedbackAt: null, lastProgressAt: null }
const h = (hours: number) => new Date(received.getTime() + hours * 3_600_000)

describe('service timers', () => {
  it('defaults: first response 1 day, evaluation 3 days, feedback 1 week', () => {
    const result = leadTimers(base, timers, h(1))
    expect(result.map((t) => [t.key, t.dueAt, t.state])).toEqual([
      ['first_response', '2026-06-02T08:00:00.000Z', 'open'],
      ['evaluation', '2026-06-04T08:00:00.000Z', 'open'],
      ['feedback', '2026-06-08T08:00:00.000Z', 'open'],
      ['progress', null, 'stopped'],
    ])
  })
  it('overdue after the due time; done on time or late', () => {
    const late = leadTimers({ ...base, firstResponseAt: h(30) }, timers, h(80))
    expect(late.map((t) => t.state)).toEqual(['done_late', 'overdue', 'open', 'stopped'])
    expect(overdueCount(late)).toBe(1)
    expect(leadTimers({ ...base, firstResponseAt: h(2) }, timers, h(3))[0]!.state).toBe('done')
  })
  it('a valid lead reports progress every two weeks from the last report', () => {
    const valid = { ...base, status: 'valid' as const, firstResponseAt: h(1), evaluatedAt: h(24), feedbackAt: h(48) }
    expect(leadTimers(valid, timers, h(24 + 14 * 24 - 1))[3]).toMatchObject({ key: 'progress', dueAt: '2026-06-16T08:00:00.000Z', state: 'open' })
    expect(leadTimers(valid, timers, h(24 + 14 * 24 + 1))[3]!.state).toBe('overdue')
    expect(leadTimers({ ...valid, lastProgressAt: h(24 * 15) }, timers, h(24 * 20))[3]).toMatchObject({ dueAt: '2026-06-30T08:00:00.000Z', state: 'open' })
  })
  it('a closed lead stops what is not done', () => {
    const closed = leadTimers({ ...base, status: 'dropped', firstResponseAt: h(1) }, timers, h(24 * 30))
    expect(closed.map((t) => t.state)).toEqual(['done', 'stopped', 'stopped', 'stopped'])
    expect(overdueCount(closed)).toBe(0)
  })
})

describe('import cells and steps', () => {
  it('reads channels by code, label or common wording', () => {
    expect(parseChannel('展会/推介会')).toBe('fair')
    expect(parseChannel('市场化招商/中介')).toBe('agency')
    expect(parseChannel('乡贤')).toBe('hometown')
    expect(parseChannel('fund')).toBe('fund')
    expect(parseChannel('')).toBe('other')
    expect(parseChannel('电话')).toBeNull()
  })
  it('only an evaluation changes the status', () => {
    expect(statusAfterStep('new', 'evaluation', 'valid')).toBe('valid')
    expect(statusAfterStep('new', 'evaluation', 'invalid')).toBe('invalid')
    expect(statusAfterStep('new', 'first_response', undefined)).toBe('new')
  })
})
