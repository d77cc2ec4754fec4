import { sql } from 'drizzle-orm'
import type { DbOrTx } from '../../db/client.js'
import { textArrayLiteral } from '../../db/arrays.js'
import { FUND_INDUSTRY_CODES, type FactorKey, type Weights } from './targeting.rules.js'

export type CandidateRow = {
  id: string
  region_code: string
  revenue: number | null
  segment_code: string
  customers: number
  leader_customers: number
  suppliers: number
  financing: number
  new_branches: number
  capacity: number
  distance: number | null
}

export interface CandidateQuery {
  tenantId: string
  chainCode: string
  /** the region's district codes (one for a district, all for the city) */
  regionCodes: readonly string[]
  /** the city's district codes: where the bureau's assets are */
  cityCodes: readonly string[]
  /** ISO day: events before it count; firms that expanded into the region before it are already there */
  asOf: string
  windowDays: number
  /** the region's own target list entries the bureau is in touch with (earlier contacts) */
  contactIds: readonly string[]
}

/** Where the relation facts come from: walked live, or the precomputed facts (targeting.facts.ts) when fresh. */
export type FactsSource = 'live' | 'precomputed'

/**
 * Every candidate of a chain outside the region with the raw facts (names are read for the page shown only, so
 * that the firm scan stays within the covering index) the factors need, in one statement:
 * relations into the region, recency-weighted events, and the distance from the bureau's assets
 * (local chain leaders, local funds, earlier contacts: 1 = related to one, 2 = related to a partner of one).
 * Both sources give the same rows (tested); the precomputed one reads ~20× fewer rows.
 */
export async function candidateFacts(db: DbOrTx, q: CandidateQuery, source: FactsSource = 'live'): Promise<CandidateRow[]> {
  const result = await db.execute<CandidateRow>(sql`${factsCtes(q, source)} select * from facts`)
  return result.rows
}

/** How the score is computed in SQL: the same factors and weights as `factorsOf` / `scoreOf` (tested equal). */
export interface ScoringSql {
  /** the factor value of the gap of each segment in the region (a segment not listed counts as strong: 0) */
  gapValues: ReadonlyMap<string, number>
  /** the layout factor of the region, the same for every candidate */
  layoutValue: number
  weights: Weights
}

export interface RankedRows {
  /** candidates in all */
  total: number
  perSegment: Record<string, number>
  /** the asked page, best first, or the one asked firm (empty when it is not a candidate), with its 1-based rank */
  items: Array<CandidateRow & { rank: number }>
}

/**
 * The ranking done by the database: every candidate scored, then only the page (or one firm with its rank)
 * leaves it, with the total and the count per segment. At \`province\` size a chain has up to 100,000
 * candidates; reading them all into the server and scoring there cost more than the statement itself.
 * Order: score, then revenue, then id (as `scoreCandidates`).
 */
export async function rankedCandidates(
  db: DbOrTx,
  q: CandidateQuery,
  source: FactsSource,
  scoring: ScoringSql,
  pick: { offset: number; limit: number } | { enterpriseId: string },
): Promise<RankedRows> {
  const w = (key: FactorKey) => sql`${scoring.weights[key]}::float8`
  const gapCodes = textArrayLiteral([...scoring.gapValues.keys()])
  const gapValues = textArrayLiteral([...scoring.gapValues.values()].map(String))
  // the factors of factorsOf, summed in the order of factorKeys so that equal facts give equal sums
  const z = sql`(((((( ${w('gap')} * coalesce(g.value, 0)
      + ${w('scale')} * least(1, greatest(0, log(greatest(coalesce(f.revenue, 0), 100)::float8 / 100) / 4)))
      + ${w('signals')} * (1 - exp(-(1.0 * f.financing + 0.8 * f.capacity + 0.6 * f.new_branches))))
      + ${w('customers')} * least(1, greatest(0, ln(1 + f.customers + f.leader_customers) / ln(11))))
      + ${w('suppliers')} * least(1, greatest(0, ln(1 + f.suppliers) / ln(11))))
      + ${w('layout')} * ${scoring.layoutValue}::float8)
      + ${w('reach')} * (case when f.distance in (0, 1) then 1 when f.distance = 2 then 0.5 else 0 end))`
  const order = sql`z desc, coalesce(revenue, 0) desc, id`
  const items =
    'enterpriseId' in pick
      ? sql`(select coalesce(json_agg(x), '[]') from (
          select s.*, 1 + (select count(*) from scored o
                           where o.z > s.z or (o.z = s.z and (coalesce(o.revenue, 0) > coalesce(s.revenue, 0)
                             or (coalesce(o.revenue, 0) = coalesce(s.revenue, 0) and o.id < s.id))))::int as rank
          from scored s where s.id = ${pick.enterpriseId}) x)`
      : sql`(select coalesce(json_agg(x order by x.rank), '[]') from (
          select p.*, ${pick.offset}::int + row_number() over (order by ${order})::int as rank
          from (select * from scored order by ${order} offset ${pick.offset} limit ${pick.limit}) p) x)`
  const result = await db.execute<{ total: number; per_segment: Record<string, number>; items: Array<CandidateRow & { rank: number; z: number }> }>(sql`
    ${factsCtes(q, source)},
    scored as materialized (
      select f.*, ${z} as z
      from facts f left join unnest(${gapCodes}::text[], ${gapValues}::float8[]) as g(code, value) on g.code = f.segment_code
    )
    select (select count(*)::int from scored) as total,
      (select coalesce(json_object_agg(segment_code, n), '{}') from (select segment_code, count(*)::int as n from scored group by 1) c) as per_segment,
      ${items} as items`)
  const row = result.rows[0]!
  return {
    total: Number(row.total),
    perSegment: row.per_segment,
    items: row.items.map(({ z: _z, ...rest }) => rest),
  }
}

