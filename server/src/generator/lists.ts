// Demo rows for the three lists, derived from the loaded firm model in two set-based statements:
// the firms the generator flags as chain leaders become confirmed entries of the chain of their main
// segment, and each district gets a few demo targets (outside suppliers of its leaders). Ordering by
// md5 of the generated ids keeps the choice deterministic for a given seed; ids are md5-derived too.
import type { Database } from '../db/client.js'

export interface LoadListsOptions {
  tenantId: string
  now: Date
  /** demo targets per district */
  targetsPerDistrict?: number
}

const priorities = ['high', 'medium', 'low'] as const
const statuses = ['new', 'researching', 'contacting', 'negotiating'] as const

export async function loadLists(database: Database, options: LoadListsOptions): Promise<{ chainLeaders: number; targets: number }> {
  const { tenantId } = options
  const now = options.now.toISOString()
  const perDistrict = options.targetsPerDistrict ?? 4
  const leaders = await database.pool.query(
    `insert into chain_leaders (tenant_id, chain_code, enterprise_id, status, score, criteria, note, decided_by, decided_at, version, created_at, updated_at)
     select e.tenant_id, s.chain_code, e.id, 'confirmed', 0,
            jsonb_build_object('revenue', e.revenue, 'tags', to_jsonb(e.tags)), '演示数据：生成器标记的链主', 'generator', $2::timestamptz, 1,
            $2::timestamptz, $2::timestamptz
       from enterprises e
       join enterprise_segments es on es.tenant_id = e.tenant_id and es.enterprise_id = e.id and es.main
       join chain_segments s on s.tenant_id = es.tenant_id and s.code = es.segment_code
      where e.tenant_id = $1 and e.chain_leader
     on conflict do nothing`,
    [tenantId, now],
  )
  await database.pool.query(
    `insert into list_changes (tenant_id, id, list, entry_key, at, actor_name, action, before, after)
     select tenant_id, md5(tenant_id || ':' || chain_code || '~' || enterprise_id::text)::uuid, 'chain_leader', chain_code || '~' || enterprise_id::text,
            $2::timestamptz, 'generator', 'confirm', null, jsonb_build_object('status', 'confirmed')
       from chain_leaders where tenant_id = $1 and decided_by = 'generator'
     on conflict do nothing`,
    [tenantId, now],
  )
  const targets = await database.pool.query(
    `with districts as (
       select r.code from regions r join tenants t on t.id = $1 and r.parent_code = t.region_code
     ),
     leader_firms as (
       select cl.enterprise_id as id, cl.chain_code, e.region_code
         from chain_leaders cl join enterprises e on e.tenant_id = cl.tenant_id and e.id = cl.enterprise_id
        where cl.tenant_id = $1 and cl.status = 'confirmed'
     ),
     candidates as (
       select distinct on (l.region_code, r.from_id) l.region_code, r.from_id as enterprise_id, l.chain_code, l.id as leader_id
         from enterprise_relations r
         join leader_firms l on l.id = r.to_id
         join enterprises s on s.tenant_id = r.tenant_id and s.id = r.from_id
        where r.tenant_id = $1 and r.kind = 'supplier' and s.region_code <> l.region_code and s.status = 'active'
        order by l.region_code, r.from_id, md5(l.id::text)
     ),
     ranked as (
       select c.*, row_number() over (partition by c.region_code order by md5(c.enterprise_id::text || c.region_code)) as n
         from candidates c where c.region_code in (select code from districts)
     )
     insert into targets (tenant_id, id, region_code, enterprise_id, chain_code, owner_name, priority, status, next_step,
                          next_step_due, reason, source, version, created_at, created_by, updated_at)
     select $1, md5($1 || ':' || k.region_code || ':' || k.enterprise_id::text)::uuid, k.region_code, k.enterprise_id, k.chain_code,
            '招商' || k.n || '组', ($4::text[])[1 + (k.n - 1) % 3], ($5::text[])[1 + (k.n - 1) % 4], '电话联系并约见',
            ($2::timestamptz + (k.n * 7 || ' days')::interval)::date,
            '演示数据：本区链主企业' || le.name || '的区外供应商', 'manual', 1, $2::timestamptz, 'generator', $2::timestamptz
       from ranked k join enterprises le on le.tenant_id = $1 and le.id = k.leader_id
      where k.n <= $3
     on conflict do nothing`,
    [tenantId, now, perDistrict, priorities, statuses],
  )
  await database.pool.query(
    `insert into list_changes (tenant_id, id, list, entry_key, at, actor_name, action, before, after)
     select tenant_id, md5('history:' || id::text)::uuid, 'target', id::text, created_at, 'generator', 'create', null,
            jsonb_build_object('priority', priority, 'status', status, 'reason', reason)
       from targets where tenant_id = $1 and created_by = 'generator'
     on conflict do nothing`,
    [tenantId],
  )
  await database.pool.query('ANALYZE chain_leaders, targets, list_changes')
  return { chainLeaders: leaders.rowCount ?? 0, targets: targets.rowCount ?? 0 }
}
