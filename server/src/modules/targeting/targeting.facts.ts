// Relation facts of every firm, precomputed: its supplier relations with each city district's firms, its
// distance from the bureau's standing assets, and every chain's candidate base (targeting_chain_firms).
// Ranking reads them instead of walking every candidate's relations (≈ 200,000 rows for the largest chain
// at `city` size). A cache like the chain map summary
// (docs/decisions/0005-chain-map-summary.md): while a marker exists, ranking reads the live facts.
import { sql } from 'drizzle-orm'
import { textArrayLiteral } from '../../db/arrays.js'
import type { Database, DbOrTx } from '../../db/client.js'
import { rebuildSummary, summaryFresh, summaryRefresherRegistry, type RefreshOutcome, type SummaryTables } from '../../lib/summary-refresher.js'
import { tenantDistricts } from '../reference/index.js'
import { neighboursOf, standingAssets } from './targeting.repository.js'

const tables: SummaryTables = { lock: 'targeting_facts', dirty: 'targeting_dirty', state: 'targeting_facts_state' }

export const targetingFactsFresh = (db: DbOrTx, tenantId: string) => summaryFresh(db, tables, tenantId)

/** Rebuilds the tenant's facts; see `rebuildSummary` for how they stay exact. */
export async function refreshTargetingFacts(db: Database['db'], tenantId: string, now: Date): Promise<RefreshOutcome> {
  return rebuildSummary(db, tables, tenantId, now, async (tx) => {
    const codes = (await tenantDistricts(tx, tenantId)).map((d) => d.code)
    const districts = textArrayLiteral(codes)

    await tx.execute(sql`delete from targeting_region_links where tenant_id = ${tenantId}`)
    const links = await tx.execute(sql`
      with city_firm as (
        select id, region_code, chain_leader from enterprises
        where tenant_id = ${tenantId} and status = 'active' and region_code = any(${districts}::text[])
      ),
      rel as (
        select r.from_id as enterprise_id, cf.region_code, 1 as customers, cf.chain_leader::int as leader_customers, 0 as suppliers
        from enterprise_relations r join city_firm cf on cf.id = r.to_id
        where r.tenant_id = ${tenantId} and r.kind = 'supplier'
        union all
        select r.to_id, cf.region_code, 0, 0, 1
        from enterprise_relations r join city_firm cf on cf.id = r.from_id
        where r.tenant_id = ${tenantId} and r.kind = 'supplier'
      )
      insert into targeting_region_links (tenant_id, region_code, enterprise_id, customers, leader_customers, suppliers)
      select ${tenantId}, region_code, enterprise_id, sum(customers), sum(leader_customers), sum(suppliers)
      from rel group by region_code, enterprise_id
      -- one district's rows on neighbouring pages: ranking for a district reads only those
      order by region_code, enterprise_id`)

    await tx.execute(sql`delete from targeting_asset_distance where tenant_id = ${tenantId}`)
    await tx.execute(sql`
      with asset as (${standingAssets(tenantId, codes)}),
      near as (${neighboursOf(tenantId, 'asset')}),
      second as (${neighboursOf(tenantId, 'near')})
      insert into targeting_asset_distance (tenant_id, enterprise_id, distance)
      select ${tenantId}, id, min(distance) from (
        select id, 0 as distance from asset
        union all select id, 1 from near
        union all select id, 2 from second
      ) d group by id`)

    // ordered by chain, so that one chain's firms sit on neighbouring pages
    await tx.execute(sql`delete from targeting_chain_firms where tenant_id = ${tenantId}`)
    await tx.execute(sql`
      insert into targeting_chain_firms (tenant_id, chain_code, enterprise_id, segment_code, region_code, revenue, distance,
        city_customers, city_leader_customers, city_suppliers, link_regions, link_customers, link_leader_customers, link_suppliers)
      select ${tenantId}, cs.chain_code, e.id, s.segment_code, e.region_code, e.revenue, a.distance,
        coalesce(t.customers, 0), coalesce(t.leader_customers, 0), coalesce(t.suppliers, 0),
        t.link_regions, t.link_customers, t.link_leader_customers, t.link_suppliers
      from chain_segments cs
      join enterprise_segments s on s.tenant_id = cs.tenant_id and s.segment_code = cs.code and s.main
      join enterprises e on e.tenant_id = s.tenant_id and e.id = s.enterprise_id
      left join targeting_asset_distance a on a.tenant_id = e.tenant_id and a.enterprise_id = e.id
      left join (
        select enterprise_id, sum(customers) as customers, sum(leader_customers) as leader_customers, sum(suppliers) as suppliers,
          array_agg(region_code order by region_code) as link_regions, array_agg(customers order by region_code) as link_customers,
          array_agg(leader_customers order by region_code) as link_leader_customers, array_agg(suppliers order by region_code) as link_suppliers
        from targeting_region_links where tenant_id = ${tenantId} group by enterprise_id
      ) t on t.enterprise_id = e.id
      where cs.tenant_id = ${tenantId} and e.status = 'active'
        and not exists (select 1 from enterprise_relations b where b.tenant_id = e.tenant_id and b.from_id = e.id and b.kind = 'branch')
      order by cs.chain_code, e.id`)

    return { rows: links.rowCount ?? 0, districts: codes }
  })
}

const refreshers = summaryRefresherRegistry(refreshTargetingFacts)

/** The background rebuilder of this database's target discovery facts. */
export const targetingFactsRefresher = refreshers.get
export const closeTargetingFactsRefresher = refreshers.close
