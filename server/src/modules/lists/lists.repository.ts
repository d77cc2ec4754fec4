// The SQL of the three lists. Every statement carries the tenant condition.
import { randomUUID } from 'node:crypto'
import { sql, type SQL } from 'drizzle-orm'
import type { ChainLeaderQuery, KeySupplierQuery, TargetQuery } from '../../../../common/src/api/lists.js'
import type { DbOrTx } from '../../db/client.js'
import { containsPattern } from '../../db/like.js'
import { listChanges } from './lists.table.js'

export type ListKind = 'chain_leader' | 'key_supplier' | 'target'

/** Which regions a query covers: every row, or one district's rows (null district: none). */
export type RegionFilter = 'all' | { district: string | null }

const regionCondition = (column: SQL, filter: RegionFilter): SQL =>
  filter === 'all' ? sql`true` : filter.district === null ? sql`false` : sql`${column} = ${filter.district}`

const direction = (order: 'asc' | 'desc') => (order === 'asc' ? sql`asc` : sql`desc`)

/** The set of region codes a list region stands for: the city's districts, or the one district. */
export const regionSet = (region: string, cityRegion: string): SQL =>
  region === cityRegion ? sql`(select code from regions where parent_code = ${cityRegion})` : sql`(select ${region}::text)`

export async function recordChange(
  tx: DbOrTx,
  change: { tenantId: string; list: ListKind; key: string; at: Date; actorName: string; action: string; before?: unknown; after?: unknown },
) {
  await tx.insert(listChanges).values({
    tenantId: change.tenantId,
    id: randomUUID(),
    list: change.list,
    entryKey: change.key,
    at: change.at,
    actorName: change.actorName,
    action: change.action,
    before: change.before ?? null,
    after: change.after ?? null,
  })
}

export async function listHistory(db: DbOrTx, tenantId: string, list: ListKind, key: string) {
  const { rows } = await db.execute<{ id: string; at: Date; actor_name: string; action: string; before: unknown; after: unknown }>(sql`
    select id, at, actor_name, action, before, after from list_changes
    where tenant_id = ${tenantId} and list = ${list} and entry_key = ${key}
    order by at desc, id`)
  return rows
}

// ---------------------------------------------------------------- chain leaders

export type ChainLeaderRow = {
  chain_code: string
  chain_name: string
  enterprise_id: string
  enterprise_name: string
  region_code: string
  region_name: string | null
  status: 'proposed' | 'confirmed' | 'rejected'
  score: number
  criteria: Record<string, unknown>
  note: string | null
  decided_by: string | null
  decided_at: Date | null
  version: number
  updated_at: Date
}

const chainLeaderSorts: Record<ChainLeaderQuery['sort'], SQL> = {
  score: sql`cl.score`,
  enterpriseName: sql`e.name`,
  updatedAt: sql`cl.updated_at`,
  status: sql`cl.status`,
}

function chainLeaderWhere(tenantId: string, query: Partial<ChainLeaderQuery>): SQL {
  const parts: SQL[] = [sql`cl.tenant_id = ${tenantId}`]
  if (query.chain) parts.push(sql`cl.chain_code = ${query.chain}`)
  if (query.status) parts.push(sql`cl.status = ${query.status}`)
  if (query.district) parts.push(sql`e.region_code = ${query.district}`)
  if (query.q) parts.push(sql`e.name ilike ${containsPattern(query.q)}`)
  return sql.join(parts, sql` and `)
}

const chainLeaderFrom = sql`
  from chain_leaders cl
  join enterprises e on e.tenant_id = cl.tenant_id and e.id = cl.enterprise_id
  join chains c on c.tenant_id = cl.tenant_id and c.code = cl.chain_code
  left join regions r on r.code = e.region_code`

