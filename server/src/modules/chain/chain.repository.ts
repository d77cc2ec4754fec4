// The only SQL of the chain module. Every statement carries the tenant condition.
import { and, asc, desc, eq, sql } from 'drizzle-orm'
import type { ChainSnapshot } from '../../../../common/src/api/chain.js'
import { textArrayLiteral } from '../../db/arrays.js'
import type { DbOrTx } from '../../db/client.js'
import { enterpriseSegmentExclusions, enterpriseSegments } from '../enterprise/index.js'
import { chainSegments, chains } from '../reference/index.js'
import { chainVersions, classificationRuns, layoutGuideEntries } from './chain.table.js'

export type ChainRow = typeof chains.$inferSelect
export type SegmentRow = typeof chainSegments.$inferSelect

const rowsOf = <T>(result: { rows: unknown[] }) => result.rows as T[]

// ---------------------------------------------------------------------------------------------
// chains and segments

export async function findChain(db: DbOrTx, tenantId: string, code: string, lock = false): Promise<ChainRow | null> {
  const query = db
    .select()
    .from(chains)
    .where(and(eq(chains.tenantId, tenantId), eq(chains.code, code)))
  const [row] = lock ? await query.for('update') : await query
  return row ?? null
}

export function listSegments(db: DbOrTx, tenantId: string, chainCode: string): Promise<SegmentRow[]> {
  return db
    .select()
    .from(chainSegments)
    .where(and(eq(chainSegments.tenantId, tenantId), eq(chainSegments.chainCode, chainCode)))
    .orderBy(asc(chainSegments.position), asc(chainSegments.code))
}

export async function findSegment(db: DbOrTx, tenantId: string, code: string): Promise<SegmentRow | null> {
  const [row] = await db
    .select()
    .from(chainSegments)
    .where(and(eq(chainSegments.tenantId, tenantId), eq(chainSegments.code, code)))
  return row ?? null
}

export async function segmentEnterpriseCounts(db: DbOrTx, tenantId: string, chainCode: string): Promise<Map<string, number>> {
  const result = await db.execute(sql`
    select es.segment_code as code, count(*)::int as n
    from enterprise_segments es
    join chain_segments cs on cs.tenant_id = es.tenant_id and cs.code = es.segment_code
    where es.tenant_id = ${tenantId} and cs.chain_code = ${chainCode}
    group by es.segment_code`)
  return new Map(rowsOf<{ code: string; n: number }>(result).map((r) => [r.code, r.n]))
}

export async function countSegmentEnterprises(db: DbOrTx, tenantId: string, segmentCode: string): Promise<number> {
  const result = await db.execute(sql`
    select count(*)::int as n from enterprise_segments where tenant_id = ${tenantId} and segment_code = ${segmentCode}`)
  return rowsOf<{ n: number }>(result)[0]?.n ?? 0
}

export async function unknownIndustryCodes(db: DbOrTx, codes: readonly string[]): Promise<string[]> {
  if (codes.length === 0) return []
  const result = await db.execute(sql`select code from industry_classes where code in (${sql.join(
    codes.map((c) => sql`${c}`),
    sql`, `,
  )})`)
  const known = new Set(rowsOf<{ code: string }>(result).map((r) => r.code))
  return codes.filter((c) => !known.has(c))
}

export async function ecosystemExists(db: DbOrTx, code: string): Promise<boolean> {
  const result = await db.execute(sql`select 1 from ecosystems where code = ${code}`)
  return result.rows.length > 0
}

export async function nextChainPosition(db: DbOrTx, tenantId: string): Promise<number> {
  const result = await db.execute(sql`select coalesce(max(position), -1)::int + 1 as p from chains where tenant_id = ${tenantId}`)
  return rowsOf<{ p: number }>(result)[0]?.p ?? 0
}

export async function setSegmentPositions(db: DbOrTx, tenantId: string, orderedCodes: readonly string[]): Promise<void> {
  if (orderedCodes.length === 0) return
  const values = sql.join(
    orderedCodes.map((code, i) => sql`(${code}, ${i}::int)`),
    sql`, `,
  )
  await db.execute(sql`
    update chain_segments cs set position = v.position
    from (values ${values}) as v(code, position)
    where cs.tenant_id = ${tenantId} and cs.code = v.code`)
}

