// The enterprise part of the one deterministic dataset (demo, tests, benchmarks): firms, their chain
// segments and the relations between them. Everything derives from (seed, size): the same pair gives
// byte-identical rows. Two passes keep memory flat for the million-firm sizes: pass 1 decides the
// numbers of every firm and relation in typed arrays; pass 2 streams rows (names, texts) in chunks.
import type { Chain, ChainSegment, Region } from '../../../common/src/reference.js'
import { orgCodeCheckChar, USCC_ALPHABET, usccCheckChar } from '../../../common/src/uscc.js'
import {
  normalizeTradeName,
  pinyinInitials,
  type enterpriseRelations,
  type enterpriseSegments,
  type enterprises,
  type RelationKind,
} from '../modules/enterprise/index.js'
import {
  branchName,
  businessScope,
  enterpriseName,
  FUND_INDUSTRY_WORDS,
  FUND_MANAGER_WORDS,
  industryWordsFor,
  regionShortName,
  streetAddress,
  TradeNameRegistry,
  type OrganizationForm,
} from './names.js'
import { hash128, indexedUuid, indexedUuidHead, Random, weightedSampler, type WeightedSampler } from './random.js'

export type EnterpriseRow = typeof enterprises.$inferInsert
export type EnterpriseSegmentRow = typeof enterpriseSegments.$inferInsert
export type EnterpriseRelationRow = typeof enterpriseRelations.$inferInsert

export type DatasetSize = 'tiny' | 'demo' | 'city' | 'province'

/** Enterprise and relation counts per size; the generator hits them exactly (relations: unless the graph saturates). */
export const datasetSizes: Record<DatasetSize, { enterprises: number; relations: number }> = {
  tiny: { enterprises: 300, relations: 1_200 },
  demo: { enterprises: 6_000, relations: 25_000 },
  city: { enterprises: 200_000, relations: 1_000_000 },
  province: { enterprises: 1_000_000, relations: 5_000_000 },
}

export const DEFAULT_SEED = 20261122
/** Founding and observation dates run up to this day, whatever the clock says, so that data stays byte-identical. */
export const DATASET_AS_OF = '2026-03-31'

export type FirmKind = 'firm' | 'fund' | 'subsidiary' | 'branch'
const KIND_FIRM = 0
const KIND_FUND = 1
const KIND_SUBSIDIARY = 2
const KIND_BRANCH = 3
const FIRM_KINDS: readonly FirmKind[] = ['firm', 'fund', 'subsidiary', 'branch']

// tag bits in FirmModel.flags
const TAG_LISTED = 1
const TAG_SPECIALIZED = 2
const TAG_HIGH_TECH = 4
const TAG_GLOBAL_500 = 8
const TAG_FOREIGN = 16
const CHAIN_LEADER = 32
const HAS_BRANCH = 64
const GROUP_PARENT = 128
const TAG_NAMES: ReadonlyArray<readonly [number, string]> = [
  [TAG_LISTED, '上市'],
  [TAG_SPECIALIZED, '专精特新'],
  [TAG_HIGH_TECH, '高新技术企业'],
  [TAG_GLOBAL_500, '世界500强'],
  [TAG_FOREIGN, '外资'],
]

const RELATION_KINDS: readonly RelationKind[] = ['supplier', 'investor', 'branch']
const REL_SUPPLIER = 0
const REL_INVESTOR = 1
const REL_BRANCH = 2

// Shares of the dataset, from the brief: ~35% local, tag rates against all firms.
const LOCAL_SHARE = 0.35
const TAG_RATES = { listed: 0.02, specialized: 0.08, highTech: 0.25, global500: 0.002, foreign: 0.05 } as const

// Where local firms sit: the eastern districts carry the chains, the mountain counties little.
const HANGZHOU_DISTRICT_WEIGHTS: Record<string, number> = {
  '330108': 14, '330110': 16, '330109': 15, '330114': 11, '330106': 10, '330102': 7, '330105': 7,
  '330113': 7, '330111': 5, '330112': 3, '330122': 2, '330182': 2, '330127': 1,
}
// Where external firms sit: the cities Hangzhou trades with and recruits from most.
const CITY_WEIGHTS: Record<string, number> = {
  '310100': 14, '440300': 10, '320500': 9, '110100': 8, '330200': 6, '320100': 5, '440100': 5, '340100': 4,
  '320200': 4, '510100': 3.5, '420100': 3, '330400': 3, '330600': 3, '320400': 3, '441900': 2.5, '610100': 2.5,
  '120100': 2, '500100': 2, '430100': 2, '370200': 2, '350200': 2, '440600': 2, '330300': 2, '330700': 1.5,
  '331000': 1.5, '330500': 1.5, '370100': 1.2, '410100': 1.2, '350100': 1.2, '440400': 1.2,
}
const OTHER_CITIES_WEIGHT = 22
// Firms still write these former county-level cities in their names (杭州萧山…, 余杭…).
const HISTORIC_COUNTY_CODES = new Set(['330109', '330110', '330111', '330112'])

const FUND_INDUSTRY_CODES = ['6731', '6760', '7212'] as const
const FALLBACK_INDUSTRY_CODE = '3990'

// ---------------------------------------------------------------------------------------------
// geography

interface Place {
  code: string
  local: boolean
  county: string | null
  city: string | null
  province: string | null
  /** The district's own short name (滨江, 浦东), for branch names. */
  district: string
  /** Address prefix: 浙江省杭州市滨江区 */
  path: string
}

interface Geography {
  places: Place[]
  local: WeightedSampler
  localPlaces: Int32Array
  external: WeightedSampler
  externalPlaces: Int32Array
}

const isPlaceholder = (name: string) => regionShortName(name) === null

