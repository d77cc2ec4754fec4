import { z } from 'zod'

export const homeSummarySchema = z.object({
  scopeName: z.string(),
  counts: z.object({
    enterprises: z.number().int(),
    relations: z.number().int(),
    chainLeaders: z.number().int(),
    platforms: z.number().int(),
    chains: z.number().int(),
    users: z.number().int().nullable(),
    auditToday: z.number().int().nullable(),
  }),
  enterprisesByDistrict: z.array(z.object({ code: z.string(), nameZh: z.string(), count: z.number().int() })),
  enterprisesByEcosystem: z.array(z.object({ code: z.string(), nameZh: z.string(), nameEn: z.string(), count: z.number().int() })),
})
export type HomeSummary = z.infer<typeof homeSummarySchema>
