import { describe, expect, it } from 'vitest'
import { ecosystemCodes, type ChainSegment } from '../../../../common/src/reference.js'
import {
  chains,
  departments,
  ecosystems,
  HANGZHOU_CODE,
  hangzhouDistricts,
  industryClasses,
  loadRegions,
  platforms,
  REFERENCE_DATA_VERSION,
} from './data/index.js'

// Integrity of the shipped reference data: every code resolves, nothing is duplicated, and the
// chain trees are trees. Content (which chains, which platforms) is reviewed by people, not here.

const HANGZHOU_DISTRICT_CODES = ['330102', '330105', '330106', '330108', '330109', '330110', '330111', '330112', '330113', '330114', '330122', '330127', '330182']
const STAGE_RANK: Record<ChainSegment['stage'], number> = { upstream: 0, midstream: 1, downstream: 2 }

const duplicates = (values: readonly string[]) => values.filter((v, i) => values.indexOf(v) !== i)

describe('regions', () => {
  const regions = loadRegions()
  const byCode = new Map(regions.map((r) => [r.code, r]))

  it('has every code once, 6 digits, with an existing parent one level up', () => {
    expect(regions.length).toBeGreaterThan(3000)
    expect(duplicates(regions.map((r) => r.code))).toEqual([])
    const parentLevel = { province: null, city: 'province', district: 'city' } as const
    const bad = regions.filter((r) => {
      if (!/^\d{6}$/.test(r.code)) return true
      const expected = parentLevel[r.level]
      if (expected === null) return r.parentCode !== null
      const parent = r.parentCode ? byCode.get(r.parentCode) : undefined
      return !parent || parent.level !== expected || r.code.slice(0, 2) !== parent.code.slice(0, 2)
    })
    expect(bad).toEqual([])
  })

  it('covers all 31 provincial units, including the four municipalities as cities', () => {
    expect(regions.filter((r) => r.level === 'province')).toHaveLength(31)
    for (const code of ['110100', '120100', '310100', '500100']) expect(byCode.get(code)?.level).toBe('city')
  })

  it("has Hangzhou's 13 county-level regions after the 2021 redistricting", () => {
    expect(byCode.get(HANGZHOU_CODE)?.nameZh).toBe('杭州市')
    expect(hangzhouDistricts(regions).map((d) => d.code).sort()).toEqual(HANGZHOU_DISTRICT_CODES)
    expect(byCode.get('330113')?.nameZh).toBe('临平区')
    expect(byCode.get('330114')?.nameZh).toBe('钱塘区')
  })

  it('flags exactly the four western mountain counties', () => {
    expect(regions.filter((r) => r.mountainCounty).map((r) => r.code).sort()).toEqual(['330112', '330122', '330127', '330182'])
  })
})

describe('industry classes', () => {
  const byCode = new Map(industryClasses.map((c) => [c.code, c]))

  it('has each code once, in the four shapes of the standard', () => {
    expect(duplicates(industryClasses.map((c) => c.code))).toEqual([])
    expect(industryClasses.filter((c) => !/^([A-T]|\d{2,4})$/.test(c.code) || c.nameZh.trim() === '')).toEqual([])
  })

  it('has all 20 sections and 97 divisions', () => {
    expect(industryClasses.filter((c) => /^[A-T]$/.test(c.code)).map((c) => c.code).join('')).toBe('ABCDEFGHIJKLMNOPQRST')
    const divisions = industryClasses.filter((c) => /^\d{2}$/.test(c.code)).map((c) => c.code)
    expect(divisions).toEqual(Array.from({ length: 97 }, (_, i) => String(i + 1).padStart(2, '0')))
  })

  it('puts every group and class under an existing parent of the same section', () => {
    const orphans = industryClasses
      .filter((c) => /^\d{3,4}$/.test(c.code))
      .filter((c) => {
        const parent = byCode.get(c.code.slice(0, c.code.length - 1))
        return !parent || parent.section !== c.section
      })
    expect(orphans).toEqual([])
    expect(industryClasses.filter((c) => /^\d{2}$/.test(c.code) && !byCode.has(c.section))).toEqual([])
  })
})

