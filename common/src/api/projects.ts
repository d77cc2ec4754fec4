import { z } from 'zod'

// The project lifecycle (全生命周期): stages, projects, events, checklist, settings. Shared by server and web.

export const projectTypes = ['manufacturing', 'service', 'headquarters', 'rnd', 'fund'] as const
export type ProjectType = (typeof projectTypes)[number]
export const projectTypeLabels: Record<ProjectType, { zh: string; en: string }> = {
  manufacturing: { zh: '制造业固投', en: 'Manufacturing fixed-asset' },
  service: { zh: '服务业', en: 'Services' },
  headquarters: { zh: '总部', en: 'Headquarters' },
  rnd: { zh: '研发', en: 'R&D' },
  fund: { zh: '基金', en: 'Fund' },
}

export const firstTalkStatuses = ['none', 'granted', 'other_district', 'city_led'] as const
export type FirstTalkStatus = (typeof firstTalkStatuses)[number]

/** The reference set of twelve stages (线索 → 达产); a city may rename, drop or add stages in its settings. */
export const defaultStageCodes = [
  'lead',
  'contact',
  'negotiation',
  'evaluation',
  'decision',
  'signed',
  'registered',
  'land',
  'started',
  'completed',
  'production',
  'full_production',
] as const

/** Stages the lifecycle's figures are anchored on; a city's stage list must keep them. */
export const SIGNED = 'signed'
export const STARTED = 'started'

/** Project fields a stage may require before a project enters it. */
export const requirableFields = [
  'enterpriseId',
  'groupKey',
  'fixedAssetInvestment',
  'foreignCapitalUsd',
  'landMu',
  'energyTce',
  'expectedOutput',
  'expectedTax',
  'expectedJobs',
  'chainCode',
  'segmentCode',
  'platformCode',
  'responsible',
] as const
export type RequirableField = (typeof requirableFields)[number]

export const requirableFieldLabels: Record<RequirableField, { zh: string; en: string }> = {
  enterpriseId: { zh: '投资企业（库内）', en: 'Investor (in master data)' },
  groupKey: { zh: '所属集团', en: 'Group' },
  fixedAssetInvestment: { zh: '固定资产投资', en: 'Fixed-asset investment' },
  foreignCapitalUsd: { zh: '外资（万美元）', en: 'Foreign capital (10k USD)' },
  landMu: { zh: '用地需求（亩）', en: 'Land need (mu)' },
  energyTce: { zh: '能耗需求（吨标煤）', en: 'Energy need (tce)' },
  expectedOutput: { zh: '预计年产值', en: 'Expected annual output' },
  expectedTax: { zh: '预计年税收', en: 'Expected annual tax' },
  expectedJobs: { zh: '预计就业人数', en: 'Expected jobs' },
  chainCode: { zh: '产业链', en: 'Chain' },
  segmentCode: { zh: '产业链环节', en: 'Chain segment' },
  platformCode: { zh: '产业平台', en: 'Platform' },
  responsible: { zh: '责任人', en: 'People responsible' },
}

const itemKey = z.string().regex(/^[a-z0-9_]{1,40}$/, 'lowercase letters, digits and _')
export const checklistItemDefSchema = z.object({ key: itemKey, nameZh: z.string().min(1).max(40), nameEn: z.string().min(1).max(80) })
export type ChecklistItemDef = z.infer<typeof checklistItemDefSchema>

export const stageDefSchema = z.object({
  code: z.string().regex(/^[a-z_]{2,30}$/),
  nameZh: z.string().min(1).max(20),
  nameEn: z.string().min(1).max(40),
  /** fields that must be filled before a project enters this stage */
  requiredFields: z.array(z.enum(requirableFields)),
  /** milestones that must be ticked before a project enters this stage */
  checklist: z.array(checklistItemDefSchema),
})
export type StageDef = z.infer<typeof stageDefSchema>

export const stageSettingsSchema = z
  .array(stageDefSchema)
  .min(2)
  .max(30)
  .superRefine((stages, ctx) => {
    const codes = stages.map((s) => s.code)
    codes.forEach((code, i) => {
      if (codes.indexOf(code) !== i) ctx.addIssue({ code: 'custom', path: [i, 'code'], message: `duplicate stage ${code}` })
    })
    for (const anchor of [SIGNED, STARTED]) {
      if (!codes.includes(anchor)) ctx.addIssue({ code: 'custom', path: [], message: `the stage list must keep "${anchor}"` })
    }
    const keys = stages.flatMap((s) => s.checklist.map((c) => c.key))
    keys.forEach((key, i) => {
      if (keys.indexOf(key) !== i) ctx.addIssue({ code: 'custom', path: [], message: `checklist item ${key} appears twice` })
    })
  })

