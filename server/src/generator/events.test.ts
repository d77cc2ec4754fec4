import { createHash } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { platforms } from '../modules/reference/data/index.js'
import { DATASET_AS_OF } from './enterprises.js'
import { EVALUATION_CUTOFF, eventKinds, generateEvents, HISTORY_START, hostDistrictsFromPlatforms, type EnterpriseEventRow } from './events.js'
import { generateDataset } from './load.js'

const dataset = generateDataset({ tenantId: '330100', size: 'demo' })
const hosts = hostDistrictsFromPlatforms(platforms)
const generate = (seed: number | string = 7) =>
  generateEvents({ tenantId: '330100', firms: dataset.firms, relations: dataset.relationModel, hostDistricts: hosts, seed })
const rowsOf = (events: ReturnType<typeof generate>) => [...events.chunks(1000)].flat()

describe('enterprise event history', () => {
  const events = generate()
  const rows = rowsOf(events)

  it('is deterministic for a seed and differs between seeds', () => {
    const digest = (list: EnterpriseEventRow[]) => createHash('sha256').update(JSON.stringify(list)).digest('hex')
    expect(digest(rowsOf(generate()))).toBe(digest(rows))
    expect(digest(rowsOf(generate(8)))).not.toBe(digest(rows))
  })

  it('stays inside the history window, in date order, with unique ids and every kind present', () => {
    expect(rows.length).toBe(events.count)
    expect(new Set(rows.map((r) => r.id)).size).toBe(rows.length)
    for (let k = 1; k < rows.length; k++) expect(rows[k]!.occurredOn >= rows[k - 1]!.occurredOn).toBe(true)
    expect(rows[0]!.occurredOn >= HISTORY_START).toBe(true)
    expect(rows.at(-1)!.occurredOn <= DATASET_AS_OF).toBe(true)
    for (const kind of eventKinds) expect(events.counts[kind]).toBeGreaterThan(0)
  })

  it('sends expansions only into districts of the city other than the firm’s own', () => {
    const district = new Map<string, string>()
    for (let i = 0; i < dataset.firms.count; i++) district.set(dataset.firms.enterpriseId(i), dataset.firms.regionCode(i))
    const expansions = rows.filter((r) => r.kind === 'expansion')
    expect(expansions.length).toBeGreaterThan(50)
    for (const e of expansions) {
      expect(e.regionCode.startsWith('3301')).toBe(true)
      expect(e.regionCode).not.toBe(district.get(e.enterpriseId))
    }
    expect(expansions.some((e) => e.occurredOn >= EVALUATION_CUTOFF)).toBe(true)
  })

  it('makes firms with customers in a district expand there far more often than firms without (the signal the engine must find)', () => {
    const firms = dataset.firms
    const relations = dataset.relationModel
    const index = new Map<string, number>()
    for (let i = 0; i < firms.count; i++) index.set(firms.enterpriseId(i), i)
    const customersIn = new Map<string, number>()
    for (let j = 0; j < relations.count; j++) {
      if (relations.kind[j] !== 0) continue
      const key = `${relations.from[j]}:${firms.regionCode(relations.to[j]!)}`
      customersIn.set(key, (customersIn.get(key) ?? 0) + 1)
    }
    const expansions = rows.filter((r) => r.kind === 'expansion')
    const withCustomers = expansions.filter((e) => customersIn.has(`${index.get(e.enterpriseId)}:${e.regionCode}`)).length
    let pairsWith = 0
    for (const key of customersIn.keys()) if (key.split(':')[1]!.startsWith('3301')) pairsWith++
    const operating = [...Array(firms.count).keys()].filter((i) => ['firm', 'subsidiary'].includes(firms.kindOf(i))).length
    const rateWith = withCustomers / pairsWith
    const rateWithout = (expansions.length - withCustomers) / (operating * 12 - pairsWith)
    expect(rateWith).toBeGreaterThan(3 * rateWithout)
  })

  it('precedes many expansions by a financing round of the same firm within a year', () => {
    const financing = new Map<string, string[]>()
    for (const r of rows) if (r.kind === 'financing') financing.set(r.enterpriseId, [...(financing.get(r.enterpriseId) ?? []), r.occurredOn])
    const expansions = rows.filter((r) => r.kind === 'expansion')
    const preceded = expansions.filter((e) =>
      (financing.get(e.enterpriseId) ?? []).some((day) => day < e.occurredOn && Date.parse(e.occurredOn) - Date.parse(day) <= 366 * 86_400_000),
    )
    expect(preceded.length / expansions.length).toBeGreaterThan(0.35)
  })
})