/** Moves a segment's enterprises to another segment (keeping main and source), then drops the old rows and exclusions. */
export async function moveSegmentEnterprises(db: DbOrTx, tenantId: string, from: string, to: string): Promise<number> {
  const moved = await db.execute(sql`
    insert into enterprise_segments (tenant_id, enterprise_id, segment_code, main, source)
    select tenant_id, enterprise_id, ${to}, main, source from enterprise_segments
    where tenant_id = ${tenantId} and segment_code = ${from}
    on conflict (tenant_id, enterprise_id, segment_code)
      do update set main = enterprise_segments.main or excluded.main,
                    source = case when excluded.source = 'manual' then 'manual' else enterprise_segments.source end`)
  await db.delete(enterpriseSegments).where(and(eq(enterpriseSegments.tenantId, tenantId), eq(enterpriseSegments.segmentCode, from)))
  await db
    .delete(enterpriseSegmentExclusions)
    .where(and(eq(enterpriseSegmentExclusions.tenantId, tenantId), eq(enterpriseSegmentExclusions.segmentCode, from)))
  return moved.rowCount ?? 0
}

// ---------------------------------------------------------------------------------------------
// versions

export async function listVersions(db: DbOrTx, tenantId: string, chainCode: string) {
  return db
    .select()
    .from(chainVersions)
    .where(and(eq(chainVersions.tenantId, tenantId), eq(chainVersions.chainCode, chainCode)))
    .orderBy(desc(chainVersions.version))
}

export async function findVersion(db: DbOrTx, tenantId: string, chainCode: string, version: number) {
  const [row] = await db
    .select()
    .from(chainVersions)
    .where(and(eq(chainVersions.tenantId, tenantId), eq(chainVersions.chainCode, chainCode), eq(chainVersions.version, version)))
  return row ?? null
}

export async function latestVersion(db: DbOrTx, tenantId: string, chainCode: string) {
  const [row] = await db
    .select()
    .from(chainVersions)
    .where(and(eq(chainVersions.tenantId, tenantId), eq(chainVersions.chainCode, chainCode)))
    .orderBy(desc(chainVersions.version))
    .limit(1)
  return row ?? null
}

export async function insertVersion(
  db: DbOrTx,
  row: { tenantId: string; chainCode: string; version: number; snapshot: ChainSnapshot; note: string | null; createdAt: Date; createdBy: string },
) {
  await db.insert(chainVersions).values(row)
}

// ---------------------------------------------------------------------------------------------
// classification (set-based: one statement builds the rule's result for every firm)

/**
 * Fills the temporary table cls_desired(enterprise_id, segment_code, rank) with what the rules assign in
 * this chain, the SQL form of classifyEnterprise (keyword tier over industry tier, most specific segment,
 * exclusions) minus segments a firm already holds by hand. rank 1 = the firm's best segment. Call inside
 * a transaction: the table is dropped at commit.
 */
export async function buildDesiredAssignments(db: DbOrTx, tenantId: string, chainCode: string): Promise<void> {
  await db.execute(sql`drop table if exists cls_desired`)
  await db.execute(sql`
    create temp table cls_desired on commit drop as
    with recursive seg as (
      select code, parent_code, position, industry_codes, keywords
      from chain_segments where tenant_id = ${tenantId} and chain_code = ${chainCode}
    ),
    anc as (
      select code, parent_code as ancestor from seg where parent_code is not null
      union
      select anc.code, s.parent_code from anc join seg s on s.code = anc.ancestor where s.parent_code is not null
    ),
    kw as (select s.code, k from seg s cross join lateral unnest(s.keywords) as k where k <> ''),
    m_kw as (
      select distinct e.id, kw.code
      from enterprises e
      join kw on strpos(e.business_scope, kw.k) > 0
      where e.tenant_id = ${tenantId} and e.status = 'active'
    ),
    m_code as (
      select e.id, s.code
      from seg s
      join enterprises e on e.tenant_id = ${tenantId} and e.industry_code = any(s.industry_codes)
      where e.status = 'active'
    ),
    m as (
      select coalesce(a.id, b.id) as id, coalesce(a.code, b.code) as code, a.id is not null as by_kw, b.id is not null as by_code
      from m_kw a full join m_code b on a.id = b.id and a.code = b.code
    ),
    tier as (select m.*, bool_or(by_kw) over (partition by id) as any_kw from m),
    kept as (select * from tier where by_kw or not any_kw),
    specific as (
      select k.* from kept k
      where not exists (select 1 from kept d join anc on anc.code = d.code where d.id = k.id and anc.ancestor = k.code)
    )
    select s.id as enterprise_id, s.code as segment_code,
      row_number() over (
        partition by s.id
        order by case when s.by_kw and s.by_code then 0 when s.by_kw then 1 else 2 end, seg.position
      )::int as rank
    from specific s
    join seg on seg.code = s.code
    where not exists (
        select 1 from enterprise_segment_exclusions x
        where x.tenant_id = ${tenantId} and x.enterprise_id = s.id and x.segment_code = s.code)
      and not exists (
        select 1 from enterprise_segments es
        where es.tenant_id = ${tenantId} and es.enterprise_id = s.id and es.segment_code = s.code and es.source = 'manual')`)
  await db.execute(sql`create index on cls_desired (enterprise_id, segment_code)`)
  await db.execute(sql`analyze cls_desired`)
}

