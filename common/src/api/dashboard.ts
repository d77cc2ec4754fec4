import { z } from 'zod'

// The one screen (一屏): the lifecycle dashboard for the city or one district. Every figure carries
// `drill`: the project-list query (GET /api/projects) that lists the projects behind it.

export const drillSchema = z.record(z.string(), z.string())
export type Drill = z.infer<typeof drillSchema>

export const dashboardQuerySchema = z.object({
  region: z.string().regex(/^\d{6}$/).optional(),
  year: z.coerce.number().int().min(2000).max(2100).optional(),
})
export type DashboardQuery = z.infer<typeof dashboardQuerySchema>

const figure = z.object({ value: z.number(), drill: drillSchema })

export const dashboardSchema = z.object({
  asOf: z.string(),
  year: z.number().int(),
  region: z.string().nullable(),
  regionName: z.string(),
  /** year to date, projects signed at or above each size class (1 = ≥1亿 … 4 = ≥100亿), against the year's targets */
  sizeClasses: z.array(
    z.object({ sizeClass: z.number().int(), count: z.number().int(), investment: z.number(), target: z.number().int(), completion: z.number().nullable(), drill: drillSchema }),
  ),
  signedYtd: figure,
  investmentYtd: z.object({ value: z.number(), target: z.number(), completion: z.number().nullable(), drill: drillSchema }),
  arrivedYtd: z.number(),
  /** of the year's signed projects ≥1亿: in the five ecosystems, and on development-zone platforms */
  ecosystemShare: z.object({ base: z.number().int(), count: z.number().int(), share: z.number().nullable(), drill: drillSchema }),
  platformShare: z.object({ base: z.number().int(), count: z.number().int(), share: z.number().nullable(), drill: drillSchema }),
  byEcosystem: z.array(z.object({ code: z.string(), nameZh: z.string(), nameEn: z.string(), count: z.number().int(), investment: z.number(), drill: drillSchema })),
  funnel: z.array(z.object({ stage: z.string(), nameZh: z.string(), nameEn: z.string(), count: z.number().int(), investment: z.number(), drill: drillSchema })),
  /** region × stage counts; regions are the districts (one row for a district dashboard) */
  matrix: z.object({
    regions: z.array(z.object({ code: z.string(), nameZh: z.string() })),
    cells: z.array(z.object({ region: z.string(), stage: z.string(), count: z.number().int(), drill: drillSchema })),
  }),
  /** projects signed (at or past 签约) that have started (at or past 开工) */
  startRate: z.object({ signed: z.number().int(), started: z.number().int(), rate: z.number().nullable(), drill: drillSchema, startedDrill: drillSchema }),
  stuck: z.object({ count: z.number().int(), drill: drillSchema, byNorm: z.array(z.object({ normKey: z.string(), count: z.number().int() })) }),
  problems: z.object({ unresolved: z.number().int(), escalated: z.number().int(), overdue: z.number().int(), drill: drillSchema }),
  monthly: z.array(z.object({ month: z.string(), signed: z.number().int(), started: z.number().int(), arrived: z.number(), signedDrill: drillSchema, startedDrill: drillSchema })),
  /** one entry per district for the map */
  districts: z.array(
    z.object({
      code: z.string(),
      nameZh: z.string(),
      signed1: z.number().int(),
      target1: z.number().int(),
      completion: z.number().nullable(),
      active: z.number().int(),
      investment: z.number(),
      stuck: z.number().int(),
      drill: drillSchema,
    }),
  ),
})
export type Dashboard = z.infer<typeof dashboardSchema>
