import { z } from 'zod'

// 首报首谈: first reports, the city's review, first-talk rights, and the city settings behind them.
// Shared by server and web. Money in 万元; foreign capital in 万美元.

export const reportStatuses = ['pending', 'granted', 'rejected', 'redirected', 'withdrawn'] as const
export const rightStatuses = ['active', 'expired', 'released', 'revoked'] as const
export const firstTalkActions = ['lead', 'report', 'negotiation', 'project'] as const
export type FirstTalkAction = (typeof firstTalkActions)[number]

const page = z.coerce.number().int().min(1).default(1)
const pageSize = z.coerce.number().int().min(1).max(200).default(20)
const regionCode = z.string().regex(/^\d{6}$/, '6-digit region code')

// ---- settings ----

export const registrySettingsSchema = z.object({
  /** which leads must be reported (首报): any one of these makes a lead reportable */
  reportThresholds: z.object({
    /** planned investment at or above this (万元); 10000 = 1亿 */
    plannedInvestment: z.number().min(0),
    /** foreign capital at or above this (万美元); 1000 = 1000万美元 */
    foreignCapitalUsd: z.number().min(0),
    /** chains whose leads are always reportable; empty = none by chain */
    keyChains: z.array(z.string().max(80)).max(200),
  }),
  /** months a first-talk right lasts when granted, and what a renewal adds */
  rightMonths: z.number().int().min(1).max(36),
  renewalMonths: z.number().int().min(1).max(36),
  /** days before expiry when the holder is warned */
  expiryWarningDays: z.number().int().min(0).max(90),
  /** service timers of a lead (服务时限), in days from receipt (progress: every N days) */
  timers: z.object({
    firstResponseDays: z.number().min(0.25).max(60),
    evaluationDays: z.number().min(0.25).max(60),
    feedbackDays: z.number().min(0.25).max(90),
    progressDays: z.number().min(1).max(180),
  }),
})
export type RegistrySettings = z.infer<typeof registrySettingsSchema>
export const registrySettingsViewSchema = z.object({ settings: registrySettingsSchema, version: z.number().int(), isDefault: z.boolean() })
export const updateRegistrySettingsSchema = z.object({ settings: registrySettingsSchema, version: z.number().int() })

// ---- conflicts ----

/**
 * What blocks a report or an action. Another district's conflict shows only the holder district
 * and the expiry: never the lead, the intent or the negotiation content.
 */
export const conflictSchema = z.object({
  kind: z.enum(['right', 'report']),
  reason: z.enum(['same_enterprise', 'same_group', 'similar_trade_name']),
  regionCode: z.string(),
  regionName: z.string(),
  /** active rights only */
  expiresAt: z.string().nullable(),
  /** filled only when the caller may see the record (own district or city) */
  id: z.string().nullable(),
  enterpriseId: z.string().nullable(),
  enterpriseName: z.string().nullable(),
  similarity: z.number().nullable(),
})
export type Conflict = z.infer<typeof conflictSchema>

// ---- reports ----

export const createReportSchema = z.object({
  leadId: z.uuid(),
  /** the clear intent the district reports (投资意向) */
  intent: z.string().trim().min(2).max(2000),
})
export type CreateReport = z.infer<typeof createReportSchema>

export const reportSchema = z.object({
  id: z.string(),
  leadId: z.string(),
  leadTitle: z.string(),
  regionCode: z.string(),
  regionName: z.string(),
  enterpriseId: z.string(),
  enterpriseName: z.string(),
  groupKey: z.string(),
  chainCode: z.string().nullable(),
  chainName: z.string().nullable(),
  plannedInvestment: z.number().nullable(),
  plannedInvestmentUsd: z.number().nullable(),
  intendedRegionCode: z.string().nullable(),
  intendedPlatformCode: z.string().nullable(),
  investorWishes: z.string().nullable(),
  intent: z.string(),
  status: z.enum(reportStatuses),
  reportedAt: z.string(),
  reportedBy: z.string(),
  decidedAt: z.string().nullable(),
  decidedBy: z.string().nullable(),
  decisionReason: z.string().nullable(),
  redirectRegionCode: z.string().nullable(),
  rightId: z.string().nullable(),
  version: z.number().int(),
})
export type Report = z.infer<typeof reportSchema>

