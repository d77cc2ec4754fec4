// SQL of the registry. Leads are read by SQL (not through the leads module) because the leads module
// calls the registry; the registry must not call back.
import { sql } from 'drizzle-orm'
import type { DbOrTx } from '../../db/client.js'
import { CONFLICT_SIMILARITY, groupKeyOf } from './registry.rules.js'

export interface EnterpriseFacts {
  id: string
  name: string
  tradeNameKey: string
  status: string
  groupKey: string
}

/** The firm, its trade-name key and its group key (the root of its parent tree, or that root's controller). */
export async function enterpriseFacts(db: DbOrTx, tenantId: string, enterpriseId: string): Promise<EnterpriseFacts | null> {
  const { rows } = await db.execute<{ id: string; name: string; trade_name_key: string; status: string; root_id: string; root_controller: string | null }>(sql`
    with recursive up as (
      select id, parent_id, actual_controller, 0 as depth from enterprises where tenant_id = ${tenantId} and id = ${enterpriseId}::uuid
      union all
      select e.id, e.parent_id, e.actual_controller, up.depth + 1 from enterprises e
      join up on e.tenant_id = ${tenantId} and e.id = up.parent_id
      where up.depth < 30
    )
    select f.id, f.name, f.trade_name_key, f.status,
      (select id from up order by depth desc limit 1) as root_id,
      (select actual_controller from up order by depth desc limit 1) as root_controller
    from enterprises f where f.tenant_id = ${tenantId} and f.id = ${enterpriseId}::uuid`)
  const row = rows[0]
  if (!row) return null
  return {
    id: row.id,
    name: row.name,
    tradeNameKey: row.trade_name_key,
    status: row.status,
    groupKey: groupKeyOf({ id: row.root_id, actualController: row.root_controller }),
  }
}

export type ConflictRow = {
  kind: 'right' | 'report'
  id: string
  region_code: string
  region_name: string | null
  enterprise_id: string
  enterprise_name: string
  group_key: string
  expires_at: Date | null
  sim: number
}

/**
 * Active rights and pending reports on the same firm, the same group, or (when withSimilar) a firm
 * whose trade name is at least CONFLICT_SIMILARITY similar.
 */
export async function findConflictRows(
  db: DbOrTx,
  tenantId: string,
  probe: { enterpriseId: string; groupKey: string; tradeNameKey: string; excludeReportId?: string | undefined; withSimilar: boolean },
  now: Date,
): Promise<ConflictRow[]> {
  const similar = probe.withSimilar
    ? sql`or (e.trade_name_key % ${probe.tradeNameKey} and similarity(e.trade_name_key, ${probe.tradeNameKey}) >= ${CONFLICT_SIMILARITY})`
    : sql``
  const { rows } = await db.execute<ConflictRow>(sql`
    select 'right' as kind, r.id, r.region_code, g.name_zh as region_name, r.enterprise_id, e.name as enterprise_name, r.group_key,
      r.expires_at, similarity(e.trade_name_key, ${probe.tradeNameKey}) as sim
    from first_talk_rights r
    join enterprises e on e.tenant_id = r.tenant_id and e.id = r.enterprise_id
    left join regions g on g.code = r.region_code
    where r.tenant_id = ${tenantId} and r.status = 'active' and r.expires_at > ${now}
      and (r.enterprise_id = ${probe.enterpriseId}::uuid or r.group_key = ${probe.groupKey} ${similar})
    union all
    select 'report' as kind, p.id, p.region_code, g.name_zh, p.enterprise_id, e.name, p.group_key,
      null, similarity(e.trade_name_key, ${probe.tradeNameKey})
    from lead_reports p
    join enterprises e on e.tenant_id = p.tenant_id and e.id = p.enterprise_id
    left join regions g on g.code = p.region_code
    where p.tenant_id = ${tenantId} and p.status = 'pending'
      and (${probe.excludeReportId ?? null}::uuid is null or p.id <> ${probe.excludeReportId ?? null}::uuid)
      and (p.enterprise_id = ${probe.enterpriseId}::uuid or p.group_key = ${probe.groupKey} ${similar})`)
  return rows.map((r) => ({ ...r, sim: Number(r.sim), expires_at: r.expires_at === null ? null : new Date(r.expires_at) }))
}

export type LeadRow = {
  id: string
  region_code: string
  title: string
  enterprise_id: string
  status: string
  planned_investment: number | null
  planned_investment_usd: number | null
  chain_code: string | null
  intended_region_code: string | null
}

export async function leadById(db: DbOrTx, tenantId: string, leadId: string, lock = false): Promise<LeadRow | null> {
  const { rows } = await db.execute<LeadRow>(sql`
    select id, region_code, title, enterprise_id, status, planned_investment, planned_investment_usd, chain_code, intended_region_code
    from leads where tenant_id = ${tenantId} and id = ${leadId}::uuid ${lock ? sql`for update` : sql``}`)
  return rows[0] ?? null
}

