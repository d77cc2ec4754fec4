// The dashboard's aggregate queries. The projects' figures come from the cells kept in every write
// (dashboard.table.ts, migration 0016): stage cells and month cells. The live statements over projects and their
// events (live*) define what the cells must equal; the tests hold the two equal after every kind of write.
import { sql } from 'drizzle-orm'
import type { DbOrTx } from '../../db/client.js'

export interface Period {
  yearStart: string
  /** the last day counted: today within the current year, the year's end for a past year */
  until: string
}

export type CubeRow = {
  region_code: string
  stage: string
  ecosystem_code: string | null
  n: number
  investment: number
  signed_ytd_1: number
  signed_ytd_10: number
  signed_ytd_50: number
  signed_ytd_100: number
  inv_ytd_1: number
  inv_ytd_10: number
  inv_ytd_50: number
  inv_ytd_100: number
  signed_ytd_all: number
  inv_ytd_all: number
  on_platform_ytd_1: number
  signed_all: number
  started_all: number
}

const regionFilter = (column: ReturnType<typeof sql>, region: string | null) => (region ? sql`and ${column} = ${region}` : sql``)

/** The definition of the cube: one pass over the covering index projects_dashboard_idx. */
export async function liveProjectCube(db: DbOrTx, tenantId: string, region: string | null, period: Period) {
  const ytd = sql`signed_on between ${period.yearStart} and ${period.until}`
  const { rows } = await db.execute<CubeRow>(sql`
    select region_code, stage, ecosystem_code,
      count(*)::int as n,
      coalesce(sum(total_investment), 0)::float8 as investment,
      count(*) filter (where ${ytd} and size_class >= 1)::int as signed_ytd_1,
      count(*) filter (where ${ytd} and size_class >= 2)::int as signed_ytd_10,
      count(*) filter (where ${ytd} and size_class >= 3)::int as signed_ytd_50,
      count(*) filter (where ${ytd} and size_class >= 4)::int as signed_ytd_100,
      coalesce(sum(total_investment) filter (where ${ytd} and size_class >= 1), 0)::float8 as inv_ytd_1,
      coalesce(sum(total_investment) filter (where ${ytd} and size_class >= 2), 0)::float8 as inv_ytd_10,
      coalesce(sum(total_investment) filter (where ${ytd} and size_class >= 3), 0)::float8 as inv_ytd_50,
      coalesce(sum(total_investment) filter (where ${ytd} and size_class >= 4), 0)::float8 as inv_ytd_100,
      count(*) filter (where ${ytd})::int as signed_ytd_all,
      coalesce(sum(total_investment) filter (where ${ytd}), 0)::float8 as inv_ytd_all,
      count(*) filter (where ${ytd} and size_class >= 1 and platform_code is not null)::int as on_platform_ytd_1,
      count(*) filter (where signed_on is not null)::int as signed_all,
      count(*) filter (where signed_on is not null and started_on is not null)::int as started_all
    from projects
    where tenant_id = ${tenantId} ${regionFilter(sql`region_code`, region)}
    group by region_code, stage, ecosystem_code`)
  return rows
}

export async function liveMonthlyProjects(db: DbOrTx, tenantId: string, region: string | null, period: Period) {
  const { rows } = await db.execute<{ month: string; signed: number; started: number }>(sql`
    select m.month, coalesce(s.n, 0)::int as signed, coalesce(t.n, 0)::int as started
    from (select to_char(d, 'YYYY-MM') as month from generate_series(${period.yearStart}::date, ${period.until}::date, interval '1 month') d) m
    left join (
      select to_char(signed_on, 'YYYY-MM') as month, count(*) as n from projects
      where tenant_id = ${tenantId} ${regionFilter(sql`region_code`, region)} and signed_on between ${period.yearStart} and ${period.until} group by 1
    ) s on s.month = m.month
    left join (
      select to_char(started_on, 'YYYY-MM') as month, count(*) as n from projects
      where tenant_id = ${tenantId} ${regionFilter(sql`region_code`, region)} and started_on between ${period.yearStart} and ${period.until} group by 1
    ) t on t.month = m.month
    order by m.month`)
  return rows
}

/** 到资 by month, from the arrival events of the projects (of the district). */
export async function liveMonthlyArrivals(db: DbOrTx, tenantId: string, region: string | null, period: Period) {
  // a semi-join on the project ids (a join per event made the planner probe projects once per arrival)
  const regionFilter = sql`and e.project_id in (select id from projects where tenant_id = ${tenantId} ${region ? sql`and region_code = ${region}` : sql``})`
  const { rows } = await db.execute<{ month: string; amount: number }>(sql`
    select to_char(e.occurred_on, 'YYYY-MM') as month, coalesce(sum(e.amount), 0)::float8 as amount
    from project_events e
    where e.tenant_id = ${tenantId} and e.kind = 'arrival' and e.occurred_on between ${period.yearStart} and ${period.until} ${regionFilter}
    group by 1`)
  return rows
}

export type StageCellRow = { region_code: string; stage: string; ecosystem_code: string | null; n: number; investment: number }

/** Projects now per district × stage × ecosystem. */
export async function stageCells(db: DbOrTx, tenantId: string, region: string | null) {
  const { rows } = await db.execute<StageCellRow>(sql`
    select region_code, stage, nullif(ecosystem_code, '') as ecosystem_code, projects as n, investment::float8 as investment
    from dashboard_stage_cells
    where tenant_id = ${tenantId} ${regionFilter(sql`region_code`, region)} and projects <> 0`)
  return rows
}

