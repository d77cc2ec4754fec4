// Relation facts of every firm, precomputed: its supplier relations with each city district's firms and its
// distance from the bureau's standing assets. Ranking reads them instead of walking every candidate's
// relations (≈ 200,000 rows for the largest chain at `city` size). A cache like the chain map summary
// (docs/decisions/0005-chain-map-summary.md): while a marker exists, ranking reads the live facts.
import { sql } from 'drizzle-orm'
import type { Database, DbOrTx } from '../../db/client.js'
import { summaryRefresherRegistry, textArrayLiteral, type RefreshOutcome } from '../../lib/summary-refresher.js'
import { tenantDistricts } from '../reference/index.js'
import { FUND_INDUSTRY_CODES } from './targeting.rules.js'

const rowsOf = <T>(result: { rows: unknown[] }) => result.rows as T[]

export async function targetingFactsFresh(db: DbOrTx, tenantId: string): Promise<boolean> {
  const result = await db.execute(sql`
    select exists (select 1 from targeting_facts_state where tenant_id = ${tenantId})
       and not exists (select 1 from targeting_dirty where tenant_id = ${tenantId}) as fresh`)
  return rowsOf<{ fresh: boolean }>(result)[0]?.fresh ?? false
}

/** Rebuilds the tenant's facts in one repeatable-read transaction, deleting only the markers its snapshot saw. */
export async function refreshTargetingFacts(db: Database['db'], tenantId: string, now: Date): Promise<RefreshOutcome> {
  const started = performance.now()
  return db.transaction(
    async (tx) => {
      const lock = await tx.execute(sql`select pg_try_advisory_xact_lock(hashtext('targeting_facts'), hashtext(${tenantId})) as got`)
      if (!rowsOf<{ got: boolean }>(lock)[0]?.got) return { refreshed: false, ms: 0, rows: 0 }
      const seen = rowsOf<{ xid: string }>(await tx.execute(sql`select xid::text as xid from targeting_dirty where tenant_id = ${tenantId}`)).map((r) => r.xid)
      const districts = textArrayLiteral((await tenantDistricts(tx, tenantId)).map((d) => d.code))

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
        from rel group by region_code, enterprise_id`)

      await tx.execute(sql`delete from targeting_asset_distance where tenant_id = ${tenantId}`)
      await tx.execute(sql`
        with asset as (
          select id from enterprises
          where tenant_id = ${tenantId} and status = 'active' and region_code = any(${districts}::text[])
            and (chain_leader or industry_code = any(${textArrayLiteral(FUND_INDUSTRY_CODES)}::text[]))
          union
          select id from enterprises
          where tenant_id = ${tenantId} and status = 'active' and founder_origin_code = any(${districts}::text[])
            and not (region_code = any(${districts}::text[]))
        ),
        near as (
          select r.to_id as id from enterprise_relations r join asset a on a.id = r.from_id where r.tenant_id = ${tenantId}
          union
          select r.from_id from enterprise_relations r join asset a on a.id = r.to_id where r.tenant_id = ${tenantId}
        ),
        second as (
          select r.to_id as id from enterprise_relations r join near n on n.id = r.from_id where r.tenant_id = ${tenantId}
          union
          select r.from_id from enterprise_relations r join near n on n.id = r.to_id where r.tenant_id = ${tenantId}
        )
        insert into targeting_asset_distance (tenant_id, enterprise_id, distance)
        select ${tenantId}, id, min(distance) from (
          select id, 0 as distance from asset
          union all select id, 1 from near
          union all select id, 2 from second
        ) d group by id`)

      if (seen.length > 0) {
        await tx.execute(sql`delete from targeting_dirty where tenant_id = ${tenantId} and xid = any(${`{${seen.join(',')}}`}::bigint[])`)
      }
      const ms = Math.round(performance.now() - started)
      await tx.execute(sql`
        insert into targeting_facts_state (tenant_id, refreshed_at, districts, ms)
        values (${tenantId}, ${now.toISOString()}, ${districts}::text[], ${ms})
        on conflict (tenant_id) do update set refreshed_at = excluded.refreshed_at, districts = excluded.districts, ms = excluded.ms`)
      return { refreshed: true, ms, rows: links.rowCount ?? 0 }
    },
    { isolationLevel: 'repeatable read' },
  )
}

const refreshers = summaryRefresherRegistry(refreshTargetingFacts)

/** The background rebuilder of this database's target discovery facts. */
export const targetingFactsRefresher = refreshers.get
export const closeTargetingFactsRefresher = refreshers.close