export interface SegmentDelta {
  code: string
  before: number
  added: number
  removed: number
}

export async function classificationDeltas(db: DbOrTx, tenantId: string, chainCode: string): Promise<SegmentDelta[]> {
  const result = await db.execute(sql`
    with seg as (select code, position from chain_segments where tenant_id = ${tenantId} and chain_code = ${chainCode}),
    before as (
      select es.segment_code as code, count(*)::int as n from enterprise_segments es
      where es.tenant_id = ${tenantId} and es.segment_code in (select code from seg) group by 1
    ),
    added as (
      select d.segment_code as code, count(*)::int as n from cls_desired d
      where not exists (select 1 from enterprise_segments es
        where es.tenant_id = ${tenantId} and es.enterprise_id = d.enterprise_id and es.segment_code = d.segment_code)
      group by 1
    ),
    removed as (
      select es.segment_code as code, count(*)::int as n from enterprise_segments es
      where es.tenant_id = ${tenantId} and es.source = 'rule' and es.segment_code in (select code from seg)
        and not exists (select 1 from cls_desired d where d.enterprise_id = es.enterprise_id and d.segment_code = es.segment_code)
      group by 1
    )
    select seg.code, coalesce(b.n, 0) as before, coalesce(a.n, 0) as added, coalesce(r.n, 0) as removed
    from seg left join before b on b.code = seg.code left join added a on a.code = seg.code left join removed r on r.code = seg.code
    order by seg.position`)
  return rowsOf<SegmentDelta>(result)
}

export async function classificationSamples(db: DbOrTx, tenantId: string, chainCode: string, perSegment = 5) {
  const result = await db.execute(sql`
    with seg as (select code from chain_segments where tenant_id = ${tenantId} and chain_code = ${chainCode}),
    changes as (
      select 'added' as kind, d.segment_code as code, d.enterprise_id as id from cls_desired d
      where not exists (select 1 from enterprise_segments es
        where es.tenant_id = ${tenantId} and es.enterprise_id = d.enterprise_id and es.segment_code = d.segment_code)
      union all
      select 'removed', es.segment_code, es.enterprise_id from enterprise_segments es
      where es.tenant_id = ${tenantId} and es.source = 'rule' and es.segment_code in (select code from seg)
        and not exists (select 1 from cls_desired d where d.enterprise_id = es.enterprise_id and d.segment_code = es.segment_code)
    ),
    ranked as (
      select c.kind, c.code, e.id, e.name,
        row_number() over (partition by c.kind, c.code order by e.revenue desc nulls last, e.id) as k
      from changes c join enterprises e on e.tenant_id = ${tenantId} and e.id = c.id
    )
    select kind, code, id::text as id, name from ranked where k <= ${perSegment} order by kind, code, k`)
  return rowsOf<{ kind: 'added' | 'removed'; code: string; id: string; name: string }>(result)
}

