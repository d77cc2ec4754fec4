// The only code of the projects module that speaks SQL.
import { randomUUID } from 'node:crypto'
import { sql, type SQL } from 'drizzle-orm'
import type { ProjectQuery } from '../../../../common/src/api/projects.js'
import { containsPattern } from '../../db/like.js'
import type { DbOrTx } from '../../db/client.js'
import type { ReadScope } from './projects.rules.js'
import { projectEvents } from './projects.table.js'

export type ProjectRow = {
  id: string
  name: string
  enterprise_id: string | null
  investor_name: string
  group_key: string | null
  type: 'manufacturing' | 'service' | 'headquarters' | 'rnd' | 'fund'
  total_investment: number
  fixed_asset_investment: number | null
  foreign_capital_usd: number | null
  land_mu: number | null
  energy_tce: number | null
  expected_output: number | null
  expected_tax: number | null
  expected_jobs: number | null
  chain_code: string | null
  chain_name: string | null
  segment_code: string | null
  ecosystem_code: string | null
  region_code: string
  region_name: string | null
  platform_code: string | null
  platform_name: string | null
  size_class: number
  first_talk_status: 'none' | 'granted' | 'other_district' | 'city_led'
  violates_first_talk: boolean
  responsible: Array<{ name: string; role: string; phone?: string }>
  stage: string
  stage_entered_on: string
  signed_on: string | null
  started_on: string | null
  arrived_investment: number
  lead_id: string | null
  version: number
  created_at: Date
  created_by: string
  updated_at: Date
}

const projectColumns = sql`
  p.id, p.name, p.enterprise_id, p.investor_name, p.group_key, p.type, p.total_investment, p.fixed_asset_investment,
  p.foreign_capital_usd, p.land_mu, p.energy_tce, p.expected_output, p.expected_tax, p.expected_jobs,
  p.chain_code, c.name_zh as chain_name, p.segment_code, p.ecosystem_code, p.region_code, r.name_zh as region_name,
  p.platform_code, pl.name_zh as platform_name, p.size_class, p.first_talk_status, p.violates_first_talk, p.responsible,
  p.stage, p.stage_entered_on::text as stage_entered_on, p.signed_on::text as signed_on, p.started_on::text as started_on,
  p.arrived_investment, p.lead_id, p.version, p.created_at, p.created_by, p.updated_at`
const projectFrom = sql`
  from projects p
  left join chains c on c.tenant_id = p.tenant_id and c.code = p.chain_code
  left join regions r on r.code = p.region_code
  left join platforms pl on pl.tenant_id = p.tenant_id and pl.code = p.platform_code`

export function scopeCondition(column: SQL, scope: ReadScope): SQL {
  if (scope === 'all') return sql`true`
  if (scope.district === null) return sql`false`
  return sql`${column} = ${scope.district}`
}

const codes = (list: readonly string[]) => (list.length === 0 ? sql`(null)` : sql`(${sql.join(list.map((c) => sql`${c}`), sql`, `)})`)

/** The stage sets a query's stage filters resolve to, worked out by the service from the city's stage list. */
export interface StageFilter {
  /** only these stages (intersection of stages, stageFrom, stageBefore and notYet) */
  stages: string[] | null
}

