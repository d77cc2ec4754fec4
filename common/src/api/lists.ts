import { z } from 'zod'

// The three lists (三张清单): chain leaders, key suppliers, target companies. Shared by server and web.

export const chainLeaderStatuses = ['proposed', 'confirmed', 'rejected'] as const
export const keySupplierStatuses = ['open', 'approaching', 'introduced', 'dismissed'] as const
export const targetStatuses = ['new', 'researching', 'contacting', 'negotiating', 'converted', 'dropped'] as const
export const targetPriorities = ['high', 'medium', 'low'] as const
export const targetSources = ['manual', 'import', 'discovery', 'key_supplier'] as const
export const listNames = ['chain-leaders', 'key-suppliers', 'targets'] as const
export type ListName = (typeof listNames)[number]

const sortOrder = z.enum(['asc', 'desc']).default('desc')
const page = z.coerce.number().int().min(1).default(1)
const pageSize = z.coerce.number().int().min(1).max(200).default(20)
const regionCode = z.string().regex(/^\d{6}$/, '6-digit region code')
const optionalText = (max: number) => z.string().trim().max(max).optional()

// ---- chain-leader criteria (a city setting; defaults in lists.rules.ts) ----

export const chainLeaderCriteriaSchema = z.object({
  /** firms below this revenue (万元) are never proposed */
  minRevenue: z.number().min(0),
  /** revenue rank in the chain that still earns rank points (1 = full, topRank = least) */
  topRank: z.number().int().min(1).max(100),
  /** local suppliers / customers at which that part of the score is full */
  supplierTarget: z.number().int().min(1),
  customerTarget: z.number().int().min(1),
  /** points per tag (上市, 世界500强, ...), summed and capped at 1 */
  tagPoints: z.record(z.string(), z.number().min(0).max(1)),
  weights: z.object({
    revenueRank: z.number().min(0),
    localSuppliers: z.number().min(0),
    localCustomers: z.number().min(0),
    tags: z.number().min(0),
  }),
  /** score (0-100) from which a firm is proposed */
  threshold: z.number().min(0).max(100),
  /** at most this many proposals per chain */
  maxPerChain: z.number().int().min(1).max(50),
})
export type ChainLeaderCriteria = z.infer<typeof chainLeaderCriteriaSchema>

export const chainLeaderCriteriaSettingSchema = z.object({
  criteria: chainLeaderCriteriaSchema,
  version: z.number().int(),
  isDefault: z.boolean(),
})
export const updateChainLeaderCriteriaSchema = z.object({ criteria: chainLeaderCriteriaSchema, version: z.number().int() })

// ---- chain leaders ----

export const chainLeaderFactorsSchema = z.object({
  revenue: z.number().nullable(),
  revenueRank: z.number().int().nullable(),
  firmsInChain: z.number().int(),
  localSuppliers: z.number().int(),
  localCustomers: z.number().int(),
  tags: z.array(z.string()),
  parts: z.object({ revenueRank: z.number(), localSuppliers: z.number(), localCustomers: z.number(), tags: z.number() }),
})
export type ChainLeaderFactors = z.infer<typeof chainLeaderFactorsSchema>

export const chainLeaderSchema = z.object({
  key: z.string(),
  chainCode: z.string(),
  chainName: z.string(),
  enterpriseId: z.string(),
  enterpriseName: z.string(),
  regionCode: z.string(),
  regionName: z.string(),
  status: z.enum(chainLeaderStatuses),
  score: z.number(),
  criteria: chainLeaderFactorsSchema.partial(),
  note: z.string().nullable(),
  decidedBy: z.string().nullable(),
  decidedAt: z.string().nullable(),
  version: z.number().int(),
  updatedAt: z.string(),
})
export type ChainLeader = z.infer<typeof chainLeaderSchema>

export const chainLeaderSorts = ['score', 'enterpriseName', 'updatedAt', 'status'] as const
export const chainLeaderQuerySchema = z.object({
  chain: optionalText(64),
  status: z.enum(chainLeaderStatuses).optional(),
  district: regionCode.optional(),
  q: optionalText(64),
  sort: z.enum(chainLeaderSorts).default('score'),
  order: sortOrder,
  page,
  pageSize,
})
export type ChainLeaderQuery = z.infer<typeof chainLeaderQuerySchema>
export const chainLeaderListSchema = z.object({ items: z.array(chainLeaderSchema), total: z.number().int() })

export const proposeRequestSchema = z.object({ chain: z.string().trim().min(1).max(64) })
export const proposeResultSchema = z.object({
  chain: z.string(),
  considered: z.number().int(),
  proposed: z.number().int(),
  inserted: z.number().int(),
  updated: z.number().int(),
  kept: z.number().int(),
})
export type ProposeResult = z.infer<typeof proposeResultSchema>

export const chainLeaderDecisionSchema = z.object({
  decision: z.enum(['confirm', 'reject']),
  note: z.string().trim().max(500).optional(),
  version: z.number().int().min(1),
})
export type ChainLeaderDecision = z.infer<typeof chainLeaderDecisionSchema>

// ---- key suppliers ----

export const keySupplierDependentSchema = z.object({
  enterpriseId: z.string(),
  enterpriseName: z.string().optional(),
  shareOfBuyerCost: z.number().nullable(),
  shareOfSupplierRevenue: z.number().nullable(),
})

export const keySupplierSchema = z.object({
  id: z.string(),
  regionCode: z.string(),
  regionName: z.string(),
  chainCode: z.string(),
  chainName: z.string(),
  segmentCode: z.string().nullable(),
  segmentName: z.string().nullable(),
  supplierId: z.string(),
  supplierName: z.string(),
  supplierRegionName: z.string(),
  dependents: z.array(keySupplierDependentSchema),
  dependence: z.number(),
  status: z.enum(keySupplierStatuses),
  note: z.string().nullable(),
  vanished: z.boolean(),
  version: z.number().int(),
  firstSeenAt: z.string(),
  updatedAt: z.string(),
})
export type KeySupplier = z.infer<typeof keySupplierSchema>