/**
 * The period's figures from the month cells, in two groupings: \`total\` rows per district × ecosystem × size class ×
 * platform for the whole period (the year to date), and \`month\` rows per month for the trends.
 */
export type MonthCellRow = {
  grouping: 'total' | 'month'
  measure: 'signed' | 'started' | 'arrival'
  /** YYYY-MM; null in total rows */
  month: string | null
  /** null in month rows */
  region_code: string | null
  ecosystem_code: string | null
  size_class: number | null
  on_platform: boolean | null
  n: number
  amount: number
}

/**
 * The period's month cells: signed and started projects and arrivals from January to the month of \`until\`. Cells
 * hold whole months, so what is dated after \`until\` within its month (a date entered ahead; normally nothing) is
 * read from the rows and taken off.
 */
export async function monthCells(db: DbOrTx, tenantId: string, region: string | null, period: Period) {
  const monthEnd = sql`(date_trunc('month', ${period.until}::date) + interval '1 month - 1 day')::date`
  const { rows } = await db.execute<MonthCellRow>(sql`
    select case when grouping(month) = 0 then 'month' else 'total' end as grouping, measure, to_char(month, 'YYYY-MM') as month,
      region_code, nullif(ecosystem_code, '') as ecosystem_code, size_class, on_platform, sum(n)::int as n, sum(amount)::float8 as amount
    from (
      select measure, month, region_code, ecosystem_code, size_class, on_platform, n, amount from dashboard_month_cells
      where tenant_id = ${tenantId} and month between ${period.yearStart}::date and date_trunc('month', ${period.until}::date)::date
        ${regionFilter(sql`region_code`, region)}
      union all
      select 'signed', date_trunc('month', signed_on)::date, region_code, coalesce(ecosystem_code, ''), size_class, platform_code is not null,
        -1, -total_investment::numeric
      from projects where tenant_id = ${tenantId} and signed_on > ${period.until}::date and signed_on <= ${monthEnd} ${regionFilter(sql`region_code`, region)}
      union all
      select 'started', date_trunc('month', started_on)::date, region_code, coalesce(ecosystem_code, ''), size_class, platform_code is not null,
        -1, -total_investment::numeric
      from projects where tenant_id = ${tenantId} and started_on > ${period.until}::date and started_on <= ${monthEnd} ${regionFilter(sql`region_code`, region)}
      union all
      select 'arrival', date_trunc('month', e.occurred_on)::date, p.region_code, '', 0, false, -1, -coalesce(e.amount, 0)::numeric
      from project_events e join projects p on p.tenant_id = e.tenant_id and p.id = e.project_id
      where e.tenant_id = ${tenantId} and e.kind = 'arrival' and e.occurred_on > ${period.until}::date and e.occurred_on <= ${monthEnd}
        ${regionFilter(sql`p.region_code`, region)}
    ) cells
    group by grouping sets ((measure, region_code, ecosystem_code, size_class, on_platform), (measure, month))
    having sum(n) <> 0 or sum(amount) <> 0`)
  return rows
}

/** Stuck findings per district × norm, and stuck projects per district (a project may break several norms): one scan. */
export async function stuckCounts(db: DbOrTx, tenantId: string, region: string | null) {
  const { rows } = await db.execute<{ region_code: string; norm_key: string | null; n: number; projects: number }>(sql`
    select region_code, norm_key, count(*)::int as n, count(distinct project_id)::int as projects from stuck_projects
    where tenant_id = ${tenantId} ${regionFilter(sql`region_code`, region)}
    group by grouping sets ((region_code, norm_key), (region_code))`)
  return {
    byNorm: rows.filter((r): r is typeof r & { norm_key: string } => r.norm_key !== null),
    byRegion: rows.filter((r) => r.norm_key === null).map((r) => ({ region_code: r.region_code, n: r.projects })),
  }
}

export async function problemCounts(db: DbOrTx, tenantId: string, region: string | null, today: string) {
  const { rows } = await db.execute<{ unresolved: number; escalated: number; overdue: number }>(sql`
    select count(*)::int as unresolved,
      count(*) filter (where status = 'escalated')::int as escalated,
      count(*) filter (where deadline < ${today})::int as overdue
    from project_problems where tenant_id = ${tenantId} and status <> 'resolved' ${regionFilter(sql`region_code`, region)}`)
  return rows[0] ?? { unresolved: 0, escalated: 0, overdue: 0 }
}

export async function targetsOf(db: DbOrTx, tenantId: string, year: number) {
  const { rows } = await db.execute<{ region_code: string; count_1: number; count_10: number; count_50: number; count_100: number; investment: number }>(sql`
    select region_code, count_1, count_10, count_50, count_100, investment from project_targets where tenant_id = ${tenantId} and year = ${year}`)
  return rows
}

export async function districts(db: DbOrTx, cityRegion: string) {
  const { rows } = await db.execute<{ code: string; name_zh: string }>(sql`select code, name_zh from regions where parent_code = ${cityRegion} order by code`)
  return rows
}

export async function ecosystems(db: DbOrTx) {
  const { rows } = await db.execute<{ code: string; name_zh: string; name_en: string }>(sql`select code, name_zh, name_en from ecosystems order by position`)
  return rows
}
