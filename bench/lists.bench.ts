// The three lists on the loaded dataset: chain-leader proposal for a chain, key-supplier refresh for a
// district and for the city, and the target list page (sorted, filtered) with its export.
import type { BenchRow, BenchSuite } from './types.js'

const fmt = (ms: number) => `${ms.toFixed(1)} ms`

export const bench: BenchSuite = async ({ kind, app, cookie, database, timed, tenantId }) => {
  const rows: BenchRow[] = []
  const call = async (method: 'GET' | 'POST', url: string, payload?: object) => {
    const response = await app.inject({ method, url, headers: { cookie }, ...(payload ? { payload } : {}) })
    if (response.statusCode !== 200) throw new Error(`${url}: ${response.statusCode} ${response.body.slice(0, 200)}`)
    return response
  }
  // the chain with the most local members and the district with the most confirmed leaders in it
  const { rows: chainRows } = await database.pool.query<{ chain_code: string; n: number }>(
    `select s.chain_code, count(*)::int as n from enterprise_segments es
       join chain_segments s on s.tenant_id = es.tenant_id and s.code = es.segment_code
      where es.tenant_id = $1 group by s.chain_code order by 2 desc limit 1`,
    [tenantId],
  )
  const chain = chainRows[0]!.chain_code
  const { rows: districtRows } = await database.pool.query<{ region_code: string }>(
    `select e.region_code from chain_leaders cl join enterprises e on e.tenant_id = cl.tenant_id and e.id = cl.enterprise_id
      where cl.tenant_id = $1 and cl.chain_code = $2 group by e.region_code order by count(*) desc, 1 limit 1`,
    [tenantId, chain],
  )
  const district = districtRows[0]?.region_code ?? '330108'

  const propose = await call('POST', '/api/lists/chain-leaders/propose', { chain })
  const proposeTiming = await timed(5, () => call('POST', '/api/lists/chain-leaders/propose', { chain }))
  const p = propose.json()
  rows.push([kind, 'propose chain leaders', `${chain}: ${p.considered} local firms scored, ${p.proposed} proposed`, `median ${fmt(proposeTiming.median)}, p95 ${fmt(proposeTiming.p95)}`])

  for (const [label, region] of [['district', district], ['city', tenantId]] as const) {
    const first = (await call('POST', '/api/lists/key-suppliers/refresh', { region, chain })).json()
    const timing = await timed(5, () => call('POST', '/api/lists/key-suppliers/refresh', { region, chain }))
    rows.push([kind, `key-supplier refresh (${label})`, `${region}/${chain}: ${first.leaders} leaders → ${first.found} outside suppliers`, `median ${fmt(timing.median)}, p95 ${fmt(timing.p95)}`])
  }

  const pages: Array<[string, string]> = [
    ['target list: all, updated desc, page 1', 'sort=updatedAt&order=desc'],
    ['target list: district + status, priority desc', `region=${district}&status=new&sort=priority&order=desc`],
    ['target list: name search', `q=${encodeURIComponent('科技')}&sort=enterpriseName&order=asc`],
    ['chain-leader list: chain, score desc', `chain=${chain}&sort=score&order=desc`],
    ['key-supplier list: city, dependence desc', `region=${tenantId}&chain=${chain}`],
  ]
  for (const [what, query] of pages) {
    const path = what.startsWith('target') ? 'targets' : what.startsWith('chain') ? 'chain-leaders' : 'key-suppliers'
    const first = (await call('GET', `/api/lists/${path}?${query}`)).json()
    const timing = await timed(20, () => call('GET', `/api/lists/${path}?${query}`))
    rows.push([kind, what, `${first.total} rows`, `median ${fmt(timing.median)}, p95 ${fmt(timing.p95)}`])
  }
  const exportTiming = await timed(5, () => call('GET', '/api/lists/targets/export.xlsx'))
  rows.push([kind, 'target export (xlsx, all rows)', 'city scope', `median ${fmt(exportTiming.median)}, p95 ${fmt(exportTiming.p95)}`])
  return rows
}
