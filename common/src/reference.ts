// Reference data shapes shared by server, generator and web. Reference tables are tenant-free.

export const ecosystemCodes = ['smart_iot', 'biomedicine', 'high_end_equipment', 'new_materials', 'green_energy'] as const
export type EcosystemCode = (typeof ecosystemCodes)[number]

export interface Ecosystem {
  code: EcosystemCode
  nameZh: string
  nameEn: string
}

/** One node of a chain's segment tree, ordered upstream → downstream by `position`. */
export interface ChainSegment {
  /** Stable code, unique across all chains, e.g. "ic.design". */
  code: string
  /** Parent segment code inside the same chain, or null for a top-level stage. */
  parentCode: string | null
  nameZh: string
  nameEn: string
  /** upstream | midstream | downstream, the stage a fishbone map groups by. */
  stage: 'upstream' | 'midstream' | 'downstream'
  /** GB/T 4754-2017 industry codes (4-digit class codes such as "3973") that classify firms into this segment. */
  industryCodes: string[]
  /** Chinese keywords matched against a firm's business scope. */
  keywords: string[]
}

export interface Chain {
  /** Stable code, e.g. "integrated_circuit". */
  code: string
  ecosystem: EcosystemCode
  nameZh: string
  nameEn: string
  /** True for the districts' "future industries" (通用人工智能, 低空经济, 人形机器人, 类脑智能, 合成生物 ...). */
  future: boolean
  segments: ChainSegment[]
}

export type RegionLevel = 'province' | 'city' | 'district'

export interface Region {
  /** GB/T 2260 administrative division code, 6 digits. */
  code: string
  nameZh: string
  level: RegionLevel
  /** Code of the enclosing region, null for provinces. */
  parentCode: string | null
  /** Hangzhou's western mountain counties (淳安, 建德, 桐庐, 临安): the city leans major manufacturing projects toward them. */
  mountainCounty: boolean
}

export interface Platform {
  /** Stable code, e.g. "hz_hitech_zone". */
  code: string
  nameZh: string
  nameEn: string
  /** County-level region code that hosts the platform. */
  districtCode: string
  /** 国家级经开区 / 国家高新区 / 省级开发区 / 特色小镇 / 科技城 ... */
  kind: 'national_etdz' | 'national_hitech' | 'provincial_zone' | 'science_city' | 'industrial_park' | 'town'
  /** Chain codes the platform is known for (seeds the first layout guide). */
  chainCodes: string[]
  /** Planned area in km², where public. */
  areaKm2: number | null
}

export interface Department {
  code: string
  nameZh: string
  nameEn: string
}

export interface IndustryClass {
  /** GB/T 4754-2017 code: section letter, 2-digit division, 3-digit group or 4-digit class. */
  code: string
  nameZh: string
  /** Section letter (A-T) the code belongs to. */
  section: string
}
