import { z } from 'zod'
import { segmentSchema } from './reference.js'

// Contracts of the chain module: chain editing and versions, classification, layout guide, chain map.

export const stages = ['upstream', 'midstream', 'downstream'] as const
export type Stage = (typeof stages)[number]

const nameZh = z.string().trim().min(1).max(60)
const nameEn = z.string().trim().min(1).max(120)
const codePart = z
  .string()
  .trim()
  .regex(/^[a-z][a-z0-9_]{1,40}$/, 'lowercase letters, digits and _ (2-41 characters, starting with a letter)')
const industryCode = z.string().regex(/^\d{4}$/, 'a 4-digit GB/T 4754-2017 class code')
const keyword = z.string().trim().min(1).max(30)

export const chainCodeParams = z.object({ code: z.string().min(1).max(80) })
export const segmentParams = z.object({ code: z.string().min(1).max(80), segment: z.string().min(1).max(130) })

export const createChainRequestSchema = z.object({
  code: codePart,
  ecosystem: z.string().min(1),
  nameZh,
  nameEn,
  future: z.boolean().default(false),
})
export type CreateChainRequest = z.infer<typeof createChainRequestSchema>

export const updateChainRequestSchema = z.object({ nameZh, nameEn, future: z.boolean() }).partial()
export type UpdateChainRequest = z.infer<typeof updateChainRequestSchema>

export const createSegmentRequestSchema = z.object({
  /** The part after "<chain>."; the segment's code becomes "<chain>.<code>". */
  code: codePart,
  parentCode: z.string().nullable().default(null),
  nameZh,
  nameEn,
  stage: z.enum(stages),
  industryCodes: z.array(industryCode).max(20).default([]),
  keywords: z.array(keyword).max(40).default([]),
})
export type CreateSegmentRequest = z.infer<typeof createSegmentRequestSchema>

/** Rename, move (parent, stage, position) or change the rule columns of a segment. */
export const updateSegmentRequestSchema = z
  .object({
    parentCode: z.string().nullable(),
    nameZh,
    nameEn,
    stage: z.enum(stages),
    /** 0-based place among the chain's segments (upstream → downstream); others shift. */
    position: z.number().int().min(0).max(10_000),
    industryCodes: z.array(industryCode).max(20),
    keywords: z.array(keyword).max(40),
  })
  .partial()
export type UpdateSegmentRequest = z.infer<typeof updateSegmentRequestSchema>

export const deleteSegmentQuerySchema = z.object({
  /** Move the segment's enterprises to this segment of the same chain instead of refusing. */
  moveTo: z.string().min(1).max(130).optional(),
})

export const editableChainSchema = z.object({
  code: z.string(),
  ecosystem: z.string(),
  nameZh: z.string(),
  nameEn: z.string(),
  future: z.boolean(),
  version: z.number().int(),
  /** Edits made since the last published version. */
  draftChanged: z.boolean(),
  segments: z.array(segmentSchema.extend({ enterprises: z.number().int() })),
})
export type EditableChain = z.infer<typeof editableChainSchema>

export const publishRequestSchema = z.object({ note: z.string().trim().min(1).max(500) })

export const chainSnapshotSchema = z.object({
  chain: z.object({ code: z.string(), ecosystem: z.string(), nameZh: z.string(), nameEn: z.string(), future: z.boolean() }),
  segments: z.array(segmentSchema),
})
export type ChainSnapshot = z.infer<typeof chainSnapshotSchema>

export const chainVersionSummarySchema = z.object({
  version: z.number().int(),
  note: z.string().nullable(),
  createdAt: z.string(),
  createdBy: z.string(),
  segmentCount: z.number().int(),
})
export const chainVersionListSchema = z.object({ items: z.array(chainVersionSummarySchema) })
export const chainVersionSchema = chainVersionSummarySchema.extend({ snapshot: chainSnapshotSchema })
export const versionParams = z.object({ code: z.string().min(1).max(80), version: z.coerce.number().int().min(1) })

export const diffQuerySchema = z.object({
  from: z.coerce.number().int().min(1),
  /** A published version; absent = the current draft. */
  to: z.coerce.number().int().min(1).optional(),
})
export const segmentChangeSchema = z.object({
  code: z.string(),
  nameZh: z.string(),
  fields: z.array(z.string()),
})
export const chainDiffSchema = z.object({
  from: z.number().int(),
  to: z.number().int().nullable(),
  chainFields: z.array(z.string()),
  added: z.array(segmentSchema),
  removed: z.array(segmentSchema),
  changed: z.array(segmentChangeSchema),
})
export type ChainDiff = z.infer<typeof chainDiffSchema>

// ---- classification

export const enterpriseRefSchema = z.object({ id: z.string(), name: z.string() })
export const classificationSegmentSchema = z.object({
  code: z.string(),
  nameZh: z.string(),
  nameEn: z.string(),
  before: z.number().int(),
  after: z.number().int(),
  added: z.number().int(),
  removed: z.number().int(),
  addedSamples: z.array(enterpriseRefSchema),
  removedSamples: z.array(enterpriseRefSchema),
})
export const classificationPreviewSchema = z.object({
  chainCode: z.string(),
  added: z.number().int(),
  removed: z.number().int(),
  /** Manual assignments and exclusions the rules left alone. */
  manualKept: z.number().int(),
  segments: z.array(classificationSegmentSchema),
})
export type ClassificationPreview = z.infer<typeof classificationPreviewSchema>
export const classificationRunSchema = z.object({ runId: z.string(), chainCode: z.string(), added: z.number().int(), removed: z.number().int() })

