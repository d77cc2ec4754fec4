import { z } from 'zod'

// Leads (项目信息/线索): intake, service timers, the inbox and the funnel. Shared by server and web.
// Money in 万元; foreign capital in 万美元.

export const leadChannels = ['resident_office', 'agency', 'referral', 'fund', 'fair', 'hometown', 'soe_abroad', 'other'] as const
export type LeadChannel = (typeof leadChannels)[number]
export const leadStatuses = ['new', 'valid', 'invalid', 'signed', 'dropped'] as const
export type LeadStatus = (typeof leadStatuses)[number]
export const leadOrigins = ['form', 'import', 'target'] as const
export const timerKeys = ['first_response', 'evaluation', 'feedback', 'progress'] as const
export type TimerKey = (typeof timerKeys)[number]
export const timerStates = ['done', 'done_late', 'open', 'overdue', 'stopped'] as const
export type TimerState = (typeof timerStates)[number]

/** Chinese labels of the channels, as written in import files (渠道 column). */
export const channelLabels: Record<LeadChannel, string> = {
  resident_office: '驻点招商',
  agency: '市场化招商',
  referral: '以商引商',
  fund: '基金招商',
  fair: '展会推介',
  hometown: '乡贤',
  soe_abroad: '国企驻外',
  other: '其他',
}

const regionCode = z.string().regex(/^\d{6}$/, '6-digit region code')
const optionalText = (max: number) => z.string().trim().max(max).nullish()
const money = z.number().min(0).max(100_000_000).nullish()

export const createLeadSchema = z.object({
  /** the owning region; district staff may only give their own (default) */
  region: regionCode.optional(),
  title: z.string().trim().min(2).max(200),
  enterpriseId: z.uuid(),
  channel: z.enum(leadChannels),
  sourcePerson: z.string().trim().min(1).max(100),
  sourceContact: optionalText(200),
  plannedInvestment: money,
  plannedInvestmentUsd: money,
  chainCode: optionalText(80),
  segmentCode: optionalText(120),
  intendedRegionCode: regionCode.nullish(),
  intendedPlatformCode: optionalText(80),
  investorWishes: optionalText(2000),
  /** create even though duplicates were found (the caller has seen them) */
  confirmDuplicate: z.boolean().optional(),
})
export type CreateLead = z.infer<typeof createLeadSchema>

export const leadFromTargetSchema = createLeadSchema.omit({ enterpriseId: true, region: true, title: true }).extend({
  targetId: z.uuid(),
  title: z.string().trim().min(2).max(200).optional(),
})
export type LeadFromTarget = z.infer<typeof leadFromTargetSchema>

export const timerSchema = z.object({
  key: z.enum(timerKeys),
  dueAt: z.string().nullable(),
  doneAt: z.string().nullable(),
  state: z.enum(timerStates),
})
export type Timer = z.infer<typeof timerSchema>

export const leadSchema = z.object({
  id: z.string(),
  regionCode: z.string(),
  regionName: z.string(),
  title: z.string(),
  enterpriseId: z.string(),
  enterpriseName: z.string(),
  groupKey: z.string(),
  channel: z.enum(leadChannels),
  sourcePerson: z.string(),
  sourceContact: z.string().nullable(),
  plannedInvestment: z.number().nullable(),
  plannedInvestmentUsd: z.number().nullable(),
  chainCode: z.string().nullable(),
  chainName: z.string().nullable(),
  segmentCode: z.string().nullable(),
  intendedRegionCode: z.string().nullable(),
  intendedPlatformCode: z.string().nullable(),
  investorWishes: z.string().nullable(),
  status: z.enum(leadStatuses),
  origin: z.enum(leadOrigins),
  targetId: z.string().nullable(),
  receivedAt: z.string(),
  timers: z.array(timerSchema),
  overdue: z.number().int(),
  /** 首报 duty from the city setting */
  mustReport: z.boolean(),
  /** the latest report of this lead, if any */
  reportStatus: z.string().nullable(),
  reportId: z.string().nullable(),
  /** the firm's first-talk standing for the lead's region */
  standing: z.enum(['holder', 'none', 'held_elsewhere']),
  version: z.number().int(),
  createdAt: z.string(),
  createdBy: z.string(),
})
export type Lead = z.infer<typeof leadSchema>

export const leadEventSchema = z.object({ kind: z.string(), at: z.string(), actorName: z.string(), note: z.string().nullable() })
export const leadDetailSchema = leadSchema.extend({ events: z.array(leadEventSchema) })
export type LeadDetail = z.infer<typeof leadDetailSchema>

export const leadQuerySchema = z.object({
  q: z.string().trim().max(100).optional(),
  status: z.enum(leadStatuses).optional(),
  channel: z.enum(leadChannels).optional(),
  region: regionCode.optional(),
  overdue: z.enum(['true', 'false']).optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(20),
})
export const leadListSchema = z.object({ items: z.array(leadSchema), total: z.number().int() })

/** A service step: first response, evaluation (with its outcome), feedback to the source, a progress report. */
export const leadStepSchema = z.object({
  kind: z.enum(timerKeys),
  note: z.string().trim().min(1).max(2000),
  /** evaluation only: is the lead valid (有效线索)? */
  outcome: z.enum(['valid', 'invalid']).optional(),
  version: z.number().int(),
})
export const leadCloseSchema = z.object({ status: z.enum(['dropped', 'signed']), note: z.string().trim().min(1).max(2000), version: z.number().int() })

export const duplicateLeadSchema = z.object({
  kind: z.enum(['lead', 'right']),
  reason: z.enum(['same_enterprise', 'same_group', 'similar_trade_name', 'same_uscc']),
  /** own (or, for the city, any) leads in full; another district's right as holder and expiry only */
  leadId: z.string().nullable(),
  title: z.string().nullable(),
  regionCode: z.string(),
  regionName: z.string(),
  enterpriseId: z.string().nullable(),
  enterpriseName: z.string().nullable(),
  expiresAt: z.string().nullable(),
})
export type DuplicateLead = z.infer<typeof duplicateLeadSchema>
export const duplicateQuerySchema = z.object({ enterpriseId: z.uuid(), region: regionCode.optional() })
export const duplicateListSchema = z.object({ items: z.array(duplicateLeadSchema) })

export const leadImportRequestSchema = z.object({
  region: regionCode.optional(),
  fileName: z.string().trim().min(1).max(200),
  contentBase64: z.string().min(1).max(20_000_000),
})
export const leadImportResultSchema = z.object({ imported: z.number().int() })
export const leadImportColumns = ['企业名称或统一社会信用代码', '线索名称', '渠道', '信息来源人', '联系方式', '计划投资（万元）', '外资（万美元）', '产业链', '意向区县', '投资方诉求'] as const

export const funnelQuerySchema = z.object({ from: z.iso.date().optional(), to: z.iso.date().optional() })
export const funnelRowSchema = z.object({
  key: z.string(),
  name: z.string(),
  leads: z.number().int(),
  valid: z.number().int(),
  reported: z.number().int(),
  granted: z.number().int(),
  signed: z.number().int(),
})
export const funnelSchema = z.object({
  total: funnelRowSchema,
  byChannel: z.array(funnelRowSchema),
  byRegion: z.array(funnelRowSchema),
})
export type Funnel = z.infer<typeof funnelSchema>
