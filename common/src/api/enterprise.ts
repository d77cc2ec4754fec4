import { z } from 'zod'

/** Tags the bureau reports on; free tags are allowed beside them. */
export const KNOWN_ENTERPRISE_TAGS = ['上市', '专精特新', '高新技术企业', '世界500强', '外资'] as const

export const sizeClasses = ['large', 'medium', 'small', 'micro'] as const
export type SizeClass = (typeof sizeClasses)[number]

export const enterpriseSortKeys = ['revenue', 'employees', 'founded', 'name'] as const
export const relationKindValues = ['supplier', 'investor', 'branch'] as const
export type RelationKindValue = (typeof relationKindValues)[number]

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'date as YYYY-MM-DD')
const money = z.number().min(0).max(1e12)

/** One row of a search result: enough for a list, a picker and a graph label. */
export const enterpriseSummarySchema = z.object({
  id: z.string(),
  uscc: z.string(),
  name: z.string(),
  tradeName: z.string(),
  regionCode: z.string(),
  regionName: z.string(),
  local: z.boolean(),
  industryCode: z.string(),
  revenue: z.number().nullable(),
  employees: z.number().int().nullable(),
  foundedOn: z.string().nullable(),
  tags: z.array(z.string()),
  chainLeader: z.boolean(),
  sizeClass: z.enum(sizeClasses).nullable(),
  status: z.enum(['active', 'merged']),
})
export type EnterpriseSummary = z.infer<typeof enterpriseSummarySchema>