/** The WHERE of a project list: scope, then each filter. The dashboard's drill-downs land here. */
export function projectConditions(tenantId: string, scope: ReadScope, query: Omit<ProjectQuery, 'page' | 'pageSize' | 'sort' | 'order'>, stageFilter: StageFilter): SQL {
  const parts: SQL[] = [sql`p.tenant_id = ${tenantId}`, scopeCondition(sql`p.region_code`, scope)]
  if (query.region) parts.push(sql`p.region_code = ${query.region}`)
  if (stageFilter.stages) parts.push(sql`p.stage in ${codes(stageFilter.stages)}`)
  if (query.type) parts.push(sql`p.type = ${query.type}`)
  if (query.sizeClassMin !== undefined) parts.push(sql`p.size_class >= ${query.sizeClassMin}`)
  if (query.chain) parts.push(sql`p.chain_code = ${query.chain}`)
  if (query.ecosystem) parts.push(sql`p.ecosystem_code = ${query.ecosystem}`)
  if (query.inEcosystem !== undefined) parts.push(query.inEcosystem ? sql`p.ecosystem_code is not null` : sql`p.ecosystem_code is null`)
  if (query.onPlatform !== undefined) parts.push(query.onPlatform ? sql`p.platform_code is not null` : sql`p.platform_code is null`)
  if (query.platform) parts.push(sql`p.platform_code = ${query.platform}`)
  if (query.signedFrom) parts.push(sql`p.signed_on >= ${query.signedFrom}`)
  if (query.signedTo) parts.push(sql`p.signed_on <= ${query.signedTo}`)
  if (query.startedFrom) parts.push(sql`p.started_on >= ${query.startedFrom}`)
  if (query.startedTo) parts.push(sql`p.started_on <= ${query.startedTo}`)
  if (query.started !== undefined) parts.push(query.started ? sql`p.started_on is not null` : sql`p.started_on is null`)
  if (query.violatesFirstTalk !== undefined) parts.push(sql`p.violates_first_talk = ${query.violatesFirstTalk}`)
  if (query.stuck !== undefined) {
    const exists = sql`exists (select 1 from stuck_projects s where s.tenant_id = p.tenant_id and s.project_id = p.id)`
    parts.push(query.stuck ? exists : sql`not ${exists}`)
  }
  if (query.openProblems !== undefined) {
    const exists = sql`exists (select 1 from project_problems q where q.tenant_id = p.tenant_id and q.project_id = p.id and q.status <> 'resolved')`
    parts.push(query.openProblems ? exists : sql`not ${exists}`)
  }
  if (query.q) parts.push(sql`(p.name ilike ${containsPattern(query.q)} or p.investor_name ilike ${containsPattern(query.q)})`)
  return sql.join(parts, sql` and `)
}

const sorts = {
  updatedAt: sql`p.updated_at`,
  totalInvestment: sql`p.total_investment`,
  stageEnteredOn: sql`p.stage_entered_on`,
  signedOn: sql`p.signed_on`,
  name: sql`p.name`,
} as const

export async function findProjects(db: DbOrTx, where: SQL, sort: keyof typeof sorts, order: 'asc' | 'desc', paging?: { limit: number; offset: number }) {
  const limit = paging ? sql`limit ${paging.limit} offset ${paging.offset}` : sql`limit 100000`
  const [{ rows }, { rows: total }] = await Promise.all([
    db.execute<ProjectRow>(sql`select ${projectColumns} ${projectFrom} where ${where} order by ${sorts[sort]} ${order === 'asc' ? sql`asc` : sql`desc`} nulls last, p.id ${limit}`),
    paging ? db.execute<{ n: number }>(sql`select count(*)::int as n from projects p where ${where}`) : Promise.resolve({ rows: [] as { n: number }[] }),
  ])
  return { rows, total: total[0]?.n ?? rows.length }
}

export async function findProject(db: DbOrTx, tenantId: string, id: string, lock = false) {
  const { rows } = await db.execute<ProjectRow>(sql`select ${projectColumns} ${projectFrom} where p.tenant_id = ${tenantId} and p.id = ${id} ${lock ? sql`for update of p` : sql``}`)
  return rows[0] ?? null
}

export async function doneChecklistItems(db: DbOrTx, tenantId: string, projectId: string): Promise<Set<string>> {
  const { rows } = await db.execute<{ item_key: string }>(sql`select item_key from project_checklist where tenant_id = ${tenantId} and project_id = ${projectId} and done`)
  return new Set(rows.map((r) => r.item_key))
}

export async function checklistRows(db: DbOrTx, tenantId: string, projectId: string) {
  const { rows } = await db.execute<{ item_key: string; done: boolean; done_on: string | null; note: string | null; updated_by: string }>(sql`
    select item_key, done, done_on::text as done_on, note, updated_by from project_checklist where tenant_id = ${tenantId} and project_id = ${projectId}`)
  return rows
}

