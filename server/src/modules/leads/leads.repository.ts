// SQL of leads: the inbox with its timers' inputs, the latest report and the first-talk standing per row.
import { sql, type SQL } from 'drizzle-orm'
import type { RegistrySettings } from '../../../../common/src/api/registry.js'
import type { DbOrTx } from '../../db/client.js'
import { containsPattern } from '../../db/like.js'

export type LeadRow = {
  id: string
  region_code: string
  region_name: string | null
  title: string
  enterprise_id: string
  enterprise_name: string
  group_key: string
  channel: string
  source_person: string
  source_contact: string | null
  planned_investment: number | null
  planned_investment_usd: number | null
  chain_code: string | null
  chain_name: string | null
  segment_code: string | null
  intended_region_code: string | null
  intended_platform_code: string | null
  investor_wishes: string | null
  status: string
  origin: string
  target_id: string | null
  received_at: Date
  first_response_at: Date | null
  evaluated_at: Date | null
  feedback_at: Date | null
  last_progress_at: Date | null
  version: number
  created_at: Date
  created_by: string
  report_status: string | null
  report_id: string | null
  holder_here: boolean
  held_elsewhere: boolean
}

function leadSelect(now: Date) {
  return sql`
  select l.id, l.region_code, g.name_zh as region_name, l.title, l.enterprise_id, e.name as enterprise_name, l.group_key, l.channel,
    l.source_person, l.source_contact, l.planned_investment, l.planned_investment_usd, l.chain_code, c.name_zh as chain_name, l.segment_code,
    l.intended_region_code, l.intended_platform_code, l.investor_wishes, l.status, l.origin, l.target_id, l.received_at,
    l.first_response_at, l.evaluated_at, l.feedback_at, l.last_progress_at, l.version, l.created_at, l.created_by,
    rep.status as report_status, rep.id as report_id,
    exists (select 1 from first_talk_rights r where r.tenant_id = l.tenant_id and r.status = 'active' and r.expires_at > ${now}
      and (r.enterprise_id = l.enterprise_id or r.group_key = l.group_key) and r.region_code = l.region_code) as holder_here,
    exists (select 1 from first_talk_rights r where r.tenant_id = l.tenant_id and r.status = 'active' and r.expires_at > ${now}
      and (r.enterprise_id = l.enterprise_id or r.group_key = l.group_key) and r.region_code <> l.region_code) as held_elsewhere
  from leads l
  join enterprises e on e.tenant_id = l.tenant_id and e.id = l.enterprise_id
  left join regions g on g.code = l.region_code
  left join chains c on c.tenant_id = l.tenant_id and c.code = l.chain_code
  left join lateral (select p.status, p.id from lead_reports p where p.tenant_id = l.tenant_id and p.lead_id = l.id order by p.reported_at desc, p.id limit 1) rep on true`
}

const days = (n: number) => sql`(${n}::float8 * interval '1 day')`

/** An open lead with at least one timer past due (the same rule as leads.rules leadTimers). */
export function overdueCondition(timers: RegistrySettings['timers'], now: Date): SQL {
  return sql`(l.status in ('new', 'valid') and (
    (l.first_response_at is null and l.received_at + ${days(timers.firstResponseDays)} < ${now})
    or (l.evaluated_at is null and l.received_at + ${days(timers.evaluationDays)} < ${now})
    or (l.feedback_at is null and l.received_at + ${days(timers.feedbackDays)} < ${now})
    or (l.status = 'valid' and coalesce(l.last_progress_at, l.evaluated_at, l.received_at) + ${days(timers.progressDays)} < ${now})))`
}

export interface LeadFilter {
  region: string | null
  q?: string | undefined
  status?: string | undefined
  channel?: string | undefined
  overdue?: SQL | undefined
}

function whereOf(tenantId: string, f: LeadFilter) {
  const parts: SQL[] = [sql`l.tenant_id = ${tenantId}`]
  if (f.region) parts.push(sql`l.region_code = ${f.region}`)
  if (f.status) parts.push(sql`l.status = ${f.status}`)
  if (f.channel) parts.push(sql`l.channel = ${f.channel}`)
  if (f.q) parts.push(sql`(l.title ilike ${containsPattern(f.q)} or e.name ilike ${containsPattern(f.q)})`)
  if (f.overdue) parts.push(f.overdue)
  return sql.join(parts, sql` and `)
}