function buildGeography(regions: readonly Region[], cityCode: string): Geography {
  const byCode = new Map(regions.map((r) => [r.code, r]))
  const children = new Map<string, Region[]>()
  for (const r of regions) {
    if (r.level !== 'district' || !r.parentCode) continue
    const list = children.get(r.parentCode) ?? []
    list.push(r)
    children.set(r.parentCode, list)
  }
  const places: Place[] = []
  const localIdx: number[] = []
  const localW: number[] = []
  const externalIdx: number[] = []
  const externalW: number[] = []
  const cities = regions.filter((r) => r.level === 'city' && !/^(71|81|82)/.test(r.code))
  const otherCities = cities.filter((c) => c.code !== cityCode && CITY_WEIGHTS[c.code] === undefined && !isPlaceholderCity(c))
  for (const city of cities) {
    const local = city.code === cityCode
    const province = city.parentCode ? byCode.get(city.parentCode) : undefined
    // a city without county-level children (东莞, 中山) is its own place
    const districts = children.get(city.code) ?? [city]
    const cityWeight = local ? 0 : (CITY_WEIGHTS[city.code] ?? (isPlaceholderCity(city) ? 0 : OTHER_CITIES_WEIGHT / Math.max(1, otherCities.length)))
    const kindWeights = districts.map((d) => (d.nameZh.endsWith('区') ? 2 : d.nameZh.endsWith('市') ? 1.5 : 0.6))
    const kindTotal = kindWeights.reduce((a, b) => a + b, 0)
    districts.forEach((district, k) => {
      const index = places.length
      places.push(makePlace(district, city, province, local))
      if (local) {
        localIdx.push(index)
        localW.push(HANGZHOU_DISTRICT_WEIGHTS[district.code] ?? (district.mountainCounty ? 1.5 : 4))
      } else if (cityWeight > 0) {
        externalIdx.push(index)
        externalW.push((cityWeight * kindWeights[k]!) / kindTotal)
      }
    })
  }
  if (localIdx.length === 0) throw new Error(`no districts under tenant city ${cityCode} in the region data`)
  return {
    places,
    local: weightedSampler(localW),
    localPlaces: Int32Array.from(localIdx),
    external: weightedSampler(externalW),
    externalPlaces: Int32Array.from(externalIdx),
  }
}

// 重庆's "县" unit and 省直辖县级行政区划 hold real counties; 市辖区 of a municipality is the city itself.
function isPlaceholderCity(city: Region): boolean {
  return city.nameZh === '省直辖县级行政区划' || city.nameZh === '自治区直辖县级行政区划'
}

function makePlace(district: Region, city: Region, province: Region | undefined, local: boolean): Place {
  const provinceWord = province ? regionShortName(province.nameZh) : null
  const cityWord = regionShortName(city.nameZh)
  const own = district !== city
  const countyLike = own && (/[县市旗]$/.test(district.nameZh) || HISTORIC_COUNTY_CODES.has(district.code))
  const parts = [province?.nameZh ?? '', isPlaceholder(city.nameZh) ? '' : city.nameZh, own ? district.nameZh : '']
  return {
    code: district.code,
    local,
    county: countyLike ? regionShortName(district.nameZh) : null,
    city: cityWord ?? provinceWord,
    province: provinceWord,
    district: regionShortName(district.nameZh) ?? district.nameZh,
    path: parts.filter((p, i) => p && parts.indexOf(p) === i).join(''),
  }
}

// ---------------------------------------------------------------------------------------------
// chains

interface SegmentInfo {
  code: string
  chain: number
  /** upstream → downstream order inside the chain (stage first, then position). */
  order: number
  segment: ChainSegment
  industryCodes: number[]
}

interface ChainModel {
  segments: SegmentInfo[]
  chainSegments: number[][]
  industryCodes: string[]
  external: WeightedSampler
  local: WeightedSampler
}

const STAGE_RANK = { upstream: 0, midstream: 1, downstream: 2 } as const

function buildChains(chains: readonly Chain[], random: Random, localEcosystems: ReadonlySet<string>): ChainModel {
  const segments: SegmentInfo[] = []
  const chainSegments: number[][] = []
  const industryCodes: string[] = []
  const codeIndex = new Map<string, number>()
  const industryIndex = (code: string) => {
    let index = codeIndex.get(code)
    if (index === undefined) {
      index = industryCodes.length
      industryCodes.push(code)
      codeIndex.set(code, index)
    }
    return index
  }
  for (const code of FUND_INDUSTRY_CODES) industryIndex(code)
  const externalW: number[] = []
  const localW: number[] = []
  chains.forEach((chain, c) => {
    const chainWeight = random.logNormal(0, 0.6) * Math.sqrt(chain.segments.length)
    const localBoost = localEcosystems.has(chain.ecosystem) ? 1.6 : 1
    const parents = new Set(chain.segments.map((s) => s.parentCode).filter((p): p is string => p !== null))
    const chainFallback = chain.segments.flatMap((s) => s.industryCodes)[0] ?? FALLBACK_INDUSTRY_CODE
    const segWeights = chain.segments.map((s) => random.logNormal(0, 0.5) * (parents.has(s.code) ? 0.3 : 1) * (s.stage === 'midstream' ? 1.2 : 1))
    const segTotal = segWeights.reduce((a, b) => a + b, 0)
    const indices: number[] = []
    chain.segments.forEach((segment, position) => {
      indices.push(segments.length)
      const codes = segment.industryCodes.length > 0 ? segment.industryCodes : [chainFallback]
      segments.push({ code: segment.code, chain: c, order: STAGE_RANK[segment.stage] * 1000 + position, segment, industryCodes: codes.map(industryIndex) })
      const weight = (chainWeight * segWeights[position]!) / segTotal
      externalW.push(weight)
      // about one segment in six is a local gap (补链 target): few or no Hangzhou firms
      localW.push(weight * localBoost * (random.chance(0.17) ? 0.06 : random.logNormal(0, 0.4)))
    })
    chainSegments.push(indices)
  })
  return { segments, chainSegments, industryCodes, external: weightedSampler(externalW), local: weightedSampler(localW) }
}

// ---------------------------------------------------------------------------------------------
// pass 1: the firm model

/** What later generator parts (leads, projects, events) need to know about the firms, by index. */
export interface FirmModel {
  readonly count: number
  readonly places: readonly Place[]
  readonly segmentCodes: readonly string[]
  readonly segmentChains: readonly string[]
  readonly industryCodes: readonly string[]
  /** Index into `places`. */
  readonly place: Uint16Array
  readonly local: Uint8Array
  readonly kind: Uint8Array
  /** Index into `segmentCodes`, -1 for funds. */
  readonly mainSegment: Int16Array
  readonly secondSegment: Int16Array
  readonly industry: Uint16Array
  /** Parent firm index, -1 when none. */
  readonly parent: Int32Array
  /** Days since 1970-01-01. */
  readonly foundedDay: Int32Array
  /** 万元, NaN when not reported (branches, funds). */
  readonly revenue: Float64Array
  readonly flags: Uint8Array
  enterpriseId(index: number): string
  regionCode(index: number): string
  kindOf(index: number): FirmKind
  isChainLeader(index: number): boolean
  tags(index: number): string[]
}

interface ModelInput {
  n: number
  random: Random
  geography: Geography
  chains: ChainModel
  chainCodes: readonly string[]
  idKey: readonly [number, number, number, number]
  asOfDay: number
}