/**
 * For the whole city, the same exclusion as two ranges of codes the index can read: a city's district codes (GB/T 2260) share
 * its first four digits. Nothing when they do not.
 */
function outsideCityRange(q: CandidateQuery, wholeCity: boolean) {
  const prefix = q.cityCodes[0]?.slice(0, 4) ?? ''
  if (!wholeCity || !/^\d{4}$/.test(prefix) || !q.cityCodes.every((c) => c.startsWith(prefix))) return sql``
  const next = String(Number(prefix) + 1).padStart(4, '0')
  return sql`and (f.region_code < ${prefix} or f.region_code >= ${next})`
}

/**
 * The bureau's standing assets (the city's active chain leaders and fund firms, and 乡贤 firms: outside the city,
 * founded by someone from one of its districts) as a select of \`id\`. One definition for the live walk and the
 * precomputed facts, so the two cannot drift apart.
 */
export function standingAssets(tenantId: string, cityCodes: readonly string[]) {
  const city = sql`${textArrayLiteral(cityCodes)}::text[]`
  return sql`
    select id from enterprises
    where tenant_id = ${tenantId} and region_code = any(${city}) and status = 'active'
      and (chain_leader or industry_code = any(${textArrayLiteral(FUND_INDUSTRY_CODES)}::text[]))
    union
    select id from enterprises
    where tenant_id = ${tenantId} and founder_origin_code = any(${city}) and not (region_code = any(${city})) and status = 'active'`
}

/** The firms related to any firm of \`set\` (a CTE with an \`id\` column), either way, as a select of \`id\`. */
export function neighboursOf(tenantId: string, set: string) {
  const from = sql.identifier(set)
  return sql`
    select r.to_id as id from enterprise_relations r join ${from} n on n.id = r.from_id where r.tenant_id = ${tenantId}
    union
    select r.from_id from enterprise_relations r join ${from} n on n.id = r.to_id where r.tenant_id = ${tenantId}`
}