export async function findLeads(db: DbOrTx, tenantId: string, filter: LeadFilter, now: Date, page: { limit: number; offset: number }) {
  const where = whereOf(tenantId, filter)
  const [{ rows }, count] = await Promise.all([
    db.execute<LeadRow>(sql`${leadSelect(now)} where ${where} order by l.received_at desc, l.id limit ${page.limit} offset ${page.offset}`),
    db.execute<{ n: number }>(sql`select count(*)::int as n from leads l join enterprises e on e.tenant_id = l.tenant_id and e.id = l.enterprise_id where ${where}`),
  ])
  return { rows, total: count.rows[0]?.n ?? 0 }
}

export async function leadById(db: DbOrTx, tenantId: string, id: string, now: Date) {
  const { rows } = await db.execute<LeadRow>(sql`${leadSelect(now)} where l.tenant_id = ${tenantId} and l.id = ${id}::uuid`)
  return rows[0] ?? null
}

export async function leadEvents(db: DbOrTx, tenantId: string, id: string) {
  const { rows } = await db.execute<{ kind: string; at: Date; actor_name: string; note: string | null }>(
    sql`select kind, at, actor_name, note from lead_events where tenant_id = ${tenantId} and lead_id = ${id}::uuid order by at, id`,
  )
  return rows
}

export async function enterpriseBasics(db: DbOrTx, tenantId: string, id: string) {
  const { rows } = await db.execute<{ id: string; uscc: string; name: string; status: string; parent_id: string | null; actual_controller: string | null }>(
    sql`select id, uscc, name, status, parent_id, actual_controller from enterprises where tenant_id = ${tenantId} and id = ${id}::uuid`,
  )
  return rows[0] ?? null
}

/** Open leads on these firms or this group, in the regions given (null = all). */
export async function openLeadsOn(db: DbOrTx, tenantId: string, enterpriseIds: string[], groupKey: string, region: string | null) {
  const { rows } = await db.execute<{ id: string; title: string; region_code: string; region_name: string | null; enterprise_id: string; enterprise_name: string; group_key: string }>(sql`
    select l.id, l.title, l.region_code, g.name_zh as region_name, l.enterprise_id, e.name as enterprise_name, l.group_key
    from leads l
    join enterprises e on e.tenant_id = l.tenant_id and e.id = l.enterprise_id
    left join regions g on g.code = l.region_code
    where l.tenant_id = ${tenantId} and l.status in ('new', 'valid')
      and (l.enterprise_id = any(${`{${enterpriseIds.join(',')}}`}::uuid[]) or l.group_key = ${groupKey})
      ${region ? sql`and l.region_code = ${region}` : sql``}
    order by l.received_at desc limit 20`)
  return rows
}

/** Active rights on these firms or this group. */
export async function activeRightsOnAny(db: DbOrTx, tenantId: string, enterpriseIds: string[], groupKey: string, now: Date) {
  const { rows } = await db.execute<{ region_code: string; region_name: string | null; enterprise_id: string; enterprise_name: string; group_key: string; expires_at: Date }>(sql`
    select r.region_code, g.name_zh as region_name, r.enterprise_id, e.name as enterprise_name, r.group_key, r.expires_at
    from first_talk_rights r
    join enterprises e on e.tenant_id = r.tenant_id and e.id = r.enterprise_id
    left join regions g on g.code = r.region_code
    where r.tenant_id = ${tenantId} and r.status = 'active' and r.expires_at > ${now}
      and (r.enterprise_id = any(${`{${enterpriseIds.join(',')}}`}::uuid[]) or r.group_key = ${groupKey})`)
  return rows
}

export async function regionOf(db: DbOrTx, code: string) {
  const { rows } = await db.execute<{ code: string; name_zh: string; parent_code: string | null }>(sql`select code, name_zh, parent_code from regions where code = ${code}`)
  return rows[0] ?? null
}

