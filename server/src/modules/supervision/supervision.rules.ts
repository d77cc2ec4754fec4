// Pure rules of supervision (督办): stuck projects against the norms, problem deadlines, and the
// monthly red and black lists of districts. No I/O.
import { stageIndex, type Norm, type RedBlackRules, type StageDef } from '../../../../common/src/api/projects.js'

// ---- stuck detection

export interface StuckCandidate {
  projectId: string
  regionCode: string
  stage: string
  /** the last day the project entered each stage it has reached */
  enteredOn: ReadonlyMap<string, string>
}

export interface StuckFinding {
  projectId: string
  regionCode: string
  normKey: string
  stage: string
  since: string
  limitDays: number
  daysOver: number
}

export const daysBetween = (from: string, to: string) => Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000)

/**
 * A project is stuck on a norm when it has reached the norm's start stage but not its end stage,
 * and more than the norm's days have passed since it entered the start stage.
 */
export function findStuck(stages: readonly StageDef[], norms: readonly Norm[], candidates: readonly StuckCandidate[], today: string): StuckFinding[] {
  const findings: StuckFinding[] = []
  for (const norm of norms) {
    const from = stageIndex(stages, norm.fromStage)
    const to = stageIndex(stages, norm.toStage)
    if (from < 0 || to <= from) continue
    for (const p of candidates) {
      const at = stageIndex(stages, p.stage)
      if (at < from || at >= to) continue
      const since = p.enteredOn.get(norm.fromStage)
      if (!since) continue
      const elapsed = daysBetween(since, today)
      if (elapsed > norm.days) {
        findings.push({ projectId: p.projectId, regionCode: p.regionCode, normKey: norm.key, stage: p.stage, since, limitDays: norm.days, daysOver: elapsed - norm.days })
      }
    }
  }
  return findings
}

// ---- red and black lists

export interface DistrictProgress {
  regionCode: string
  /** projects ≥1亿 signed this year, and the year's target for them */
  signed1: number
  target1: number
  startRate: number | null
  overdueProblems: number
  stuck: number
  activeSigned: number
}

export interface RedBlackVerdict {
  regionCode: string
  list: 'red' | 'black' | null
  /** completion of the year's target against the month's pace (1 = on pace), null without a target */
  pace: number | null
  reasons: string[]
}

/** Where a district stands in a month: red for on-pace progress with a good start rate, black for falling behind. */
export function classifyDistrict(progress: DistrictProgress, month: number, rules: RedBlackRules): RedBlackVerdict {
  const expected = progress.target1 * (month / 12)
  const pace = expected > 0 ? progress.signed1 / expected : null
  const stuckShare = progress.activeSigned > 0 ? progress.stuck / progress.activeSigned : 0
  const black: string[] = []
  if (pace !== null && pace < rules.blackBelowPace) black.push('behind_pace')
  if (progress.overdueProblems >= rules.blackMinOverdueProblems) black.push('overdue_problems')
  if (progress.activeSigned > 0 && stuckShare >= rules.blackMinStuckShare) black.push('stuck_share')
  if (black.length > 0) return { regionCode: progress.regionCode, list: 'black', pace, reasons: black }
  const onPace = pace !== null && pace >= rules.redMinPace
  const starting = progress.startRate !== null && progress.startRate >= rules.redMinStartRate
  if (onPace && starting) return { regionCode: progress.regionCode, list: 'red', pace, reasons: ['on_pace', 'start_rate'] }
  return { regionCode: progress.regionCode, list: null, pace, reasons: [] }
}

// ---- problems (问题清单)

export type ProblemStatus = 'open' | 'escalated' | 'resolved'
export type ProblemAction = 'escalate' | 'resolve' | 'reassign'

/** An unresolved problem past its deadline day is overdue (the deadline day itself still counts as in time). */
export const isOverdue = (problem: { status: ProblemStatus; deadline: string }, today: string) => problem.status !== 'resolved' && problem.deadline < today

/** Which actions a problem in a status allows: a resolved problem is closed for good. */
export function problemActionAllowed(status: ProblemStatus, action: ProblemAction): boolean {
  switch (action) {
    case 'escalate':
      return status === 'open'
    case 'resolve':
    case 'reassign':
      return status !== 'resolved'
  }
}

/** A new deadline may not lie before the day it is set. */
export const deadlineValid = (deadline: string, today: string) => deadline >= today

// ---- overdue alerts

export interface AlertUser {
  id: string
  role: string
  scopeType: string
  scopeId: string
}

/**
 * Who hears of an overdue problem: the reviewers of the department it is assigned to, the staff of
 * the project's district, and the city staff. Reviewers are apart (they reach problems through their
 * department's page, not the project's).
 */
export function overdueAlertRecipients(problem: { departmentCode: string; regionCode: string }, users: readonly AlertUser[]): { reviewers: string[]; staff: string[] } {
  const reviewers: string[] = []
  const staff: string[] = []
  for (const u of users) {
    if (u.role === 'department_reviewer' && u.scopeType === 'department' && u.scopeId === problem.departmentCode) reviewers.push(u.id)
    else if (u.role === 'district_staff' && u.scopeType === 'district' && u.scopeId === problem.regionCode) staff.push(u.id)
    else if (u.role === 'city_staff') staff.push(u.id)
  }
  return { reviewers, staff }
}

// ---- months of the red and black lists

/** The last day of a month (YYYY-MM → YYYY-MM-DD). */
export function monthEndDay(month: string): string {
  const [year, m] = month.split('-').map(Number) as [number, number]
  return new Date(Date.UTC(year, m, 0)).toISOString().slice(0, 10)
}

/** The month before the one a day lies in (YYYY-MM-DD → YYYY-MM). */
export function previousMonth(day: string): string {
  const [year, m] = day.split('-').map(Number) as [number, number]
  return new Date(Date.UTC(year, m - 2, 1)).toISOString().slice(0, 7)
}

/** The day a month's figures stand for: its last day, or today while it runs. */
export const snapshotAsOf = (month: string, today: string) => {
  const end = monthEndDay(month)
  return end < today ? end : today
}