/** A supervision norm: a project that entered `fromStage` must reach `toStage` within `days`. */
export const normSchema = z.object({
  key: z.string().regex(/^[a-z0-9_]{1,40}$/),
  fromStage: z.string(),
  toStage: z.string(),
  days: z.number().int().min(1).max(3650),
})
export type Norm = z.infer<typeof normSchema>

/** Rules of the monthly red and black lists of districts (a city setting). */
export const redBlackRulesSchema = z.object({
  /** red: year-to-date completion of the ≥1亿 target at least this share of the month's pace (1 = on pace) */
  redMinPace: z.number().min(0).max(5),
  /** red: start rate at least this */
  redMinStartRate: z.number().min(0).max(1),
  /** black: completion below this share of the pace */
  blackBelowPace: z.number().min(0).max(5),
  /** black: this many overdue problems or more */
  blackMinOverdueProblems: z.number().int().min(1),
  /** black: this share of the district's active signed projects stuck, or more */
  blackMinStuckShare: z.number().min(0).max(1),
})
export type RedBlackRules = z.infer<typeof redBlackRulesSchema>

export const projectSettingsSchema = z.object({
  stages: z.array(stageDefSchema),
  norms: z.array(normSchema),
  redBlack: redBlackRulesSchema,
  version: z.number().int(),
  isDefault: z.boolean(),
})
export type ProjectSettings = z.infer<typeof projectSettingsSchema>
export const updateProjectSettingsSchema = z.object({
  stages: stageSettingsSchema,
  norms: z.array(normSchema).max(50),
  redBlack: redBlackRulesSchema,
  version: z.number().int().min(0),
})
export type UpdateProjectSettings = z.infer<typeof updateProjectSettingsSchema>

// ---- size classes (≥1亿, ≥10亿, ≥50亿, ≥100亿 total investment; figures in 万元)

export const sizeClassThresholds = [10_000, 100_000, 500_000, 1_000_000] as const
export const sizeClassLabels = [
  { zh: '1亿以下', en: 'Under 100M' },
  { zh: '1亿以上', en: '≥ 100M' },
  { zh: '10亿以上', en: '≥ 1B' },
  { zh: '50亿以上', en: '≥ 5B' },
  { zh: '100亿以上', en: '≥ 10B' },
] as const

// ---- projects

const money = z.number().min(0).max(1e9)
const optionalMoney = money.nullable().optional()
const regionCode = z.string().regex(/^\d{6}$/, '6-digit region code')
const day = z.iso.date()

export const personSchema = z.object({ name: z.string().trim().min(1).max(40), role: z.string().trim().max(40).default(''), phone: z.string().trim().max(30).optional() })
export type Person = z.infer<typeof personSchema>

const projectFields = {
  name: z.string().trim().min(2).max(120),
  enterpriseId: z.uuid().nullable().optional(),
  investorName: z.string().trim().min(2).max(120),
  groupKey: z.string().trim().max(120).nullable().optional(),
  type: z.enum(projectTypes),
  totalInvestment: money,
  fixedAssetInvestment: optionalMoney,
  foreignCapitalUsd: optionalMoney,
  landMu: z.number().min(0).max(1e6).nullable().optional(),
  energyTce: z.number().min(0).max(1e8).nullable().optional(),
  expectedOutput: optionalMoney,
  expectedTax: optionalMoney,
  expectedJobs: z.number().int().min(0).max(1e6).nullable().optional(),
  chainCode: z.string().max(60).nullable().optional(),
  segmentCode: z.string().max(120).nullable().optional(),
  platformCode: z.string().max(60).nullable().optional(),
  responsible: z.array(personSchema).max(20).optional(),
}

export const createProjectSchema = z.object({
  ...projectFields,
  regionCode,
  leadId: z.uuid().nullable().optional(),
  /** the stage a project starts in (default the first); later stages need their requirements too */
  stage: z.string().max(30).optional(),
})
export type CreateProject = z.infer<typeof createProjectSchema>

