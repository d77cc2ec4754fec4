// npm run eval:targeting [-- --size city|demo] [--db postgres|pglite] [--reuse <database url>]
// Honest evaluation of target discovery on a held-out future: the generator's event history runs to
// 2026-03-31; the engine is calibrated on 2023-2024 (features as of 2023-01-01, labels = expansions
// in the two years after) and scored on the firms that expanded into each district after the cut-off
// (features as of 2025-01-01, events before it only). Two baselines: random firms of the chain, and
// the chain's largest firms. Prints the table that docs/modules/targeting.md quotes.
import { performance } from 'node:perf_hooks'
import { sql } from 'drizzle-orm'
import { systemClock } from '../server/src/clock.js'
import { bootstrap } from '../server/src/bootstrap.js'
import { openDatabase, type Database } from '../server/src/db/client.js'
import { migrateDatabase } from '../server/src/db/migrate.js'
import { createScratchDatabase } from '../server/src/db/scratch-database.js'
import { EVALUATION_CUTOFF, hostDistrictsFromPlatforms } from '../server/src/generator/events.js'
import { loadDataset } from '../server/src/generator/load.js'
import { chains, hangzhouDistricts, platforms } from '../server/src/modules/reference/data/index.js'
import { refreshTargetingFacts } from '../server/src/modules/targeting/targeting.facts.js'
import { rankCandidates, type RankedCandidate } from '../server/src/modules/targeting/targeting.ranking.js'
import {
  DEFAULT_INTERCEPT,
  DEFAULT_WEIGHTS,
  factorKeys,
  fitWeights,
  precisionAt,
  randomBaseline,
  recallAt,
  type Sample,
  type Weights,
} from '../server/src/modules/targeting/targeting.rules.js'

const args = process.argv.slice(2)
const arg = (name: string, fallback: string) => {
  const i = args.indexOf(`--${name}`)
  return i >= 0 && args[i + 1] ? args[i + 1]! : fallback
}
const size = arg('size', 'city') as 'city' | 'demo'
const kind = arg('db', 'postgres') as 'postgres' | 'pglite'
const TENANT = '330100'
const WINDOW_DAYS = 730
const TRAIN_AS_OF = '2023-01-01'
const MIN_POSITIVES = 3

// --reuse <url>: a database already filled by `npm run generate -- --size <size>` (same seed), not loaded again
const reuse = arg('reuse', '')