export async function findChainLeaders(db: DbOrTx, tenantId: string, query: ChainLeaderQuery, limit?: { limit: number; offset: number }) {
  const where = chainLeaderWhere(tenantId, query)
  const paging = limit ? sql`limit ${limit.limit} offset ${limit.offset}` : sql`limit 50000`
  const [{ rows }, { rows: total }] = await Promise.all([
    db.execute<ChainLeaderRow>(sql`
      select cl.chain_code, c.name_zh as chain_name, cl.enterprise_id, e.name as enterprise_name, e.region_code,
             r.name_zh as region_name, cl.status, cl.score, cl.criteria, cl.note, cl.decided_by, cl.decided_at, cl.version, cl.updated_at
      ${chainLeaderFrom}
      where ${where}
      order by ${chainLeaderSorts[query.sort]} ${direction(query.order)}, cl.chain_code, cl.enterprise_id
      ${paging}`),
    limit ? db.execute<{ n: number }>(sql`select count(*)::int as n ${chainLeaderFrom} where ${where}`) : Promise.resolve({ rows: [] }),
  ])
  return { rows, total: total[0]?.n ?? rows.length }
}

export async function findChainLeader(db: DbOrTx, tenantId: string, chainCode: string, enterpriseId: string, lock = false) {
  const { rows } = await db.execute<ChainLeaderRow>(sql`
    select cl.chain_code, c.name_zh as chain_name, cl.enterprise_id, e.name as enterprise_name, e.region_code,
           r.name_zh as region_name, cl.status, cl.score, cl.criteria, cl.note, cl.decided_by, cl.decided_at, cl.version, cl.updated_at
    ${chainLeaderFrom}
    where cl.tenant_id = ${tenantId} and cl.chain_code = ${chainCode} and cl.enterprise_id = ${enterpriseId}
    ${lock ? sql`for update of cl` : sql``}`)
  return rows[0] ?? null
}

/** Local firms with a segment of the chain, with their revenue, tags and local supplier / customer counts. */
export async function chainLeaderCandidates(db: DbOrTx, tenantId: string, chainCode: string, cityRegion: string) {
  const { rows } = await db.execute<{ id: string; revenue: number | null; tags: string[]; local_suppliers: number; local_customers: number }>(sql`
    with local as (select code from regions where parent_code = ${cityRegion}),
    members as (
      select distinct es.enterprise_id as id
      from enterprise_segments es
      join chain_segments s on s.tenant_id = es.tenant_id and s.code = es.segment_code
      where es.tenant_id = ${tenantId} and s.chain_code = ${chainCode}
    ),
    firms as (
      select e.id, e.revenue, e.tags
      from enterprises e join members m on m.id = e.id
      where e.tenant_id = ${tenantId} and e.status = 'active' and e.region_code in (select code from local)
    ),
    sup as (
      select r.to_id as id, count(distinct r.from_id)::int as n
      from enterprise_relations r
      join firms f on f.id = r.to_id
      join enterprises s on s.tenant_id = r.tenant_id and s.id = r.from_id
      where r.tenant_id = ${tenantId} and r.kind = 'supplier' and s.region_code in (select code from local)
      group by r.to_id
    ),
    cus as (
      select r.from_id as id, count(distinct r.to_id)::int as n
      from enterprise_relations r
      join firms f on f.id = r.from_id
      join enterprises b on b.tenant_id = r.tenant_id and b.id = r.to_id
      where r.tenant_id = ${tenantId} and r.kind = 'supplier' and b.region_code in (select code from local)
      group by r.from_id
    )
    select f.id, f.revenue, f.tags, coalesce(sup.n, 0) as local_suppliers, coalesce(cus.n, 0) as local_customers
    from firms f left join sup on sup.id = f.id left join cus on cus.id = f.id`)
  return rows
}

export async function chainLeaderStatuses(db: DbOrTx, tenantId: string, chainCode: string) {
  const { rows } = await db.execute<{ enterprise_id: string; status: 'proposed' | 'confirmed' | 'rejected'; version: number }>(sql`
    select enterprise_id, status, version from chain_leaders
    where tenant_id = ${tenantId} and chain_code = ${chainCode} for update`)
  return new Map(rows.map((r) => [r.enterprise_id, r]))
}

export async function confirmedLeaderChains(db: DbOrTx, tenantId: string, enterpriseId: string) {
  const { rows } = await db.execute<{ n: number }>(sql`
    select count(*)::int as n from chain_leaders
    where tenant_id = ${tenantId} and enterprise_id = ${enterpriseId} and status = 'confirmed'`)
  return rows[0]?.n ?? 0
}

// ---------------------------------------------------------------- key suppliers

