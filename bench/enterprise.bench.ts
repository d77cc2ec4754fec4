// Enterprise search (fragment, initials, USCC, filters + sort), duplicate check and graph walks on the loaded dataset.
import type { BenchRow, BenchSuite } from './types.js'

const fmt = (ms: number) => `${ms.toFixed(1)} ms`

export const bench: BenchSuite = async ({ kind, app, cookie, database, timed }) => {
  const rows: BenchRow[] = []
  const get = async (url: string) => {
    const response = await app.inject({ method: 'GET', url, headers: { cookie } })
    if (response.statusCode !== 200) throw new Error(`${url}: ${response.statusCode} ${response.body.slice(0, 200)}`)
    return response.json()
  }
  // sample inputs from the data: a firm with a common trade name prefix, a chain leader with many relations
  const { rows: sample } = await database.pool.query<{ trade_name: string; name_initials: string; uscc: string }>(
    `select trade_name, name_initials, uscc from enterprises where tenant_id = '330100' and char_length(trade_name) >= 3 order by id limit 1`,
  )
  const s = sample[0]!
  const { rows: hub } = await database.pool.query<{ id: string; n: number }>(`
    select to_id as id, count(*)::int as n from enterprise_relations where tenant_id = '330100' and kind = 'supplier'
    group by to_id order by 2 desc limit 1`)
  const { rows: chainRow } = await database.pool.query<{ chain_code: string }>(
    `select chain_code from chain_segments where tenant_id = '330100' order by position limit 1`,
  )
  const chain = chainRow[0]!.chain_code

  const searches: Array<[string, string, string]> = [
    ['search: 2-character fragment (prefix)', `q=${encodeURIComponent(s.trade_name.slice(0, 2))}`, s.trade_name.slice(0, 2)],
    ['search: 3-character fragment (trigram)', `q=${encodeURIComponent(s.trade_name.slice(0, 3))}`, s.trade_name.slice(0, 3)],
    ['search: full name, other order', `q=${encodeURIComponent(`${s.trade_name}科技（杭州）有限公司`)}`, s.trade_name],
    ['search: pinyin initials', `q=${s.name_initials}`, s.name_initials],
    ['search: pinyin initials, 2 letters', `q=${s.name_initials.slice(0, 2)}`, s.name_initials.slice(0, 2)],
    ['search: USCC exact', `q=${s.uscc}`, s.uscc],
    ['search: USCC prefix (10)', `q=${s.uscc.slice(0, 10)}`, s.uscc.slice(0, 10)],
    ['browse: all, revenue desc, page 1', 'sort=revenue&order=desc', 'no filter'],
    ['browse: local, revenue desc, page 5', 'region=local&sort=revenue&order=desc&page=5', 'region=local'],
    ['filter: district + tag, employees desc', `region=330108&tag=${encodeURIComponent('高新技术企业')}&sort=employees&order=desc`, '330108 + 高新技术企业'],
    ['filter: chain + size + founded asc', `chain=${chain}&size=medium&sort=founded&order=asc`, `${chain}, medium`],
    ['filter: chain leaders, name asc', 'chainLeader=true&sort=name&order=asc', 'chainLeader'],
    ['filter: external, revenue desc', 'region=external&sort=revenue', 'external'],
  ]
  for (const [what, query, detail] of searches) {
    const first = await get(`/api/enterprises?${query}`)
    const timing = await timed(20, () => get(`/api/enterprises?${query}`))
    rows.push([kind, what, `${detail} → ${first.total}${first.totalCapped ? '+' : ''} hits`, `median ${fmt(timing.median)}, p95 ${fmt(timing.p95)}`])
  }

  const dup = await timed(20, async () => {
    const response = await app.inject({ method: 'POST', url: '/api/enterprises/duplicates', headers: { cookie }, payload: { name: `杭州${s.trade_name}科技有限公司` } })
    if (response.statusCode !== 200) throw new Error(response.body)
  })
  rows.push([kind, 'duplicate check (trade-name trigram)', s.trade_name, `median ${fmt(dup.median)}, p95 ${fmt(dup.p95)}`])

  if (hub[0]) {
    const id = hub[0].id
    for (const depth of [1, 2, 3]) {
      const graph = await get(`/api/enterprises/${id}/graph?depth=${depth}&direction=both`)
      const timing = await timed(10, () => get(`/api/enterprises/${id}/graph?depth=${depth}&direction=both`))
      rows.push([kind, `graph ${depth} hop${depth > 1 ? 's' : ''}, both directions`, `hub with ${hub[0].n} suppliers → ${graph.nodes.length} nodes, ${graph.edges.length} edges`, `median ${fmt(timing.median)}, p95 ${fmt(timing.p95)}`])
    }
    const suppliers = await timed(10, () => get(`/api/enterprises/${id}/suppliers`))
    rows.push([kind, 'local vs external suppliers', `hub with ${hub[0].n} suppliers`, `median ${fmt(suppliers.median)}`])
  }
  return rows
}