function buildFirmModel(input: ModelInput): FirmModel {
  const { n, random, geography, chains, asOfDay } = input
  const nFunds = Math.max(2, Math.round(n * 0.003))
  const nBranches = Math.round(n * 0.04)
  const nSubsidiaries = Math.round(n * 0.06)
  const nFirms = n - nFunds - nBranches - nSubsidiaries
  const m = {
    place: new Uint16Array(n),
    local: new Uint8Array(n),
    kind: new Uint8Array(n),
    mainSegment: new Int16Array(n).fill(-1),
    secondSegment: new Int16Array(n).fill(-1),
    industry: new Uint16Array(n),
    parent: new Int32Array(n).fill(-1),
    foundedDay: new Int32Array(n),
    revenue: new Float64Array(n).fill(NaN),
    flags: new Uint8Array(n),
  }
  const setPlace = (i: number, local: boolean, r: Random) => {
    m.local[i] = local ? 1 : 0
    m.place[i] = local ? geography.localPlaces[geography.local.draw(r)]! : geography.externalPlaces[geography.external.draw(r)]!
  }
  const setSegment = (i: number, segment: number, r: Random) => {
    m.mainSegment[i] = segment
    const info = chains.segments[segment]!
    m.industry[i] = r.pick(info.industryCodes)
    if (r.chance(0.15)) m.secondSegment[i] = secondSegmentFor(segment, chains, r)
  }

  const firms = random.fork('firms')
  for (let i = 0; i < nFirms; i++) {
    const local = firms.chance(LOCAL_SHARE)
    setPlace(i, local, firms)
    setSegment(i, local ? chains.local.draw(firms) : chains.external.draw(firms), firms)
    const age = Math.min(45, 0.3 + firms.logNormal(Math.log(6.5), 0.8))
    m.foundedDay[i] = asOfDay - Math.round(age * 365.25)
    m.revenue[i] = roundMoney(clamp(firms.logNormal(Math.log(1500) + 0.55 * Math.log(age / 6.5), 1.9), 5, 5e7))
    if (firms.chance((TAG_RATES.foreign * n) / nFirms)) m.flags[i]! |= TAG_FOREIGN // subsidiaries inherit it below
  }

  const funds = random.fork('funds')
  for (let i = nFirms; i < nFirms + nFunds; i++) {
    m.kind[i] = KIND_FUND
    setPlace(i, funds.chance(0.6), funds)
    m.industry[i] = funds.int(0, FUND_INDUSTRY_CODES.length - 1)
    m.foundedDay[i] = asOfDay - Math.round(funds.logNormal(Math.log(5), 0.6) * 365.25)
  }

  // groups: the largest firms own subsidiaries and open branches, more of them the larger they are
  const groups = random.fork('groups')
  const groupCandidates = topIndices(nFirms, Math.max(3, Math.ceil(nFirms * 0.04)), (i) => m.revenue[i]!)
  const groupSampler = weightedSampler(groupCandidates.map((i) => Math.pow(m.revenue[i]!, 0.7)))
  const subStart = nFirms + nFunds
  for (let i = subStart; i < subStart + nSubsidiaries; i++) {
    const parent = groupCandidates[groupSampler.draw(groups)]!
    m.kind[i] = KIND_SUBSIDIARY
    m.parent[i] = parent
    m.flags[parent]! |= GROUP_PARENT
    setPlace(i, groups.chance(m.local[parent] ? 0.3 : 0.5), groups)
    const parentSegment = m.mainSegment[parent]!
    const chainSegs = chains.chainSegments[chains.segments[parentSegment]!.chain]!
    setSegment(i, groups.chance(0.6) ? parentSegment : groups.pick(chainSegs), groups)
    m.foundedDay[i] = laterDay(m.foundedDay[parent]!, asOfDay, groups)
    m.revenue[i] = roundMoney(clamp(m.revenue[parent]! * groups.logNormal(Math.log(0.04), 1), 5, m.revenue[parent]! * 0.5))
    m.flags[i]! |= m.flags[parent]! & TAG_FOREIGN
  }
  const branchCandidates = [...groupCandidates, ...rangeArray(subStart, subStart + nSubsidiaries)]
  const branchSampler = weightedSampler(branchCandidates.map((i) => Math.pow(m.revenue[i]!, 0.7)))
  for (let i = subStart + nSubsidiaries; i < n; i++) {
    const parent = branchCandidates[branchSampler.draw(groups)]!
    m.kind[i] = KIND_BRANCH
    m.parent[i] = parent
    m.flags[parent]! |= HAS_BRANCH
    const local = groups.chance(0.45)
    // a branch sits where its head office does not
    for (let attempt = 0; attempt < 4; attempt++) {
      setPlace(i, local, groups)
      if (m.place[i] !== m.place[parent]) break
    }
    m.mainSegment[i] = m.mainSegment[parent]!
    m.industry[i] = m.industry[parent]!
    m.foundedDay[i] = laterDay(m.foundedDay[parent]!, asOfDay, groups)
  }

  assignTags(m, n, random.fork('tags'), asOfDay)
  markChainLeaders(m, n, chains)

  const model: FirmModel = {
    count: n,
    places: geography.places,
    segmentCodes: chains.segments.map((s) => s.code),
    segmentChains: chains.segments.map((s) => input.chainCodes[s.chain]!),
    industryCodes: chains.industryCodes,
    ...m,
    enterpriseId: (i) => indexedUuid(input.idKey, i),
    regionCode: (i) => geography.places[m.place[i]!]!.code,
    kindOf: (i) => FIRM_KINDS[m.kind[i]!]!,
    isChainLeader: (i) => (m.flags[i]! & CHAIN_LEADER) !== 0,
    tags: (i) => TAG_NAMES.filter(([bit]) => (m.flags[i]! & bit) !== 0).map(([, name]) => name),
  }
  return model
}

function secondSegmentFor(segment: number, chains: ChainModel, random: Random): number {
  const own = chains.chainSegments[chains.segments[segment]!.chain]!
  // mostly the neighbouring segment of the same chain (a module maker that also assembles)
  if (own.length > 1 && random.chance(0.7)) {
    const k = own.indexOf(segment)
    const next = k === 0 ? 1 : k === own.length - 1 ? k - 1 : random.chance(0.5) ? k - 1 : k + 1
    return own[next]!
  }
  const other = chains.external.draw(random)
  return other === segment ? -1 : other
}

type MutableModel = {
  [K in 'place' | 'local' | 'kind' | 'mainSegment' | 'secondSegment' | 'industry' | 'parent' | 'foundedDay' | 'revenue' | 'flags']: FirmModel[K]
}