export const updateProjectSchema = z
  .object({
    name: projectFields.name,
    enterpriseId: projectFields.enterpriseId,
    investorName: projectFields.investorName,
    groupKey: projectFields.groupKey,
    type: projectFields.type,
    totalInvestment: projectFields.totalInvestment,
    fixedAssetInvestment: projectFields.fixedAssetInvestment,
    foreignCapitalUsd: projectFields.foreignCapitalUsd,
    landMu: projectFields.landMu,
    energyTce: projectFields.energyTce,
    expectedOutput: projectFields.expectedOutput,
    expectedTax: projectFields.expectedTax,
    expectedJobs: projectFields.expectedJobs,
    chainCode: projectFields.chainCode,
    segmentCode: projectFields.segmentCode,
    platformCode: projectFields.platformCode,
    responsible: projectFields.responsible,
  })
  .partial()
  .extend({ version: z.number().int().min(1), occurredOn: day.optional() })
export type UpdateProject = z.infer<typeof updateProjectSchema>

export const projectSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  enterpriseId: z.uuid().nullable(),
  investorName: z.string(),
  groupKey: z.string().nullable(),
  type: z.enum(projectTypes),
  totalInvestment: z.number(),
  fixedAssetInvestment: z.number().nullable(),
  foreignCapitalUsd: z.number().nullable(),
  landMu: z.number().nullable(),
  energyTce: z.number().nullable(),
  expectedOutput: z.number().nullable(),
  expectedTax: z.number().nullable(),
  expectedJobs: z.number().int().nullable(),
  chainCode: z.string().nullable(),
  chainName: z.string().nullable(),
  segmentCode: z.string().nullable(),
  ecosystemCode: z.string().nullable(),
  regionCode: z.string(),
  regionName: z.string(),
  platformCode: z.string().nullable(),
  platformName: z.string().nullable(),
  sizeClass: z.number().int(),
  firstTalkStatus: z.enum(firstTalkStatuses),
  violatesFirstTalk: z.boolean(),
  responsible: z.array(personSchema),
  stage: z.string(),
  stageEnteredOn: z.string(),
  signedOn: z.string().nullable(),
  startedOn: z.string().nullable(),
  arrivedInvestment: z.number(),
  leadId: z.uuid().nullable(),
  version: z.number().int(),
  createdAt: z.string(),
  createdBy: z.string(),
  updatedAt: z.string(),
})
export type Project = z.infer<typeof projectSchema>

export const notYetKeys = ['registered', 'land', 'started', 'completed', 'production', 'full_production'] as const
export type NotYetKey = (typeof notYetKeys)[number]
/** The six not-yets (六未): a project in the stage just before one of these. */
export const notYetLabels: Record<NotYetKey, { zh: string; en: string }> = {
  registered: { zh: '未注册', en: 'Not registered' },
  land: { zh: '未供地', en: 'No land yet' },
  started: { zh: '未开工', en: 'Not started' },
  completed: { zh: '未竣工', en: 'Not completed' },
  production: { zh: '未投产', en: 'Not in production' },
  full_production: { zh: '未达产', en: 'Not at full output' },
}

const csv = z
  .string()
  .max(400)
  .transform((s) => s.split(',').map((x) => x.trim()).filter(Boolean))
const flag = z.enum(['true', 'false']).transform((v) => v === 'true')

/** Filters of any project list; every dashboard figure's drill-down is one of these. */
export const projectQuerySchema = z.object({
  q: z.string().trim().max(60).optional(),
  region: regionCode.optional(),
  stages: csv.optional(),
  /** at or past this stage (by the stage list's order) */
  stageFrom: z.string().max(30).optional(),
  /** before this stage */
  stageBefore: z.string().max(30).optional(),
  type: z.enum(projectTypes).optional(),
  sizeClassMin: z.coerce.number().int().min(0).max(4).optional(),
  chain: z.string().max(60).optional(),
  ecosystem: z.string().max(60).optional(),
  inEcosystem: flag.optional(),
  onPlatform: flag.optional(),
  platform: z.string().max(60).optional(),
  signedFrom: day.optional(),
  signedTo: day.optional(),
  startedFrom: day.optional(),
  startedTo: day.optional(),
  started: flag.optional(),
  stuck: flag.optional(),
  notYet: z.enum(notYetKeys).optional(),
  openProblems: flag.optional(),
  violatesFirstTalk: flag.optional(),
  sort: z.enum(['updatedAt', 'totalInvestment', 'stageEnteredOn', 'signedOn', 'name']).default('updatedAt'),
  order: z.enum(['asc', 'desc']).default('desc'),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(20),
})
export type ProjectQuery = z.infer<typeof projectQuerySchema>
export type ProjectQueryInput = z.input<typeof projectQuerySchema>
export const projectListSchema = z.object({ items: z.array(projectSchema), total: z.number().int() })

