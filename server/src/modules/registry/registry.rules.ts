// Pure rules of 首报首谈: which leads must be reported, right status from dates, what another
// district may see, and which districts fit a project. No I/O here.
import type { Conflict, Fit, RegistrySettings } from '../../../../common/src/api/registry.js'
import type { Role } from '../../../../common/src/roles.js'

export const defaultRegistrySettings: RegistrySettings = {
  reportThresholds: { plannedInvestment: 10_000, foreignCapitalUsd: 1_000, keyChains: [] },
  rightMonths: 6,
  renewalMonths: 3,
  expiryWarningDays: 14,
  timers: { firstResponseDays: 1, evaluationDays: 3, feedbackDays: 7, progressDays: 14 },
}

/** Planned investment (万元) from which a project counts as major for redirection to the mountain counties: 10亿. */
export const MAJOR_PROJECT_INVESTMENT = 100_000

export interface ReportableLead {
  plannedInvestment: number | null
  plannedInvestmentUsd: number | null
  chainCode: string | null
}

/** 首报 duty: a lead must be reported when it reaches any threshold of the city setting. */
export function mustReport(lead: ReportableLead, settings: RegistrySettings): { required: boolean; reasons: string[] } {
  const reasons: string[] = []
  const t = settings.reportThresholds
  if (lead.plannedInvestment !== null && lead.plannedInvestment >= t.plannedInvestment) reasons.push('planned_investment')
  if (lead.plannedInvestmentUsd !== null && lead.plannedInvestmentUsd >= t.foreignCapitalUsd) reasons.push('foreign_capital')
  if (lead.chainCode !== null && t.keyChains.includes(lead.chainCode)) reasons.push('key_chain')
  return { required: reasons.length > 0, reasons }
}

/** Calendar months later, clamped to the month's last day (Jan 31 + 1 month = Feb 28/29), same time of day. */
export function addMonths(from: Date, months: number): Date {
  const d = new Date(from.getTime())
  const day = d.getUTCDate()
  d.setUTCDate(1)
  d.setUTCMonth(d.getUTCMonth() + months)
  const lastDay = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 0)).getUTCDate()
  d.setUTCDate(Math.min(day, lastDay))
  return d
}

export const DAY_MS = 86_400_000

export type RightStatus = 'active' | 'expired' | 'released' | 'revoked'

/** The status a right has at `now`: an active right past its expiry is expired even before the job has run. */
export function rightStatusAt(right: { status: RightStatus; expiresAt: Date }, now: Date): RightStatus {
  if (right.status === 'active' && right.expiresAt.getTime() <= now.getTime()) return 'expired'
  return right.status
}

/** Whole days left (rounded up) for an active right; null once it has ended. */
export function daysLeft(right: { status: RightStatus; expiresAt: Date }, now: Date): number | null {
  if (rightStatusAt(right, now) !== 'active') return null
  return Math.ceil((right.expiresAt.getTime() - now.getTime()) / DAY_MS)
}

/** The holder must be warned: active, not warned yet, within the warning window. */
export function needsExpiryWarning(right: { status: RightStatus; expiresAt: Date; warnedAt: Date | null }, now: Date, warningDays: number): boolean {
  if (rightStatusAt(right, now) !== 'active' || right.warnedAt !== null) return false
  return right.expiresAt.getTime() - now.getTime() <= warningDays * DAY_MS
}

/**
 * A firm's group: the root of its parent tree; when the root has an actual controller, the
 * controller (firms under one controller are one group even without parent rows).
 */
export function groupKeyOf(root: { id: string; actualController: string | null }): string {
  const controller = root.actualController?.trim()
  return controller ? `controller:${controller}` : `enterprise:${root.id}`
}

export type Standing = 'holder' | 'none' | 'held_elsewhere'

/** Where a region stands towards a firm given the rights on the firm or its group. */
export function standingOf(rights: Array<{ regionCode: string; status: RightStatus; expiresAt: Date }>, regionCode: string | null, now: Date): Standing {
  const active = rights.filter((r) => rightStatusAt(r, now) === 'active')
  if (active.length === 0) return 'none'
  if (regionCode !== null && active.some((r) => r.regionCode === regionCode)) return 'holder'
  return 'held_elsewhere'
}

export type RegistryReader = { all: true } | { all: false; district: string | null }

/** The city (and leaders of the city) read everything; district staff their district in full. */
export function registryReader(role: Role, scopeType: string, district: string | null): RegistryReader {
  if (role === 'city_admin' || role === 'city_staff') return { all: true }
  if (role === 'leader' && scopeType === 'city') return { all: true }
  return { all: false, district }
}

export const readsInFull = (reader: RegistryReader, regionCode: string) => reader.all || reader.district === regionCode

/**
 * The visibility projection: a conflict with another district's record keeps only who holds it and
 * until when. A pending report of another district shows the district, never the firm it matched.
 */
export function projectConflict(conflict: Conflict, reader: RegistryReader): Conflict {
  if (readsInFull(reader, conflict.regionCode)) return conflict
  return { ...conflict, id: null, enterpriseId: null, enterpriseName: null, similarity: null }
}

export interface FitInput {
  regions: Array<{ code: string; name: string; mountainCounty: boolean }>
  /** this year's layout guide rows for the lead's chain */
  guide: Array<{ districtCode: string; platformCode: string; role: 'core' | 'cooperating' }>
  platforms: Array<{ code: string; name: string; districtCode: string; chainCodes: string[] }>
  chainCode: string | null
  plannedInvestment: number | null
  wishedRegion: string | null
  reportingRegion: string
}

/**
 * Layout-guide fit of every district for a lead's chain: the reporting district first, then
 * preferred mountain counties, core hosts, cooperating hosts, and the rest.
 */
export function rankFits(input: FitInput): Fit[] {
  const major = (input.plannedInvestment ?? 0) >= MAJOR_PROJECT_INVESTMENT
  const fits = input.regions.map((region): Fit => {
    const rows = input.guide.filter((g) => g.districtCode === region.code)
    const guideRole = rows.some((g) => g.role === 'core') ? 'core' : rows.length ? 'cooperating' : 'none'
    const platformCodes = new Set(rows.map((g) => g.platformCode).filter(Boolean))
    const platforms = input.platforms
      .filter((p) => p.districtCode === region.code && (platformCodes.has(p.code) || (input.chainCode !== null && p.chainCodes.includes(input.chainCode))))
      .map((p) => ({ code: p.code, name: p.name }))
    const hosts = guideRole !== 'none' || platforms.length > 0
    return {
      regionCode: region.code,
      regionName: region.name,
      guideRole,
      platforms,
      mountainCounty: region.mountainCounty,
      preferred: major && region.mountainCounty && hosts,
      wished: region.code === input.wishedRegion,
    }
  })
  const rank = (f: Fit) =>
    f.regionCode === input.reportingRegion ? 0 : f.preferred ? 1 : f.wished ? 2 : f.guideRole === 'core' ? 3 : f.guideRole === 'cooperating' ? 4 : 5
  return fits.sort((a, b) => rank(a) - rank(b) || a.regionCode.localeCompare(b.regionCode))
}

/** Reasons ordered by strength, for a single headline of a conflict. */
export const conflictReasonRank: Record<Conflict['reason'], number> = { same_enterprise: 0, same_group: 1, similar_trade_name: 2 }

/** Similarity of trade names at which another firm's report or right counts as a conflict. */
export const CONFLICT_SIMILARITY = 0.6