function assignTags(m: MutableModel, n: number, random: Random, asOfDay: number): void {
  const eligible: number[] = []
  for (let i = 0; i < n; i++) if (m.kind[i] === KIND_FIRM || m.kind[i] === KIND_SUBSIDIARY) eligible.push(i)
  const logRevenue = (i: number) => Math.log(m.revenue[i]!)
  const ageYears = (i: number) => (asOfDay - m.foundedDay[i]!) / 365.25
  const mark = (bit: number, candidates: readonly number[], count: number, score: (i: number) => number) => {
    for (const i of topIndices(candidates.length, count, (k) => score(candidates[k]!))) m.flags[candidates[i]!]! |= bit
  }
  const independents = eligible.filter((i) => m.kind[i] === KIND_FIRM)
  mark(TAG_GLOBAL_500, independents, Math.max(1, Math.round(n * TAG_RATES.global500)), (i) => logRevenue(i) + 0.3 * random.normal())
  mark(TAG_LISTED, independents, Math.round(n * TAG_RATES.listed), (i) => logRevenue(i) + random.normal())
  const midSized = eligible.filter((i) => m.revenue[i]! >= 1000 && m.revenue[i]! <= 300_000 && ageYears(i) >= 3)
  mark(TAG_SPECIALIZED, midSized, Math.min(midSized.length, Math.round(n * TAG_RATES.specialized)), () => random.float())
  mark(TAG_HIGH_TECH, eligible, Math.round(n * TAG_RATES.highTech), (i) => {
    const specialized = m.flags[i]! & TAG_SPECIALIZED ? 2 : 0
    return 0.4 * logRevenue(i) + 1.2 * random.normal() + specialized - (ageYears(i) < 1 ? 3 : 0)
  })
}

function markChainLeaders(m: MutableModel, n: number, chains: ChainModel): void {
  const byChain: number[][] = chains.chainSegments.map(() => [])
  for (let i = 0; i < n; i++) {
    if (!m.local[i] || (m.kind[i] !== KIND_FIRM && m.kind[i] !== KIND_SUBSIDIARY)) continue
    byChain[chains.segments[m.mainSegment[i]!]!.chain]!.push(i)
  }
  for (const members of byChain) {
    if (members.length === 0) continue
    const count = Math.min(5, 1 + Math.floor(members.length / 40))
    for (const k of topIndices(members.length, count, (k) => m.revenue[members[k]!]!)) m.flags[members[k]!]! |= CHAIN_LEADER
  }
}

// ---------------------------------------------------------------------------------------------
// pass 1: relations

export interface RelationModel {
  count: number
  from: Int32Array
  to: Int32Array
  kind: Uint8Array
}

/** Remembers (from, to, kind) triples as 32-bit hashes; a false "seen" only costs a retry. */
class PairSet {
  private slots: Uint32Array
  constructor(expected: number) {
    let size = 1024
    while (size < expected * 1.6) size *= 2
    this.slots = new Uint32Array(size)
  }
  add(from: number, to: number, kind: number): boolean {
    const hash = (mixPair(from, to) ^ Math.imul(kind + 1, 0x27d4eb2f)) >>> 0 || 1
    const mask = this.slots.length - 1
    for (let i = hash & mask; ; i = (i + 1) & mask) {
      const slot = this.slots[i]!
      if (slot === 0) {
        this.slots[i] = hash
        return true
      }
      if (slot === hash) return false
    }
  }
}

function mixPair(a: number, b: number): number {
  let h = Math.imul(a ^ 0x9e3779b9, 0x85ebca6b) ^ Math.imul(b + 0x632be5ab, 0xc2b2ae35)
  h ^= h >>> 15
  h = Math.imul(h, 0x2c1b3c6d)
  h ^= h >>> 12
  return h >>> 0
}

/** A growable Int32Array: per-segment urns for preferential attachment. */
class IntVector {
  data = new Int32Array(16)
  length = 0
  push(value: number): void {
    if (this.length === this.data.length) {
      const bigger = new Int32Array(this.data.length * 2)
      bigger.set(this.data)
      this.data = bigger
    }
    this.data[this.length++] = value
  }
}

function buildRelations(model: FirmModel, chains: ChainModel, target: number, random: Random, asOfDay: number): RelationModel {
  const n = model.count
  const from = new Int32Array(target)
  const to = new Int32Array(target)
  const kind = new Uint8Array(target)
  const seen = new PairSet(target)
  let count = 0
  const add = (a: number, b: number, k: number): boolean => {
    if (a === b || count >= target || !seen.add(a, b, k)) return false
    from[count] = a
    to[count] = b
    kind[count] = k
    count++
    return true
  }

  // branches and controlled subsidiaries first: they are facts of the group structure
  for (let i = 0; i < n; i++) {
    if (model.kind[i] === KIND_BRANCH) add(i, model.parent[i]!, REL_BRANCH)
    else if (model.kind[i] === KIND_SUBSIDIARY) add(model.parent[i]!, i, REL_INVESTOR)
  }

  const investable: number[] = []
  for (let i = 0; i < n; i++) if (model.kind[i] === KIND_FIRM || model.kind[i] === KIND_SUBSIDIARY) investable.push(i)
  const fundsRandom = random.fork('funds')
  const fundIndices = rangeArray(0, n).filter((i) => model.kind[i] === KIND_FUND)
  const fundSampler = weightedSampler(fundIndices.map(() => fundsRandom.logNormal(0, 1.2)))
  const startupSampler = weightedSampler(
    investable.map((i) => {
      // funds back young, small, certified firms
      const young = model.foundedDay[i]! > asOfDay - 8 * 365 && model.revenue[i]! < 20_000 ? 2 : 1
      const tagged = model.flags[i]! & (TAG_HIGH_TECH | TAG_SPECIALIZED) ? 3 : 1
      return young * tagged * (model.local[i] ? 1.5 : 1)
    }),
  )
  const fundDeals = Math.round(n * 0.035)
  for (let d = 0, guard = 0; d < fundDeals && guard < fundDeals * 10; guard++) {
    if (add(fundIndices[fundSampler.draw(fundsRandom)]!, investable[startupSampler.draw(fundsRandom)]!, REL_INVESTOR)) d++
  }

  // supplier graph: upstream → downstream inside a chain, preferential attachment inside a segment
  const graph = new SupplierGraph(model, chains, random.fork('fitness'))
  // strategic stakes: large firms take minority stakes in firms of their own chain
  const strategicRandom = random.fork('strategic')
  const strategicDeals = Math.round(n * 0.015)
  const investorSampler = weightedSampler(investable.map((i) => Math.pow(model.revenue[i]!, 0.8)))
  for (let d = 0, guard = 0; d < strategicDeals && guard < strategicDeals * 10; guard++) {
    const investor = investable[investorSampler.draw(strategicRandom)]!
    const segment = strategicRandom.pick(chains.chainSegments[chains.segments[model.mainSegment[investor]!]!.chain]!)
    const target = graph.endpoint(segment, strategicRandom)
    if (target >= 0 && model.revenue[target]! < model.revenue[investor]! && add(investor, target, REL_INVESTOR)) d++
  }

  const supplierRandom = random.fork('supplier-edges')
  for (let guard = 0; count < target && guard < target * 30; guard++) {
    const edge = graph.draw(supplierRandom)
    if (edge && add(edge[0], edge[1], REL_SUPPLIER)) graph.accept(edge[0], edge[2], edge[1], edge[3])
  }
  return { count, from, to, kind }
}