// ---- layout guide

export const layoutRoles = ['core', 'cooperating'] as const
export type LayoutRole = (typeof layoutRoles)[number]

export const layoutGuideQuerySchema = z.object({ year: z.coerce.number().int().min(2000).max(2100).optional() })
export const layoutEntrySchema = z.object({
  chainCode: z.string(),
  districtCode: z.string(),
  /** '' for a district-level entry. */
  platformCode: z.string(),
  role: z.enum(layoutRoles),
  note: z.string().nullable(),
  updatedAt: z.string(),
  updatedBy: z.string(),
})
export type LayoutEntry = z.infer<typeof layoutEntrySchema>
export const layoutGuideSchema = z.object({
  year: z.number().int(),
  /** Years that have entries, newest first. */
  years: z.array(z.number().int()),
  entries: z.array(layoutEntrySchema),
})
export type LayoutGuide = z.infer<typeof layoutGuideSchema>
export const putLayoutEntryRequestSchema = z.object({
  year: z.number().int().min(2000).max(2100),
  chainCode: z.string().min(1),
  districtCode: z.string().regex(/^\d{6}$/),
  platformCode: z.string().max(80).default(''),
  role: z.enum(layoutRoles),
  note: z.string().trim().max(500).nullable().default(null),
})
export type PutLayoutEntryRequest = z.infer<typeof putLayoutEntryRequestSchema>
export const deleteLayoutEntryQuerySchema = z.object({
  year: z.coerce.number().int().min(2000).max(2100),
  chainCode: z.string().min(1),
  districtCode: z.string().min(1),
  platformCode: z.string().default(''),
})
export const copyLayoutYearRequestSchema = z.object({
  fromYear: z.number().int().min(2000).max(2100),
  toYear: z.number().int().min(2000).max(2100),
})
export const copyLayoutYearResultSchema = z.object({ copied: z.number().int() })

// ---- chain map

export const gapLabels = ['missing', 'weak', 'extension', 'strong'] as const
export type GapLabel = (typeof gapLabels)[number]

export const chainMapQuerySchema = z.object({
  chain: z.string().min(1),
  /** The city code (330100) or one of its districts. */
  region: z.string().regex(/^\d{6}$/),
})
export const chainMapSegmentSchema = z.object({
  code: z.string(),
  parentCode: z.string().nullable(),
  nameZh: z.string(),
  nameEn: z.string(),
  stage: z.enum(stages),
  position: z.number().int(),
  enterprises: z.number().int(),
  revenue: z.number(),
  employees: z.number().int(),
  leaders: z.array(z.string()),
  /** Firms of this segment in the benchmark region (the city for a district, the rest of the country for the city). */
  benchmarkEnterprises: z.number().int(),
  /** Location quotient: the region's share of the segment over its share of the whole chain; 1 = on par; null when the benchmark has no firms. */
  strength: z.number().nullable(),
  gap: z.enum(gapLabels),
})
export type ChainMapSegment = z.infer<typeof chainMapSegmentSchema>
export const chainExtensionSchema = z.object({
  segmentCode: z.string(),
  chainCode: z.string(),
  nameZh: z.string(),
  nameEn: z.string(),
  chainNameZh: z.string(),
  chainNameEn: z.string(),
  /** Supplier/customer links between the region's firms of this chain and firms whose main segment is this one. */
  links: z.number().int(),
  /** The region's own firms in that segment. */
  localEnterprises: z.number().int(),
})
export const chainMapSchema = z.object({
  chain: z.object({ code: z.string(), nameZh: z.string(), nameEn: z.string(), version: z.number().int() }),
  region: z.object({ code: z.string(), nameZh: z.string(), level: z.enum(['city', 'district']) }),
  benchmark: z.enum(['city', 'national']),
  totals: z.object({ enterprises: z.number().int(), revenue: z.number(), employees: z.number().int(), benchmarkEnterprises: z.number().int() }),
  segments: z.array(chainMapSegmentSchema),
  extensions: z.array(chainExtensionSchema),
})
export type ChainMap = z.infer<typeof chainMapSchema>

export const segmentEnterprisesQuerySchema = chainMapQuerySchema.extend({
  segment: z.string().min(1),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(20),
})
export const segmentEnterpriseSchema = z.object({
  id: z.string(),
  name: z.string(),
  regionCode: z.string(),
  regionName: z.string(),
  industryCode: z.string(),
  revenue: z.number().nullable(),
  employees: z.number().int().nullable(),
  chainLeader: z.boolean(),
  main: z.boolean(),
  source: z.enum(['rule', 'manual']),
})
export type SegmentEnterprise = z.infer<typeof segmentEnterpriseSchema>
export const segmentEnterpriseListSchema = z.object({ items: z.array(segmentEnterpriseSchema), total: z.number().int() })
