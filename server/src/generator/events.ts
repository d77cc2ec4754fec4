// Enterprise events over the years before the dataset's as-of day: financing rounds, new branches,
// capacity expansions, relocations and expansions into a district of the tenant city.
//
// A hidden model decides them. Target discovery (issue 4) never reads this model: it sees the firms,
// the relations and the events before a cut-off day, and is scored on the expansions after it. So
// the model is written down here and in docs/modules/targeting.md, and the engine must infer it.
//
// The hidden model, per firm i and district k of the city (not the firm's own district):
//   rate(i, k) per year = exp( BASE + GROWTH·g_i + SIZE·log(revenue_i / 1500)
//                              + CUSTOMERS·ln(1 + customers of i in k) + SUPPLIERS·ln(1 + suppliers of i in k)
//                              + STRENGTH·s(chain of i, k) + POLICY·[k hosts the chain of i] + ε_ik )
// g_i is a latent growth (normal, higher for 专精特新 / high-tech firms) that the engine can see only
// through its signals: financing, capacity expansions and new branches come more often to growing
// firms, and an expansion is often preceded by a financing round or a capacity expansion. s is the
// district's chain strength (log of its firm count in the chain against the districts' mean); ε is
// per-pair noise no data explains. The first arrival of each (i, k) process inside the history
// window is an expansion event.
import { enterpriseEventKinds, type EnterpriseEventKind } from '../modules/targeting/index.js'
import type { FirmModel, RelationModel } from './enterprises.js'
import { dayToIso, isoToDay, DATASET_AS_OF } from './enterprises.js'
import { hash128, indexedUuid, Random } from './random.js'

export const eventKinds = enterpriseEventKinds
export type EventKind = EnterpriseEventKind

/** First day of the simulated history. */
export const HISTORY_START = '2021-01-01'
/** The day `npm run eval:targeting` trains before and scores after. */
export const EVALUATION_CUTOFF = '2025-01-01'

/** Weights of the hidden expansion model (see the header). */
export const EXPANSION_MODEL = {
  base: -9.0,
  growth: 0.8,
  size: 0.3,
  customers: 1.1,
  suppliers: 0.7,
  strength: 0.5,
  policy: 0.9,
  noise: 0.8,
} as const

const SIGNAL_RATES = {
  /** per year, times exp(growth·g + size·log(revenue/1500)) */
  financing: { base: 0.06, growth: 0.9, size: 0.15 },
  newBranch: { base: 0.025, growth: 0.7, size: 0.3 },
  capacity: { base: 0.03, growth: 0.9, size: 0.1 },
  relocation: { base: 0.004, growth: 0, size: 0 },
} as const
/** Share of expansions preceded by a financing round (1-12 months before) or a capacity expansion (1-9 months). */
const PRECURSOR = { financing: 0.45, capacity: 0.35 } as const

const KIND_FIRM = 'firm'
const KIND_SUBSIDIARY = 'subsidiary'
const REL_SUPPLIER = 0

export interface EnterpriseEventRow {
  tenantId: string
  id: string
  enterpriseId: string
  kind: EventKind
  occurredOn: string
  /** Where it happened: the destination district of an expansion, the new branch's region, … */
  regionCode: string
  /** 万元: the round's size for financing, the planned investment for expansions; null otherwise. */
  amount: number | null
  /** The investor of a financing round (a fund of the dataset), when known. */
  counterpartyId: string | null
  source: string
}

export interface EventGenerationInput {
  tenantId: string
  firms: FirmModel
  relations: RelationModel
  /** Which districts of the city host which chain (from the platforms' chains: the first layout guide). */
  hostDistricts: ReadonlyMap<string, ReadonlySet<string>>
  seed: number | string
}

export interface EventDataset {
  count: number
  counts: Record<EventKind, number>
  chunks(chunkSize?: number): Generator<EnterpriseEventRow[]>
}

interface EventCore {
  firm: number
  kind: number
  day: number
  place: number
  amount: number
  counterparty: number
}

