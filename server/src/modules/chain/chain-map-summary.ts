// The chain map's summary: figures per segment × region, built in one pass over the tenant's firms so that
// a map reads a few hundred rows. It is a cache, never a second truth: triggers leave a marker in every
// transaction that changes firms, segments, relations or chain trees (migration 0010), and the map reads
// the live figures while any marker exists. See docs/decisions/0005-chain-map-summary.md.
import { sql } from 'drizzle-orm'
import { textArrayLiteral } from '../../db/arrays.js'
import type { Database, DbOrTx } from '../../db/client.js'
import { rebuildSummary, summaryFresh, summaryRefresherRegistry, type RefreshOutcome, type SummaryTables } from '../../lib/summary-refresher.js'
import { tenantDistricts } from '../reference/index.js'
import type { MapFigures } from './chain.repository.js'

const rowsOf = <T>(result: { rows: unknown[] }) => result.rows as T[]
const tables: SummaryTables = { lock: 'chain_map_summary', dirty: 'chain_map_dirty', state: 'chain_map_state' }

/** True when the summary was built and nothing behind it changed since. */
export const chainMapSummaryFresh = (db: DbOrTx, tenantId: string) => summaryFresh(db, tables, tenantId)

/** Rebuilds the tenant's summary (every chain and region); see `rebuildSummary` for how it stays exact. */
export async function refreshChainMapSummary(db: Database['db'], tenantId: string, now: Date): Promise<RefreshOutcome> {
  return rebuildSummary(db, tables, tenantId, now, async (tx) => {
    const districts = (await tenantDistricts(tx, tenantId)).map((d) => d.code)

    await tx.execute(sql`delete from chain_map_cells where tenant_id = ${tenantId}`)
    const cells = await tx.execute(sql`
      insert into chain_map_cells (tenant_id, segment_code, region_code, firms, revenue, employees, leader_ids)
      select es.tenant_id, es.segment_code, e.region_code, count(*), coalesce(sum(e.revenue), 0), coalesce(sum(e.employees), 0),
        coalesce((array_agg(e.id order by e.revenue desc nulls last, e.id) filter (where e.chain_leader))[1:5], '{}')
      from enterprise_segments es
      join enterprises e on e.tenant_id = es.tenant_id and e.id = es.enterprise_id
      where es.tenant_id = ${tenantId} and e.status = 'active'
      group by 1, 2, 3`)

    await tx.execute(sql`delete from chain_map_totals where tenant_id = ${tenantId}`)
    await tx.execute(sql`
      insert into chain_map_totals (tenant_id, chain_code, region_code, firms, revenue, employees)
      select ${tenantId}, chain_code, region_code, count(*), coalesce(sum(revenue), 0), coalesce(sum(employees), 0)
      from (
        select distinct cs.chain_code, e.id, e.region_code, e.revenue, e.employees
        from enterprise_segments es
        join chain_segments cs on cs.tenant_id = es.tenant_id and cs.code = es.segment_code
        join enterprises e on e.tenant_id = es.tenant_id and e.id = es.enterprise_id
        where es.tenant_id = ${tenantId} and e.status = 'active'
      ) firm
      group by chain_code, region_code`)

    // 延链 links are only ever read for the city's own districts
    await tx.execute(sql`delete from chain_map_links where tenant_id = ${tenantId}`)
    await tx.execute(sql`
      with firm as (
        select distinct cs.chain_code, e.id, e.region_code
        from enterprise_segments es
        join chain_segments cs on cs.tenant_id = es.tenant_id and cs.code = es.segment_code
        join enterprises e on e.tenant_id = es.tenant_id and e.id = es.enterprise_id
        where es.tenant_id = ${tenantId} and e.status = 'active' and e.region_code = any(${textArrayLiteral(districts)}::text[])
      ),
      partners as (
        select f.chain_code, f.region_code, r.to_id as partner
        from firm f join enterprise_relations r on r.tenant_id = ${tenantId} and r.from_id = f.id and r.kind = 'supplier'
        union all
        select f.chain_code, f.region_code, r.from_id
        from firm f join enterprise_relations r on r.tenant_id = ${tenantId} and r.to_id = f.id and r.kind = 'supplier'
      )
      insert into chain_map_links (tenant_id, chain_code, region_code, segment_code, links)
      select ${tenantId}, p.chain_code, p.region_code, ps.segment_code, count(*)
      from partners p
      join enterprise_segments ps on ps.tenant_id = ${tenantId} and ps.enterprise_id = p.partner and ps.main
      join chain_segments cs on cs.tenant_id = ${tenantId} and cs.code = ps.segment_code
      where cs.chain_code <> p.chain_code
      group by p.chain_code, p.region_code, ps.segment_code`)

    return { rows: cells.rowCount ?? 0, districts }
  })
}

