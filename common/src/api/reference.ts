import { z } from 'zod'

export const regionSchema = z.object({
  code: z.string(),
  nameZh: z.string(),
  level: z.enum(['province', 'city', 'district']),
  parentCode: z.string().nullable(),
  mountainCounty: z.boolean(),
})

export const platformSchema = z.object({
  code: z.string(),
  nameZh: z.string(),
  nameEn: z.string(),
  districtCode: z.string(),
  kind: z.string(),
  chainCodes: z.array(z.string()),
  areaKm2: z.number().nullable(),
})

export const departmentSchema = z.object({ code: z.string(), nameZh: z.string(), nameEn: z.string() })

export const segmentSchema = z.object({
  code: z.string(),
  parentCode: z.string().nullable(),
  nameZh: z.string(),
  nameEn: z.string(),
  stage: z.enum(['upstream', 'midstream', 'downstream']),
  position: z.number().int(),
  industryCodes: z.array(z.string()),
  keywords: z.array(z.string()),
})

export const chainSchema = z.object({
  code: z.string(),
  ecosystem: z.string(),
  nameZh: z.string(),
  nameEn: z.string(),
  future: z.boolean(),
  version: z.number().int(),
  segments: z.array(segmentSchema),
})

export const ecosystemSchema = z.object({ code: z.string(), nameZh: z.string(), nameEn: z.string() })

export const tenantReferenceSchema = z.object({
  tenant: z.object({ id: z.string(), nameZh: z.string() }),
  districts: z.array(regionSchema),
  platforms: z.array(platformSchema),
  departments: z.array(departmentSchema),
})

export const chainCatalogSchema = z.object({
  ecosystems: z.array(ecosystemSchema),
  chains: z.array(chainSchema),
})
