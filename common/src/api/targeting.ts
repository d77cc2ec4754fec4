import { z } from 'zod'
import { gapLabels, layoutRoles, stages } from './chain.js'

// Target discovery (靶向招商): ranked candidates for a region's chain, their reach paths, and the
// per-chain weights of the score. Shared by server and web.

/** The score's factors, each in [0, 1]; the server's targeting.rules.ts uses the same keys in the same order. */
export const targetingFactorKeys = ['gap', 'scale', 'signals', 'customers', 'suppliers', 'layout', 'reach'] as const
export type TargetingFactorKey = (typeof targetingFactorKeys)[number]

const regionCode = z.string().regex(/^\d{6}$/, '6-digit region code')
const chainCode = z.string().trim().min(1).max(80)
const factorRecord = z.object(Object.fromEntries(targetingFactorKeys.map((k) => [k, z.number()])) as Record<TargetingFactorKey, z.ZodNumber>)
export type FactorRecord = Record<TargetingFactorKey, number>

/** A weight the city admin may set: a finite number in -10..10. */
export const weightValue = z.number().finite().min(-10).max(10)

export const candidatesQuerySchema = z.object({
  region: regionCode,
  chain: chainCode,
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
})
export type CandidatesQuery = z.input<typeof candidatesQuerySchema>

export const weightsSetSchema = z.object({
  chainCode: z.string(),
  weights: factorRecord,
  intercept: z.number(),
  /** true when no city setting exists for the chain and the documented defaults apply */
  isDefault: z.boolean(),
  /** 0 for the defaults; the row's version otherwise (send it back with PUT) */
  version: z.number().int(),
  updatedBy: z.string().nullable(),
  updatedAt: z.string().nullable(),
  defaults: z.object({ weights: factorRecord, intercept: z.number() }),
})
export type WeightsSet = z.infer<typeof weightsSetSchema>

export const putWeightsRequestSchema = z.object({
  weights: z.object(Object.fromEntries(targetingFactorKeys.map((k) => [k, weightValue])) as Record<TargetingFactorKey, typeof weightValue>),
  intercept: z.number().finite().min(-20).max(20).optional(),
  /** the version read; a stale one is refused with 409 */
  version: z.number().int().min(0).optional(),
})
export type PutWeightsRequest = z.input<typeof putWeightsRequestSchema>

export const weightsParams = z.object({ chain: chainCode })

export const candidateFactsSchema = z.object({
  customersInRegion: z.number().int(),
  leaderCustomersInRegion: z.number().int(),
  suppliersInRegion: z.number().int(),
  /** recency-weighted event counts in the look-back window (1 = today, 0 at the window's start) */
  financing: z.number(),
  newBranches: z.number(),
  capacityExpansions: z.number(),
  /** hops from the bureau's assets: 1, 2 or null (farther / none) */
  assetDistance: z.number().int().nullable(),
})
export type CandidateFactsView = z.infer<typeof candidateFactsSchema>

export const candidateSchema = z.object({
  rank: z.number().int(),
  enterpriseId: z.string(),
  name: z.string(),
  regionCode: z.string(),
  regionName: z.string(),
  segmentCode: z.string(),
  segmentNameZh: z.string(),
  segmentNameEn: z.string(),
  gap: z.enum(gapLabels),
  /** 万元 */
  revenue: z.number().nullable(),
  /** 0..100 */
  score: z.number(),
  factors: factorRecord,
  contributions: factorRecord,
  facts: candidateFactsSchema,
})
export type Candidate = z.infer<typeof candidateSchema>

export const gapSegmentSchema = z.object({
  code: z.string(),
  nameZh: z.string(),
  nameEn: z.string(),
  stage: z.enum(stages),
  gap: z.enum(gapLabels),
  /** the region's firms in the segment */
  enterprises: z.number().int(),
  /** candidates (outside the region) whose main segment it is */
  candidates: z.number().int(),
})

export const candidatesResponseSchema = z.object({
  region: z.object({ code: z.string(), nameZh: z.string(), level: z.enum(['city', 'district']) }),
  chain: z.object({ code: z.string(), nameZh: z.string(), nameEn: z.string() }),
  asOf: z.string(),
  windowDays: z.number().int(),
  gaps: z.object({
    segments: z.array(gapSegmentSchema),
    counts: z.object(Object.fromEntries(gapLabels.map((g) => [g, z.number().int()])) as Record<(typeof gapLabels)[number], z.ZodNumber>),
  }),
  layout: z.object({ year: z.number().int(), role: z.enum(layoutRoles).nullable() }),
  weights: weightsSetSchema,
  total: z.number().int(),
  items: z.array(candidateSchema),
})
export type CandidatesResponse = z.infer<typeof candidatesResponseSchema>

export const pathsParams = z.object({ enterpriseId: z.uuid() })

/** POST /api/targeting/candidates/:enterpriseId/target: the server ranks again and keeps score and factors with the entry. */
export const addToTargetsRequestSchema = z.object({
  region: regionCode,
  chain: chainCode,
  priority: z.enum(['high', 'medium', 'low']).default('medium'),
  ownerName: z.string().trim().min(1).max(50).optional(),
  /** written from the strongest factors when left out */
  reason: z.string().trim().min(1).max(1000).optional(),
})
export type AddToTargetsRequest = z.input<typeof addToTargetsRequestSchema>
export const pathsQuerySchema = z.object({ region: regionCode })

export const assetKinds = ['chain_leader', 'fund', 'hometown', 'contact'] as const
export type AssetKind = (typeof assetKinds)[number]
export const pathEdgeKinds = ['supplier', 'investor', 'branch'] as const

export const pathNodeSchema = z.object({
  id: z.string(),
  name: z.string(),
  regionCode: z.string(),
  regionName: z.string(),
  local: z.boolean(),
  asset: z.enum(assetKinds).nullable(),
})
export type PathNode = z.infer<typeof pathNodeSchema>
export const pathStepSchema = z.object({
  fromName: z.string(),
  toName: z.string(),
  kind: z.enum(pathEdgeKinds),
  forward: z.boolean(),
  textZh: z.string(),
  textEn: z.string(),
})
export const reachPathSchema = z.object({ nodes: z.array(pathNodeSchema), steps: z.array(pathStepSchema) })
export type ReachPathView = z.infer<typeof reachPathSchema>
export const pathsResponseSchema = z.object({
  enterprise: z.object({ id: z.string(), name: z.string(), regionCode: z.string(), regionName: z.string() }),
  paths: z.array(reachPathSchema),
})
export type PathsResponse = z.infer<typeof pathsResponseSchema>
