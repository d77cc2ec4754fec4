import { createHash } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { isValidUscc } from '../../../common/src/uscc.js'
import { chains, loadRegions } from '../modules/reference/data/index.js'
import {
  DATASET_AS_OF,
  datasetSizes,
  generateEnterprises,
  type DatasetSize,
  type EnterpriseDataset,
  type EnterpriseRelationRow,
  type EnterpriseRow,
  type EnterpriseSegmentRow,
} from './enterprises.js'
import { FOREIGN_TRADE_NAME_CHARS, INDUSTRY_WORDS, ORGANIZATION_FORMS, regionShortName, TRADE_NAME_CHARS } from './names.js'
import { indexedUuid, Random, weightedSampler } from './random.js'

const reference = { regions: loadRegions(), chains }
const NOW = new Date('2026-06-01T08:00:00Z')

interface Collected {
  enterprises: EnterpriseRow[]
  segments: EnterpriseSegmentRow[]
  relations: EnterpriseRelationRow[]
}

function collect(dataset: EnterpriseDataset, chunkSize?: number): Collected {
  return {
    enterprises: [...dataset.enterpriseChunks(chunkSize)].flat(),
    segments: [...dataset.segmentChunks(chunkSize)].flat(),
    relations: [...dataset.relationChunks(chunkSize)].flat(),
  }
}

function hashOf(data: Collected): string {
  const hash = createHash('sha256')
  for (const rows of [data.enterprises, data.segments, data.relations]) for (const row of rows) hash.update(JSON.stringify(row))
  return hash.digest('hex')
}

const generate = (size: DatasetSize, seed: number | string = 20261122) => generateEnterprises({ size, seed, now: NOW, reference })

const tiny = generate('tiny')
const tinyRows = collect(tiny)
const demo = generate('demo')
const demoRows = collect(demo)

describe('random', () => {
  it('repeats a stream from its key and forks streams that do not depend on consumption', () => {
    const a = new Random('k')
    const b = new Random('k')
    expect(Array.from({ length: 5 }, () => a.next())).toEqual(Array.from({ length: 5 }, () => b.next()))
    const fresh = new Random('k').fork('part').next()
    expect(a.fork('part').next()).toBe(fresh) // a has consumed 5 values already
    expect(a.fork('other').next()).not.toBe(fresh)
  })

  it('draws within bounds and by weight', () => {
    const r = new Random('bounds')
    const counts = [0, 0, 0]
    const ints = new Set<number>()
    for (let i = 0; i < 30_000; i++) {
      ints.add(r.int(-2, 3))
      counts[r.weighted([0, 1, 2], [1, 2, 7])]!++
    }
    expect([...ints].sort()).toEqual([-1, -2, 0, 1, 2, 3])
    expect(counts[2]! / 30_000).toBeCloseTo(0.7, 1)
    const sampler = weightedSampler([0, 5, 0, 5])
    for (let i = 0; i < 100; i++) expect([1, 3]).toContain(sampler.draw(r))
  })

  it('makes v4-shaped uuids, from a stream and from an index', () => {
    const v4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/
    const r = new Random('ids')
    expect(r.uuid()).toMatch(v4)
    const key = [1, 2, 3, 4] as const
    expect(indexedUuid(key, 7)).toMatch(v4)
    expect(indexedUuid(key, 7)).toBe(indexedUuid(key, 7))
    expect(new Set(Array.from({ length: 10_000 }, (_, i) => indexedUuid(key, i))).size).toBe(10_000)
  })

  it('has a normal with mean 0 and sd 1, and shuffles into a permutation', () => {
    const r = new Random('normal')
    const xs = Array.from({ length: 20_000 }, () => r.normal())
    const mean = xs.reduce((a, b) => a + b, 0) / xs.length
    const sd = Math.sqrt(xs.reduce((a, b) => a + (b - mean) ** 2, 0) / xs.length)
    expect(Math.abs(mean)).toBeLessThan(0.03)
    expect(sd).toBeCloseTo(1, 1)
    expect(r.shuffle([1, 2, 3, 4, 5]).sort()).toEqual([1, 2, 3, 4, 5])
  })
})

