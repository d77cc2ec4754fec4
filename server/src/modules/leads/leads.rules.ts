// Pure rules of leads: service timers and their overdue state, import cell parsing. No I/O.
import { channelLabels, leadChannels, type LeadChannel, type LeadStatus, type Timer, type TimerKey } from '../../../../common/src/api/leads.js'
import type { RegistrySettings } from '../../../../common/src/api/registry.js'

const DAY_MS = 86_400_000

export interface TimedLead {
  status: LeadStatus
  receivedAt: Date
  firstResponseAt: Date | null
  evaluatedAt: Date | null
  feedbackAt: Date | null
  lastProgressAt: Date | null
}

export const isOpen = (status: LeadStatus) => status === 'new' || status === 'valid'

function state(dueAt: Date, doneAt: Date | null, open: boolean, now: Date): Timer['state'] {
  if (doneAt) return doneAt.getTime() <= dueAt.getTime() ? 'done' : 'done_late'
  if (!open) return 'stopped'
  return now.getTime() > dueAt.getTime() ? 'overdue' : 'open'
}

/**
 * The four service timers (服务时限) from receipt: first response, evaluation and feedback to the
 * source once each; then a progress report every N days from the last one (or from the evaluation)
 * while the lead is valid. A closed lead stops the timers that are not done.
 */
export function leadTimers(lead: TimedLead, timers: RegistrySettings['timers'], now: Date): Timer[] {
  const open = isOpen(lead.status)
  const at = (days: number, from = lead.receivedAt) => new Date(from.getTime() + days * DAY_MS)
  const step = (key: TimerKey, dueAt: Date, doneAt: Date | null): Timer => ({ key, dueAt: dueAt.toISOString(), doneAt: doneAt?.toISOString() ?? null, state: state(dueAt, doneAt, open, now) })
  const result = [
    step('first_response', at(timers.firstResponseDays), lead.firstResponseAt),
    step('evaluation', at(timers.evaluationDays), lead.evaluatedAt),
    step('feedback', at(timers.feedbackDays), lead.feedbackAt),
  ]
  if (lead.status === 'valid') {
    const since = lead.lastProgressAt ?? lead.evaluatedAt ?? lead.receivedAt
    const due = at(timers.progressDays, since)
    result.push({ key: 'progress', dueAt: due.toISOString(), doneAt: null, state: now.getTime() > due.getTime() ? 'overdue' : 'open' })
  } else {
    result.push({ key: 'progress', dueAt: null, doneAt: lead.lastProgressAt?.toISOString() ?? null, state: 'stopped' })
  }
  return result
}

export const overdueCount = (timers: Timer[]) => timers.filter((t) => t.state === 'overdue').length

/** Channel from an import cell: the code or the Chinese label (展会/推介会 and 市场化招商/中介 written either way). */
export function parseChannel(text: string): LeadChannel | null {
  const t = text.trim()
  if (t === '') return 'other'
  if ((leadChannels as readonly string[]).includes(t)) return t as LeadChannel
  for (const [code, label] of Object.entries(channelLabels)) if (label === t) return code as LeadChannel
  if (/展会|推介/.test(t)) return 'fair'
  if (/中介|市场化/.test(t)) return 'agency'
  if (/以商引商|企业推荐/.test(t)) return 'referral'
  if (/基金/.test(t)) return 'fund'
  if (/驻点|驻外招商/.test(t)) return 'resident_office'
  if (/乡贤/.test(t)) return 'hometown'
  if (/国企/.test(t)) return 'soe_abroad'
  return null
}

/** What an evaluation step does to the status; other steps keep it. */
export function statusAfterStep(current: LeadStatus, kind: TimerKey, outcome: 'valid' | 'invalid' | undefined): LeadStatus {
  if (kind === 'evaluation' && outcome) return outcome
  return current
}