export type KeySupplierRow = {
  id: string
  region_code: string
  region_name: string | null
  chain_code: string
  chain_name: string | null
  segment_code: string | null
  segment_name: string | null
  supplier_id: string
  supplier_name: string
  supplier_region_name: string | null
  dependents: Array<{ enterpriseId: string; shareOfBuyerCost: number | null; shareOfSupplierRevenue: number | null }>
  dependence: number
  status: 'open' | 'approaching' | 'introduced' | 'dismissed'
  note: string | null
  vanished_at: Date | null
  version: number
  first_seen_at: Date
  updated_at: Date
}

const keySupplierSorts: Record<KeySupplierQuery['sort'], SQL> = {
  dependence: sql`k.dependence`,
  supplierName: sql`s.name`,
  segment: sql`cs.position`,
  updatedAt: sql`k.updated_at`,
}

const keySupplierFrom = sql`
  from key_suppliers k
  join enterprises s on s.tenant_id = k.tenant_id and s.id = k.supplier_id
  left join regions sr on sr.code = s.region_code
  left join regions r on r.code = k.region_code
  left join chains c on c.tenant_id = k.tenant_id and c.code = k.chain_code
  left join chain_segments cs on cs.tenant_id = k.tenant_id and cs.code = k.segment_code`

const keySupplierColumns = sql`
  k.id, k.region_code, r.name_zh as region_name, k.chain_code, c.name_zh as chain_name, k.segment_code, cs.name_zh as segment_name,
  k.supplier_id, s.name as supplier_name, sr.name_zh as supplier_region_name, k.dependents, k.dependence, k.status, k.note,
  k.vanished_at, k.version, k.first_seen_at, k.updated_at`

export async function findKeySuppliers(
  db: DbOrTx,
  tenantId: string,
  scope: RegionFilter,
  query: KeySupplierQuery,
  limit?: { limit: number; offset: number },
) {
  const parts: SQL[] = [sql`k.tenant_id = ${tenantId}`, regionCondition(sql`k.region_code`, scope)]
  if (query.region) parts.push(sql`k.region_code = ${query.region}`)
  if (query.chain) parts.push(sql`k.chain_code = ${query.chain}`)
  if (query.segment) parts.push(sql`k.segment_code = ${query.segment}`)
  if (query.status) parts.push(sql`k.status = ${query.status}`)
  if (query.includeVanished !== 'true') parts.push(sql`k.vanished_at is null`)
  if (query.q) parts.push(sql`s.name ilike ${containsPattern(query.q)}`)
  const where = sql.join(parts, sql` and `)
  const paging = limit ? sql`limit ${limit.limit} offset ${limit.offset}` : sql`limit 50000`
  const [{ rows }, { rows: total }] = await Promise.all([
    db.execute<KeySupplierRow>(sql`
      select ${keySupplierColumns} ${keySupplierFrom} where ${where}
      order by ${keySupplierSorts[query.sort]} ${direction(query.order)} nulls last, k.dependence desc, k.id
      ${paging}`),
    limit ? db.execute<{ n: number }>(sql`select count(*)::int as n ${keySupplierFrom} where ${where}`) : Promise.resolve({ rows: [] }),
  ])
  return { rows, total: total[0]?.n ?? rows.length }
}

export async function findKeySupplier(db: DbOrTx, tenantId: string, id: string, lock = false) {
  const { rows } = await db.execute<KeySupplierRow>(sql`
    select ${keySupplierColumns} ${keySupplierFrom}
    where k.tenant_id = ${tenantId} and k.id = ${id} ${lock ? sql`for update of k` : sql``}`)
  return rows[0] ?? null
}

/**
 * Recomputes a region's key suppliers of a chain in one statement: the outside-region suppliers of
 * the region's confirmed chain leaders (or, when it has none, of the firms flagged as chain leaders
 * with a segment of the chain), their dependence and dependents; upserts them keeping status and
 * note, marks entries no longer found as vanished, and writes a history row per change.
 */
