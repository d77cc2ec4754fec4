// Pure rules of the project lifecycle: the default stages and their requirements, norms, transitions,
// size classes, scope, the six not-yets. No I/O. Stuck detection and red/black lists: supervision.rules.ts.
import type {
  ChecklistItemDef,
  MissingItem,
  NotYetKey,
  Norm,
  RedBlackRules,
  RequirableField,
  StageDef,
} from '../../../../common/src/api/projects.js'
import { requirableFieldLabels, SIGNED, sizeClassThresholds, stageIndex, STARTED } from '../../../../common/src/api/projects.js'
import type { Role } from '../../../../common/src/roles.js'

export { stageIndex }

const item = (key: string, nameZh: string, nameEn: string): ChecklistItemDef => ({ key, nameZh, nameEn })

/**
 * The twelve reference stages (seed: Hangzhou platform 2.0). Requirements are what a project must
 * have before it enters the stage: evaluation needs the factor needs (land, energy, output) the
 * 研判 weighs; signing needs the contract figures; 开工 needs the five permits.
 */
export const defaultStages: StageDef[] = [
  { code: 'lead', nameZh: '线索', nameEn: 'Lead', requiredFields: [], checklist: [] },
  { code: 'contact', nameZh: '接洽', nameEn: 'Contact', requiredFields: ['responsible'], checklist: [] },
  { code: 'negotiation', nameZh: '洽谈', nameEn: 'Negotiation', requiredFields: ['chainCode'], checklist: [item('visit', '实地考察', 'Site visit')] },
  {
    code: 'evaluation',
    nameZh: '研判',
    nameEn: 'Evaluation',
    requiredFields: ['landMu', 'energyTce', 'expectedOutput'],
    checklist: [item('expert_review', '专家评审', 'Expert review'), item('fund_review', '基金评审', 'Fund review')],
  },
  { code: 'decision', nameZh: '决策', nameEn: 'Decision', requiredFields: ['expectedTax'], checklist: [item('meeting_minutes', '会议纪要', 'Meeting minutes')] },
  {
    code: 'signed',
    nameZh: '签约',
    nameEn: 'Signed',
    requiredFields: ['fixedAssetInvestment', 'expectedJobs', 'segmentCode'],
    checklist: [item('contract', '投资协议', 'Investment agreement')],
  },
  { code: 'registered', nameZh: '注册', nameEn: 'Registered', requiredFields: ['enterpriseId'], checklist: [item('business_license', '营业执照', 'Business licence')] },
  { code: 'land', nameZh: '供地', nameEn: 'Land supplied', requiredFields: ['platformCode'], checklist: [item('land_transfer', '土地出让', 'Land transfer')] },
  {
    code: 'started',
    nameZh: '开工',
    nameEn: 'Construction started',
    requiredFields: [],
    checklist: [
      item('filing', '备案立项', 'Project filing'),
      item('energy_review', '节能审查', 'Energy review'),
      item('eia', '环评', 'Environmental impact assessment'),
      item('planning_permit', '规划许可', 'Planning permit'),
      item('construction_permit', '施工许可', 'Construction permit'),
    ],
  },
  { code: 'completed', nameZh: '竣工', nameEn: 'Completed', requiredFields: [], checklist: [item('acceptance', '竣工验收', 'Completion acceptance')] },
  { code: 'production', nameZh: '投产', nameEn: 'In production', requiredFields: [], checklist: [item('trial_run', '试生产', 'Trial run')] },
  { code: 'full_production', nameZh: '达产', nameEn: 'Full output', requiredFields: [], checklist: [] },
]

/** Default norms: signed → started within 180 days (the seed's example), and one per later step. */
export const defaultNorms: Norm[] = [
  { key: 'contact_to_signed', fromStage: 'contact', toStage: 'signed', days: 365 },
  { key: 'signed_to_registered', fromStage: 'signed', toStage: 'registered', days: 60 },
  { key: 'signed_to_started', fromStage: 'signed', toStage: 'started', days: 180 },
  { key: 'started_to_completed', fromStage: 'started', toStage: 'completed', days: 730 },
  { key: 'completed_to_production', fromStage: 'completed', toStage: 'production', days: 180 },
  { key: 'production_to_full', fromStage: 'production', toStage: 'full_production', days: 365 },
]

export const defaultRedBlackRules: RedBlackRules = {
  redMinPace: 1,
  redMinStartRate: 0.6,
  blackBelowPace: 0.6,
  blackMinOverdueProblems: 3,
  blackMinStuckShare: 0.3,
}

/** 0 below 1亿, 1 ≥1亿, 2 ≥10亿, 3 ≥50亿, 4 ≥100亿 (total investment in 万元). */
export function sizeClassOf(totalInvestment: number): number {
  let size = 0
  for (const threshold of sizeClassThresholds) if (totalInvestment >= threshold) size++
  return size
}