/** Generates the whole history in memory as compact records (about 0.1 per firm), then streams rows. */
export function generateEvents(input: EventGenerationInput): EventDataset {
  const { firms, relations, tenantId } = input
  const root = new Random(`chainboard:${input.seed}`).fork('events')
  const start = isoToDay(HISTORY_START)
  const end = isoToDay(DATASET_AS_OF)
  const spanYears = (end - start) / 365.25
  const events: EventCore[] = []

  const districts: number[] = []
  const districtOf = new Int16Array(firms.places.length).fill(-1)
  firms.places.forEach((place, index) => {
    if (place.local) {
      districtOf[index] = districts.length
      districts.push(index)
    }
  })
  const externalPlaces = firms.places.map((p, i) => (p.local ? -1 : i)).filter((i) => i >= 0)
  const funds: number[] = []
  for (let i = 0; i < firms.count; i++) if (firms.kindOf(i) === 'fund') funds.push(i)

  const growth = latentGrowth(firms, root.fork('growth'))
  const strength = chainStrength(firms, districts.length, districtOf)
  const partners = partnersByDistrict(firms, relations, districts.length, districtOf)

  const logSize = (i: number) => (Number.isNaN(firms.revenue[i]!) ? 0 : Math.log(Math.max(firms.revenue[i]!, 5) / 1500))
  const add = (firm: number, kind: EventKind, day: number, place: number, amount = NaN, counterparty = -1) => {
    if (day < start || day > end) return
    events.push({ firm, kind: eventKinds.indexOf(kind), day, place, amount, counterparty })
  }
  const poissonDays = (random: Random, ratePerYear: number): number[] => {
    const days: number[] = []
    if (ratePerYear <= 0) return days
    let t = 0
    for (;;) {
      t += -Math.log(1 - random.float()) / ratePerYear
      if (t >= spanYears) return days
      days.push(start + Math.floor(t * 365.25))
    }
  }

  // signals: open to every operating firm, more frequent for growing ones
  const signals = root.fork('signals')
  for (let i = 0; i < firms.count; i++) {
    const kind = firms.kindOf(i)
    if (kind !== KIND_FIRM && kind !== KIND_SUBSIDIARY) continue
    const g = growth[i]!
    const size = logSize(i)
    const rate = (r: { base: number; growth: number; size: number }) => r.base * Math.exp(r.growth * g + r.size * size)
    for (const day of poissonDays(signals, rate(SIGNAL_RATES.financing))) {
      add(i, 'financing', day, firms.place[i]!, roundAmount(firms.revenue[i]! * signals.logNormal(Math.log(0.2), 0.7)), fundFor(funds, signals))
    }
    for (const day of poissonDays(signals, rate(SIGNAL_RATES.newBranch))) add(i, 'new_branch', day, signals.pick(externalPlaces))
    for (const day of poissonDays(signals, rate(SIGNAL_RATES.capacity))) {
      add(i, 'capacity_expansion', day, firms.place[i]!, roundAmount(firms.revenue[i]! * signals.logNormal(Math.log(0.1), 0.6)))
    }
    for (const day of poissonDays(signals, rate(SIGNAL_RATES.relocation))) add(i, 'relocation', day, signals.pick(externalPlaces))
  }

  // expansions into the city's districts, by the hidden model
  const expansions = root.fork('expansions')
  const m = EXPANSION_MODEL
  for (let i = 0; i < firms.count; i++) {
    const kind = firms.kindOf(i)
    const segment = firms.mainSegment[i]!
    if ((kind !== KIND_FIRM && kind !== KIND_SUBSIDIARY) || segment < 0) continue
    const chain = firms.segmentChains[segment]!
    const chainIndex = strength.chainIndex.get(chain)!
    const hosts = input.hostDistricts.get(chain)
    const own = districtOf[firms.place[i]!]!
    const counts = partners.get(i)
    const base = m.base + m.growth * growth[i]! + m.size * logSize(i)
    for (let k = 0; k < districts.length; k++) {
      const noise = m.noise * expansions.normal()
      if (k === own) continue
      const customers = counts ? counts[2 * k]! : 0
      const suppliers = counts ? counts[2 * k + 1]! : 0
      const hosted = hosts?.has(firms.places[districts[k]!]!.code) ? 1 : 0
      const utility =
        base +
        m.customers * Math.log1p(customers) +
        m.suppliers * Math.log1p(suppliers) +
        m.strength * strength.value[chainIndex * districts.length + k]! +
        m.policy * hosted +
        noise
      const t = -Math.log(1 - expansions.float()) / Math.exp(utility)
      if (t >= spanYears) continue
      const day = start + Math.floor(t * 365.25)
      const amount = roundAmount(Math.max(firms.revenue[i]! || 1000, 500) * expansions.logNormal(Math.log(0.3), 0.8))
      add(i, 'expansion', day, districts[k]!, amount)
      if (expansions.chance(PRECURSOR.financing)) {
        add(i, 'financing', day - expansions.int(30, 365), firms.place[i]!, roundAmount(amount * expansions.logNormal(Math.log(0.5), 0.5)), fundFor(funds, expansions))
      }
      if (expansions.chance(PRECURSOR.capacity)) add(i, 'capacity_expansion', day - expansions.int(30, 270), firms.place[i]!, roundAmount(amount * 0.4))
    }
  }

  events.sort((a, b) => a.day - b.day || a.firm - b.firm || a.kind - b.kind)
  const counts = Object.fromEntries(eventKinds.map((k) => [k, 0])) as Record<EventKind, number>
  for (const e of events) counts[eventKinds[e.kind]!]++
  const idKey = hash128(`${root.key}/ids`)

  return {
    count: events.length,
    counts,
    *chunks(chunkSize = 20_000) {
      for (let offset = 0; offset < events.length; offset += chunkSize) {
        yield events.slice(offset, offset + chunkSize).map((e, k) => ({
          tenantId,
          id: indexedUuid(idKey, offset + k),
          enterpriseId: firms.enterpriseId(e.firm),
          kind: eventKinds[e.kind]!,
          occurredOn: dayToIso(e.day),
          regionCode: firms.places[e.place]!.code,
          amount: Number.isNaN(e.amount) ? null : e.amount,
          counterpartyId: e.counterparty >= 0 ? firms.enterpriseId(e.counterparty) : null,
          source: 'generated',
        }))
      }
    },
  }
}