export async function regionInfo(db: DbOrTx, code: string) {
  const { rows } = await db.execute<{ code: string; name_zh: string; parent_code: string | null; mountain_county: boolean }>(
    sql`select code, name_zh, parent_code, mountain_county from regions where code = ${code}`,
  )
  return rows[0] ?? null
}

export type ReportRow = {
  id: string
  lead_id: string
  lead_title: string
  region_code: string
  region_name: string | null
  enterprise_id: string
  enterprise_name: string
  trade_name_key: string
  group_key: string
  chain_code: string | null
  chain_name: string | null
  planned_investment: number | null
  planned_investment_usd: number | null
  intended_region_code: string | null
  intended_platform_code: string | null
  investor_wishes: string | null
  intent: string
  status: 'pending' | 'granted' | 'rejected' | 'redirected' | 'withdrawn'
  reported_at: Date
  reported_by: string
  decided_at: Date | null
  decided_by: string | null
  decision_reason: string | null
  redirect_region_code: string | null
  right_id: string | null
  version: number
}

const reportSelect = sql`
  select p.id, p.lead_id, l.title as lead_title, p.region_code, g.name_zh as region_name, p.enterprise_id, e.name as enterprise_name,
    e.trade_name_key, p.group_key, l.chain_code, c.name_zh as chain_name, l.planned_investment, l.planned_investment_usd,
    l.intended_region_code, l.intended_platform_code, l.investor_wishes, p.intent, p.status, p.reported_at, p.reported_by,
    p.decided_at, p.decided_by, p.decision_reason, p.redirect_region_code, p.right_id, p.version
  from lead_reports p
  join leads l on l.tenant_id = p.tenant_id and l.id = p.lead_id
  join enterprises e on e.tenant_id = p.tenant_id and e.id = p.enterprise_id
  left join regions g on g.code = p.region_code
  left join chains c on c.tenant_id = p.tenant_id and c.code = l.chain_code`

export async function reportById(db: DbOrTx, tenantId: string, id: string): Promise<ReportRow | null> {
  const { rows } = await db.execute<ReportRow>(sql`${reportSelect} where p.tenant_id = ${tenantId} and p.id = ${id}::uuid`)
  return rows[0] ?? null
}

export async function findReports(db: DbOrTx, tenantId: string, filter: { status?: string | undefined; region?: string | undefined; limit: number; offset: number }) {
  const where = sql`p.tenant_id = ${tenantId}
    ${filter.status ? sql`and p.status = ${filter.status}` : sql``}
    ${filter.region ? sql`and p.region_code = ${filter.region}` : sql``}`
  const [{ rows }, count] = await Promise.all([
    db.execute<ReportRow>(sql`${reportSelect} where ${where} order by p.reported_at desc, p.id limit ${filter.limit} offset ${filter.offset}`),
    db.execute<{ n: number }>(sql`select count(*)::int as n from lead_reports p where ${where}`),
  ])
  return { rows, total: count.rows[0]?.n ?? 0 }
}

export type RightRow = {
  id: string
  report_id: string | null
  lead_id: string | null
  region_code: string
  region_name: string | null
  enterprise_id: string
  enterprise_name: string
  group_key: string
  status: 'active' | 'expired' | 'released' | 'revoked'
  granted_at: Date
  granted_by: string
  expires_at: Date
  renewed_at: Date | null
  renewals: number
  ended_at: Date | null
  ended_by: string | null
  end_reason: string | null
  warned_at: Date | null
  version: number
}

const rightSelect = sql`
  select r.id, r.report_id, r.lead_id, r.region_code, g.name_zh as region_name, r.enterprise_id, e.name as enterprise_name, r.group_key,
    r.status, r.granted_at, r.granted_by, r.expires_at, r.renewed_at, r.renewals, r.ended_at, r.ended_by, r.end_reason, r.warned_at, r.version
  from first_talk_rights r
  join enterprises e on e.tenant_id = r.tenant_id and e.id = r.enterprise_id
  left join regions g on g.code = r.region_code`

export async function rightById(db: DbOrTx, tenantId: string, id: string, lock = false): Promise<RightRow | null> {
  const { rows } = await db.execute<RightRow>(sql`${rightSelect} where r.tenant_id = ${tenantId} and r.id = ${id}::uuid ${lock ? sql`for update of r` : sql``}`)
  return rows[0] ?? null
}

/**
 * Rights a reader may list: `full` regions (null = all) in full, plus, for a district, other
 * districts' active rights (shown as "taken"). An active right past its expiry counts as expired.
 */