async function open(): Promise<{ database: Database; drop: () => Promise<void> }> {
  if (reuse) return { database: await openDatabase({ databaseUrl: reuse }), drop: async () => {} }
  if (kind === 'pglite') return { database: await openDatabase({}), drop: async () => {} }
  const scratch = await createScratchDatabase(process.env.BENCH_PG_ADMIN_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres', 'cb_eval')
  return { database: await openDatabase({ databaseUrl: scratch.url }), drop: scratch.drop }
}

const started = performance.now()
const { database, drop } = await open()
try {
  await migrateDatabase(database)
  const loaded = reuse
    ? { events: Number((await database.pool.query(`select count(*) as n from enterprise_events where tenant_id = '${TENANT}'`)).rows[0].n) }
    : await bootstrap(database, systemClock, { tenantId: TENANT, adminPassword: 'eval-admin-2026', demoData: 'none' }).then(() =>
        loadDataset(database, { tenantId: TENANT, size }),
      )
  const facts = await refreshTargetingFacts(database.db, TENANT, new Date())
  console.log(`target discovery facts built in ${(facts.ms / 1000).toFixed(1)} s`)
  const hosts = hostDistrictsFromPlatforms(platforms)
  console.log(`loaded ${size} dataset with ${loaded.events} events on ${kind} in ${((performance.now() - started) / 1000).toFixed(0)} s`)

  const districts = hangzhouDistricts().map((d) => d.code)
  const expansions = await database.db.execute<{ enterprise_id: string; region_code: string; occurred_on: string }>(sql`
    select enterprise_id, region_code, occurred_on::text from enterprise_events where tenant_id = ${TENANT} and kind = 'expansion'
  `)
  const labelsBetween = (from: string, to: string) => {
    const byRegion = new Map<string, Set<string>>()
    for (const e of expansions.rows) {
      if (e.occurred_on < from || e.occurred_on >= to) continue
      const set = byRegion.get(e.region_code) ?? new Set<string>()
      set.add(e.enterprise_id)
      byRegion.set(e.region_code, set)
    }
    return byRegion
  }
  const chainOfFirms = async () => {
    const rows = await database.db.execute<{ id: string; chain_code: string }>(sql`
      select s.enterprise_id as id, cs.chain_code from enterprise_segments s
      join chain_segments cs on cs.tenant_id = s.tenant_id and cs.code = s.segment_code
      where s.tenant_id = ${TENANT} and s.main`)
    return new Map(rows.rows.map((r) => [r.id, r.chain_code]))
  }
  const rank = (district: string, chain: string, asOf: string, weights: Weights, intercept: number) =>
    rankCandidates(database.db, {
      tenantId: TENANT,
      chainCode: chain,
      regionCodes: [district],
      cityCodes: districts,
      asOf,
      windowDays: WINDOW_DAYS,
      contactIds: [],
      gapOf: new Map(),
      layout: hosts.get(chain)?.has(district) ? 'core' : null,
      weights,
      intercept,
    })

  // 1. calibrate on the two years before the cut-off
  const trainLabels = labelsBetween(TRAIN_AS_OF, EVALUATION_CUTOFF)
  const samples: Sample[] = []
  let negatives = 0
  let kept = 0
  const t1 = performance.now()
  const chainOf = await chainOfFirms()
  const pairsWith = (labels: Map<string, Set<string>>, min: number) => {
    const counts = new Map<string, number>()
    for (const [district, ids] of labels) for (const id of ids) {
      const key = `${district}|${chainOf.get(id)}`
      counts.set(key, (counts.get(key) ?? 0) + 1)
    }
    return new Set([...counts].filter(([, n]) => n >= min).map(([key]) => key))
  }
  // pairs without any expansion teach nothing the sampled negatives of the others do not; skipping them keeps the run short
  const trainPairs = pairsWith(trainLabels, 1)
  for (const district of districts) {
    const positives = trainLabels.get(district) ?? new Set<string>()
    for (const chain of chains) {
      if (!trainPairs.has(`${district}|${chain.code}`)) continue
      const ranked = await rank(district, chain.code, TRAIN_AS_OF, DEFAULT_WEIGHTS, DEFAULT_INTERCEPT)
      ranked.forEach((candidate, k) => {
        const label = positives.has(candidate.row.id) ? 1 : 0
        if (!label) negatives++
        // every positive, one negative in 20 (deterministic: by position), re-weighted in the fit
        if (label || k % 20 === 0) {
          samples.push({ factors: candidate.factors, label })
          if (!label) kept++
        }
      })
    }
  }
  const fitted = fitWeights(samples, { negativeWeight: negatives / Math.max(1, kept) })
  console.log(`calibrated on ${samples.length} samples (${samples.filter((s) => s.label).length} expansions) in ${((performance.now() - t1) / 1000).toFixed(0)} s`)
  console.log('fitted weights:', Object.fromEntries(factorKeys.map((k) => [k, Number(fitted.weights[k].toFixed(2))])), 'intercept', fitted.intercept.toFixed(2))

  // 2. score the held-out future
  const testLabels = labelsBetween(EVALUATION_CUTOFF, '9999-12-31')
  const results = { engine: [] as number[][], defaults: [] as number[][], largest: [] as number[][], random: [] as number[][] }
  const rankingMs: number[] = []
  let pairs = 0
  let positivesTotal = 0
  const testPairs = pairsWith(testLabels, MIN_POSITIVES)
  for (const district of districts) {
    const expanded = testLabels.get(district) ?? new Set<string>()
    for (const chain of chains) {
      if (!testPairs.has(`${district}|${chain.code}`)) continue
      const t = performance.now()
      const engine = await rank(district, chain.code, EVALUATION_CUTOFF, fitted.weights, fitted.intercept)
      rankingMs.push(performance.now() - t)
      const ids = new Set(engine.map((c) => c.row.id))
      const relevant = new Set([...expanded].filter((id) => ids.has(id)))
      if (relevant.size < MIN_POSITIVES) continue
      pairs++
      positivesTotal += relevant.size
      const metrics = (order: readonly RankedCandidate[]) => {
        const list = order.map((c) => c.row.id)
        return [precisionAt(list, relevant, 10), recallAt(list, relevant, 50)]
      }
      results.engine.push(metrics(engine))
      results.defaults.push(metrics(await rank(district, chain.code, EVALUATION_CUTOFF, DEFAULT_WEIGHTS, DEFAULT_INTERCEPT)))
      results.largest.push(metrics([...engine].sort((a, b) => (b.row.revenue ?? 0) - (a.row.revenue ?? 0))))
      const baseline = randomBaseline(engine.length, relevant.size, 10)
      results.random.push([baseline.precision, randomBaseline(engine.length, relevant.size, 50).recall])
    }
  }
  const mean = (rows: number[][], k: number) => rows.reduce((s, r) => s + r[k]!, 0) / Math.max(1, rows.length)
  console.log(`\nheld-out: ${pairs} district × chain pairs with ≥ ${MIN_POSITIVES} expansions after ${EVALUATION_CUTOFF} (${positivesTotal} expansions)\n`)
  console.log('| ranking | precision@10 | recall@50 |')
  console.log('|---|---|---|')
  for (const [name, rows] of [
    ['engine, fitted weights', results.engine],
    ['engine, default weights', results.defaults],
    ['largest firms of the chain', results.largest],
    ['random firms of the chain', results.random],
  ] as const) {
    console.log(`| ${name} | ${mean(rows, 0).toFixed(3)} | ${mean(rows, 1).toFixed(3)} |`)
  }
  rankingMs.sort((a, b) => a - b)
  console.log(`\nranking one district × chain: median ${rankingMs[Math.floor(rankingMs.length / 2)]!.toFixed(0)} ms, max ${rankingMs.at(-1)!.toFixed(0)} ms`)
} finally {
  await database.close()
  await drop()
}