describe('ecosystems and chains', () => {
  const classes = new Map(industryClasses.map((c) => [c.code, c]))

  it('has the five ecosystems and at least 22 chains spread over all of them', () => {
    expect(ecosystems.map((e) => e.code)).toEqual([...ecosystemCodes])
    expect(chains.length).toBeGreaterThanOrEqual(22)
    for (const code of ecosystemCodes) expect(chains.filter((c) => c.ecosystem === code).length, code).toBeGreaterThanOrEqual(3)
  })

  it('marks the five named future industries', () => {
    const future = chains.filter((c) => c.future).map((c) => c.nameZh)
    expect(future).toEqual(expect.arrayContaining(['通用人工智能', '低空经济', '人形机器人', '类脑智能', '合成生物']))
  })

  it('has unique chain codes and segment codes unique across all chains, prefixed by their chain', () => {
    expect(duplicates(chains.map((c) => c.code))).toEqual([])
    expect(duplicates(chains.flatMap((c) => c.segments.map((s) => s.code)))).toEqual([])
    const misnamed = chains.flatMap((c) => c.segments.filter((s) => !new RegExp(`^${c.code}\\.[a-z][a-z0-9_]*$`).test(s.code)).map((s) => s.code))
    expect(misnamed).toEqual([])
  })

  it.each(chains.map((c) => [c.code, c] as const))('%s: 4-15 segments forming a tree inside the chain', (_code, chain) => {
    expect(chain.segments.length).toBeGreaterThanOrEqual(4)
    expect(chain.segments.length).toBeLessThanOrEqual(15)
    const own = new Map(chain.segments.map((s) => [s.code, s]))
    for (const segment of chain.segments) {
      if (segment.parentCode === null) continue
      expect(own.has(segment.parentCode), `${segment.code} → ${segment.parentCode}`).toBe(true)
      // a walk up from any node reaches a root without revisiting a node
      const seen = new Set<string>()
      let at: ChainSegment | undefined = segment
      while (at) {
        expect(seen.has(at.code), `cycle through ${at.code}`).toBe(false)
        seen.add(at.code)
        at = at.parentCode === null ? undefined : own.get(at.parentCode)
      }
    }
  })

  it.each(chains.map((c) => [c.code, c] as const))('%s: ordered upstream → downstream, children after and beside their parent', (_code, chain) => {
    const ranks = chain.segments.map((s) => STAGE_RANK[s.stage])
    expect(ranks).toEqual([...ranks].sort((a, b) => a - b))
    expect(new Set(chain.segments.map((s) => s.stage))).toEqual(new Set(['upstream', 'midstream', 'downstream']))
    const index = new Map(chain.segments.map((s, i) => [s.code, i]))
    for (const [i, s] of chain.segments.entries()) {
      if (s.parentCode === null) continue
      const parent = chain.segments[index.get(s.parentCode)!]!
      expect(index.get(s.parentCode)!, s.code).toBeLessThan(i)
      expect(s.stage, s.code).toBe(parent.stage)
    }
  })

  it.each(chains.map((c) => [c.code, c] as const))('%s: real 4-digit industry classes and 3-8 keywords per segment', (_code, chain) => {
    for (const segment of chain.segments) {
      expect(segment.industryCodes.length, segment.code).toBeGreaterThan(0)
      expect(duplicates(segment.industryCodes), segment.code).toEqual([])
      for (const code of segment.industryCodes) {
        expect(code, segment.code).toMatch(/^\d{4}$/)
        expect(classes.has(code), `${segment.code} uses ${code}, not in industryClasses`).toBe(true)
        expect(classes.has(code.slice(0, 3)), `group of ${code}`).toBe(true)
        expect(classes.has(code.slice(0, 2)), `division of ${code}`).toBe(true)
      }
      expect(segment.keywords.length, segment.code).toBeGreaterThanOrEqual(3)
      expect(segment.keywords.length, segment.code).toBeLessThanOrEqual(8)
      expect(duplicates(segment.keywords), segment.code).toEqual([])
      expect(segment.nameZh && segment.nameEn, segment.code).toBeTruthy()
    }
  })
})

describe('platforms', () => {
  const districtCodes = new Set(HANGZHOU_DISTRICT_CODES)
  const chainCodes = new Set(chains.map((c) => c.code))

  it('has at least 30 platforms with unique codes and names', () => {
    expect(platforms.length).toBeGreaterThanOrEqual(30)
    expect(duplicates(platforms.map((p) => p.code))).toEqual([])
    expect(duplicates(platforms.map((p) => p.nameZh))).toEqual([])
  })

  it('ties every platform to a Hangzhou district and to existing chains', () => {
    expect(platforms.filter((p) => !districtCodes.has(p.districtCode)).map((p) => p.code)).toEqual([])
    expect(platforms.flatMap((p) => p.chainCodes.filter((c) => !chainCodes.has(c)).map((c) => `${p.code} → ${c}`))).toEqual([])
    expect(platforms.filter((p) => duplicates(p.chainCodes).length > 0).map((p) => p.code)).toEqual([])
    expect(platforms.filter((p) => p.areaKm2 !== null && !(p.areaKm2 > 0)).map((p) => p.code)).toEqual([])
  })

  it('gives every Hangzhou district at least one platform', () => {
    const hosted = new Set(platforms.map((p) => p.districtCode))
    expect(HANGZHOU_DISTRICT_CODES.filter((d) => !hosted.has(d))).toEqual([])
  })
})

describe('departments and version', () => {
  it('has the bureau, the joint-review departments and both reviewer units, once each', () => {
    expect(duplicates(departments.map((d) => d.code))).toEqual([])
    expect(departments.map((d) => d.code)).toEqual(expect.arrayContaining(['invest_bureau', 'development_reform', 'finance', 'audit', 'sasac', 'expert_panel', 'hangzhou_capital']))
    expect(departments.filter((d) => !d.nameZh || !d.nameEn)).toEqual([])
  })

  it('ships a version tag', () => {
    expect(REFERENCE_DATA_VERSION).toBe('2026.1')
  })
})