export async function refreshKeySuppliers(
  tx: DbOrTx,
  p: { tenantId: string; region: string; chain: string; cityRegion: string; now: Date; actorName: string },
) {
  const { tenantId, region, chain, now, actorName } = p
  const at = now.toISOString()
  const { rows } = await tx.execute<{ leaders: number; found: number; added: number; updated: number; vanished: number }>(sql`
    with region_set as ${regionSet(region, p.cityRegion)},
    chain_firms as (
      select distinct es.enterprise_id as id
      from enterprise_segments es
      join chain_segments s on s.tenant_id = es.tenant_id and s.code = es.segment_code
      where es.tenant_id = ${tenantId} and s.chain_code = ${chain}
    ),
    confirmed as (
      select e.id from chain_leaders cl
      join enterprises e on e.tenant_id = cl.tenant_id and e.id = cl.enterprise_id
      where cl.tenant_id = ${tenantId} and cl.chain_code = ${chain} and cl.status = 'confirmed'
        and e.status = 'active' and e.region_code in (select * from region_set)
    ),
    leaders as (
      select id from confirmed
      union
      select e.id from enterprises e join chain_firms f on f.id = e.id
      where e.tenant_id = ${tenantId} and e.chain_leader and e.status = 'active'
        and e.region_code in (select * from region_set) and not exists (select 1 from confirmed)
    ),
    found as (
      select r.from_id as supplier_id,
             round(sum(coalesce(r.share_of_buyer_cost, 0))::numeric, 4)::float8 as dependence,
             jsonb_agg(jsonb_build_object('enterpriseId', r.to_id, 'shareOfBuyerCost', r.share_of_buyer_cost,
                       'shareOfSupplierRevenue', r.share_of_supplier_revenue)
                       order by r.share_of_buyer_cost desc nulls last, r.to_id) as dependents
      from enterprise_relations r
      join leaders l on l.id = r.to_id
      join enterprises s on s.tenant_id = r.tenant_id and s.id = r.from_id
      where r.tenant_id = ${tenantId} and r.kind = 'supplier' and s.status = 'active'
        and s.region_code not in (select * from region_set)
      group by r.from_id
    ),
    seg as (
      select distinct on (es.enterprise_id) es.enterprise_id, es.segment_code
      from enterprise_segments es
      join found f on f.supplier_id = es.enterprise_id
      left join chain_segments cs on cs.tenant_id = es.tenant_id and cs.code = es.segment_code
      where es.tenant_id = ${tenantId}
      order by es.enterprise_id, (cs.chain_code = ${chain}) desc nulls last, es.main desc, es.segment_code
    ),
    upserted as (
      insert into key_suppliers as k (tenant_id, id, region_code, chain_code, segment_code, supplier_id, dependents, dependence,
                                      status, version, first_seen_at, updated_at)
      select ${tenantId}, gen_random_uuid(), ${region}, ${chain}, seg.segment_code, f.supplier_id, f.dependents, f.dependence,
             'open', 1, ${at}::timestamptz, ${at}::timestamptz
      from found f left join seg on seg.enterprise_id = f.supplier_id
      on conflict (tenant_id, region_code, chain_code, supplier_id) do update
        set segment_code = excluded.segment_code, dependents = excluded.dependents, dependence = excluded.dependence,
            vanished_at = null, version = k.version + 1, updated_at = excluded.updated_at
        where k.dependents is distinct from excluded.dependents or k.dependence is distinct from excluded.dependence
           or k.segment_code is distinct from excluded.segment_code or k.vanished_at is not null
      returning k.id, (xmax = 0) as inserted, k.dependence, k.segment_code
    ),
    vanished as (
      update key_suppliers k set vanished_at = ${at}::timestamptz, version = k.version + 1, updated_at = ${at}::timestamptz
      where k.tenant_id = ${tenantId} and k.region_code = ${region} and k.chain_code = ${chain} and k.vanished_at is null
        and not exists (select 1 from found f where f.supplier_id = k.supplier_id)
      returning k.id
    ),
    history as (
      insert into list_changes (tenant_id, id, list, entry_key, at, actor_name, action, before, after)
      select ${tenantId}, gen_random_uuid(), 'key_supplier', u.id::text, ${at}::timestamptz, ${actorName},
             case when u.inserted then 'refresh_add' else 'refresh_update' end, null::jsonb,
             jsonb_build_object('dependence', u.dependence, 'segmentCode', u.segment_code)
      from upserted u
      union all
      select ${tenantId}, gen_random_uuid(), 'key_supplier', v.id::text, ${at}::timestamptz, ${actorName}, 'vanished', null::jsonb,
             jsonb_build_object('vanished', true)
      from vanished v
      returning 1
    )
    select (select count(*) from leaders)::int as leaders,
           (select count(*) from found)::int as found,
           (select count(*) from upserted where inserted)::int as added,
           (select count(*) from upserted where not inserted)::int as updated,
           (select count(*) from vanished)::int as vanished,
           (select count(*) from history)::int as history`)
  return rows[0]!
}