// ---- transitions, events, arrivals, checklist

export const transitionSchema = z.object({
  toStage: z.string().max(30),
  version: z.number().int().min(1),
  /** needed when moving back */
  reason: z.string().trim().max(500).optional(),
  occurredOn: day.optional(),
})
export type Transition = z.infer<typeof transitionSchema>

export const missingItemSchema = z.object({
  stage: z.string(),
  kind: z.enum(['field', 'checklist']),
  key: z.string(),
  nameZh: z.string(),
  nameEn: z.string(),
})
export type MissingItem = z.infer<typeof missingItemSchema>

export const projectEventSchema = z.object({
  id: z.uuid(),
  kind: z.enum(['created', 'stage', 'field', 'arrival', 'checklist', 'problem']),
  occurredOn: z.string(),
  at: z.string(),
  actorName: z.string(),
  fromStage: z.string().nullable(),
  toStage: z.string().nullable(),
  field: z.string().nullable(),
  before: z.unknown().nullable(),
  after: z.unknown().nullable(),
  amount: z.number().nullable(),
  note: z.string().nullable(),
})
export type ProjectEvent = z.infer<typeof projectEventSchema>
export const projectEventListSchema = z.object({ items: z.array(projectEventSchema), total: z.number().int() })
export const eventQuerySchema = z.object({
  kind: z.enum(['created', 'stage', 'field', 'arrival', 'checklist', 'problem']).optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(500).default(100),
})

export const arrivalSchema = z.object({
  amount: z.number().positive().max(1e8),
  occurredOn: day,
  note: z.string().trim().max(200).optional(),
  version: z.number().int().min(1),
})
export type Arrival = z.infer<typeof arrivalSchema>

export const checklistEntrySchema = z.object({
  stage: z.string(),
  key: z.string(),
  nameZh: z.string(),
  nameEn: z.string(),
  done: z.boolean(),
  doneOn: z.string().nullable(),
  note: z.string().nullable(),
  updatedBy: z.string().nullable(),
})
export const checklistSchema = z.object({ items: z.array(checklistEntrySchema) })
export const tickChecklistSchema = z.object({
  done: z.boolean(),
  doneOn: day.optional(),
  note: z.string().trim().max(200).optional(),
})

export const projectDetailSchema = z.object({
  project: projectSchema,
  /** what the next stage still needs (empty when the project may move on) */
  nextStage: z.string().nullable(),
  missingForNext: z.array(missingItemSchema),
  timeline: z.array(z.object({ stage: z.string(), enteredOn: z.string().nullable(), current: z.boolean(), reached: z.boolean() })),
})
export type ProjectDetail = z.infer<typeof projectDetailSchema>

// ---- saved views

export const savedViewSchema = z.object({ id: z.uuid(), name: z.string(), filter: z.record(z.string(), z.string()), createdAt: z.string() })
export const savedViewListSchema = z.object({ items: z.array(savedViewSchema) })
export const createSavedViewSchema = z.object({ name: z.string().trim().min(1).max(40), filter: z.record(z.string().max(40), z.string().max(400)) })

// ---- annual targets

export const annualTargetSchema = z.object({
  regionCode,
  regionName: z.string(),
  count1: z.number().int().min(0),
  count10: z.number().int().min(0),
  count50: z.number().int().min(0),
  count100: z.number().int().min(0),
  investment: z.number().min(0),
  version: z.number().int(),
})
export type AnnualTarget = z.infer<typeof annualTargetSchema>
export const annualTargetListSchema = z.object({ year: z.number().int(), items: z.array(annualTargetSchema) })
export const updateAnnualTargetSchema = z.object({
  count1: z.number().int().min(0).max(100_000),
  count10: z.number().int().min(0).max(100_000),
  count50: z.number().int().min(0).max(100_000),
  count100: z.number().int().min(0).max(100_000),
  investment: z.number().min(0).max(1e10),
  version: z.number().int().min(0),
})

/** Position of a stage in a city's stage list, -1 when the list no longer has it. */
export const stageIndex = (stages: readonly { code: string }[], code: string) => stages.findIndex((s) => s.code === code)
