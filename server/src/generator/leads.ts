// Demo leads, first reports and first-talk rights for the demo dataset, in a few set-based statements.
// Each district gets `perDistrict` leads on firms no other district has (one firm per group, so the
// demo never breaks the one-right-per-firm rule); about a third of the valid ones are reported and
// half of those granted. Ids are md5-derived and firms ordered by md5 of their id: deterministic for a seed.
import type { Database } from '../db/client.js'

export interface LoadLeadsOptions {
  tenantId: string
  now: Date
  perDistrict?: number
}

export interface LoadLeadsResult {
  leads: number
  leadReports: number
  firstTalkRights: number
}

const channels = ['resident_office', 'agency', 'referral', 'fund', 'fair', 'hometown', 'soe_abroad', 'other']
const investments = [3_000, 12_000, 50_000, 150_000, 600_000]

export async function loadLeads(database: Database, options: LoadLeadsOptions): Promise<LoadLeadsResult> {
  const { tenantId } = options
  const now = options.now.toISOString()
  const perDistrict = options.perDistrict ?? 8
  const leads = await database.pool.query(
    `with districts as (
       select r.code, row_number() over (order by r.code) as dn, count(*) over () as dcount
         from regions r join tenants t on t.id = $1 and r.parent_code = t.region_code
     ),
     firms as (
       select distinct on (group_key) * from (
         select e.id, e.name, s.chain_code, es.segment_code,
                case when e.actual_controller is not null then 'controller:' || e.actual_controller else 'enterprise:' || e.id::text end as group_key
           from enterprises e
           join enterprise_segments es on es.tenant_id = e.tenant_id and es.enterprise_id = e.id and es.main
           join chain_segments s on s.tenant_id = es.tenant_id and s.code = es.segment_code
          where e.tenant_id = $1 and e.status = 'active' and e.parent_id is null
            and not exists (select 1 from enterprises c where c.tenant_id = e.tenant_id and c.parent_id = e.id)
       ) f order by group_key, md5(id::text)
     ),
     numbered as (
       select f.*, row_number() over (order by md5(f.id::text || $1)) as n from firms f
     ),
     assigned as (
       select n.*, d.code as district
         from numbered n join districts d on d.dn = ((n.n - 1) % d.dcount) + 1
        where n.n <= d.dcount * $3
     ),
     shaped as (
       select a.*, ($2::timestamptz - ((a.n % 45) + 1) * interval '1 day') as received,
              (array['new', 'valid', 'valid', 'valid', 'invalid', 'valid', 'signed', 'dropped'])[(a.n % 8) + 1] as status
         from assigned a
     )
     insert into leads (tenant_id, id, region_code, title, enterprise_id, group_key, channel, source_person, planned_investment,
                        planned_investment_usd, chain_code, segment_code, investor_wishes, status, origin, received_at,
                        first_response_at, evaluated_at, feedback_at, last_progress_at, closed_at, version, created_at, created_by, updated_at)
     select $1, md5($1 || ':lead:' || s.id::text)::uuid, s.district, s.name || '项目', s.id, s.group_key,
            ($4::text[])[(s.n % 8) + 1], '演示来源人 ' || (s.n % 20 + 1),
            ($5::float8[])[(s.n % 5) + 1], case when s.n % 6 = 0 then 1500 else null end,
            s.chain_code, s.segment_code, '演示数据：投资方希望尽快落地，需要标准厂房',
            s.status, 'form', s.received,
            case when s.status <> 'new' then s.received + interval '10 hours' end,
            case when s.status <> 'new' then s.received + interval '2 days' end,
            case when s.status in ('valid', 'signed') and s.n % 3 <> 1 then s.received + interval '6 days' end,
            case when s.status = 'valid' and s.n % 2 = 0 then least($2::timestamptz, s.received + interval '13 days') end,
            case when s.status in ('invalid', 'signed', 'dropped') then s.received + interval '20 days' end,
            1, s.received, 'generator', s.received
       from shaped s
     on conflict do nothing
     returning id`,
    [tenantId, now, perDistrict, channels, investments],
  )
  await database.pool.query(
    `insert into lead_events (tenant_id, id, lead_id, kind, at, actor_name, note)
     select tenant_id, md5(id::text || ':created')::uuid, id, 'created', received_at, 'generator', '演示数据'
       from leads where tenant_id = $1 and created_by = 'generator'
     on conflict do nothing`,
    [tenantId],
  )
  // a third of the valid leads reported; of those, every other one granted a right for six months
  const reports = await database.pool.query(
    `with picked as (
       select l.*, row_number() over (order by md5(l.id::text)) as n
         from leads l where l.tenant_id = $1 and l.created_by = 'generator' and l.status in ('valid', 'signed')
     )
     insert into lead_reports (tenant_id, id, lead_id, region_code, enterprise_id, group_key, intent, status, reported_at, reported_by,
                               decided_at, decided_by, decision_reason, right_id, version)
     select p.tenant_id, md5(p.id::text || ':report')::uuid, p.id, p.region_code, p.enterprise_id, p.group_key,
            '演示数据：企业已明确投资意向', case when p.n % 2 = 0 then 'granted' else 'pending' end,
            p.received_at + interval '3 days', 'generator',
            case when p.n % 2 = 0 then p.received_at + interval '5 days' end,
            case when p.n % 2 = 0 then 'generator' end,
            case when p.n % 2 = 0 then '符合布局导引' end,
            case when p.n % 2 = 0 then md5(p.id::text || ':right')::uuid end,
            case when p.n % 2 = 0 then 2 else 1 end
       from picked p where p.n % 3 = 0
     on conflict do nothing
     returning id`,
    [tenantId],
  )
  const rights = await database.pool.query(
    `insert into first_talk_rights (tenant_id, id, report_id, lead_id, region_code, enterprise_id, group_key, status, granted_at, granted_by, expires_at, version)
     select r.tenant_id, r.right_id, r.id, r.lead_id, r.region_code, r.enterprise_id, r.group_key, 'active', r.decided_at, 'generator',
            r.decided_at + interval '6 months', 1
       from lead_reports r where r.tenant_id = $1 and r.reported_by = 'generator' and r.status = 'granted'
     on conflict do nothing
     returning id`,
    [tenantId],
  )
  await database.pool.query(
    `insert into registry_events (tenant_id, id, report_id, right_id, kind, at, actor_name, region_code, detail)
     select tenant_id, md5(id::text || ':reported')::uuid, id, null, 'reported', reported_at, 'generator', region_code, null
       from lead_reports where tenant_id = $1 and reported_by = 'generator'
     union all
     select tenant_id, md5(id::text || ':granted')::uuid, report_id, id, 'granted', granted_at, 'generator', region_code,
            jsonb_build_object('expiresAt', expires_at)
       from first_talk_rights where tenant_id = $1 and granted_by = 'generator'
     on conflict do nothing`,
    [tenantId],
  )
  return { leads: leads.rowCount ?? 0, leadReports: reports.rowCount ?? 0, firstTalkRights: rights.rowCount ?? 0 }
}