describe('enterprise dataset', () => {
  it('is byte-identical for the same seed and differs for another', () => {
    const again = collect(generate('tiny'), 7) // chunking must not matter either
    expect(hashOf(again)).toBe(hashOf(tinyRows))
    expect(hashOf(collect(tiny))).toBe(hashOf(tinyRows)) // iterating twice gives the same rows
    expect(hashOf(collect(generate('tiny', 42)))).not.toBe(hashOf(tinyRows))
  })

  it('has the documented size', () => {
    expect(tinyRows.enterprises).toHaveLength(datasetSizes.tiny.enterprises)
    expect(tinyRows.relations).toHaveLength(datasetSizes.tiny.relations)
    expect(demoRows.enterprises).toHaveLength(datasetSizes.demo.enterprises)
    expect(demoRows.relations).toHaveLength(datasetSizes.demo.relations)
    expect(tiny.counts).toEqual({ enterprises: 300, relations: 1200, segments: tinyRows.segments.length })
  })

  it('gives every firm a valid, unique USCC carrying its region code', () => {
    for (const { enterprises } of [tinyRows, demoRows]) {
      expect(enterprises.filter((e) => !isValidUscc(e.uscc) || e.uscc.slice(2, 8) !== e.regionCode)).toEqual([])
      expect(new Set(enterprises.map((e) => e.uscc)).size).toBe(enterprises.length)
      expect(new Set(enterprises.map((e) => e.id)).size).toBe(enterprises.length)
    }
  })

  it('names firms 行政区划 + 字号 + 行业 + 组织形式, in both orders', () => {
    const regionWords = new Set(reference.regions.map((r) => regionShortName(r.nameZh)).filter((w): w is string => w !== null))
    regionWords.add('中国')
    const tradeChars = new Set([...TRADE_NAME_CHARS, ...FOREIGN_TRADE_NAME_CHARS])
    const orders = { region_first: 0, region_in_brackets: 0 }
    const bad: string[] = []
    for (const e of demoRows.enterprises.filter((row) => !row.name.endsWith('分公司'))) {
      const parsed = parseName(e.name, e.tradeName)
      const ok =
        parsed !== null &&
        regionWords.has(parsed.region) &&
        INDUSTRY_WORDS.includes(parsed.industry) &&
        [...e.tradeName].every((c) => tradeChars.has(c)) &&
        e.tradeName.length >= 2 &&
        e.tradeName.length <= 4
      if (!ok) bad.push(e.name)
      if (parsed) orders[parsed.order]++
    }
    expect(bad).toEqual([])
    expect(orders.region_first).toBeGreaterThan(orders.region_in_brackets)
    expect(orders.region_in_brackets).toBeGreaterThan(100)
    expect(TRADE_NAME_CHARS).not.toContain('国')
  })

  it('keeps trade names unique, except that a branch trades under its head office', () => {
    for (const { enterprises, relations } of [tinyRows, demoRows]) {
      const own = enterprises.filter((e) => !e.name.endsWith('分公司'))
      expect(new Set(own.map((e) => e.tradeName)).size).toBe(own.length)
      const byId = new Map(enterprises.map((e) => [e.id, e]))
      const branches = enterprises.filter((e) => e.name.endsWith('分公司'))
      expect(branches.length).toBeGreaterThan(0)
      const branchRelations = new Map(relations.filter((r) => r.kind === 'branch').map((r) => [r.fromId, r.toId]))
      for (const b of branches) {
        const head = byId.get(b.parentId!)!
        expect(b.name.startsWith(head.name), b.name).toBe(true)
        expect(b.tradeName).toBe(head.tradeName)
        expect(branchRelations.get(b.id)).toBe(head.id)
        expect(b.registeredCapital).toBeNull()
      }
    }
  })

  it('only relates firms that exist, never a firm to itself, with plausible figures', () => {
    for (const { enterprises, relations } of [tinyRows, demoRows]) {
      const ids = new Set(enterprises.map((e) => e.id))
      const isShare = (v: number | null | undefined) => v === null || v === undefined || (v > 0 && v <= 1)
      const bad = relations.filter(
        (r) =>
          !ids.has(r.fromId) ||
          !ids.has(r.toId) ||
          r.fromId === r.toId ||
          !(r.observedOn! <= DATASET_AS_OF) ||
          (r.kind === 'investor') !== (r.equityRatio !== null) ||
          ![r.shareOfSupplierRevenue, r.shareOfBuyerCost, r.equityRatio].every(isShare),
      )
      expect(bad).toEqual([])
      const triples = new Set(relations.map((r) => `${r.fromId}>${r.toId}:${r.kind}`))
      expect(triples.size).toBe(relations.length)
      // a parent is written before its subsidiaries and branches (parent_id FK under chunked COPY)
      const position = new Map(enterprises.map((e, i) => [e.id, i]))
      expect(enterprises.filter((e) => e.parentId && position.get(e.parentId)! >= position.get(e.id)!)).toEqual([])
    }
  })

  it('has a heavy-tailed degree distribution: a few hubs, a small median', () => {
    const degree = new Map<string, number>(demoRows.enterprises.map((e) => [e.id, 0]))
    for (const r of demoRows.relations) {
      degree.set(r.fromId, degree.get(r.fromId)! + 1)
      degree.set(r.toId, degree.get(r.toId)! + 1)
    }
    const sorted = [...degree.values()].sort((a, b) => a - b)
    const median = sorted[sorted.length >> 1]!
    const max = sorted[sorted.length - 1]!
    expect(median).toBeGreaterThanOrEqual(2)
    expect(median).toBeLessThanOrEqual(5)
    expect(max).toBeGreaterThanOrEqual(10 * median)
    expect(sorted.filter((d) => d >= 100).length).toBeGreaterThan(0)
  })

  it('puts about 35% of firms in the tenant city, weighted to the eastern districts', () => {
    const local = demoRows.enterprises.filter((e) => e.regionCode.startsWith('3301'))
    expect(local.length / demoRows.enterprises.length).toBeGreaterThan(0.31)
    expect(local.length / demoRows.enterprises.length).toBeLessThan(0.39)
    const inDistrict = (code: string) => local.filter((e) => e.regionCode === code).length
    expect(inDistrict('330108')).toBeGreaterThan(3 * inDistrict('330127')) // 滨江 vs 淳安
    const external = demoRows.enterprises.filter((e) => !e.regionCode.startsWith('3301'))
    const shanghai = external.filter((e) => e.regionCode.startsWith('31')).length
    expect(shanghai / external.length).toBeGreaterThan(0.06)
  })

  it('makes the largest local firms of each chain its chain leaders', () => {
    const segmentChain = new Map(chains.flatMap((c) => c.segments.map((s) => [s.code, c.code] as const)))
    const mainChain = new Map(demoRows.segments.filter((s) => s.main).map((s) => [s.enterpriseId, segmentChain.get(s.segmentCode)!]))
    const leaders = demoRows.enterprises.filter((e) => e.chainLeader)
    expect(leaders.length).toBeGreaterThanOrEqual(chains.length)
    for (const leader of leaders) expect(leader.regionCode.startsWith('3301')).toBe(true)
    for (const chain of chains) {
      const local = demoRows.enterprises.filter(
        (e) => mainChain.get(e.id) === chain.code && e.regionCode.startsWith('3301') && !e.name.endsWith('分公司'),
      )
      if (local.length === 0) continue
      const chainLeaders = local.filter((e) => e.chainLeader)
      expect(chainLeaders.length, chain.code).toBeGreaterThan(0)
      const smallestLeader = Math.min(...chainLeaders.map((e) => e.revenue!))
      for (const e of local) if (!e.chainLeader) expect(e.revenue!).toBeLessThanOrEqual(smallestLeader)
    }
    // the demo accounts need a chain leader in 滨江
    expect(leaders.some((e) => e.regionCode === '330108')).toBe(true)
    expect(tinyRows.enterprises.some((e) => e.chainLeader && e.regionCode === '330108')).toBe(true)
  })

  it('gives every firm but a fund one main segment of a known chain, and tags at the documented rates', () => {
    const segmentCodes = new Set(chains.flatMap((c) => c.segments.map((s) => s.code)))
    const mains = new Map<string, number>()
    for (const s of demoRows.segments) {
      expect(segmentCodes.has(s.segmentCode)).toBe(true)
      if (s.main) mains.set(s.enterpriseId, (mains.get(s.enterpriseId) ?? 0) + 1)
    }
    for (const e of demoRows.enterprises) {
      const fund = e.name.endsWith('合伙企业（有限合伙）') || ['6731', '6760', '7212'].includes(e.industryCode)
      expect(mains.get(e.id) ?? 0, e.name).toBe(fund ? 0 : 1)
      expect(e.foundedOn! <= DATASET_AS_OF).toBe(true)
      expect(e.createdAt).toEqual(NOW)
    }
    const rate = (tag: string) => demoRows.enterprises.filter((e) => e.tags.includes(tag)).length / demoRows.enterprises.length
    expect(rate('上市')).toBeCloseTo(0.02, 2)
    expect(rate('专精特新')).toBeCloseTo(0.08, 2)
    expect(rate('高新技术企业')).toBeCloseTo(0.25, 2)
    expect(rate('世界500强')).toBeCloseTo(0.002, 3)
    expect(rate('外资')).toBeGreaterThan(0.035)
    expect(rate('外资')).toBeLessThan(0.065)
    for (const e of demoRows.enterprises.filter((row) => row.tags.includes('上市'))) expect(e.name).toContain('股份有限公司')
  })
})

/** Splits a generated name into its four parts, or null when it has another shape. */
function parseName(name: string, tradeName: string) {
  const form = ORGANIZATION_FORMS.find((f) => name.endsWith(f))
  if (!form) return null
  const rest = name.slice(0, -form.length)
  const bracketed = /^(.+)（(.+)）$/.exec(rest)
  const [head, region, order] = bracketed
    ? [bracketed[1]!, bracketed[2]!, 'region_in_brackets' as const]
    : [rest.slice(rest.indexOf(tradeName)), rest.slice(0, rest.indexOf(tradeName)), 'region_first' as const]
  if (!head.startsWith(tradeName) || region.length === 0) return null
  return { region, tradeName, industry: head.slice(tradeName.length), form, order }
}