export async function chainExists(db: DbOrTx, tenantId: string, chain: string) {
  const { rows } = await db.execute<{ n: number }>(sql`select count(*)::int as n from chains where tenant_id = ${tenantId} and code = ${chain}`)
  return (rows[0]?.n ?? 0) > 0
}

export async function segmentInChain(db: DbOrTx, tenantId: string, chain: string, segment: string) {
  const { rows } = await db.execute<{ n: number }>(sql`select count(*)::int as n from chain_segments where tenant_id = ${tenantId} and chain_code = ${chain} and code = ${segment}`)
  return (rows[0]?.n ?? 0) > 0
}

export async function targetById(db: DbOrTx, tenantId: string, id: string) {
  const { rows } = await db.execute<{ id: string; region_code: string; enterprise_id: string; enterprise_name: string; chain_code: string | null; segment_code: string | null }>(sql`
    select t.id, t.region_code, t.enterprise_id, e.name as enterprise_name, t.chain_code, t.segment_code
    from targets t join enterprises e on e.tenant_id = t.tenant_id and e.id = t.enterprise_id
    where t.tenant_id = ${tenantId} and t.id = ${id}::uuid`)
  return rows[0] ?? null
}

export async function enterprisesByKey(db: DbOrTx, tenantId: string, keys: string[]) {
  if (keys.length === 0) return []
  const list = sql.join(keys.map((k) => sql`${k}`), sql`, `)
  const { rows } = await db.execute<{ id: string; uscc: string; name: string; former_names: string[] }>(sql`
    select id, uscc, name, former_names from enterprises
    where tenant_id = ${tenantId} and status = 'active' and (uscc in (${list}) or name in (${list}) or former_names && array[${list}]::text[])`)
  return rows
}

export async function chainsAndDistricts(db: DbOrTx, tenantId: string, cityRegion: string) {
  const [chains, regions] = await Promise.all([
    db.execute<{ code: string; name_zh: string }>(sql`select code, name_zh from chains where tenant_id = ${tenantId}`),
    db.execute<{ code: string; name_zh: string }>(sql`select code, name_zh from regions where parent_code = ${cityRegion}`),
  ])
  return { chains: chains.rows, regions: regions.rows }
}

export async function lockLeadSlot(tx: DbOrTx, tenantId: string, region: string) {
  await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`leads:${tenantId}:${region}`}))`)
}

export type FunnelRow = {
  key: string
  leads: number
  valid: number
  reported: number
  granted: number
  signed: number
}

/** valid → reported → granted → signed, grouped by channel or region. Signed counts leads closed as signed or a signed project that names the lead. */
export async function funnel(db: DbOrTx, tenantId: string, by: 'channel' | 'region', region: string | null, from: string | null, to: string | null) {
  const key = by === 'channel' ? sql`l.channel` : sql`l.region_code`
  const { rows } = await db.execute<FunnelRow>(sql`
    select ${key} as key, count(*)::int as leads,
      count(*) filter (where l.status in ('valid', 'signed') or rep.reported)::int as valid,
      count(*) filter (where rep.reported)::int as reported,
      count(*) filter (where rt.granted)::int as granted,
      count(*) filter (where l.status = 'signed' or pj.signed)::int as signed
    from leads l
    cross join lateral (select exists (select 1 from lead_reports p where p.tenant_id = l.tenant_id and p.lead_id = l.id) as reported) rep
    cross join lateral (select exists (select 1 from first_talk_rights r where r.tenant_id = l.tenant_id and r.lead_id = l.id) as granted) rt
    cross join lateral (select exists (select 1 from projects j where j.tenant_id = l.tenant_id and j.lead_id = l.id and j.signed_on is not null) as signed) pj
    where l.tenant_id = ${tenantId}
      ${region ? sql`and l.region_code = ${region}` : sql``}
      ${from ? sql`and l.received_at >= ${from}::date` : sql``}
      ${to ? sql`and l.received_at < ${to}::date + 1` : sql``}
    group by ${key} order by ${key}`)
  return rows
}
