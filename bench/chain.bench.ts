// Chain map (district and city), drill-down, export and classification preview on the loaded dataset.
import { refreshChainMapSummary } from '../server/src/modules/chain/chain-map-summary.js'
import { mapFigures } from '../server/src/modules/chain/chain.repository.js'
import { tenantDistricts } from '../server/src/modules/reference/index.js'
import type { BenchRow, BenchSuite } from './types.js'

const fmt = (ms: number) => `${ms.toFixed(1)} ms`

export const bench: BenchSuite = async ({ kind, app, cookie, database, timed }) => {
  const rows: BenchRow[] = []
  const get = async (url: string) => {
    const response = await app.inject({ method: 'GET', url, headers: { cookie } })
    if (response.statusCode !== 200) throw new Error(`${url}: ${response.statusCode} ${response.body.slice(0, 200)}`)
    return response
  }
  // the chain with the most enterprise rows: the heaviest map
  const { rows: top } = await database.pool.query<{ chain: string; n: number }>(`
    select cs.chain_code as chain, count(*)::int as n from enterprise_segments es
    join chain_segments cs on cs.tenant_id = es.tenant_id and cs.code = es.segment_code
    where es.tenant_id = '330100' group by 1 order by 2 desc limit 1`)
  const chain = top[0]!.chain
  const detail = `${chain}, ${top[0]!.n} segment rows`

  // the live figures (what a map reads while the summary is stale), straight from the repository
  const districts = (await tenantDistricts(database.db, '330100')).map((d) => d.code)
  const extension = { minLinks: 2, limit: 8 }
  await mapFigures(database.db, '330100', chain, ['330108'], { within: districts }, extension)
  const liveDistrict = await timed(10, () => mapFigures(database.db, '330100', chain, ['330108'], { within: districts }, extension))
  rows.push([kind, 'chain map figures, live (summary stale), district', detail, `median ${fmt(liveDistrict.median)}, p95 ${fmt(liveDistrict.p95)}`])
  const liveCity = await timed(5, () => mapFigures(database.db, '330100', chain, districts, { outside: districts }, extension))
  rows.push([kind, 'chain map figures, live (summary stale), city', detail, `median ${fmt(liveCity.median)}, p95 ${fmt(liveCity.p95)}`])

  const refresh = await refreshChainMapSummary(database.db, '330100', new Date())
  rows.push([kind, 'chain map summary rebuild (every chain and region)', `${refresh.rows} cells`, fmt(refresh.ms)])
  await database.pool.query('analyze chain_map_cells, chain_map_totals, chain_map_links')

  await get(`/api/chain-map?chain=${chain}&region=330108`) // warm-up
  const district = await timed(20, () => get(`/api/chain-map?chain=${chain}&region=330108`))
  rows.push([kind, 'chain map, district (330108)', detail, `median ${fmt(district.median)}, p95 ${fmt(district.p95)}`])
  const city = await timed(10, () => get(`/api/chain-map?chain=${chain}&region=330100`))
  rows.push([kind, 'chain map, city vs national', detail, `median ${fmt(city.median)}, p95 ${fmt(city.p95)}`])

  const map = (await get(`/api/chain-map?chain=${chain}&region=330100`)).json() as { segments: { code: string; enterprises: number }[] }
  const busiest = [...map.segments].sort((a, b) => b.enterprises - a.enterprises)[0]!
  const drill = await timed(20, () => get(`/api/chain-map/segment-enterprises?chain=${chain}&region=330100&segment=${busiest.code}&page=3`))
  rows.push([kind, 'segment drill-down, page 3 of 20', `${busiest.code}, ${busiest.enterprises} firms`, `median ${fmt(drill.median)}`])
  const total = map.segments.reduce((n, s) => n + s.enterprises, 0)
  const exported = await timed(2, () => get(`/api/chain-map/export.xlsx?chain=${chain}&region=330100`))
  rows.push([kind, 'chain map export (xlsx)', `${total} enterprise rows`, `median ${fmt(exported.median)}`])

  const preview = await timed(3, async () => {
    const response = await app.inject({ method: 'POST', url: `/api/chains/${chain}/classification/preview`, headers: { cookie } })
    if (response.statusCode !== 200) throw new Error(`preview: ${response.statusCode} ${response.body.slice(0, 200)}`)
  })
  rows.push([kind, 'classification preview (whole dataset)', chain, `median ${fmt(preview.median)}, max ${fmt(preview.max)}`])
  const apply = await timed(1, async () => {
    const response = await app.inject({ method: 'POST', url: `/api/chains/${chain}/classification/apply`, headers: { cookie } })
    if (response.statusCode !== 200) throw new Error(`apply: ${response.statusCode} ${response.body.slice(0, 200)}`)
  })
  rows.push([kind, 'classification apply (one transaction)', chain, fmt(apply.median)])
  return rows
}