/**
 * Orders relations by their supplier's id. COPY then fills the (tenant_id, from_id, kind) index and
 * the from_id foreign-key lookups in key order instead of at random: about a quarter faster on
 * PostgreSQL for the city size.
 */
function inLoadOrder(relations: RelationModel, n: number, idKey: readonly [number, number, number, number]): RelationModel {
  // rank firms by the first 32 bits of their id (the order PostgreSQL sorts uuids in, ties aside)
  const keys = new Float64Array(n)
  for (let i = 0; i < n; i++) keys[i] = indexedUuidHead(idKey, i) * 2_097_152 + i // 2^21 > any dataset size
  keys.sort()
  const rank = new Int32Array(n)
  for (let r = 0; r < n; r++) rank[keys[r]! % 2_097_152] = r
  // counting sort by the supplier's rank keeps equal-rank relations in generation order
  const starts = new Int32Array(n + 1)
  for (let j = 0; j < relations.count; j++) starts[rank[relations.from[j]!]! + 1]!++
  for (let r = 0; r < n; r++) starts[r + 1]! += starts[r]!
  const sorted: RelationModel = {
    count: relations.count,
    from: new Int32Array(relations.count),
    to: new Int32Array(relations.count),
    kind: new Uint8Array(relations.count),
  }
  for (let j = 0; j < relations.count; j++) {
    const at = starts[rank[relations.from[j]!]!]!++
    sorted.from[at] = relations.from[j]!
    sorted.to[at] = relations.to[j]!
    sorted.kind[at] = relations.kind[j]!
  }
  return sorted
}

/**
 * Draws supplier → buyer pairs. Per (segment, local) it keeps member tables weighted by fitness and
 * degree urns (preferential attachment); buyers also attach across the whole graph, which makes the
 * few hubs real chains have: an OEM or chain leader with hundreds of suppliers.
 */
class SupplierGraph {
  private readonly members: Int32Array[] = []
  private readonly samplers: WeightedSampler[] = []
  private readonly urns: IntVector[] = []
  private readonly size: Float64Array
  private readonly chainSampler: WeightedSampler
  private readonly buyerSamplers: Array<{ segments: number[]; sampler: WeightedSampler } | null> = []
  private readonly peerSamplers: Array<{ segments: number[]; sampler: WeightedSampler }> = []
  private readonly upstream: Array<{ segments: number[]; sampler: WeightedSampler } | null> = []
  private readonly globalSupplySampler: WeightedSampler
  private readonly buyerUrn = new IntVector()
  private readonly buyers: Int32Array
  private readonly buyerFitness: WeightedSampler

  constructor(
    private readonly model: FirmModel,
    private readonly chains: ChainModel,
    noise: Random,
  ) {
    const segmentCount = chains.segments.length
    const lists: number[][] = Array.from({ length: segmentCount * 2 }, () => [])
    const buyers: number[] = []
    for (let i = 0; i < model.count; i++) {
      if (model.kind[i] !== KIND_FIRM && model.kind[i] !== KIND_SUBSIDIARY) continue
      buyers.push(i)
      lists[model.mainSegment[i]! * 2 + model.local[i]!]!.push(i)
      if (model.secondSegment[i]! >= 0) lists[model.secondSegment[i]! * 2 + model.local[i]!]!.push(i)
    }
    // fitness: a latent "how connected" per firm, tied to size (Chung-Lu style: expected degree ∝ fitness);
    // segments and chains are drawn by their members' total fitness, so hubs form across segments
    const fitness = (i: number) => Math.pow(Math.max(1, model.revenue[i]!), 0.5) * noise.logNormal(0, 0.9)
    this.size = new Float64Array(segmentCount)
    lists.forEach((list, slot) => {
      this.members.push(Int32Array.from(list))
      const sampler = weightedSampler(list.map(fitness))
      this.samplers.push(sampler)
      this.urns.push(new IntVector())
      this.size[slot >> 1]! += sampler.total
    })
    this.buyers = Int32Array.from(buyers)
    this.buyerFitness = weightedSampler(buyers.map((i) => Math.pow(Math.max(1, model.revenue[i]!), 0.8)))
    const order = (segment: number) => chains.segments[segment]!.order
    this.chainSampler = weightedSampler(chains.chainSegments.map((segs) => segs.reduce((sum, s) => sum + this.size[s]!, 0)))
    for (const segs of chains.chainSegments) {
      const filled = segs.filter((s) => this.size[s]! > 0)
      const buyerSegments = filled.filter((b) => filled.some((s) => order(s) < order(b)))
      this.buyerSamplers.push(buyerSegments.length > 0 ? { segments: buyerSegments, sampler: weightedSampler(buyerSegments.map((b) => this.size[b]!)) } : null)
      this.peerSamplers.push({ segments: filled, sampler: weightedSampler(filled.map((s) => this.size[s]!)) })
    }
    // each segment's suppliers: filled segments upstream of it, the nearest weighted most
    for (const info of chains.segments) {
      const above = chains.chainSegments[info.chain]!.filter((s) => this.size[s]! > 0 && order(s) < info.order)
      const rank = (s: number) => above.filter((t) => order(t) > order(s)).length
      this.upstream.push(above.length > 0 ? { segments: above, sampler: weightedSampler(above.map((s) => this.size[s]! * Math.pow(0.55, rank(s)))) } : null)
    }
    // generic suppliers for cross-chain supply (chips into cars, materials into batteries)
    this.globalSupplySampler = weightedSampler(chains.segments.map((s, k) => (s.segment.stage === 'downstream' ? 0 : this.size[k]!)))
  }

  /** A firm in the segment: by degree (preferential attachment) or by fitness; -1 if the segment is empty. */
  endpoint(segment: number, random: Random, attachment = 0.5): number {
    const localWeight = 1.4 * this.samplers[segment * 2 + 1]!.total // the bureau knows its own firms' partners best
    const externalWeight = this.samplers[segment * 2]!.total
    if (localWeight + externalWeight === 0) return -1
    const local = random.float() * (localWeight + externalWeight) < localWeight ? 1 : 0
    const slot = segment * 2 + local
    const urn = this.urns[slot]!
    if (urn.length > 0 && random.chance(attachment)) return urn.data[Math.floor(random.float() * urn.length)]!
    return this.members[slot]![this.samplers[slot]!.draw(random)]!
  }