function latentGrowth(firms: FirmModel, random: Random): Float64Array {
  const growth = new Float64Array(firms.count)
  for (let i = 0; i < firms.count; i++) {
    const tags = firms.tags(i)
    const boost = (tags.includes('专精特新') ? 0.5 : 0) + (tags.includes('高新技术企业') ? 0.3 : 0)
    growth[i] = random.normal() + boost
  }
  return growth
}

/** s(chain, district) = ln((firms of the chain in the district + 1) / (mean over districts + 1)). */
function chainStrength(firms: FirmModel, districtCount: number, districtOf: Int16Array) {
  const chainIndex = new Map<string, number>()
  for (const chain of firms.segmentChains) if (!chainIndex.has(chain)) chainIndex.set(chain, chainIndex.size)
  const counts = new Float64Array(chainIndex.size * districtCount)
  for (let i = 0; i < firms.count; i++) {
    const k = districtOf[firms.place[i]!]!
    const segment = firms.mainSegment[i]!
    if (k < 0 || segment < 0) continue
    counts[chainIndex.get(firms.segmentChains[segment]!)! * districtCount + k]!++
  }
  const value = new Float64Array(counts.length)
  for (let c = 0; c < chainIndex.size; c++) {
    let total = 0
    for (let k = 0; k < districtCount; k++) total += counts[c * districtCount + k]!
    const mean = total / districtCount
    for (let k = 0; k < districtCount; k++) value[c * districtCount + k] = Math.log((counts[c * districtCount + k]! + 1) / (mean + 1))
  }
  return { chainIndex, value }
}

/** For each firm with partners in the city: [customers in district 0, suppliers in district 0, customers in 1, …]. */
function partnersByDistrict(firms: FirmModel, relations: RelationModel, districtCount: number, districtOf: Int16Array) {
  const counts = new Map<number, Uint16Array>()
  const bump = (firm: number, slot: number) => {
    let row = counts.get(firm)
    if (!row) {
      row = new Uint16Array(2 * districtCount)
      counts.set(firm, row)
    }
    if (row[slot]! < 65_535) row[slot]!++
  }
  for (let j = 0; j < relations.count; j++) {
    if (relations.kind[j] !== REL_SUPPLIER) continue
    const supplier = relations.from[j]!
    const buyer = relations.to[j]!
    const buyerDistrict = districtOf[firms.place[buyer]!]!
    const supplierDistrict = districtOf[firms.place[supplier]!]!
    if (buyerDistrict >= 0) bump(supplier, 2 * buyerDistrict) // the supplier has a customer there
    if (supplierDistrict >= 0) bump(buyer, 2 * supplierDistrict + 1) // the buyer has a supplier there
  }
  return counts
}

function fundFor(funds: readonly number[], random: Random): number {
  return funds.length > 0 && random.chance(0.6) ? random.pick(funds) : -1
}

function roundAmount(value: number): number {
  return Number.isFinite(value) ? Math.max(1, Math.round(value)) : NaN
}

/** The first layout guide: a district hosts a chain when one of its platforms lists the chain. */
export function hostDistrictsFromPlatforms(platforms: readonly { districtCode: string; chainCodes: readonly string[] }[]): Map<string, Set<string>> {
  const hosts = new Map<string, Set<string>>()
  for (const platform of platforms) {
    for (const chain of platform.chainCodes) {
      const set = hosts.get(chain) ?? new Set<string>()
      set.add(platform.districtCode)
      hosts.set(chain, set)
    }
  }
  return hosts
}