export const enterpriseListQuerySchema = z.object({
  /** Name fragment, pinyin initials (hkws) or USCC (exact or prefix). */
  q: z.string().trim().max(64).optional(),
  tag: z.string().trim().max(32).optional(),
  chain: z.string().trim().max(32).optional(),
  segment: z.string().trim().max(32).optional(),
  /** A district code, 'local' (all districts of the city) or 'external'. */
  region: z.string().trim().max(16).optional(),
  size: z.enum(sizeClasses).optional(),
  chainLeader: z.enum(['true', 'false']).optional(),
  sort: z.enum(enterpriseSortKeys).default('revenue'),
  order: z.enum(['asc', 'desc']).default('desc'),
  page: z.coerce.number().int().min(1).max(1000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(20),
})
export type EnterpriseListQuery = Partial<z.output<typeof enterpriseListQuerySchema>>
export type EnterpriseListParams = z.output<typeof enterpriseListQuerySchema>

export const enterpriseListSchema = z.object({
  items: z.array(enterpriseSummarySchema),
  total: z.number().int(),
  /** True when `total` is a lower bound (the count stopped at the cap). */
  totalCapped: z.boolean(),
})
export type EnterpriseList = z.infer<typeof enterpriseListSchema>

export const enterpriseSegmentSchema = z.object({
  segmentCode: z.string(),
  segmentName: z.string(),
  chainCode: z.string(),
  chainName: z.string(),
  main: z.boolean(),
  source: z.enum(['rule', 'manual']),
})

export const enterpriseRefSchema = z.object({ id: z.string(), name: z.string() })

export const enterpriseDetailSchema = enterpriseSummarySchema.extend({
  formerNames: z.array(z.string()),
  nameInitials: z.string(),
  address: z.string().nullable(),
  industryName: z.string().nullable(),
  businessScope: z.string().nullable(),
  registeredCapital: z.number().nullable(),
  tax: z.number().nullable(),
  parent: enterpriseRefSchema.nullable(),
  actualController: z.string().nullable(),
  /** 籍贯: region code of the founder's hometown; a firm outside the city with a hometown in it is a 乡贤 firm */
  founderOriginCode: z.string().nullable(),
  founderOriginName: z.string().nullable(),
  mergedInto: enterpriseRefSchema.nullable(),
  segments: z.array(enterpriseSegmentSchema),
  version: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
})
export type EnterpriseDetail = z.infer<typeof enterpriseDetailSchema>

export const segmentAssignmentSchema = z.object({ segmentCode: z.string().trim().min(1).max(32), main: z.boolean().default(false) })

const enterpriseFields = {
  uscc: z.string().trim().toUpperCase().min(1).max(40),
  name: z.string().trim().min(2).max(100),
  regionCode: z.string().trim().regex(/^\d{6}$/, 'a 6-digit region code'),
  address: z.string().trim().max(200).nullable().optional(),
  industryCode: z.string().trim().min(1).max(8),
  businessScope: z.string().trim().max(2000).nullable().optional(),
  registeredCapital: money.nullable().optional(),
  revenue: money.nullable().optional(),
  tax: money.nullable().optional(),
  employees: z.number().int().min(0).max(10_000_000).nullable().optional(),
  foundedOn: isoDate.nullable().optional(),
  tags: z.array(z.string().trim().min(1).max(20)).max(20).optional(),
  chainLeader: z.boolean().optional(),
  parentId: z.uuid().nullable().optional(),
  actualController: z.string().trim().max(100).nullable().optional(),
  founderOriginCode: z.string().trim().regex(/^\d{6}$/, 'a 6-digit region code').nullable().optional(),
  segments: z.array(segmentAssignmentSchema).max(20).optional(),
}

export const createEnterpriseRequestSchema = z.object({
  ...enterpriseFields,
  /** Staff looked at the suspected duplicates and say this is a different firm. */
  confirmNotDuplicate: z.boolean().optional(),
})
export type CreateEnterpriseRequest = z.input<typeof createEnterpriseRequestSchema>

export const updateEnterpriseRequestSchema = z
  .object(enterpriseFields)
  .partial()
  .extend({ version: z.number().int().min(1) })
export type UpdateEnterpriseRequest = z.input<typeof updateEnterpriseRequestSchema>

export const duplicateReasons = ['same_uscc', 'same_group', 'similar_trade_name'] as const
export const duplicateCandidateSchema = z.object({
  enterprise: enterpriseSummarySchema,
  reasons: z.array(z.enum(duplicateReasons)),
  similarity: z.number(),
})
export type DuplicateCandidate = z.infer<typeof duplicateCandidateSchema>

export const duplicateQuerySchema = z.object({
  uscc: z.string().trim().toUpperCase().max(40).optional(),
  name: z.string().trim().max(100).optional(),
  parentId: z.uuid().nullable().optional(),
  actualController: z.string().trim().max(100).nullable().optional(),
  /** Leave this firm out (when checking an existing one). */
  excludeId: z.uuid().optional(),
})
export const duplicateListSchema = z.object({ items: z.array(duplicateCandidateSchema) })

export const mergeRequestSchema = z.object({ duplicateId: z.uuid() })

export const enterpriseChangeSchema = z.object({
  id: z.string(),
  at: z.string(),
  actorName: z.string(),
  kind: z.string(),
  field: z.string().nullable(),
  before: z.unknown(),
  after: z.unknown(),
})
export const enterpriseHistorySchema = z.object({ items: z.array(enterpriseChangeSchema) })

export interface GroupNode {
  id: string
  name: string
  regionCode: string
  children: GroupNode[]
}
export const groupNodeSchema: z.ZodType<GroupNode> = z.lazy(() =>
  z.object({ id: z.string(), name: z.string(), regionCode: z.string(), children: z.array(groupNodeSchema) }),
)
export const enterpriseGroupSchema = z.object({
  root: groupNodeSchema,
  /** Ids from the root down to the asked firm. */
  path: z.array(z.string()),
  /** Firms sharing the actual controller that are not in the tree. */
  sameController: z.array(enterpriseRefSchema),
  truncated: z.boolean(),
})

export const relationSchema = z.object({
  id: z.string(),
  fromId: z.string(),
  fromName: z.string(),
  toId: z.string(),
  toName: z.string(),
  kind: z.enum(relationKindValues),
  shareOfSupplierRevenue: z.number().nullable(),
  shareOfBuyerCost: z.number().nullable(),
  equityRatio: z.number().nullable(),
  source: z.string(),
  observedOn: z.string().nullable(),
})
export type Relation = z.infer<typeof relationSchema>

const share = z.number().min(0).max(1)
const relationFields = {
  shareOfSupplierRevenue: share.nullable().optional(),
  shareOfBuyerCost: share.nullable().optional(),
  equityRatio: share.nullable().optional(),
  source: z.string().trim().min(1).max(64),
  observedOn: isoDate.nullable().optional(),
}
export const createRelationRequestSchema = z.object({
  fromId: z.uuid(),
  toId: z.uuid(),
  kind: z.enum(relationKindValues),
  ...relationFields,
})
export type CreateRelationRequest = z.input<typeof createRelationRequestSchema>
export const updateRelationRequestSchema = z.object(relationFields).partial()

export const relationListQuerySchema = z.object({
  kind: z.enum(relationKindValues).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(200),
})
export const relationListSchema = z.object({ items: z.array(relationSchema), truncated: z.boolean() })

export const graphQuerySchema = z.object({
  depth: z.coerce.number().int().min(1).max(3).default(1),
  direction: z.enum(['up', 'down', 'both']).default('both'),
  /** Comma-separated relation kinds; all when empty. */
  kinds: z.string().trim().max(64).optional(),
  limit: z.coerce.number().int().min(10).max(500).default(200),
})
export const graphNodeSchema = z.object({
  id: z.string(),
  name: z.string(),
  tradeName: z.string(),
  regionCode: z.string(),
  local: z.boolean(),
  chainLeader: z.boolean(),
  depth: z.number().int(),
})
export const graphEdgeSchema = z.object({
  id: z.string(),
  from: z.string(),
  to: z.string(),
  kind: z.enum(relationKindValues),
  share: z.number().nullable(),
})
export const enterpriseGraphSchema = z.object({
  rootId: z.string(),
  nodes: z.array(graphNodeSchema),
  edges: z.array(graphEdgeSchema),
  truncated: z.boolean(),
})
export type EnterpriseGraph = z.infer<typeof enterpriseGraphSchema>

export const supplierRowSchema = z.object({
  relationId: z.string(),
  supplier: enterpriseSummarySchema,
  shareOfSupplierRevenue: z.number().nullable(),
  shareOfBuyerCost: z.number().nullable(),
})
export const supplierSplitSchema = z.object({
  local: z.array(supplierRowSchema),
  external: z.array(supplierRowSchema),
  localCostShare: z.number(),
  externalCostShare: z.number(),
})