// ---------------------------------------------------------------- targets

export type TargetRow = {
  id: string
  region_code: string
  region_name: string | null
  enterprise_id: string
  enterprise_name: string
  uscc: string
  chain_code: string | null
  chain_name: string | null
  segment_code: string | null
  segment_name: string | null
  owner_user_id: string | null
  owner_name: string
  priority: 'high' | 'medium' | 'low'
  status: 'new' | 'researching' | 'contacting' | 'negotiating' | 'converted' | 'dropped'
  next_step: string | null
  next_step_due: string | null
  notes: string | null
  reason: string
  source: 'manual' | 'import' | 'discovery' | 'key_supplier'
  /** target discovery's score and factors when it came from there */
  score: Record<string, unknown> | null
  version: number
  created_at: Date
  created_by: string
  updated_at: Date
}

const targetSorts: Record<TargetQuery['sort'], SQL> = {
  updatedAt: sql`t.updated_at`,
  priority: sql`case t.priority when 'high' then 3 when 'medium' then 2 else 1 end`,
  status: sql`case t.status when 'new' then 1 when 'researching' then 2 when 'contacting' then 3 when 'negotiating' then 4 when 'converted' then 5 else 6 end`,
  nextStepDue: sql`t.next_step_due`,
  enterpriseName: sql`e.name`,
}

const targetFrom = sql`
  from targets t
  join enterprises e on e.tenant_id = t.tenant_id and e.id = t.enterprise_id
  left join regions r on r.code = t.region_code
  left join chains c on c.tenant_id = t.tenant_id and c.code = t.chain_code
  left join chain_segments cs on cs.tenant_id = t.tenant_id and cs.code = t.segment_code`

const targetColumns = sql`
  t.id, t.region_code, r.name_zh as region_name, t.enterprise_id, e.name as enterprise_name, e.uscc, t.chain_code,
  c.name_zh as chain_name, t.segment_code, cs.name_zh as segment_name, t.owner_user_id, t.owner_name, t.priority, t.status,
  t.next_step, t.next_step_due::text as next_step_due, t.notes, t.reason, t.source, t.score, t.version, t.created_at, t.created_by, t.updated_at`

export async function findTargets(db: DbOrTx, tenantId: string, scope: RegionFilter, query: TargetQuery, limit?: { limit: number; offset: number }) {
  const parts: SQL[] = [sql`t.tenant_id = ${tenantId}`, regionCondition(sql`t.region_code`, scope)]
  if (query.region) parts.push(sql`t.region_code = ${query.region}`)
  if (query.chain) parts.push(sql`t.chain_code = ${query.chain}`)
  if (query.status) parts.push(sql`t.status = ${query.status}`)
  if (query.priority) parts.push(sql`t.priority = ${query.priority}`)
  if (query.q) parts.push(sql`(e.name ilike ${containsPattern(query.q)} or e.uscc = ${query.q.toUpperCase()})`)
  const where = sql.join(parts, sql` and `)
  const paging = limit ? sql`limit ${limit.limit} offset ${limit.offset}` : sql`limit 50000`
  const [{ rows }, { rows: total }] = await Promise.all([
    db.execute<TargetRow>(sql`
      select ${targetColumns} ${targetFrom} where ${where}
      order by ${targetSorts[query.sort]} ${direction(query.order)} nulls last, t.id
      ${paging}`),
    limit ? db.execute<{ n: number }>(sql`select count(*)::int as n ${targetFrom} where ${where}`) : Promise.resolve({ rows: [] }),
  ])
  return { rows, total: total[0]?.n ?? rows.length }
}