export async function findRights(
  db: DbOrTx,
  tenantId: string,
  filter: { status?: string | undefined; region?: string | undefined; fullRegion: string | null | 'all'; now: Date; limit: number; offset: number },
) {
  const effective = sql`(case when r.status = 'active' and r.expires_at <= ${filter.now} then 'expired' else r.status end)`
  const visible =
    filter.fullRegion === 'all'
      ? sql``
      : sql`and (r.region_code = ${filter.fullRegion} or (r.status = 'active' and r.expires_at > ${filter.now}))`
  const where = sql`r.tenant_id = ${tenantId} ${visible}
    ${filter.status ? sql`and ${effective} = ${filter.status}` : sql``}
    ${filter.region ? sql`and r.region_code = ${filter.region}` : sql``}`
  const [{ rows }, count] = await Promise.all([
    db.execute<RightRow>(sql`${rightSelect} where ${where} order by (${effective} = 'active') desc, r.expires_at asc, r.id limit ${filter.limit} offset ${filter.offset}`),
    db.execute<{ n: number }>(sql`select count(*)::int as n from first_talk_rights r where ${where}`),
  ])
  return { rows, total: count.rows[0]?.n ?? 0 }
}

export async function rightEvents(db: DbOrTx, tenantId: string, rightIds: string[]) {
  if (rightIds.length === 0) return []
  const { rows } = await db.execute<{ right_id: string; report_id: string | null; kind: string; at: Date; actor_name: string; detail: unknown }>(sql`
    select right_id, report_id, kind, at, actor_name, detail from registry_events
    where tenant_id = ${tenantId} and right_id = any(${`{${rightIds.join(',')}}`}::uuid[]) order by at, id`)
  return rows
}

/** Active rights on a firm or its group, with the holder's name. */
export async function activeRightsOn(db: DbOrTx, tenantId: string, enterpriseId: string, groupKey: string, now: Date) {
  const { rows } = await db.execute<{ id: string; region_code: string; region_name: string | null; expires_at: Date; enterprise_id: string; enterprise_name: string }>(sql`
    select r.id, r.region_code, g.name_zh as region_name, r.expires_at, r.enterprise_id, e.name as enterprise_name
    from first_talk_rights r
    join enterprises e on e.tenant_id = r.tenant_id and e.id = r.enterprise_id
    left join regions g on g.code = r.region_code
    where r.tenant_id = ${tenantId} and r.status = 'active' and r.expires_at > ${now}
      and (r.enterprise_id = ${enterpriseId}::uuid or r.group_key = ${groupKey})
    order by r.expires_at desc`)
  return rows.map((r) => ({ ...r, expires_at: new Date(r.expires_at) }))
}

/** Serializes every report and grant of a tenant: see docs/modules/registry.md, "The race". */
export async function lockRegistry(tx: DbOrTx, tenantId: string) {
  await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`registry:${tenantId}`}))`)
}

export async function fitInputs(db: DbOrTx, tenantId: string, cityRegion: string, chainCode: string | null, year: number) {
  const [regions, guide, platforms] = await Promise.all([
    db.execute<{ code: string; name_zh: string; mountain_county: boolean }>(
      sql`select code, name_zh, mountain_county from regions where parent_code = ${cityRegion} order by code`,
    ),
    chainCode
      ? db.execute<{ district_code: string; platform_code: string; role: 'core' | 'cooperating' }>(sql`
          select district_code, platform_code, role from layout_guide_entries
          where tenant_id = ${tenantId} and chain_code = ${chainCode}
            and year = (select max(year) from layout_guide_entries where tenant_id = ${tenantId} and chain_code = ${chainCode} and year <= ${year})`)
      : Promise.resolve({ rows: [] as Array<{ district_code: string; platform_code: string; role: 'core' | 'cooperating' }> }),
    db.execute<{ code: string; name_zh: string; district_code: string; chain_codes: string[] }>(
      sql`select code, name_zh, district_code, chain_codes from platforms where tenant_id = ${tenantId}`,
    ),
  ])
  return { regions: regions.rows, guide: guide.rows, platforms: platforms.rows }
}

/**
 * When two firms merge, reports and rights follow the kept firm — except a pending report or an
 * active right the kept firm already has its own of (one per firm), which stays on the merged-away row.
 */
export async function repointEnterprise(tx: DbOrTx, tenantId: string, fromId: string, toId: string) {
  await tx.execute(sql`
    update lead_reports set enterprise_id = ${toId}::uuid
    where tenant_id = ${tenantId} and enterprise_id = ${fromId}::uuid
      and not (status = 'pending' and exists (select 1 from lead_reports p where p.tenant_id = ${tenantId} and p.enterprise_id = ${toId}::uuid and p.status = 'pending'))`)
  await tx.execute(sql`
    update first_talk_rights set enterprise_id = ${toId}::uuid
    where tenant_id = ${tenantId} and enterprise_id = ${fromId}::uuid
      and not (status = 'active' and exists (select 1 from first_talk_rights r where r.tenant_id = ${tenantId} and r.enterprise_id = ${toId}::uuid and r.status = 'active'))`)
  await tx.execute(sql`update registry_attempts set enterprise_id = ${toId}::uuid where tenant_id = ${tenantId} and enterprise_id = ${fromId}::uuid`)
}