export async function manualAssignmentCount(db: DbOrTx, tenantId: string, chainCode: string): Promise<number> {
  const result = await db.execute(sql`
    with seg as (select code from chain_segments where tenant_id = ${tenantId} and chain_code = ${chainCode})
    select
      (select count(*) from enterprise_segments es where es.tenant_id = ${tenantId} and es.source = 'manual' and es.segment_code in (select code from seg))::int
      + (select count(*) from enterprise_segment_exclusions x where x.tenant_id = ${tenantId} and x.segment_code in (select code from seg))::int as n`)
  return rowsOf<{ n: number }>(result)[0]?.n ?? 0
}

/** Applies cls_desired: drops rule rows the rules no longer give, adds new ones, gives firms left without a main segment their best one. */
export async function applyDesiredAssignments(db: DbOrTx, tenantId: string, chainCode: string): Promise<{ added: number; removed: number }> {
  const removed = await db.execute(sql`
    delete from enterprise_segments es
    where es.tenant_id = ${tenantId} and es.source = 'rule'
      and es.segment_code in (select code from chain_segments where tenant_id = ${tenantId} and chain_code = ${chainCode})
      and not exists (select 1 from cls_desired d where d.enterprise_id = es.enterprise_id and d.segment_code = es.segment_code)`)
  const added = await db.execute(sql`
    insert into enterprise_segments (tenant_id, enterprise_id, segment_code, main, source)
    select ${tenantId}, d.enterprise_id, d.segment_code, false, 'rule' from cls_desired d
    on conflict (tenant_id, enterprise_id, segment_code) do nothing`)
  await db.execute(sql`
    update enterprise_segments es set main = true
    from cls_desired d
    where es.tenant_id = ${tenantId} and es.enterprise_id = d.enterprise_id and es.segment_code = d.segment_code and d.rank = 1
      and not exists (select 1 from enterprise_segments m where m.tenant_id = ${tenantId} and m.enterprise_id = d.enterprise_id and m.main)`)
  return { added: added.rowCount ?? 0, removed: removed.rowCount ?? 0 }
}

export async function insertClassificationRun(db: DbOrTx, row: typeof classificationRuns.$inferInsert) {
  await db.insert(classificationRuns).values(row)
}

// ---------------------------------------------------------------------------------------------
// layout guide

export type LayoutRow = typeof layoutGuideEntries.$inferSelect

export function listLayoutEntries(db: DbOrTx, tenantId: string, year: number): Promise<LayoutRow[]> {
  return db
    .select()
    .from(layoutGuideEntries)
    .where(and(eq(layoutGuideEntries.tenantId, tenantId), eq(layoutGuideEntries.year, year)))
    .orderBy(asc(layoutGuideEntries.chainCode), asc(layoutGuideEntries.districtCode), asc(layoutGuideEntries.platformCode))
}

export async function layoutYears(db: DbOrTx, tenantId: string): Promise<number[]> {
  const rows = await db
    .selectDistinct({ year: layoutGuideEntries.year })
    .from(layoutGuideEntries)
    .where(eq(layoutGuideEntries.tenantId, tenantId))
    .orderBy(desc(layoutGuideEntries.year))
  return rows.map((r) => r.year)
}

export async function findLayoutEntry(db: DbOrTx, key: { tenantId: string; year: number; chainCode: string; districtCode: string; platformCode: string }) {
  const [row] = await db
    .select()
    .from(layoutGuideEntries)
    .where(
      and(
        eq(layoutGuideEntries.tenantId, key.tenantId),
        eq(layoutGuideEntries.year, key.year),
        eq(layoutGuideEntries.chainCode, key.chainCode),
        eq(layoutGuideEntries.districtCode, key.districtCode),
        eq(layoutGuideEntries.platformCode, key.platformCode),
      ),
    )
    .for('update')
  return row ?? null
}

export async function upsertLayoutEntry(db: DbOrTx, row: typeof layoutGuideEntries.$inferInsert): Promise<LayoutRow> {
  const [saved] = await db
    .insert(layoutGuideEntries)
    .values(row)
    .onConflictDoUpdate({
      target: [layoutGuideEntries.tenantId, layoutGuideEntries.year, layoutGuideEntries.chainCode, layoutGuideEntries.districtCode, layoutGuideEntries.platformCode],
      set: { role: row.role, note: row.note ?? null, updatedAt: row.updatedAt, updatedBy: row.updatedBy },
    })
    .returning()
  return saved!
}

