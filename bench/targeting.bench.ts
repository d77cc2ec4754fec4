// Target discovery: ranking one region × chain through the API (chain map + candidate facts + scoring) and the
// engine's one SQL statement alone, for a district and for the city; reach paths for 20 candidates.
import { performance } from 'node:perf_hooks'
import { chainMapSummaryFresh, refreshChainMapSummary } from '../server/src/modules/chain/chain-map-summary.js'
import { refreshTargetingFacts, targetingFactsFresh } from '../server/src/modules/targeting/targeting.facts.js'
import type { BenchRow, BenchSuite } from './types.js'

const fmt = (ms: number) => `${ms.toFixed(1)} ms`
const TENANT = '330100'
const DISTRICT = '330108'

function stats(values: number[]) {
  const sorted = [...values].sort((a, b) => a - b)
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)] ?? 0
  return { median: at(0.5), p95: at(0.95), max: sorted.at(-1) ?? 0 }
}

export const bench: BenchSuite = async ({ kind, app, cookie, database, timed }) => {
  const rows: BenchRow[] = []
  const get = async (url: string) => {
    const response = await app.inject({ method: 'GET', url, headers: { cookie } })
    if (response.statusCode !== 200) throw new Error(`${url}: ${response.statusCode} ${response.body.slice(0, 200)}`)
    return response.json()
  }
  // the chain with the most firms (main segment): the heaviest ranking
  const { rows: chainRow } = await database.pool.query<{ chain_code: string; n: number }>(`
    select cs.chain_code, count(*)::int as n from enterprise_segments s
    join chain_segments cs on cs.tenant_id = s.tenant_id and cs.code = s.segment_code
    where s.tenant_id = '${TENANT}' and s.main group by cs.chain_code order by 2 desc, 1 limit 1`)
  const chain = chainRow[0]!.chain_code

  // the live walk (facts stale, as right after an import) once per region, then the precomputed facts
  for (const [label, region] of [
    ['district', DISTRICT],
    ['city', TENANT],
  ] as const) {
    await database.pool.query(`insert into targeting_dirty (tenant_id, xid) values ('${TENANT}', 0) on conflict do nothing`)
    const start = performance.now()
    const body = await get(`/api/targeting/candidates?region=${region}&chain=${chain}&limit=50`)
    rows.push([kind, `ranking API, ${label} × chain, facts stale (live walk)`, `${body.total} candidates`, fmt(performance.now() - start)])
  }
  // the stale reads above scheduled a background rebuild; run one here (or wait for that one) and report its time
  let refresh = await refreshTargetingFacts(database.db, TENANT, new Date())
  while (!refresh.refreshed || !(await targetingFactsFresh(database.db, TENANT))) {
    await new Promise((resolve) => setTimeout(resolve, 500))
    refresh = await refreshTargetingFacts(database.db, TENANT, new Date())
  }
  rows.push([kind, 'target discovery facts rebuild', `${refresh.rows} firm × district rows`, fmt(refresh.ms)])
  // the ranking reads the chain map's gaps too: time it on a fresh chain map summary, not during its rebuild
  while (!(await chainMapSummaryFresh(database.db, TENANT))) {
    const rebuilt = await refreshChainMapSummary(database.db, TENANT, new Date())
    if (!rebuilt.refreshed) await new Promise((resolve) => setTimeout(resolve, 500))
  }
  await database.pool.query('analyze targeting_region_links, targeting_asset_distance, targeting_chain_firms')

  for (const [label, region] of [
    ['district', DISTRICT],
    ['city', TENANT],
  ] as const) {
    const url = `/api/targeting/candidates?region=${region}&chain=${chain}&limit=50`
    const first = await get(url)
    const timing = await timed(5, () => get(url))
    rows.push([kind, `ranking API, ${label} × chain (precomputed facts)`, `${region} × ${chain} → ${first.total} candidates`, `median ${fmt(timing.median)}, p95 ${fmt(timing.p95)}`])
  }

  // reach paths of the city ranking's top 20, each once after a warm-up
  const top = await get(`/api/targeting/candidates?region=${TENANT}&chain=${chain}&limit=20`)
  const ids: string[] = top.items.map((c: { enterpriseId: string }) => c.enterpriseId)
  await get(`/api/targeting/candidates/${ids[0]}/paths?region=${TENANT}`)
  const times: number[] = []
  let withPaths = 0
  for (const id of ids) {
    const start = performance.now()
    const body = await get(`/api/targeting/candidates/${id}/paths?region=${TENANT}`)
    times.push(performance.now() - start)
    if (body.paths.length > 0) withPaths++
  }
  const s = stats(times)
  rows.push([kind, 'reach paths API, 20 candidates', `city top 20 of ${chain}; ${withPaths} with a path`, `median ${fmt(s.median)}, p95 ${fmt(s.p95)}, max ${fmt(s.max)}`])
  return rows
}