/** The statement's common part: a \`with\` list that ends in \`facts\`, one row per candidate (CandidateRow). */
function factsCtes(q: CandidateQuery, source: FactsSource) {
  const regions = sql`${textArrayLiteral(q.regionCodes)}::text[]`
  const contacts = sql`${textArrayLiteral(q.contactIds)}::uuid[]`
  // the region's expansions are few: one hashed set instead of a probe per candidate
  const expandedHere = sql`
    select x.enterprise_id from enterprise_events x
    where x.tenant_id = ${q.tenantId} and x.kind = 'expansion' and x.region_code = any(${regions}) and x.occurred_on < ${q.asOf}::date`
  const ev = sql`
    ev as (
      select x.enterprise_id as id,
        coalesce(sum(1 - (${q.asOf}::date - x.occurred_on)::float8 / ${q.windowDays}) filter (where x.kind = 'financing'), 0) as financing,
        coalesce(sum(1 - (${q.asOf}::date - x.occurred_on)::float8 / ${q.windowDays}) filter (where x.kind = 'new_branch'), 0) as new_branches,
        coalesce(sum(1 - (${q.asOf}::date - x.occurred_on)::float8 / ${q.windowDays}) filter (where x.kind = 'capacity_expansion'), 0) as capacity
      from cand c join enterprise_events x on x.tenant_id = ${q.tenantId} and x.enterprise_id = c.id
      where x.kind in ('financing', 'new_branch', 'capacity_expansion')
        and x.occurred_on < ${q.asOf}::date and x.occurred_on >= ${q.asOf}::date - ${q.windowDays}::int
      group by x.enterprise_id
    )`
  const facts = sql`
    facts as (
      select c.id, c.region_code, c.revenue, c.segment_code,
        coalesce(t.customers, 0) as customers, coalesce(t.leader_customers, 0) as leader_customers,
        coalesce(t.suppliers, 0) as suppliers,
        coalesce(ev.financing, 0) as financing, coalesce(ev.new_branches, 0) as new_branches, coalesce(ev.capacity, 0) as capacity,
        d.distance
      from cand c
      left join trade t on t.id = c.id
      left join ev on ev.id = c.id
      left join distance d on d.id = c.id
    )`
  if (source === 'precomputed') {
    const wholeCity = q.regionCodes.length === q.cityCodes.length && q.cityCodes.every((c) => q.regionCodes.includes(c))
    // trade with the region: the city's sums and each district's are on the candidate's row
    const trade = wholeCity
      ? { ctes: sql``, join: sql``, columns: sql`c.city_customers as customers, c.city_leader_customers as leader_customers, c.city_suppliers as suppliers` }
      : q.regionCodes.length === 1
        ? {
            ctes: sql``,
            join: sql``,
            columns: sql`coalesce(c.link_customers[array_position(c.link_regions, ${q.regionCodes[0]!}::text)], 0) as customers,
              coalesce(c.link_leader_customers[array_position(c.link_regions, ${q.regionCodes[0]!}::text)], 0) as leader_customers,
              coalesce(c.link_suppliers[array_position(c.link_regions, ${q.regionCodes[0]!}::text)], 0) as suppliers`,
          }
        : {
            ctes: sql`
              trade as (
                select l.enterprise_id as id, sum(l.customers)::int as customers, sum(l.leader_customers)::int as leader_customers,
                  sum(l.suppliers)::int as suppliers
                from targeting_region_links l join cand c on c.id = l.enterprise_id
                where l.tenant_id = ${q.tenantId} and l.region_code = any(${regions})
                group by l.enterprise_id
              ),`,
            join: sql`left join trade t on t.id = c.id`,
            columns: sql`coalesce(t.customers, 0) as customers, coalesce(t.leader_customers, 0) as leader_customers, coalesce(t.suppliers, 0) as suppliers`,
          }
    // earlier contacts are the region's own assets, so their neighbourhood is walked here (it is small); most callers have none
    const contact =
      q.contactIds.length === 0
        ? { ctes: sql``, join: sql``, distance: sql`c.distance::int` }
        : {
            ctes: sql`
              contact_near as materialized (
                select r.to_id as id from enterprise_relations r where r.tenant_id = ${q.tenantId} and r.from_id = any(${contacts})
                union
                select r.from_id from enterprise_relations r where r.tenant_id = ${q.tenantId} and r.to_id = any(${contacts})
              ),
              contact_second as materialized (${neighboursOf(q.tenantId, 'contact_near')}),
              -- joined, not probed per candidate: a city-wide caller's contacts reach tens of thousands of firms in two hops
              contact_distance as (
                select id, min(distance) as distance from (
                  select unnest(${contacts}) as id, 0 as distance
                  union all select id, 1 from contact_near
                  union all select id, 2 from contact_second
                ) d group by id
              ),`,
            join: sql`left join contact_distance cd on cd.id = c.id`,
            distance: sql`least(c.distance, cd.distance)::int`,
          }
    return sql`
      with cand as materialized (
        -- firms of the chain (by main segment, branches left out) outside the region, not already expanded into it
        select f.enterprise_id as id, f.region_code, f.revenue, f.segment_code, f.distance, f.city_customers, f.city_leader_customers, f.city_suppliers,
          f.link_regions, f.link_customers, f.link_leader_customers, f.link_suppliers
        from targeting_chain_firms f
        where f.tenant_id = ${q.tenantId} and f.chain_code = ${q.chainCode} and not (f.region_code = any(${regions}))
          ${outsideCityRange(q, wholeCity)}
          and f.enterprise_id not in (${expandedHere})
      ),
      ${trade.ctes}
      ${contact.ctes}
      ${ev},
      facts as (
        select c.id, c.region_code, c.revenue, c.segment_code, ${trade.columns},
          coalesce(ev.financing, 0) as financing, coalesce(ev.new_branches, 0) as new_branches, coalesce(ev.capacity, 0) as capacity,
          ${contact.distance} as distance
        from cand c
        ${trade.join}
        left join ev on ev.id = c.id
        ${contact.join}
      )`
  }
  return sql`
    with region_firms as materialized (
      select id, chain_leader from enterprises
      where tenant_id = ${q.tenantId} and region_code = any(${regions}) and status = 'active'
    ),
    cand as materialized (
      -- firms of the chain (by main segment) outside the region, not branches, not already expanded into it
      select e.id, e.region_code, e.revenue, s.segment_code
      from chain_segments cs
      join enterprise_segments s on s.tenant_id = cs.tenant_id and s.segment_code = cs.code and s.main
      join enterprises e on e.tenant_id = s.tenant_id and e.id = s.enterprise_id
      where cs.tenant_id = ${q.tenantId} and cs.chain_code = ${q.chainCode}
        and e.status = 'active' and not (e.region_code = any(${regions}))
        and not exists (select 1 from enterprise_relations b
                        where b.tenant_id = e.tenant_id and b.from_id = e.id and b.kind = 'branch')
        and e.id not in (${expandedHere})
    ),
    assets as materialized (
      ${standingAssets(q.tenantId, q.cityCodes)}
      union
      select unnest(${contacts})
    ),
    near as materialized (${neighboursOf(q.tenantId, 'assets')}),
    links as materialized (
      select c.id, r.to_id as other, r.kind, true as outgoing
      from cand c join enterprise_relations r on r.tenant_id = ${q.tenantId} and r.from_id = c.id
      union all
      select c.id, r.from_id, r.kind, false
      from cand c join enterprise_relations r on r.tenant_id = ${q.tenantId} and r.to_id = c.id
    ),
    trade as (
      select l.id,
        count(*) filter (where l.outgoing and l.kind = 'supplier')::int as customers,
        count(*) filter (where l.outgoing and l.kind = 'supplier' and rf.chain_leader)::int as leader_customers,
        count(*) filter (where not l.outgoing and l.kind = 'supplier')::int as suppliers
      from links l join region_firms rf on rf.id = l.other
      group by l.id
    ),
    distance as (
      select id, min(distance)::int as distance from (
        -- 0: the candidate is an asset itself (a 乡贤 firm, another district's chain leader, a contact)
        select c.id, 0 as distance from cand c join assets a on a.id = c.id
        union all
        select l.id, case when a.id is not null then 1 else 2 end
        from links l left join assets a on a.id = l.other left join near n on n.id = l.other
        where a.id is not null or n.id is not null
      ) d group by id
    ),
    ${ev},
    ${facts}`
}

