import { describe, expect, it } from 'vitest'
import { ecosystemCodes } from '../../../../common/src/reference.js'
import { chains, departments, ecosystems, HANGZHOU_CODE, hangzhouDistricts, industryClasses, loadRegions, platforms } from './data/index.js'

describe('shipped reference data', () => {
  const regions = loadRegions()
  const regionCodes = new Set(regions.map((r) => r.code))
  const classes = new Map(industryClasses.map((c) => [c.code, c]))
  const districts = hangzhouDistricts(regions)

  it('has every region once, 6 digits, with existing parents', () => {
    expect(regions.length).toBeGreaterThan(3000)
    expect(regionCodes.size).toBe(regions.length)
    for (const r of regions) {
      expect(r.code).toMatch(/^\d{6}$/)
      if (r.parentCode) expect(regionCodes.has(r.parentCode)).toBe(true)
    }
  })

  it("has Hangzhou's 13 districts after the 2021 redistricting, with exactly four mountain counties", () => {
    expect(districts.map((d) => d.code).sort()).toEqual(
      ['330102', '330105', '330106', '330108', '330109', '330110', '330111', '330112', '330113', '330114', '330122', '330127', '330182'],
    )
    expect(regions.find((r) => r.code === HANGZHOU_CODE)?.nameZh).toBe('杭州市')
    expect(regions.filter((r) => r.mountainCounty).map((r) => r.nameZh).sort()).toEqual(['临安区', '建德市', '桐庐县', '淳安县'].sort())
  })

  it('has the five ecosystems and at least 20 chains across them, including the future industries', () => {
    expect(ecosystems.map((e) => e.code)).toEqual([...ecosystemCodes])
    expect(chains.length).toBeGreaterThanOrEqual(20)
    for (const code of ecosystemCodes) expect(chains.some((c) => c.ecosystem === code)).toBe(true)
    const future = chains.filter((c) => c.future).map((c) => c.nameZh)
    expect(future).toEqual(expect.arrayContaining(['通用人工智能', '低空经济', '人形机器人', '类脑智能', '合成生物']))
  })

  it('gives each chain 4-15 segments in a tree, with real industry classes', () => {
    const allCodes = chains.flatMap((c) => c.segments.map((s) => s.code))
    expect(new Set(allCodes).size).toBe(allCodes.length)
    expect(new Set(chains.map((c) => c.code)).size).toBe(chains.length)
    for (const chain of chains) {
      expect(chain.segments.length, chain.code).toBeGreaterThanOrEqual(4)
      expect(chain.segments.length, chain.code).toBeLessThanOrEqual(15)
      const own = new Map(chain.segments.map((s) => [s.code, s]))
      for (const segment of chain.segments) {
        expect(segment.keywords.length, segment.code).toBeGreaterThan(0)
        // walking up must end at a root inside the chain, never loop
        const seen = new Set<string>()
        let at: string | null = segment.code
        while (at) {
          expect(seen.has(at), `cycle at ${at}`).toBe(false)
          seen.add(at)
          const node = own.get(at)
          expect(node, `${segment.code} → missing parent ${at}`).toBeDefined()
          at = node!.parentCode
        }
        for (const code of segment.industryCodes) {
          expect(code, segment.code).toMatch(/^\d{4}$/)
          expect(classes.has(code), `${segment.code} uses unknown class ${code}`).toBe(true)
          expect(classes.has(code.slice(0, 3)), `group of ${code}`).toBe(true)
          expect(classes.has(code.slice(0, 2)), `division of ${code}`).toBe(true)
        }
      }
    }
  })

  it('ties every platform to a Hangzhou district and to existing chains, and covers every district', () => {
    const districtCodes = new Set(districts.map((d) => d.code))
    const chainCodes = new Set(chains.map((c) => c.code))
    expect(platforms.length).toBeGreaterThanOrEqual(30)
    expect(new Set(platforms.map((p) => p.code)).size).toBe(platforms.length)
    for (const platform of platforms) {
      expect(districtCodes.has(platform.districtCode), platform.code).toBe(true)
      for (const c of platform.chainCodes) expect(chainCodes.has(c), `${platform.code} → ${c}`).toBe(true)
    }
    for (const d of districtCodes) expect(platforms.some((p) => p.districtCode === d), d).toBe(true)
  })

  it('has the reviewing departments', () => {
    expect(departments.map((d) => d.code)).toEqual(expect.arrayContaining(['invest_bureau', 'development_reform', 'finance', 'audit']))
  })
})