export async function findTarget(db: DbOrTx, tenantId: string, id: string, lock = false) {
  const { rows } = await db.execute<TargetRow>(sql`
    select ${targetColumns} ${targetFrom} where t.tenant_id = ${tenantId} and t.id = ${id} ${lock ? sql`for update of t` : sql``}`)
  return rows[0] ?? null
}

/** The region's existing entry for an enterprise (duplicates are one enterprise twice in one region). */
export async function findTargetOf(db: DbOrTx, tenantId: string, region: string, enterpriseId: string) {
  const { rows } = await db.execute<TargetRow>(sql`
    select ${targetColumns} ${targetFrom}
    where t.tenant_id = ${tenantId} and t.region_code = ${region} and t.enterprise_id = ${enterpriseId} limit 1`)
  return rows[0] ?? null
}

/** Serializes inserts of the same enterprise into one region's list (no unique index: see docs/modules/lists.md). */
export async function lockTargetSlot(tx: DbOrTx, tenantId: string, region: string) {
  await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`targets:${tenantId}:${region}`}))`)
}

export async function regionTargetEnterprises(db: DbOrTx, tenantId: string, region: string, enterpriseIds: string[]) {
  if (enterpriseIds.length === 0) return new Map<string, string>()
  const { rows } = await db.execute<{ enterprise_id: string; id: string }>(sql`
    select enterprise_id, id from targets
    where tenant_id = ${tenantId} and region_code = ${region}
      and enterprise_id in (${sql.join(enterpriseIds.map((id) => sql`${id}::uuid`), sql`, `)})`)
  return new Map(rows.map((r) => [r.enterprise_id, r.id]))
}

// ---------------------------------------------------------------- lookups

export async function activeEnterprise(db: DbOrTx, tenantId: string, id: string) {
  const { rows } = await db.execute<{ id: string; name: string; region_code: string }>(sql`
    select id, name, region_code from enterprises where tenant_id = ${tenantId} and id = ${id} and status = 'active'`)
  return rows[0] ?? null
}

/** Active enterprises by USCC or exact name (current or former), for the import. */
export async function enterprisesByKey(db: DbOrTx, tenantId: string, keys: string[]) {
  if (keys.length === 0) return []
  const list = sql.join(keys.map((k) => sql`${k}`), sql`, `)
  const { rows } = await db.execute<{ id: string; uscc: string; name: string; former_names: string[] }>(sql`
    select id, uscc, name, former_names from enterprises
    where tenant_id = ${tenantId} and status = 'active'
      and (uscc in (${list}) or name in (${list}) or former_names && array[${list}]::text[])`)
  return rows
}

export async function enterpriseNames(db: DbOrTx, tenantId: string, ids: string[]) {
  if (ids.length === 0) return new Map<string, string>()
  const { rows } = await db.execute<{ id: string; name: string }>(sql`
    select id, name from enterprises where tenant_id = ${tenantId} and id in (${sql.join(ids.map((id) => sql`${id}::uuid`), sql`, `)})`)
  return new Map(rows.map((r) => [r.id, r.name]))
}

export async function chainExists(db: DbOrTx, tenantId: string, chain: string) {
  const { rows } = await db.execute<{ n: number }>(sql`select count(*)::int as n from chains where tenant_id = ${tenantId} and code = ${chain}`)
  return (rows[0]?.n ?? 0) > 0
}

export async function segmentChain(db: DbOrTx, tenantId: string, segment: string) {
  const { rows } = await db.execute<{ chain_code: string }>(sql`
    select chain_code from chain_segments where tenant_id = ${tenantId} and code = ${segment}`)
  return rows[0]?.chain_code ?? null
}

/** A user of the tenant with its scope (owners of targets). */
export async function findUser(db: DbOrTx, tenantId: string, id: string) {
  const { rows } = await db.execute<{ id: string; display_name: string; scope_type: string; scope_id: string; disabled: boolean }>(sql`
    select id, display_name, scope_type, scope_id, disabled from users where tenant_id = ${tenantId} and id = ${id}`)
  return rows[0] ?? null
}

/** Users of a region (by display name or username), for the import's owner column. */
export async function regionUsersByName(db: DbOrTx, tenantId: string, scopeType: string, scopeId: string) {
  const { rows } = await db.execute<{ id: string; username: string; display_name: string }>(sql`
    select id, username, display_name from users
    where tenant_id = ${tenantId} and scope_type = ${scopeType} and scope_id = ${scopeId} and not disabled`)
  return rows
}

// ---------------------------------------------------------------- settings

export async function readSetting(db: DbOrTx, tenantId: string, key: string, lock = false) {
  const { rows } = await db.execute<{ value: unknown; version: number }>(sql`
    select value, version from list_settings where tenant_id = ${tenantId} and key = ${key} ${lock ? sql`for update` : sql``}`)
  return rows[0] ?? null
}

// ---------------------------------------------------------------- enterprise merge

/**
 * Re-points list rows from a merged-away firm to the survivor (inside the merge transaction).
 * Where the survivor already has the same entry (same chain; same region and chain; same region),
 * the survivor's row is kept (a confirmation of the merged firm carries over) and the other dropped.
 */
export async function repointEnterprise(tx: DbOrTx, tenantId: string, fromId: string, toId: string, at: Date) {
  const now = at.toISOString()
  await tx.execute(sql`
    update chain_leaders t set status = 'confirmed', decided_by = f.decided_by, decided_at = f.decided_at, version = t.version + 1, updated_at = ${now}::timestamptz
    from chain_leaders f
    where f.tenant_id = ${tenantId} and t.tenant_id = ${tenantId} and f.enterprise_id = ${fromId} and t.enterprise_id = ${toId}
      and t.chain_code = f.chain_code and f.status = 'confirmed' and t.status <> 'confirmed'`)
  await tx.execute(sql`
    delete from chain_leaders f where f.tenant_id = ${tenantId} and f.enterprise_id = ${fromId}
      and exists (select 1 from chain_leaders t where t.tenant_id = ${tenantId} and t.enterprise_id = ${toId} and t.chain_code = f.chain_code)`)
  await tx.execute(sql`
    update list_changes set entry_key = replace(entry_key, ${fromId}, ${toId})
    where tenant_id = ${tenantId} and list = 'chain_leader' and entry_key like ${`%~${fromId}`}`)
  await tx.execute(sql`
    update chain_leaders set enterprise_id = ${toId}, version = version + 1, updated_at = ${now}::timestamptz
    where tenant_id = ${tenantId} and enterprise_id = ${fromId}`)

  await tx.execute(sql`
    delete from key_suppliers f where f.tenant_id = ${tenantId} and f.supplier_id = ${fromId}
      and exists (select 1 from key_suppliers t where t.tenant_id = ${tenantId} and t.supplier_id = ${toId}
                  and t.region_code = f.region_code and t.chain_code = f.chain_code)`)
  await tx.execute(sql`
    update key_suppliers set supplier_id = ${toId}, version = version + 1, updated_at = ${now}::timestamptz
    where tenant_id = ${tenantId} and supplier_id = ${fromId}`)
  await tx.execute(sql`
    update key_suppliers set dependents = replace(dependents::text, ${fromId}, ${toId})::jsonb
    where tenant_id = ${tenantId} and dependents::text like ${`%${fromId}%`}`)

  await tx.execute(sql`
    with dropped as (
      delete from targets f where f.tenant_id = ${tenantId} and f.enterprise_id = ${fromId}
        and exists (select 1 from targets t where t.tenant_id = ${tenantId} and t.enterprise_id = ${toId} and t.region_code = f.region_code)
      returning f.id
    ), moved as (
      update targets set enterprise_id = ${toId}, version = version + 1, updated_at = ${now}::timestamptz
      where tenant_id = ${tenantId} and enterprise_id = ${fromId} and id not in (select id from dropped)
      returning id
    )
    insert into list_changes (tenant_id, id, list, entry_key, at, actor_name, action, before, after)
    select ${tenantId}, gen_random_uuid(), 'target', d.id::text, ${now}::timestamptz, 'system', 'merged_away',
           jsonb_build_object('enterpriseId', ${fromId}::text), jsonb_build_object('duplicateOf', ${toId}::text) from dropped d
    union all
    select ${tenantId}, gen_random_uuid(), 'target', m.id::text, ${now}::timestamptz, 'system', 'merge',
           jsonb_build_object('enterpriseId', ${fromId}::text), jsonb_build_object('enterpriseId', ${toId}::text) from moved m`)
}