/** The same figures as the live `mapFigures`, read from the summary. */
export async function summaryFigures(
  db: DbOrTx,
  tenantId: string,
  chainCode: string,
  local: readonly string[],
  base: { within: readonly string[] } | { outside: readonly string[] },
  extension: { minLinks: number; limit: number },
): Promise<MapFigures> {
  const localCond = sql`region_code = any(${textArrayLiteral(local)}::text[])`
  const baseCond =
    'within' in base ? sql`region_code = any(${textArrayLiteral(base.within)}::text[])` : sql`not (region_code = any(${textArrayLiteral(base.outside)}::text[]))`
  const result = await db.execute(sql`
    with cell as materialized (
      select segment_code, firms, revenue, employees, leader_ids, ${localCond} as is_local, ${baseCond} as is_base
      from chain_map_cells
      where tenant_id = ${tenantId}
        and segment_code in (select code from chain_segments where tenant_id = ${tenantId} and chain_code = ${chainCode})
    ),
    seg as (
      select segment_code as code,
        coalesce(sum(firms) filter (where is_local), 0)::int as local_n,
        coalesce(sum(revenue) filter (where is_local), 0)::float8 as revenue,
        coalesce(sum(employees) filter (where is_local), 0)::int as employees,
        coalesce(sum(firms) filter (where is_base), 0)::int as base_n
      from cell group by segment_code
    ),
    leader as (
      select c.segment_code, e.id, e.name, e.revenue
      from cell c cross join unnest(c.leader_ids) as u(id)
      join enterprises e on e.tenant_id = ${tenantId} and e.id = u.id
      where c.is_local
    ),
    seg_named as (
      select seg.*, coalesce((
        select array_agg(l.name order by l.revenue desc nulls last, l.id)
        from (select * from leader where leader.segment_code = seg.code order by revenue desc nulls last, id limit 5) l), '{}') as leaders
      from seg
    ),
    tot as (
      select coalesce(sum(firms) filter (where ${localCond}), 0)::int as local_n,
        coalesce(sum(revenue) filter (where ${localCond}), 0)::float8 as revenue,
        coalesce(sum(employees) filter (where ${localCond}), 0)::int as employees,
        coalesce(sum(firms) filter (where ${baseCond}), 0)::int as base_n
      from chain_map_totals where tenant_id = ${tenantId} and chain_code = ${chainCode}
    ),
    link as (
      select l.segment_code as "segmentCode", cs.chain_code as "chainCode", sum(l.links)::int as links
      from chain_map_links l
      join chain_segments cs on cs.tenant_id = ${tenantId} and cs.code = l.segment_code
      where l.tenant_id = ${tenantId} and l.chain_code = ${chainCode} and l.region_code = any(${textArrayLiteral(local)}::text[])
      group by 1, 2
      having sum(l.links) >= ${extension.minLinks}
      order by links desc, 1 limit ${extension.limit}
    ),
    link_local as (
      select segment_code as code, sum(firms)::int as n from chain_map_cells
      where tenant_id = ${tenantId} and ${localCond} and segment_code in (select "segmentCode" from link)
      group by 1
    )
    select
      coalesce((select json_agg(seg_named) from seg_named), '[]'::json) as segments,
      (select row_to_json(tot) from tot) as totals,
      coalesce((select json_agg(json_build_object('segmentCode', l."segmentCode", 'chainCode', l."chainCode", 'links', l.links,
        'localEnterprises', coalesce(ll.n, 0))) from link l left join link_local ll on ll.code = l."segmentCode"), '[]'::json) as links`)
  const row = rowsOf<{ segments: MapFigures['segments']; totals: MapFigures['totals'] | null; links: MapFigures['links'] }>(result)[0]
  return {
    segments: row?.segments ?? [],
    totals: row?.totals ?? { local_n: 0, revenue: 0, employees: 0, base_n: 0 },
    links: row?.links ?? [],
  }
}

const refreshers = summaryRefresherRegistry(refreshChainMapSummary)

/** The background rebuilder of this database's chain map summaries. */
export const chainMapRefresher = refreshers.get
export const closeChainMapRefresher = refreshers.close
