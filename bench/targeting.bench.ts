// Target discovery: ranking one region × chain through the API (chain map + candidate facts + scoring) and the
// engine's one SQL statement alone, for a district and for the city; reach paths for 20 candidates.
import { performance } from 'node:perf_hooks'
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

  for (const [label, region] of [
    ['district', DISTRICT],
    ['city', TENANT],
  ] as const) {
    const url = `/api/targeting/candidates?region=${region}&chain=${chain}&limit=50`
    const first = await get(url)
    const timing = await timed(5, () => get(url))
    rows.push([kind, `ranking API, ${label} × chain`, `${region} × ${chain} → ${first.total} candidates`, `median ${fmt(timing.median)}, p95 ${fmt(timing.p95)}`])
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
