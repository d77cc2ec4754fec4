// SQL of the enterprise module. Every query names the tenant.
import { sql, type SQL } from 'drizzle-orm'
import type { EnterpriseListParams, EnterpriseSummary, SizeClass } from '../../../../common/src/api/enterprise.js'
import type { DbOrTx } from '../../db/client.js'
import { sizeBounds, sizeClass, type SearchTerm } from './enterprise.rules.js'

/** Counting stops here: beyond it the list says "10,000+" instead of scanning every match. */
export const COUNT_CAP = 10_000

export type SummaryRow = {
  id: string
  uscc: string
  name: string
  trade_name: string
  region_code: string
  region_name: string | null
  local: boolean | null
  industry_code: string
  revenue: number | null
  employees: number | null
  founded_on: string | null
  tags: string[]
  chain_leader: boolean
  status: 'active' | 'merged'
}

export const summaryColumns = (city: string) => sql`
  e.id, e.uscc, e.name, e.trade_name, e.region_code, r.name_zh as region_name,
  coalesce(r.parent_code = ${city}, false) as local, e.industry_code, e.revenue, e.employees,
  e.founded_on::text as founded_on, e.tags, e.chain_leader, e.status`

export function toSummary(row: SummaryRow): EnterpriseSummary {
  return {
    id: row.id,
    uscc: row.uscc,
    name: row.name,
    tradeName: row.trade_name,
    regionCode: row.region_code,
    regionName: row.region_name ?? row.region_code,
    local: row.local ?? false,
    industryCode: row.industry_code,
    revenue: row.revenue,
    employees: row.employees,
    foundedOn: row.founded_on,
    tags: row.tags,
    chainLeader: row.chain_leader,
    sizeClass: sizeClass(row.revenue, row.employees),
    status: row.status,
  }
}