  /** [supplier, buyer, supplierSegment, buyerSegment] or null when this draw found nothing. */
  draw(random: Random): [number, number, number, number] | null {
    const mode = random.float()
    let buyer: number
    let buyerSegment: number
    let supplierSegment: number
    if (mode < 0.25) {
      // a hub buyer sources from anywhere upstream, in or across its chain
      buyer = this.buyerUrn.length > 0 && random.chance(0.8) ? this.buyerUrn.data[Math.floor(random.float() * this.buyerUrn.length)]! : this.buyers[this.buyerFitness.draw(random)]!
      buyerSegment = this.model.mainSegment[buyer]!
      const above = this.upstream[buyerSegment]
      supplierSegment = above && random.chance(0.6) ? above.segments[above.sampler.draw(random)]! : this.globalSupplySampler.draw(random)
    } else {
      const chain = this.chainSampler.draw(random)
      const buyerSegments = this.buyerSamplers[chain]
      if (buyerSegments && mode < 0.93) {
        buyerSegment = buyerSegments.segments[buyerSegments.sampler.draw(random)]!
        const above = this.upstream[buyerSegment]!
        supplierSegment = above.segments[above.sampler.draw(random)]!
      } else {
        // peers in one segment trade too (a module maker buying another's modules)
        const peers = this.peerSamplers[chain]!
        buyerSegment = peers.segments[peers.sampler.draw(random)]!
        supplierSegment = buyerSegment
      }
      buyer = this.endpoint(buyerSegment, random, 0.7)
    }
    const supplier = this.endpoint(supplierSegment, random)
    return supplier < 0 || buyer < 0 || supplier === buyer ? null : [supplier, buyer, supplierSegment, buyerSegment]
  }

  accept(supplier: number, supplierSegment: number, buyer: number, buyerSegment: number): void {
    this.urns[supplierSegment * 2 + this.model.local[supplier]!]!.push(supplier)
    this.urns[buyerSegment * 2 + this.model.local[buyer]!]!.push(buyer)
    this.buyerUrn.push(buyer)
  }
}

// ---------------------------------------------------------------------------------------------
// pass 2: rows

export interface GenerateEnterprisesOptions {
  size: DatasetSize
  seed?: number | string
  /** The tenant city's region code; its districts are "local". */
  tenantId?: string
  /** created_at / updated_at of every row; defaults to the dataset's as-of day. */
  now?: Date
  reference: { regions: readonly Region[]; chains: readonly Chain[] }
}

export interface EnterpriseDataset {
  readonly size: DatasetSize
  readonly seed: number | string
  readonly tenantId: string
  readonly counts: { enterprises: number; segments: number; relations: number }
  readonly firms: FirmModel
  /** The relations by firm index (supplier/investor/branch), for later generator parts such as the event history. */
  readonly relationModel: RelationModel
  /** Parents come before their subsidiaries and branches, so chunks load in order under the parent_id foreign key. */
  enterpriseChunks(chunkSize?: number): Generator<EnterpriseRow[]>
  segmentChunks(chunkSize?: number): Generator<EnterpriseSegmentRow[]>
  relationChunks(chunkSize?: number): Generator<EnterpriseRelationRow[]>
}

const DEFAULT_CHUNK = 20_000

export function generateEnterprises(options: GenerateEnterprisesOptions): EnterpriseDataset {
  const { size, seed = DEFAULT_SEED, tenantId = '330100' } = options
  const asOfDay = isoToDay(DATASET_AS_OF)
  const now = options.now ?? new Date(asOfDay * 86_400_000)
  const root = new Random(`chainboard:${seed}`).fork(`enterprises:${size}`)
  const n = datasetSizes[size].enterprises
  const geography = buildGeography(options.reference.regions, tenantId)
  const chains = buildChains(options.reference.chains, root.fork('chains'), new Set(['smart_iot', 'biomedicine']))
  const idKey = hash128(`${root.key}/ids`)
  const relationKey = hash128(`${root.key}/relation-ids`)
  const firms = buildFirmModel({ n, random: root, geography, chains, chainCodes: options.reference.chains.map((c) => c.code), idKey, asOfDay })
  const relations = inLoadOrder(buildRelations(firms, chains, datasetSizes[size].relations, root.fork('relations'), asOfDay), n, idKey)
  let segmentCount = 0
  for (let i = 0; i < n; i++) segmentCount += (firms.mainSegment[i]! >= 0 ? 1 : 0) + (firms.secondSegment[i]! >= 0 ? 1 : 0)
  const orgKeys = orgCodeKeys(root.fork('uscc'))

  return {
    size,
    seed,
    tenantId,
    counts: { enterprises: n, segments: segmentCount, relations: relations.count },
    firms,
    relationModel: relations,
    *enterpriseChunks(chunkSize = DEFAULT_CHUNK) {
      const random = root.fork('rows')
      const registry = new TradeNameRegistry(n)
      const parentNames = new Map<number, { name: string; tradeName: string }>()
      const initialsCache = new Map<string, string>()
      const initials = (tradeName: string) => {
        let value = initialsCache.get(tradeName)
        if (value === undefined) {
          value = pinyinInitials(tradeName)
          if (initialsCache.size > 100_000) initialsCache.clear()
          initialsCache.set(tradeName, value)
        }
        return value
      }
      // a stream of its own, so that adding hometowns did not change any other generated value
      const hometowns = root.fork('founder-origins')
      let chunk: EnterpriseRow[] = []
      for (let i = 0; i < n; i++) {
        const row = enterpriseRow(i, { firms, chains, tenantId, now, random, registry, parentNames, orgKeys, asOfDay, initials })
        row.founderOriginCode = founderOrigin(i, firms, geography, hometowns)
        if (firms.flags[i]! & HAS_BRANCH) parentNames.set(i, { name: row.name, tradeName: row.tradeName })
        chunk.push(row)
        if (chunk.length === chunkSize) {
          yield chunk
          chunk = []
        }
      }
      if (chunk.length > 0) yield chunk
    },
    *segmentChunks(chunkSize = DEFAULT_CHUNK) {
      let chunk: EnterpriseSegmentRow[] = []
      for (let i = 0; i < n; i++) {
        const enterpriseId = firms.enterpriseId(i)
        const main = firms.mainSegment[i]!
        const second = firms.secondSegment[i]!
        if (main >= 0) chunk.push({ tenantId, enterpriseId, segmentCode: firms.segmentCodes[main]!, main: true })
        if (second >= 0) chunk.push({ tenantId, enterpriseId, segmentCode: firms.segmentCodes[second]!, main: false })
        if (chunk.length >= chunkSize) {
          yield chunk
          chunk = []
        }
      }
      if (chunk.length > 0) yield chunk
    },
    *relationChunks(chunkSize = DEFAULT_CHUNK) {
      const random = root.fork('relation-rows')
      let chunk: EnterpriseRelationRow[] = []
      for (let j = 0; j < relations.count; j++) {
        chunk.push(relationRow(j, relations, firms, { tenantId, random, relationKey, asOfDay }))
        if (chunk.length === chunkSize) {
          yield chunk
          chunk = []
        }
      }
      if (chunk.length > 0) yield chunk
    },
  }
}

