import { describe, expect, it } from 'vitest'
import { defaultRedBlackRules, defaultNorms, defaultStages } from '../projects/index.js'
import { classifyDistrict, daysBetween, deadlineValid, findStuck, isOverdue, monthEndDay, overdueAlertRecipients, previousMonth, problemActionAllowed, snapshotAsOf } from './supervision.rules.js'

const enteredOn = (pairs: Record<string, string>) => new Map(Object.entries(pairs))

describe('stuck detection', () => {
  const today = '2026-12-01'
  it('counts days between calendar days', () => {
    expect(daysBetween('2026-01-01', '2026-12-31')).toBe(364)
    expect(daysBetween('2026-03-28', '2026-03-30')).toBe(2)
  })

  it('finds a project signed more than 180 days ago that has not started', () => {
    const findings = findStuck(defaultStages, defaultNorms, [
      { projectId: 'a', regionCode: '330108', stage: 'land', enteredOn: enteredOn({ signed: '2026-05-01', registered: '2026-05-20', land: '2026-07-01' }) },
      { projectId: 'b', regionCode: '330108', stage: 'land', enteredOn: enteredOn({ signed: '2026-06-04', registered: '2026-06-10', land: '2026-07-01' }) },
      { projectId: 'c', regionCode: '330106', stage: 'started', enteredOn: enteredOn({ signed: '2025-01-01', started: '2026-11-01' }) },
    ], today)
    expect(findings).toEqual([{ projectId: 'a', regionCode: '330108', normKey: 'signed_to_started', stage: 'land', since: '2026-05-01', limitDays: 180, daysOver: 34 }])
  })

  it('is not stuck on the limit day itself', () => {
    const p = { projectId: 'a', regionCode: '330108', stage: 'signed', enteredOn: enteredOn({ signed: '2026-06-04' }) }
    expect(findStuck(defaultStages, [{ key: 'n', fromStage: 'signed', toStage: 'started', days: 180 }], [p], '2026-12-01')).toEqual([])
    expect(findStuck(defaultStages, [{ key: 'n', fromStage: 'signed', toStage: 'started', days: 180 }], [p], '2026-12-02')).toHaveLength(1)
  })

  it('skips norms whose stages the city removed or reversed', () => {
    const p = { projectId: 'a', regionCode: '330108', stage: 'signed', enteredOn: enteredOn({ signed: '2020-01-01' }) }
    expect(findStuck(defaultStages, [{ key: 'x', fromStage: 'started', toStage: 'signed', days: 1 }, { key: 'y', fromStage: 'gone', toStage: 'started', days: 1 }], [p], today)).toEqual([])
  })
})

describe('problems', () => {
  it('is overdue after the deadline day until resolved', () => {
    expect(isOverdue({ status: 'open', deadline: '2026-06-01' }, '2026-06-01')).toBe(false)
    expect(isOverdue({ status: 'open', deadline: '2026-06-01' }, '2026-06-02')).toBe(true)
    expect(isOverdue({ status: 'escalated', deadline: '2026-06-01' }, '2026-06-02')).toBe(true)
    expect(isOverdue({ status: 'resolved', deadline: '2026-06-01' }, '2026-07-01')).toBe(false)
  })
  it('escalates only open problems and never reopens resolved ones', () => {
    expect(problemActionAllowed('open', 'escalate')).toBe(true)
    expect(problemActionAllowed('escalated', 'escalate')).toBe(false)
    expect(problemActionAllowed('escalated', 'resolve')).toBe(true)
    expect(problemActionAllowed('resolved', 'resolve')).toBe(false)
    expect(problemActionAllowed('resolved', 'reassign')).toBe(false)
  })
  it('refuses deadlines in the past', () => {
    expect(deadlineValid('2026-05-31', '2026-06-01')).toBe(false)
    expect(deadlineValid('2026-06-01', '2026-06-01')).toBe(true)
  })
})

describe('red and black lists', () => {
  const base = { regionCode: '330108', signed1: 10, target1: 20, startRate: 0.7, overdueProblems: 0, stuck: 0, activeSigned: 30 }
  it('puts a district on pace with a good start rate on the red list', () => {
    // June: pace = 10 / (20 × 6/12) = 1
    expect(classifyDistrict(base, 6, defaultRedBlackRules)).toEqual({ regionCode: '330108', list: 'red', pace: 1, reasons: ['on_pace', 'start_rate'] })
  })
  it('puts a district far behind pace, with overdue problems or many stuck projects on the black list', () => {
    expect(classifyDistrict({ ...base, signed1: 5 }, 6, defaultRedBlackRules).list).toBe('black')
    expect(classifyDistrict({ ...base, overdueProblems: 3 }, 6, defaultRedBlackRules).reasons).toEqual(['overdue_problems'])
    expect(classifyDistrict({ ...base, stuck: 9 }, 6, defaultRedBlackRules).reasons).toEqual(['stuck_share'])
  })
  it('leaves a district in between, or without a target, on neither', () => {
    expect(classifyDistrict({ ...base, signed1: 8 }, 6, defaultRedBlackRules).list).toBeNull()
    expect(classifyDistrict({ ...base, target1: 0 }, 6, defaultRedBlackRules)).toMatchObject({ list: null, pace: null })
  })
})

describe('overdue alert recipients', () => {
  const users = [
    { id: 'nr', role: 'department_reviewer', scopeType: 'department', scopeId: 'natural_resources' },
    { id: 'fin', role: 'department_reviewer', scopeType: 'department', scopeId: 'finance' },
    { id: 'bj', role: 'district_staff', scopeType: 'district', scopeId: '330108' },
    { id: 'xh', role: 'district_staff', scopeType: 'district', scopeId: '330106' },
    { id: 'city', role: 'city_staff', scopeType: 'city', scopeId: 'hz' },
    { id: 'admin', role: 'city_admin', scopeType: 'city', scopeId: 'hz' },
    { id: 'leader', role: 'leader', scopeType: 'district', scopeId: '330108' },
  ]
  it('are the assigned department’s reviewers, apart from the district’s and the city’s staff', () => {
    expect(overdueAlertRecipients({ departmentCode: 'natural_resources', regionCode: '330108' }, users)).toEqual({ reviewers: ['nr'], staff: ['bj', 'city'] })
    expect(overdueAlertRecipients({ departmentCode: 'energy', regionCode: '330106' }, users)).toEqual({ reviewers: [], staff: ['xh', 'city'] })
  })
})

describe('months of the red and black lists', () => {
  it('knows month ends, leap years included', () => {
    expect([monthEndDay('2026-02'), monthEndDay('2028-02'), monthEndDay('2026-12'), monthEndDay('2026-04')]).toEqual(['2026-02-28', '2028-02-29', '2026-12-31', '2026-04-30'])
  })
  it('finds the month before, across a year', () => {
    expect([previousMonth('2026-07-01'), previousMonth('2027-01-15'), previousMonth('2026-03-31')]).toEqual(['2026-06', '2026-12', '2026-02'])
  })
  it('takes a past month as of its last day and the running month as of today', () => {
    expect(snapshotAsOf('2026-05', '2026-06-01')).toBe('2026-05-31')
    expect(snapshotAsOf('2026-06', '2026-06-18')).toBe('2026-06-18')
    expect(snapshotAsOf('2026-06', '2026-06-30')).toBe('2026-06-30')
  })
})