export const keySupplierSorts = ['dependence', 'supplierName', 'segment', 'updatedAt'] as const
export const keySupplierQuerySchema = z.object({
  region: regionCode.optional(),
  chain: optionalText(64),
  segment: optionalText(128),
  status: z.enum(keySupplierStatuses).optional(),
  includeVanished: z.enum(['true', 'false']).default('false'),
  q: optionalText(64),
  sort: z.enum(keySupplierSorts).default('dependence'),
  order: sortOrder,
  page,
  pageSize,
})
export type KeySupplierQuery = z.infer<typeof keySupplierQuerySchema>
export const keySupplierListSchema = z.object({ items: z.array(keySupplierSchema), total: z.number().int() })

export const refreshRequestSchema = z.object({ region: regionCode, chain: z.string().trim().min(1).max(64) })
export const refreshResultSchema = z.object({
  region: z.string(),
  chain: z.string(),
  leaders: z.number().int(),
  found: z.number().int(),
  added: z.number().int(),
  updated: z.number().int(),
  vanished: z.number().int(),
})
export type RefreshResult = z.infer<typeof refreshResultSchema>

export const updateKeySupplierSchema = z.object({
  status: z.enum(keySupplierStatuses).optional(),
  note: z.string().trim().max(1000).nullable().optional(),
  version: z.number().int().min(1),
})
export type UpdateKeySupplier = z.infer<typeof updateKeySupplierSchema>

export const keySupplierToTargetSchema = z.object({
  reason: z.string().trim().min(1).max(1000).optional(),
  priority: z.enum(targetPriorities).default('medium'),
  ownerName: z.string().trim().min(1).max(100).optional(),
})

// ---- targets ----

export const targetSchema = z.object({
  id: z.string(),
  regionCode: z.string(),
  regionName: z.string(),
  enterpriseId: z.string(),
  enterpriseName: z.string(),
  uscc: z.string(),
  chainCode: z.string().nullable(),
  chainName: z.string().nullable(),
  segmentCode: z.string().nullable(),
  segmentName: z.string().nullable(),
  ownerUserId: z.string().nullable(),
  ownerName: z.string(),
  priority: z.enum(targetPriorities),
  status: z.enum(targetStatuses),
  nextStep: z.string().nullable(),
  nextStepDue: z.string().nullable(),
  notes: z.string().nullable(),
  reason: z.string(),
  source: z.enum(targetSources),
  /** target discovery's score and factors, when the target came from there */
  score: z.record(z.string(), z.unknown()).nullable(),
  version: z.number().int(),
  createdAt: z.string(),
  createdBy: z.string(),
  updatedAt: z.string(),
})
export type Target = z.infer<typeof targetSchema>

const isoDate = z.iso.date()

export const createTargetSchema = z.object({
  region: regionCode,
  enterpriseId: z.uuid(),
  chainCode: z.string().trim().min(1).max(64).nullable().optional(),
  segmentCode: z.string().trim().min(1).max(128).nullable().optional(),
  ownerUserId: z.uuid().nullable().optional(),
  ownerName: z.string().trim().max(100).optional(),
  priority: z.enum(targetPriorities).default('medium'),
  status: z.enum(targetStatuses).default('new'),
  nextStep: z.string().trim().max(500).nullable().optional(),
  nextStepDue: isoDate.nullable().optional(),
  notes: z.string().trim().max(2000).nullable().optional(),
  reason: z.string().trim().min(1).max(1000),
})
export type CreateTarget = z.input<typeof createTargetSchema>

export const updateTargetSchema = createTargetSchema
  .omit({ region: true, enterpriseId: true })
  .partial()
  .extend({ reason: z.string().trim().min(1).max(1000).optional(), version: z.number().int().min(1) })
export type UpdateTarget = z.input<typeof updateTargetSchema>

export const targetSorts = ['updatedAt', 'priority', 'status', 'nextStepDue', 'enterpriseName'] as const
export const targetQuerySchema = z.object({
  region: regionCode.optional(),
  chain: optionalText(64),
  status: z.enum(targetStatuses).optional(),
  priority: z.enum(targetPriorities).optional(),
  q: optionalText(64),
  sort: z.enum(targetSorts).default('updatedAt'),
  order: sortOrder,
  page,
  pageSize,
})
export type TargetQuery = z.infer<typeof targetQuerySchema>
export const targetListSchema = z.object({ items: z.array(targetSchema), total: z.number().int() })

/** Excel import of targets: the file travels base64-encoded in JSON (no multipart on this server). */
export const targetImportRequestSchema = z.object({
  region: regionCode,
  fileName: z.string().trim().min(1).max(200),
  contentBase64: z.string().min(1).max(14_000_000),
})
export const targetImportResultSchema = z.object({ imported: z.number().int() })
/** The import's column headers, in order (the template's first row). */
export const targetImportColumns = ['企业名称或统一社会信用代码', '优先级', '状态', '负责人', '下一步', '下一步截止日期', '备注', '列入理由'] as const

// ---- history ----

export const listChangeSchema = z.object({
  id: z.string(),
  at: z.string(),
  actorName: z.string(),
  action: z.string(),
  before: z.unknown().nullable(),
  after: z.unknown().nullable(),
})
export const listHistorySchema = z.object({ items: z.array(listChangeSchema) })
export type ListChange = z.infer<typeof listChangeSchema>

export const okSchema = z.object({ ok: z.literal(true) })