/**
 * 乡贤: about one firm in 30 outside the city (head offices, not branches) was founded by someone from one of
 * the city's districts, drawn by the districts' weights (people leave the populous districts more often).
 */
const HOMETOWN_SHARE = 1 / 30

function founderOrigin(i: number, firms: FirmModel, geography: Geography, random: Random): string | null {
  const place = firms.places[firms.place[i]!]!
  if (place.local || firms.kind[i] === KIND_BRANCH || random.float() >= HOMETOWN_SHARE) return null
  return firms.places[geography.localPlaces[geography.local.draw(random)]!]!.code
}

interface RowContext {
  firms: FirmModel
  chains: ChainModel
  tenantId: string
  now: Date
  random: Random
  registry: TradeNameRegistry
  parentNames: Map<number, { name: string; tradeName: string }>
  /** pinyin initials, cached: branches repeat their head office's trade name */
  initials(tradeName: string): string
  orgKeys: OrgCodeKeys
  asOfDay: number
}

function enterpriseRow(i: number, ctx: RowContext): EnterpriseRow {
  const { firms, chains, random } = ctx
  const kind = firms.kind[i]!
  const place = firms.places[firms.place[i]!]!
  const segment = firms.mainSegment[i]! >= 0 ? chains.segments[firms.mainSegment[i]!]! : null
  const industryCode = firms.industryCodes[firms.industry[i]!]!
  const flags = firms.flags[i]!
  const founded = firms.foundedDay[i]!
  let name: string
  let tradeName: string
  if (kind === KIND_BRANCH) {
    const parent = firms.parent[i]!
    const parentPlace = firms.places[firms.place[parent]!]!
    // a branch in the head office's own city is named after its district, elsewhere after its city
    const where = place.city === parentPlace.city ? place.district : (place.city ?? place.district)
    const head = ctx.parentNames.get(parent)!
    name = branchName(head.name, where)
    tradeName = head.tradeName // a branch trades under its head office's name
  } else {
    const generated = enterpriseName(random, ctx.registry, {
      regionWords: { county: place.county, city: place.city, province: place.province },
      industryWords: kind === KIND_FUND ? fundWords(industryCode) : industryWordsFor(segment?.segment ?? null, industryCode),
      form: organizationForm(kind, flags, industryCode, firms.revenue[i]!, random),
      foreign: (flags & TAG_FOREIGN) !== 0,
    })
    name = generated.name
    tradeName = generated.tradeName
  }
  const revenue = Number.isNaN(firms.revenue[i]!) ? null : firms.revenue[i]!
  const keywords = segment?.segment.keywords ?? []
  return {
    tenantId: ctx.tenantId,
    id: firms.enterpriseId(i),
    uscc: uscc(i, place.code, founded, ctx.orgKeys),
    name,
    formerNames: [],
    tradeName,
    tradeNameKey: normalizeTradeName(tradeName),
    nameInitials: ctx.initials(tradeName),
    regionCode: place.code,
    address: streetAddress(random, place.path),
    industryCode,
    businessScope: kind === KIND_BRANCH ? `在隶属企业经营范围内从事经营活动。` : businessScope(random, keywords.length > 0 ? keywords : [segment?.segment.nameZh ?? '技术'], kind === KIND_FUND),
    registeredCapital: registeredCapital(kind, flags, revenue, random),
    revenue,
    tax: revenue === null ? null : roundMoney(revenue * clamp(0.045 + 0.02 * random.normal(), 0.003, 0.14)),
    employees: employees(kind, revenue, random),
    foundedOn: dayToIso(founded),
    tags: firms.tags(i),
    chainLeader: (flags & CHAIN_LEADER) !== 0,
    parentId: firms.parent[i]! >= 0 ? firms.enterpriseId(firms.parent[i]!) : null,
    createdAt: ctx.now,
    updatedAt: ctx.now,
  }
}

const MODERN_ORG_CODE_DAY = isoToDay('2015-10-01') // GB 32100 codes with "MA…" organization parts start here
const BASE31_6 = 31 ** 6

interface OrgCodeKeys {
  modernA: number
  modernB: number
  legacyA: number
  legacyB: number
}

// i → (a·i + b) mod M is a bijection when gcd(a, M) = 1: unique organization codes without a set.
function orgCodeKeys(random: Random): OrgCodeKeys {
  let modernA = random.int(100_000_000, 800_000_000)
  if (modernA % 31 === 0) modernA++
  let legacyA = random.int(10_000_000, 90_000_000) | 1
  if (legacyA % 5 === 0) legacyA += 2
  return { modernA, modernB: random.int(0, BASE31_6 - 1), legacyA, legacyB: random.int(0, 99_999_999) }
}

function uscc(i: number, regionCode: string, foundedDay: number, keys: OrgCodeKeys): string {
  let body: string
  if (foundedDay >= MODERN_ORG_CODE_DAY) {
    let v = (i * keys.modernA + keys.modernB) % BASE31_6
    body = ''
    for (let k = 0; k < 6; k++) {
      body = USCC_ALPHABET[v % 31]! + body
      v = Math.floor(v / 31)
    }
    body = 'MA' + body
  } else {
    body = String((i * keys.legacyA + keys.legacyB) % 100_000_000).padStart(8, '0')
  }
  const first17 = '91' + regionCode + body + orgCodeCheckChar(body)
  return first17 + usccCheckChar(first17)
}

function organizationForm(kind: number, flags: number, industryCode: string, revenue: number, random: Random): OrganizationForm {
  if (kind === KIND_FUND) return industryCode === '7212' ? '有限公司' : '合伙企业（有限合伙）'
  if (flags & TAG_LISTED) return '股份有限公司'
  if (flags & GROUP_PARENT && random.chance(0.4)) return '集团有限公司'
  const r = random.float()
  // unlisted joint-stock companies are mid-sized or larger (IPO candidates)
  if (r < 0.06 && revenue >= 5_000) return '股份有限公司'
  return r < 0.14 ? '有限责任公司' : '有限公司'
}