export interface NewEvent {
  tenantId: string
  projectId: string
  kind: (typeof projectEvents.$inferInsert)['kind']
  occurredOn: string
  at: Date
  actorName: string
  fromStage?: string | null
  toStage?: string | null
  field?: string | null
  before?: unknown
  after?: unknown
  amount?: number | null
  note?: string | null
}

export async function insertEvents(db: DbOrTx, events: NewEvent[]) {
  if (events.length === 0) return
  await db.insert(projectEvents).values(
    events.map((e) => ({
      tenantId: e.tenantId,
      id: randomUUID(),
      projectId: e.projectId,
      kind: e.kind,
      occurredOn: e.occurredOn,
      at: e.at,
      actorName: e.actorName,
      fromStage: e.fromStage ?? null,
      toStage: e.toStage ?? null,
      field: e.field ?? null,
      before: e.before ?? null,
      after: e.after ?? null,
      amount: e.amount ?? null,
      note: e.note ?? null,
    })),
  )
}

export async function findEvents(db: DbOrTx, tenantId: string, projectId: string, kind: string | undefined, limit: number, offset: number) {
  const kindCondition = kind ? sql`and kind = ${kind}` : sql``
  const [{ rows }, { rows: total }] = await Promise.all([
    db.execute<{ id: string; kind: string; occurred_on: string; at: Date; actor_name: string; from_stage: string | null; to_stage: string | null; field: string | null; before: unknown; after: unknown; amount: number | null; note: string | null }>(sql`
      select id, kind, occurred_on::text as occurred_on, at, actor_name, from_stage, to_stage, field, before, after, amount, note
      from project_events where tenant_id = ${tenantId} and project_id = ${projectId} ${kindCondition}
      order by occurred_on desc, at desc, id limit ${limit} offset ${offset}`),
    db.execute<{ n: number }>(sql`select count(*)::int as n from project_events where tenant_id = ${tenantId} and project_id = ${projectId} ${kindCondition}`),
  ])
  return { rows, total: total[0]?.n ?? 0 }
}

/** The last day the project entered each stage (from its stage events). */
export async function stageEntries(db: DbOrTx, tenantId: string, projectId: string): Promise<Map<string, string>> {
  const { rows } = await db.execute<{ to_stage: string; entered: string }>(sql`
    select to_stage, max(occurred_on)::text as entered from project_events
    where tenant_id = ${tenantId} and project_id = ${projectId} and kind = 'stage' group by to_stage`)
  return new Map(rows.map((r) => [r.to_stage, r.entered]))
}

// ---- lookups

export async function districtOf(db: DbOrTx, cityRegion: string, code: string) {
  const { rows } = await db.execute<{ code: string }>(sql`select code from regions where code = ${code} and parent_code = ${cityRegion}`)
  return rows[0] ?? null
}

export async function chainEcosystem(db: DbOrTx, tenantId: string, chain: string) {
  const { rows } = await db.execute<{ ecosystem: string }>(sql`select ecosystem from chains where tenant_id = ${tenantId} and code = ${chain}`)
  return rows[0] ?? null
}

export async function segmentChain(db: DbOrTx, tenantId: string, segment: string) {
  const { rows } = await db.execute<{ chain_code: string }>(sql`select chain_code from chain_segments where tenant_id = ${tenantId} and code = ${segment}`)
  return rows[0]?.chain_code ?? null
}

export async function platformDistrict(db: DbOrTx, tenantId: string, platform: string) {
  const { rows } = await db.execute<{ district_code: string }>(sql`select district_code from platforms where tenant_id = ${tenantId} and code = ${platform}`)
  return rows[0]?.district_code ?? null
}

export async function activeEnterprise(db: DbOrTx, tenantId: string, id: string) {
  const { rows } = await db.execute<{ id: string; name: string }>(sql`select id, name from enterprises where tenant_id = ${tenantId} and id = ${id} and status = 'active'`)
  return rows[0] ?? null
}

export async function projectsInStages(db: DbOrTx, tenantId: string, stages: string[]) {
  if (stages.length === 0) return 0
  const { rows } = await db.execute<{ n: number }>(sql`select count(*)::int as n from projects where tenant_id = ${tenantId} and stage in ${codes(stages)}`)
  return rows[0]?.n ?? 0
}