export async function deleteLayoutEntry(db: DbOrTx, key: { tenantId: string; year: number; chainCode: string; districtCode: string; platformCode: string }) {
  await db
    .delete(layoutGuideEntries)
    .where(
      and(
        eq(layoutGuideEntries.tenantId, key.tenantId),
        eq(layoutGuideEntries.year, key.year),
        eq(layoutGuideEntries.chainCode, key.chainCode),
        eq(layoutGuideEntries.districtCode, key.districtCode),
        eq(layoutGuideEntries.platformCode, key.platformCode),
      ),
    )
}

export async function copyLayoutYear(db: DbOrTx, tenantId: string, fromYear: number, toYear: number, at: Date, by: string): Promise<number> {
  const result = await db.execute(sql`
    insert into layout_guide_entries (tenant_id, year, chain_code, district_code, platform_code, role, note, updated_at, updated_by)
    select tenant_id, ${toYear}, chain_code, district_code, platform_code, role, note, ${at}, ${by}
    from layout_guide_entries where tenant_id = ${tenantId} and year = ${fromYear}`)
  return result.rowCount ?? 0
}

export async function countLayoutYear(db: DbOrTx, tenantId: string, year: number): Promise<number> {
  const result = await db.execute(sql`select count(*)::int as n from layout_guide_entries where tenant_id = ${tenantId} and year = ${year}`)
  return rowsOf<{ n: number }>(result)[0]?.n ?? 0
}

// ---------------------------------------------------------------------------------------------
// chain map

export interface MapSegmentFigures {
  code: string
  local_n: number
  revenue: number
  employees: number
  leaders: string[] | null
  base_n: number
}

export interface MapFigures {
  segments: MapSegmentFigures[]
  totals: { local_n: number; revenue: number; employees: number; base_n: number }
  /** Segments of other chains where the region's chain firms' suppliers and customers sit (partner's main segment). */
  links: { segmentCode: string; chainCode: string; links: number; localEnterprises: number }[]
}

/**
 * Every figure of a chain map in one statement, so the chain's enterprise rows are read once:
 * per segment the region's firms (count, revenue, employees, chain leaders) and the benchmark's firms,
 * the chain totals (distinct firms), and the trade links that point outside the chain (延链).
 * `local` is the region's district codes; the benchmark is `within` some districts or everything `outside` them.
 */