export const reportQuerySchema = z.object({
  status: z.enum(reportStatuses).optional(),
  region: regionCode.optional(),
  page,
  pageSize,
})
export const reportListSchema = z.object({ items: z.array(reportSchema), total: z.number().int() })

/** A district the city might steer the project to (layout guide, mountain counties). */
export const fitSchema = z.object({
  regionCode: z.string(),
  regionName: z.string(),
  /** the region hosts the lead's chain in this year's layout guide: core / cooperating / none */
  guideRole: z.enum(['core', 'cooperating', 'none']),
  platforms: z.array(z.object({ code: z.string(), name: z.string() })),
  mountainCounty: z.boolean(),
  /** a western mountain county suggested for a large manufacturing project */
  preferred: z.boolean(),
  wished: z.boolean(),
})
export type Fit = z.infer<typeof fitSchema>

export const reportReviewSchema = z.object({
  report: reportSchema,
  /** other active reports and rights on the same firm, group or a similar trade name */
  conflicts: z.array(conflictSchema),
  /** the reporting district's fit first, then suggestions */
  fits: z.array(fitSchema),
  mustReport: z.object({ required: z.boolean(), reasons: z.array(z.string()) }),
})
export type ReportReview = z.infer<typeof reportReviewSchema>

export const reportDecisionSchema = z.discriminatedUnion('decision', [
  z.object({ decision: z.literal('grant'), version: z.number().int(), note: z.string().trim().max(1000).optional() }),
  z.object({ decision: z.literal('reject'), version: z.number().int(), reason: z.string().trim().min(2).max(1000) }),
  z.object({ decision: z.literal('redirect'), version: z.number().int(), region: regionCode, reason: z.string().trim().min(2).max(1000) }),
])
export type ReportDecision = z.infer<typeof reportDecisionSchema>

// ---- rights ----

export const rightEventSchema = z.object({ kind: z.string(), at: z.string(), actorName: z.string(), detail: z.unknown() })

/** A right as its holder district and the city see it. */
export const rightSchema = z.object({
  id: z.string(),
  visibility: z.literal('full'),
  regionCode: z.string(),
  regionName: z.string(),
  enterpriseId: z.string(),
  enterpriseName: z.string(),
  groupKey: z.string(),
  reportId: z.string().nullable(),
  leadId: z.string().nullable(),
  status: z.enum(rightStatuses),
  grantedAt: z.string(),
  grantedBy: z.string(),
  expiresAt: z.string(),
  renewedAt: z.string().nullable(),
  renewals: z.number().int(),
  endedAt: z.string().nullable(),
  endedBy: z.string().nullable(),
  endReason: z.string().nullable(),
  daysLeft: z.number().int().nullable(),
  version: z.number().int(),
  events: z.array(rightEventSchema),
})
export type Right = z.infer<typeof rightSchema>

/** Another district's active right: that the firm is taken, by whom and until when; nothing else. */
export const takenSchema = z.object({
  visibility: z.literal('taken'),
  regionCode: z.string(),
  regionName: z.string(),
  enterpriseId: z.string(),
  enterpriseName: z.string(),
  expiresAt: z.string(),
})
export type Taken = z.infer<typeof takenSchema>

export const rightQuerySchema = z.object({
  status: z.enum(rightStatuses).optional(),
  region: regionCode.optional(),
  page,
  pageSize,
})
export const rightListSchema = z.object({ items: z.array(z.union([rightSchema, takenSchema])), total: z.number().int() })
export const renewRightSchema = z.object({ version: z.number().int(), reason: z.string().trim().min(2).max(1000) })
export const endRightSchema = z.object({ version: z.number().int(), reason: z.string().trim().min(2).max(1000) })

export const standingQuerySchema = z.object({ enterpriseId: z.uuid() })
export const standingSchema = z.object({
  standing: z.enum(['holder', 'none', 'held_elsewhere']),
  taken: takenSchema.nullable(),
})

export const attemptSchema = z.object({
  id: z.string(),
  at: z.string(),
  actorName: z.string(),
  regionCode: z.string().nullable(),
  regionName: z.string().nullable(),
  enterpriseId: z.string(),
  enterpriseName: z.string(),
  action: z.string(),
  conflict: z.unknown(),
})
export const attemptListSchema = z.object({ items: z.array(attemptSchema), total: z.number().int() })
export const attemptQuerySchema = z.object({ page, pageSize })