export type EdgeRow = {
  from_id: string
  to_id: string
  kind: 'supplier' | 'investor' | 'branch'
}

/** Relations touching any of the ids, at most `limit` per call (high-degree firms are capped, not skipped). */
export async function edgesAround(db: DbOrTx, tenantId: string, ids: readonly string[], limit: number): Promise<EdgeRow[]> {
  if (ids.length === 0) return []
  const list = sql`array[${sql.join(ids.map((id) => sql`${id}`), sql`, `)}]::uuid[]`
  const result = await db.execute<EdgeRow>(sql`
    (select from_id, to_id, kind from enterprise_relations where tenant_id = ${tenantId} and from_id = any(${list}) limit ${limit})
    union
    (select from_id, to_id, kind from enterprise_relations where tenant_id = ${tenantId} and to_id = any(${list}) limit ${limit})
  `)
  return result.rows
}

export type NodeRow = {
  id: string
  name: string
  region_code: string
  chain_leader: boolean
  industry_code: string
  founder_origin_code: string | null
}

export async function nodesByIds(db: DbOrTx, tenantId: string, ids: readonly string[]): Promise<NodeRow[]> {
  if (ids.length === 0) return []
  const list = sql`array[${sql.join(ids.map((id) => sql`${id}`), sql`, `)}]::uuid[]`
  const result = await db.execute<NodeRow>(sql`
    select id, name, region_code, chain_leader, industry_code, founder_origin_code from enterprises where tenant_id = ${tenantId} and id = any(${list})
  `)
  return result.rows
}

/** Display names of region codes anywhere in the country: "city·district" for a district, the name otherwise. */
export async function regionNames(db: DbOrTx, codes: readonly string[]): Promise<Map<string, string>> {
  if (codes.length === 0) return new Map()
  const list = sql`array[${sql.join(codes.map((c) => sql`${c}`), sql`, `)}]::text[]`
  // regions is national reference data shared by every tenant (no tenant_id column)
  const result = await db.execute<{ code: string; name: string }>(sql`
    select r.code, case when r.level = 'district' and p.name_zh is not null then p.name_zh || r.name_zh else r.name_zh end as name
    from regions r left join regions p on p.code = r.parent_code
    where r.code = any(${list})
  `)
  return new Map(result.rows.map((r) => [r.code, r.name]))
}