export async function mapFigures(
  db: DbOrTx,
  tenantId: string,
  chainCode: string,
  local: readonly string[],
  base: { within: readonly string[] } | { outside: readonly string[] },
  extension: { minLinks: number; limit: number },
): Promise<MapFigures> {
  const localCond = sql`e.region_code = any(${textArrayLiteral(local)}::text[])`
  const baseCond = 'within' in base ? sql`e.region_code = any(${textArrayLiteral(base.within)}::text[])` : sql`not (e.region_code = any(${textArrayLiteral(base.outside)}::text[]))`
  const result = await db.execute(sql`
    with f as materialized (
      select es.segment_code, e.id, e.revenue, e.employees, e.chain_leader, ${localCond} as is_local, ${baseCond} as is_base
      from enterprise_segments es
      join enterprises e on e.tenant_id = es.tenant_id and e.id = es.enterprise_id
      where es.tenant_id = ${tenantId} and e.status = 'active'
        and es.segment_code in (select code from chain_segments where tenant_id = ${tenantId} and chain_code = ${chainCode})
    ),
    seg as (
      select segment_code as code,
        (count(*) filter (where is_local))::int as local_n,
        coalesce(sum(revenue) filter (where is_local), 0)::float8 as revenue,
        coalesce(sum(employees) filter (where is_local), 0)::int as employees,
        (array_agg(id order by revenue desc nulls last, id) filter (where is_local and chain_leader))[1:5] as leader_ids,
        (count(*) filter (where is_base))::int as base_n
      from f group by segment_code
    ),
    -- names only for the few leaders shown: f stays within the covering index (index-only scan, no heap reads)
    seg_named as (
      select seg.code, seg.local_n, seg.revenue, seg.employees, seg.base_n,
        coalesce((select array_agg(e.name order by u.ord) from unnest(seg.leader_ids) with ordinality u(id, ord)
                  join enterprises e on e.tenant_id = ${tenantId} and e.id = u.id), '{}') as leaders
      from seg
    ),
    firm as (select distinct on (id) id, revenue, employees, is_local, is_base from f order by id),
    tot as (
      select (count(*) filter (where is_local))::int as local_n,
        coalesce(sum(revenue) filter (where is_local), 0)::float8 as revenue,
        coalesce(sum(employees) filter (where is_local), 0)::int as employees,
        (count(*) filter (where is_base))::int as base_n
      from firm
    ),
    partners as (
      select r.to_id as partner from firm join enterprise_relations r on r.tenant_id = ${tenantId} and r.from_id = firm.id and r.kind = 'supplier'
      where firm.is_local
      union all
      select r.from_id from firm join enterprise_relations r on r.tenant_id = ${tenantId} and r.to_id = firm.id and r.kind = 'supplier'
      where firm.is_local
    ),
    link as (
      select ps.segment_code as "segmentCode", cs.chain_code as "chainCode", count(*)::int as links
      from partners p
      join enterprise_segments ps on ps.tenant_id = ${tenantId} and ps.enterprise_id = p.partner and ps.main
      join chain_segments cs on cs.tenant_id = ${tenantId} and cs.code = ps.segment_code
      where cs.chain_code <> ${chainCode}
      group by 1, 2
      having count(*) >= ${extension.minLinks}
      order by links desc, 1 limit ${extension.limit}
    ),
    link_local as (
      select es.segment_code as code, count(*)::int as n from enterprise_segments es
      join enterprises e on e.tenant_id = es.tenant_id and e.id = es.enterprise_id
      where es.tenant_id = ${tenantId} and e.status = 'active' and ${localCond}
        and es.segment_code in (select "segmentCode" from link)
      group by 1
    )
    select
      coalesce((select json_agg(seg_named) from seg_named), '[]'::json) as segments,
      (select row_to_json(tot) from tot) as totals,
      coalesce((select json_agg(json_build_object('segmentCode', l."segmentCode", 'chainCode', l."chainCode", 'links', l.links,
        'localEnterprises', coalesce(ll.n, 0))) from link l left join link_local ll on ll.code = l."segmentCode"), '[]'::json) as links`)
  const row = rowsOf<{ segments: MapSegmentFigures[]; totals: MapFigures['totals'] | null; links: MapFigures['links'] }>(result)[0]
  return {
    segments: row?.segments ?? [],
    totals: row?.totals ?? { local_n: 0, revenue: 0, employees: 0, base_n: 0 },
    links: row?.links ?? [],
  }
}

export interface SegmentEnterpriseRow {
  id: string
  name: string
  region_code: string
  region_name: string
  industry_code: string
  revenue: number | null
  employees: number | null
  chain_leader: boolean
  main: boolean
  source: 'rule' | 'manual'
  segment_code: string
}

/** The region's firms in some segments, biggest revenue first. */
export async function segmentEnterprises(
  db: DbOrTx,
  tenantId: string,
  segmentCodes: readonly string[],
  local: readonly string[],
  page: { limit: number; offset: number },
): Promise<{ items: SegmentEnterpriseRow[]; total: number }> {
  const where = sql`es.tenant_id = ${tenantId} and e.status = 'active' and es.segment_code = any(${textArrayLiteral(segmentCodes)}::text[])
      and e.region_code = any(${textArrayLiteral(local)}::text[])`
  const [items, total] = await Promise.all([
    db.execute(sql`
      select e.id::text as id, e.name, e.region_code, coalesce(r.name_zh, e.region_code) as region_name, e.industry_code,
        e.revenue, e.employees, e.chain_leader, es.main, es.source, es.segment_code
      from enterprise_segments es
      join enterprises e on e.tenant_id = es.tenant_id and e.id = es.enterprise_id
      left join regions r on r.code = e.region_code
      where ${where}
      order by e.revenue desc nulls last, e.id, es.segment_code
      limit ${page.limit} offset ${page.offset}`),
    db.execute(sql`
      select count(*)::int as n from enterprise_segments es
      join enterprises e on e.tenant_id = es.tenant_id and e.id = es.enterprise_id
      where ${where}`),
  ])
  return { items: rowsOf<SegmentEnterpriseRow>(items), total: rowsOf<{ n: number }>(total)[0]?.n ?? 0 }
}

/** A Postgres array literal for `= any($1::text[])` (the codes are region and segment codes, never free text). */

