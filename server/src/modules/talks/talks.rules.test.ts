import { describe, expect, it } from 'vitest'
import { chinaDay, isOverdue, mayFollowUp, mayReadTalk, mayWriteTalk } from './talks.rules.js'

const members = [{ unit: '330108' }, { unit: 'development_reform' }]

describe('city-led talk rules', () => {
  it('the city reads all; members read theirs; others nothing', () => {
    expect(mayReadTalk({ role: 'city_staff', scopeType: 'city', unit: null }, members)).toBe(true)
    expect(mayReadTalk({ role: 'leader', scopeType: 'city', unit: null }, members)).toBe(true)
    expect(mayReadTalk({ role: 'district_staff', scopeType: 'district', unit: '330108' }, members)).toBe(true)
    expect(mayReadTalk({ role: 'department_reviewer', scopeType: 'department', unit: 'development_reform' }, members)).toBe(true)
    expect(mayReadTalk({ role: 'district_staff', scopeType: 'district', unit: '330106' }, members)).toBe(false)
    expect(mayReadTalk({ role: 'leader', scopeType: 'district', unit: '330106' }, members)).toBe(false)
  })
  it('only the city writes; a responsible member follows up its own decisions', () => {
    expect(mayWriteTalk('city_admin')).toBe(true)
    expect(mayWriteTalk('district_staff')).toBe(false)
    expect(mayFollowUp({ role: 'district_staff', scopeType: 'district', unit: '330108' }, '330108')).toBe(true)
    expect(mayFollowUp({ role: 'district_staff', scopeType: 'district', unit: '330108' }, '330106')).toBe(false)
    expect(mayFollowUp({ role: 'leader', scopeType: 'district', unit: '330108' }, '330108')).toBe(false)
  })
  it('overdue after the due day in China time', () => {
    expect(chinaDay(new Date('2026-06-01T17:00:00Z'))).toBe('2026-06-02')
    expect(isOverdue({ status: 'open', dueOn: '2026-06-01' }, '2026-06-02')).toBe(true)
    expect(isOverdue({ status: 'open', dueOn: '2026-06-02' }, '2026-06-02')).toBe(false)
    expect(isOverdue({ status: 'done', dueOn: '2026-05-01' }, '2026-06-02')).toBe(false)
  })
})