const fundWords = (industryCode: string): readonly string[] => (industryCode === '7212' ? FUND_MANAGER_WORDS : FUND_INDUSTRY_WORDS)

function registeredCapital(kind: number, flags: number, revenue: number | null, random: Random): number | null {
  if (kind === KIND_BRANCH) return null // a branch is not a legal person and has no capital of its own
  if (kind === KIND_FUND) return roundNice(random.logNormal(Math.log(30_000), 1.1), random)
  if (revenue === null) return null
  // listed firms report exact share capital (万股 ≈ 万元 at par value 1)
  if (flags & TAG_LISTED) return Math.round(revenue * random.logNormal(Math.log(0.08), 0.6) * 10_000) / 10_000
  return roundNice(Math.max(10, revenue * random.logNormal(Math.log(0.3), 0.9)), random)
}

function employees(kind: number, revenue: number | null, random: Random): number | null {
  if (kind === KIND_BRANCH) return random.int(5, 200)
  if (kind === KIND_FUND) return random.int(3, 30)
  if (revenue === null) return null
  return Math.min(400_000, Math.max(3, Math.round(revenue / random.logNormal(Math.log(70), 0.5))))
}

const SUPPLIER_SOURCES = ['公开年报', '招投标', '调研走访', '企业申报', '海关数据', '供应链平台'] as const
const SUPPLIER_SOURCE_WEIGHTS = [20, 25, 20, 10, 10, 15]
// how often each source tells the size of the flow
const SHARE_KNOWN: Record<(typeof SUPPLIER_SOURCES)[number], number> = {
  公开年报: 0.7, 招投标: 0.3, 调研走访: 0.9, 企业申报: 0.9, 海关数据: 0.4, 供应链平台: 0.5,
}

interface RelationRowContext {
  tenantId: string
  random: Random
  relationKey: readonly [number, number, number, number]
  asOfDay: number
}

function relationRow(j: number, relations: RelationModel, firms: FirmModel, ctx: RelationRowContext): EnterpriseRelationRow {
  const { random, asOfDay } = ctx
  const from = relations.from[j]!
  const to = relations.to[j]!
  const kind = relations.kind[j]!
  const start = Math.max(firms.foundedDay[from]!, firms.foundedDay[to]!)
  // most observations are recent: data collection grew over the years
  const observed = asOfDay - Math.floor((asOfDay - start) * random.float() ** 2)
  const row: EnterpriseRelationRow = {
    tenantId: ctx.tenantId,
    id: indexedUuid(ctx.relationKey, j),
    fromId: firms.enterpriseId(from),
    toId: firms.enterpriseId(to),
    kind: RELATION_KINDS[kind]!,
    shareOfSupplierRevenue: null,
    shareOfBuyerCost: null,
    equityRatio: null,
    source: '工商登记',
    observedOn: dayToIso(observed),
  }
  if (kind === REL_BRANCH) {
    row.observedOn = dayToIso(firms.foundedDay[from]!)
  } else if (kind === REL_INVESTOR) {
    row.source = random.chance(0.8) ? '工商登记' : '公开年报'
    if (firms.kind[from] === KIND_FUND) row.equityRatio = round4(clamp(random.logNormal(Math.log(0.05), 0.7), 0.005, 0.3))
    else if (firms.parent[to] === from) row.equityRatio = random.chance(0.5) ? 1 : round4(0.51 + 0.44 * random.float())
    else row.equityRatio = round4(clamp(random.logNormal(Math.log(0.08), 0.8), 0.01, 0.49))
  } else {
    let source: string = random.weighted(SUPPLIER_SOURCES, SUPPLIER_SOURCE_WEIGHTS)
    // field visits only reach firms in the city
    if (source === '调研走访' && !firms.local[from] && !firms.local[to]) source = '公开年报'
    row.source = source
    if (random.chance(SHARE_KNOWN[source as keyof typeof SHARE_KNOWN])) {
      const ratio = firms.revenue[to]! / firms.revenue[from]!
      row.shareOfSupplierRevenue = round4(clamp(0.06 * ratio ** 0.35 * random.logNormal(0, 0.7), 0.001, 0.85))
      row.shareOfBuyerCost = round4(clamp(0.04 * (1 / ratio) ** 0.35 * random.logNormal(0, 0.7), 0.001, 0.6))
    }
  }
  return row
}

// ---------------------------------------------------------------------------------------------
// small helpers

const clamp = (value: number, min: number, max: number) => Math.min(max, Math.max(min, value))
const roundMoney = (value: number) => Math.round(value * 100) / 100
const round4 = (value: number) => Math.round(value * 10_000) / 10_000

// registered capital is a round figure: 1 or 2 significant digits (500, 1000, 1200, 30000 万元)
function roundNice(value: number, random: Random): number {
  const digits = random.chance(0.7) ? 1 : 2
  const scale = 10 ** (Math.floor(Math.log10(value)) - digits + 1)
  return Math.max(1, Math.round(value / scale) * scale)
}

function rangeArray(start: number, end: number): number[] {
  return Array.from({ length: Math.max(0, end - start) }, (_, k) => start + k)
}

/** Indices 0..count-1 of the `k` highest scores (threshold on a sorted copy: fast for a million). */
function topIndices(count: number, k: number, score: (index: number) => number): number[] {
  if (k <= 0 || count === 0) return []
  const scores = new Float64Array(count)
  for (let i = 0; i < count; i++) scores[i] = score(i)
  const sorted = Float64Array.from(scores).sort()
  const threshold = sorted[Math.max(0, count - k)]!
  const result: number[] = []
  for (let i = 0; i < count && result.length < k; i++) if (scores[i]! >= threshold) result.push(i)
  return result
}

function laterDay(parentDay: number, asOfDay: number, random: Random): number {
  const earliest = Math.min(asOfDay - 30, parentDay + 365)
  return earliest + Math.floor(random.float() * Math.max(1, asOfDay - 30 - earliest))
}

export function isoToDay(iso: string): number {
  return Math.floor(Date.parse(`${iso}T00:00:00Z`) / 86_400_000)
}

const isoCache = new Map<number, string>()

// rows repeat a few thousand distinct days; formatting each through Date costs more than the rest of a row
export function dayToIso(day: number): string {
  let iso = isoCache.get(day)
  if (iso === undefined) {
    iso = new Date(day * 86_400_000).toISOString().slice(0, 10)
    isoCache.set(day, iso)
  }
  return iso
}