function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`)
}

export function termCondition(term: SearchTerm): SQL | null {
  switch (term.kind) {
    case 'none':
      return null
    case 'uscc':
      // the range lets the (tenant_id, uscc) unique index answer; LIKE keeps it exact
      return term.value.length === 18
        ? sql`e.uscc = ${term.value}`
        : sql`e.uscc >= ${term.value} and e.uscc < ${term.value + '~'} and e.uscc like ${escapeLike(term.value) + '%'}`
    case 'initials':
      // initials prefix (btree text_pattern_ops) or a latin trade name: prefix when short, trigram infix from 3 letters
      return term.value.length < 3
        ? sql`(e.name_initials like ${escapeLike(term.value) + '%'} or e.trade_name_key like ${escapeLike(term.value) + '%'})`
        : sql`(e.name_initials like ${escapeLike(term.value) + '%'} or e.trade_name_key like ${'%' + escapeLike(term.value) + '%'})`
    case 'trade_name':
      return term.prefix
        ? sql`e.trade_name_key like ${escapeLike(term.key) + '%'}`
        : sql`e.trade_name_key like ${'%' + escapeLike(term.key) + '%'}`
  }
}

function sizeCondition(size: SizeClass): SQL {
  const { lower, upper } = sizeBounds(size)
  const parts: SQL[] = [sql`e.revenue is not null and e.employees is not null`]
  if (lower) parts.push(sql`e.employees >= ${lower.employees} and e.revenue >= ${lower.revenue}`)
  if (upper) parts.push(sql`not (e.employees >= ${upper.employees} and e.revenue >= ${upper.revenue})`)
  return sql.join(parts, sql` and `)
}

/**
 * `localCodes`: the city's district codes, passed as literals (not a sub-select) so that the planner
 * reads their real share from the column statistics: a third of all firms are local, and with a
 * sub-select it guessed 800 rows and sorted 72,000 instead of walking the sort index.
 */
export function listConditions(tenantId: string, localCodes: readonly string[], query: EnterpriseListParams, term: SearchTerm): SQL {
  const parts: SQL[] = [sql`e.tenant_id = ${tenantId}`, sql`e.status = 'active'`]
  const termSql = termCondition(term)
  if (termSql) parts.push(termSql)
  if (query.tag) parts.push(sql`e.tags @> array[${query.tag}]::text[]`)
  // segment and chain as IN (semi-join driven by enterprise_segments_segment_idx), not a per-row EXISTS
  if (query.segment)
    parts.push(sql`e.id in (select s.enterprise_id from enterprise_segments s where s.tenant_id = ${tenantId} and s.segment_code = ${query.segment})`)
  if (query.chain)
    parts.push(sql`e.id in (select s.enterprise_id from enterprise_segments s where s.tenant_id = ${tenantId}
      and s.segment_code in (select cs.code from chain_segments cs where cs.tenant_id = ${tenantId} and cs.chain_code = ${query.chain}))`)
  const codes = `{${localCodes.join(',')}}`
  if (query.region === 'local') parts.push(sql`e.region_code = any(${codes}::text[])`)
  else if (query.region === 'external') parts.push(sql`not (e.region_code = any(${codes}::text[]))`)
  else if (query.region) parts.push(sql`e.region_code = ${query.region}`)
  if (query.size) parts.push(sizeCondition(query.size))
  if (query.chainLeader === 'true') parts.push(sql`e.chain_leader`) // matches the partial index
  else if (query.chainLeader === 'false') parts.push(sql`not e.chain_leader`)
  return sql.join(parts, sql` and `)
}

const sortColumns = { revenue: sql`e.revenue`, employees: sql`e.employees`, founded: sql`e.founded_on`, name: sql`e.name` } as const
const unindexedSortColumns = {
  revenue: sql`(e.revenue + 0)`,
  employees: sql`(e.employees + 0)`,
  founded: sql`(e.founded_on + 0)`,
  name: sql`(e.name || '')`,
} as const

export async function searchEnterprises(
  db: DbOrTx,
  tenantId: string,
  city: string,
  query: EnterpriseListParams,
  term: SearchTerm,
): Promise<{ items: EnterpriseSummary[]; total: number; totalCapped: boolean }> {
  const local = await db.execute<{ code: string }>(sql`select code from regions where parent_code = ${city}`)
  const where = listConditions(tenantId, local.rows.map((r) => r.code), query, term)
  // unknown values rank lowest both ways, so that ascending is the sort index walked backwards
  // (name is never null and its index runs ascending)
  // With a search term or a narrowing filter the matches are few: sort them (an expression the sort
  // indexes cannot serve) instead of letting the planner walk a sort index and filter row by row,
  // which reads thousands of random heap pages when its estimate is off (1.9 s cold for 'lk').
  const narrow = term.kind !== 'none' || !!query.chain || !!query.segment || !!query.tag || !!query.size
  const column = narrow ? unindexedSortColumns[query.sort] : sortColumns[query.sort]
  const order =
    query.sort === 'name'
      ? query.order === 'asc'
        ? sql`${column} asc, e.id`
        : sql`${column} desc, e.id desc`
      : query.order === 'asc'
        ? sql`${column} asc nulls first, e.id desc`
        : sql`${column} desc nulls last, e.id`
  const [rows, counted] = await Promise.all([
    db.execute<SummaryRow>(sql`
      select ${summaryColumns(city)}
      from enterprises e left join regions r on r.code = e.region_code
      where ${where}
      order by ${order}
      limit ${query.pageSize} offset ${(query.page - 1) * query.pageSize}`),
    db.execute<{ n: number }>(sql`select count(*)::int as n from (select 1 from enterprises e where ${where} limit ${COUNT_CAP + 1}) c`),
  ])
  const n = counted.rows[0]?.n ?? 0
  return { items: rows.rows.map(toSummary), total: Math.min(n, COUNT_CAP), totalCapped: n > COUNT_CAP }
}

export async function summariesByIds(db: DbOrTx, tenantId: string, city: string, ids: readonly string[]): Promise<Map<string, EnterpriseSummary>> {
  if (ids.length === 0) return new Map()
  const result = await db.execute<SummaryRow>(sql`
    select ${summaryColumns(city)}
    from enterprises e left join regions r on r.code = e.region_code
    where e.tenant_id = ${tenantId} and e.id = any(${`{${ids.join(',')}}`}::uuid[])`)
  return new Map(result.rows.map((r) => [r.id, toSummary(r)]))
}

// ---------------------------------------------------------------------------------------------
// duplicates

export interface DuplicateProbe {
  uscc?: string | undefined
  tradeNameKey?: string | undefined
  parentId?: string | null | undefined
  actualController?: string | null | undefined
  excludeId?: string | undefined
}

export interface DuplicateHit {
  id: string
  reasons: Array<'same_uscc' | 'same_group' | 'similar_trade_name'>
  similarity: number
}

/** Similarity at which a firm of the same group counts as a suspected duplicate (looser: the group makes it likely). */
export const SAME_GROUP_THRESHOLD = 0.3

/**
 * Candidates for "is this firm already in the base?": the same USCC, a trade name at least
 * `threshold` similar (pg_trgm similarity on trade_name_key), or a firm of the same group (same
 * parent, the parent itself, or the same actual controller) with a trade name at least 0.3 similar.
 */
export async function findDuplicateHits(db: DbOrTx, tenantId: string, probe: DuplicateProbe, threshold: number, limit = 20): Promise<DuplicateHit[]> {
  const hits = new Map<string, DuplicateHit>()
  const add = (id: string, reason: DuplicateHit['reasons'][number], similarity: number) => {
    if (id === probe.excludeId) return
    const hit = hits.get(id) ?? { id, reasons: [], similarity: 0 }
    if (!hit.reasons.includes(reason)) hit.reasons.push(reason)
    hit.similarity = Math.max(hit.similarity, similarity)
    hits.set(id, hit)
  }
  if (probe.uscc) {
    const rows = await db.execute<{ id: string; status: string }>(
      sql`select id from enterprises where tenant_id = ${tenantId} and uscc = ${probe.uscc}`,
    )
    for (const row of rows.rows) add(row.id, 'same_uscc', 1)
  }
  const key = probe.tradeNameKey
  if (key) {
    const rows = await db.execute<{ id: string; sim: number }>(sql`
      select id, similarity(trade_name_key, ${key}) as sim from enterprises
      where tenant_id = ${tenantId} and status = 'active' and trade_name_key % ${key}
        and similarity(trade_name_key, ${key}) >= ${threshold}
      order by sim desc limit ${limit}`)
    for (const row of rows.rows) add(row.id, 'similar_trade_name', Number(row.sim))
    const group: SQL[] = []
    if (probe.parentId) group.push(sql`parent_id = ${probe.parentId}::uuid or id = ${probe.parentId}::uuid`)
    if (probe.actualController) group.push(sql`actual_controller = ${probe.actualController}`)
    if (group.length) {
      const groupRows = await db.execute<{ id: string; sim: number }>(sql`
        select id, similarity(trade_name_key, ${key}) as sim from enterprises
        where tenant_id = ${tenantId} and status = 'active' and (${sql.join(group, sql` or `)})
          and similarity(trade_name_key, ${key}) >= ${SAME_GROUP_THRESHOLD}
        order by sim desc limit ${limit}`)
      for (const row of groupRows.rows) add(row.id, 'same_group', Number(row.sim))
    }
  }
  return [...hits.values()].sort((a, b) => b.reasons.length - a.reasons.length || b.similarity - a.similarity).slice(0, limit)
}

// ---------------------------------------------------------------------------------------------
// group tree

export async function ancestors(db: DbOrTx, tenantId: string, id: string, maxDepth = 30): Promise<Array<{ id: string; parent_id: string | null; depth: number }>> {
  const result = await db.execute<{ id: string; parent_id: string | null; depth: number }>(sql`
    with recursive up(id, parent_id, depth) as (
      select id, parent_id, 0 from enterprises where tenant_id = ${tenantId} and id = ${id}::uuid
      union all
      select e.id, e.parent_id, up.depth + 1 from enterprises e join up on e.tenant_id = ${tenantId} and e.id = up.parent_id
      where up.depth < ${maxDepth}
    ) select id, parent_id, depth from up order by depth`)
  return result.rows
}

export async function descendants(
  db: DbOrTx,
  tenantId: string,
  rootId: string,
  cap: number,
): Promise<Array<{ id: string; name: string; region_code: string; parent_id: string | null }>> {
  const result = await db.execute<{ id: string; name: string; region_code: string; parent_id: string | null }>(sql`
    with recursive down(id, depth) as (
      select id, 0 from enterprises where tenant_id = ${tenantId} and id = ${rootId}::uuid
      union all
      select e.id, down.depth + 1 from enterprises e join down on e.tenant_id = ${tenantId} and e.parent_id = down.id
      where down.depth < 10
    )
    select e.id, e.name, e.region_code, e.parent_id from down join enterprises e on e.tenant_id = ${tenantId} and e.id = down.id
    order by down.depth limit ${cap}`)
  return result.rows
}

// ---------------------------------------------------------------------------------------------
// relation graph

export type EdgeRow = {
  id: string
  from_id: string
  to_id: string
  kind: 'supplier' | 'investor' | 'branch'
  share_of_buyer_cost: number | null
  equity_ratio: number | null
}

/**
 * One hop of a graph walk: the relations leaving (down) or entering (up) the frontier, at most
 * `perNode` per frontier firm (largest shares first) and `limit` in all.
 */
export async function frontierEdges(
  db: DbOrTx,
  tenantId: string,
  frontier: readonly string[],
  direction: 'up' | 'down',
  kinds: readonly string[],
  perNode: number,
  limit: number,
): Promise<EdgeRow[]> {
  if (frontier.length === 0 || limit <= 0) return []
  const ids = `{${frontier.join(',')}}`
  const kindList = `{${kinds.join(',')}}`
  const anchor = direction === 'down' ? sql`r.from_id` : sql`r.to_id`
  const result = await db.execute<EdgeRow>(sql`
    select id, from_id, to_id, kind, share_of_buyer_cost, equity_ratio from (
      select r.id, r.from_id, r.to_id, r.kind, r.share_of_buyer_cost, r.equity_ratio,
        row_number() over (partition by ${anchor} order by coalesce(r.share_of_buyer_cost, r.equity_ratio, 0) desc, r.id) as rn
      from enterprise_relations r
      where r.tenant_id = ${tenantId} and ${anchor} = any(${ids}::uuid[]) and r.kind = any(${kindList}::text[])
    ) ranked where rn <= ${perNode}
    order by coalesce(share_of_buyer_cost, equity_ratio, 0) desc, id
    limit ${limit}`)
  return result.rows
}