/** The project's values a requirement looks at. */
export type RequirementSubject = Partial<Record<RequirableField, unknown>>

function filled(value: unknown): boolean {
  if (value === null || value === undefined) return false
  if (typeof value === 'string') return value.trim().length > 0
  if (Array.isArray(value)) return value.length > 0
  return true
}

/**
 * What a project lacks to enter `toStage` from `fromStage`: a jump forward needs every stage's
 * requirements on the way (the stages skipped too), so skipping cannot dodge a permit.
 */
export function missingFor(
  stages: readonly StageDef[],
  fromStage: string | null,
  toStage: string,
  subject: RequirementSubject,
  doneItems: ReadonlySet<string>,
): MissingItem[] {
  const to = stageIndex(stages, toStage)
  const from = fromStage === null ? -1 : stageIndex(stages, fromStage)
  const missing: MissingItem[] = []
  for (let i = from + 1; i <= to; i++) {
    const stage = stages[i]!
    for (const field of stage.requiredFields) {
      if (!filled(subject[field])) {
        const label = requirableFieldLabels[field]
        missing.push({ stage: stage.code, kind: 'field', key: field, nameZh: label.zh, nameEn: label.en })
      }
    }
    for (const c of stage.checklist) {
      if (!doneItems.has(c.key)) missing.push({ stage: stage.code, kind: 'checklist', key: c.key, nameZh: c.nameZh, nameEn: c.nameEn })
    }
  }
  return missing
}

export type TransitionCheck =
  | { ok: true; direction: 'forward' | 'back' }
  | { ok: false; reason: 'unknown_stage' | 'same_stage' | 'reason_required' }
  | { ok: false; reason: 'missing'; missing: MissingItem[] }

/** Whether a project may move from one stage to another: forward with its requirements, back with a reason. */
export function checkTransition(
  stages: readonly StageDef[],
  fromStage: string,
  toStage: string,
  subject: RequirementSubject,
  doneItems: ReadonlySet<string>,
  reason: string | undefined,
): TransitionCheck {
  const from = stageIndex(stages, fromStage)
  const to = stageIndex(stages, toStage)
  if (to < 0) return { ok: false, reason: 'unknown_stage' }
  if (from === to) return { ok: false, reason: 'same_stage' }
  // a project whose stage the city removed from the list may move anywhere forward from the start
  if (from >= 0 && to < from) {
    if (!reason || reason.trim().length < 2) return { ok: false, reason: 'reason_required' }
    return { ok: true, direction: 'back' }
  }
  const missing = missingFor(stages, from >= 0 ? fromStage : null, toStage, subject, doneItems)
  if (missing.length > 0) return { ok: false, reason: 'missing', missing }
  return { ok: true, direction: 'forward' }
}

/**
 * The anchor days after a move: the first day a project reached 签约 / 开工 is kept when it moves on
 * or back within the signed range, and cleared when it falls below the anchor stage.
 */
export function anchorDays(
  stages: readonly StageDef[],
  toStage: string,
  day: string,
  current: { signedOn: string | null; startedOn: string | null },
): { signedOn: string | null; startedOn: string | null } {
  const to = stageIndex(stages, toStage)
  const anchor = (code: string, was: string | null) => (to >= stageIndex(stages, code) ? (was ?? day) : null)
  return { signedOn: anchor(SIGNED, current.signedOn), startedOn: anchor(STARTED, current.startedOn) }
}

/** The stage a "not yet" view lists: the one just before the named stage (签约未注册, 注册未供地, ...). */
export function notYetStage(stages: readonly StageDef[], key: NotYetKey): string | null {
  const i = stageIndex(stages, key)
  return i > 0 ? stages[i - 1]!.code : null
}

// ---- scope

export type ReadScope = 'all' | { district: string | null }

/** City roles and city leaders read every project; district, platform staff and district leaders their district's. */
export function projectReadScope(role: Role, scopeType: string, district: string | null): ReadScope {
  if (role === 'city_admin' || role === 'city_staff') return 'all'
  if (role === 'leader' && scopeType === 'city') return 'all'
  return { district }
}

export const mayReadRegion = (scope: ReadScope, region: string) => scope === 'all' || (scope.district !== null && scope.district === region)

/** City staff change any project; district staff only their district's. Leaders never write. */
export function mayEditProject(role: Role, district: string | null, region: string): boolean {
  if (role === 'city_admin' || role === 'city_staff') return true
  return role === 'district_staff' && district !== null && district === region
}

/** The bureau works in China Standard Time (UTC+8, no daylight saving): the calendar day of an instant there. */
export const chinaDay = (instant: Date) => new Date(instant.getTime() + 8 * 3600_000).toISOString().slice(0, 10)
