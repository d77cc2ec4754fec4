// Supervision (督办): the stuck-project job, the six not-yets, problems, red and black lists.
import { randomUUID } from 'node:crypto'
import { and, eq, sql } from 'drizzle-orm'
import { notYetKeys } from '../../../../common/src/api/projects.js'
import type { CreateProblem, Problem, ProblemAction, ProblemQuery, RedBlack } from '../../../../common/src/api/supervision.js'
import type { AppContext } from '../../context.js'
import type { DbOrTx } from '../../db/client.js'
import { commonErrors, fieldError } from '../../http/app-error.js'
import { recordAudit } from '../audit/index.js'
import { systemActor, type Actor } from '../auth/index.js'
import { callerScope, chinaDay, getSettings, insertEvents, mayEditProject, mayReadRegion, scopeCondition, stageIndex, type CallerScope } from '../projects/index.js'
import { supervisionErrors } from './supervision.errors.js'
import { classifyDistrict, deadlineValid, findStuck, isOverdue, problemActionAllowed, type StuckCandidate } from './supervision.rules.js'
import { projectProblems, stuckProjects } from './supervision.table.js'

const iso = (d: Date | string) => new Date(d).toISOString()

// ---------------------------------------------------------------- the stuck-project job

/**
 * Finds the stuck projects of a tenant against its norms and replaces the stored findings, in one
 * transaction. A plain function of ctx: the scheduler, the "run now" button and tests call it alike.
 */
export async function runStuckProjectJob(ctx: Pick<AppContext, 'database' | 'clock'>, tenantId: string, actor: Actor = systemActor(tenantId)) {
  const db = ctx.database.db
  const now = ctx.clock.now()
  const today = chinaDay(now)
  return db.transaction(async (tx) => {
    // one run per tenant at a time: two runs would delete each other's findings
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`stuck_projects:${tenantId}`}))`)
    const { stages, norms } = await getSettings(tx, tenantId)
    const fromStages = [...new Set(norms.map((n) => n.fromStage))]
    const watched = stages.filter((_, i) => norms.some((n) => i >= stageIndex(stages, n.fromStage) && i < stageIndex(stages, n.toStage))).map((s) => s.code)
    const candidates = new Map<string, StuckCandidate & { enteredOn: Map<string, string> }>()
    if (watched.length > 0 && fromStages.length > 0) {
      const list = (codes: string[]) => sql.join(codes.map((c) => sql`${c}`), sql`, `)
      const { rows } = await tx.execute<{ id: string; region_code: string; stage: string; to_stage: string; entered: string }>(sql`
        select p.id, p.region_code, p.stage, e.to_stage, max(e.occurred_on)::text as entered
        from projects p
        join project_events e on e.tenant_id = p.tenant_id and e.project_id = p.id and e.kind = 'stage' and e.to_stage in (${list(fromStages)})
        where p.tenant_id = ${tenantId} and p.stage in (${list(watched)})
        group by p.id, p.region_code, p.stage, e.to_stage`)
      for (const r of rows) {
        let c = candidates.get(r.id)
        if (!c) candidates.set(r.id, (c = { projectId: r.id, regionCode: r.region_code, stage: r.stage, enteredOn: new Map() }))
        c.enteredOn.set(r.to_stage, r.entered)
      }
    }
    const findings = findStuck(stages, norms, [...candidates.values()], today)
    await tx.delete(stuckProjects).where(eq(stuckProjects.tenantId, tenantId))
    for (let i = 0; i < findings.length; i += 2000) {
      await tx.insert(stuckProjects).values(findings.slice(i, i + 2000).map((f) => ({ tenantId, ...f, foundAt: now })))
    }
    const { rows: overdue } = await tx.execute<{ n: number }>(
      sql`select count(*)::int as n from project_problems where tenant_id = ${tenantId} and status <> 'resolved' and deadline < ${today}`,
    )
    const result = { checked: candidates.size, stuck: new Set(findings.map((f) => f.projectId)).size, overdueProblems: overdue[0]?.n ?? 0, ranAt: iso(now) }
    await recordAudit(tx, ctx, actor, { action: 'supervision.stuck.run', entityType: 'stuck_projects', entityId: tenantId, after: result })
    return result
  })
}

export async function listStuck(ctx: AppContext, actor: Actor, query: { region?: string | undefined; normKey?: string | undefined; page: number; pageSize: number }) {
  const db = ctx.database.db
  const scope = await callerScope(db, actor)
  if (query.region && !mayReadRegion(scope.read, query.region)) throw commonErrors.OUT_OF_SCOPE()
  const where = sql.join(
    [
      sql`s.tenant_id = ${actor.tenantId}`,
      scopeCondition(sql`s.region_code`, scope.read),
      query.region ? sql`s.region_code = ${query.region}` : sql`true`,
      query.normKey ? sql`s.norm_key = ${query.normKey}` : sql`true`,
    ],
    sql` and `,
  )
  const [{ rows }, { rows: total }, { rows: last }] = await Promise.all([
    db.execute<{ project_id: string; name: string; region_code: string; region_name: string | null; stage: string; norm_key: string; since: string; limit_days: number; days_over: number; total_investment: number; found_at: Date }>(sql`
      select s.project_id, p.name, s.region_code, r.name_zh as region_name, s.stage, s.norm_key, s.since::text as since, s.limit_days, s.days_over, p.total_investment, s.found_at
      from stuck_projects s join projects p on p.tenant_id = s.tenant_id and p.id = s.project_id left join regions r on r.code = s.region_code
      where ${where} order by s.days_over desc, s.project_id limit ${query.pageSize} offset ${(query.page - 1) * query.pageSize}`),
    db.execute<{ n: number }>(sql`select count(*)::int as n from stuck_projects s where ${where}`),
    db.execute<{ at: Date | null }>(sql`select max(at) as at from audit_log where tenant_id = ${actor.tenantId} and action = 'supervision.stuck.run'`),
  ])
  return {
    items: rows.map((r) => ({
      projectId: r.project_id,
      projectName: r.name,
      regionCode: r.region_code,
      regionName: r.region_name ?? r.region_code,
      stage: r.stage,
      normKey: r.norm_key,
      since: r.since,
      limitDays: r.limit_days,
      daysOver: r.days_over,
      totalInvestment: r.total_investment,
      foundAt: iso(r.found_at),
    })),
    total: total[0]?.n ?? 0,
    lastRunAt: last[0]?.at ? iso(last[0].at) : null,
  }
}

// ---------------------------------------------------------------- the six not-yets

export async function notYetCounts(ctx: AppContext, actor: Actor, region: string | undefined) {
  const db = ctx.database.db
  const scope = await callerScope(db, actor)
  if (region && !mayReadRegion(scope.read, region)) throw commonErrors.OUT_OF_SCOPE()
  const { stages } = await getSettings(db, actor.tenantId)
  const { rows } = await db.execute<{ stage: string; n: number; investment: number }>(sql`
    select stage, count(*)::int as n, coalesce(sum(total_investment), 0)::float8 as investment from projects p
    where p.tenant_id = ${actor.tenantId} and ${scopeCondition(sql`p.region_code`, scope.read)} ${region ? sql`and p.region_code = ${region}` : sql``}
    group by stage`)
  const byStage = new Map(rows.map((r) => [r.stage, r]))
  return {
    items: notYetKeys.map((key) => {
      const i = stageIndex(stages, key)
      const stage = i > 0 ? stages[i - 1]!.code : null
      const row = stage ? byStage.get(stage) : undefined
      return { key, stage, count: row?.n ?? 0, investment: row?.investment ?? 0 }
    }),
  }
}

// ---------------------------------------------------------------- problems

type ProblemRow = {
  id: string
  project_id: string
  project_name: string
  region_code: string
  region_name: string | null
  title: string
  description: string | null
  department_code: string
  department_name: string | null
  deadline: string
  status: 'open' | 'escalated' | 'resolved'
  escalated_on: string | null
  meeting: string | null
  resolution: string | null
  resolved_on: string | null
  raised_by: string
  version: number
  created_at: Date
}

const problemSelect = sql`
  select q.id, q.project_id, p.name as project_name, q.region_code, r.name_zh as region_name, q.title, q.description, q.department_code,
    d.name_zh as department_name, q.deadline::text as deadline, q.status, q.escalated_on::text as escalated_on, q.meeting, q.resolution,
    q.resolved_on::text as resolved_on, q.raised_by, q.version, q.created_at
  from project_problems q
  join projects p on p.tenant_id = q.tenant_id and p.id = q.project_id
  left join regions r on r.code = q.region_code
  left join departments d on d.code = q.department_code`

const toProblem = (r: ProblemRow, today: string): Problem => ({
  id: r.id,
  projectId: r.project_id,
  projectName: r.project_name,
  regionCode: r.region_code,
  regionName: r.region_name ?? r.region_code,
  title: r.title,
  description: r.description,
  departmentCode: r.department_code,
  departmentName: r.department_name ?? r.department_code,
  deadline: r.deadline,
  status: r.status,
  overdue: isOverdue(r, today),
  escalatedOn: r.escalated_on,
  meeting: r.meeting,
  resolution: r.resolution,
  resolvedOn: r.resolved_on,
  raisedBy: r.raised_by,
  version: r.version,
  createdAt: iso(r.created_at),
})

/** Who sees which problems: the project's readers, and a department's reviewers the problems assigned to it. */
function problemScope(actor: Actor, scope: CallerScope): ReturnType<typeof sql> {
  if (actor.role === 'department_reviewer') return sql`q.department_code = ${actor.scope.id}`
  return scopeCondition(sql`q.region_code`, scope.read)
}

export async function listProblems(ctx: AppContext, actor: Actor, query: ProblemQuery) {
  const db = ctx.database.db
  const scope = await callerScope(db, actor)
  if (query.region && actor.role !== 'department_reviewer' && !mayReadRegion(scope.read, query.region)) throw commonErrors.OUT_OF_SCOPE()
  const today = chinaDay(ctx.clock.now())
  const parts = [sql`q.tenant_id = ${actor.tenantId}`, problemScope(actor, scope)]
  if (query.region) parts.push(sql`q.region_code = ${query.region}`)
  if (query.status) parts.push(sql`q.status = ${query.status}`)
  if (query.unresolved !== undefined) parts.push(query.unresolved ? sql`q.status <> 'resolved'` : sql`q.status = 'resolved'`)
  if (query.overdue !== undefined) parts.push(query.overdue ? sql`(q.status <> 'resolved' and q.deadline < ${today})` : sql`not (q.status <> 'resolved' and q.deadline < ${today})`)
  if (query.department) parts.push(sql`q.department_code = ${query.department}`)
  if (query.projectId) parts.push(sql`q.project_id = ${query.projectId}`)
  const where = sql.join(parts, sql` and `)
  const [{ rows }, { rows: total }] = await Promise.all([
    db.execute<ProblemRow>(sql`${problemSelect} where ${where} order by (q.status = 'resolved'), q.deadline, q.id limit ${query.pageSize} offset ${(query.page - 1) * query.pageSize}`),
    db.execute<{ n: number }>(sql`select count(*)::int as n from project_problems q where ${where}`),
  ])
  return { items: rows.map((r) => toProblem(r, today)), total: total[0]?.n ?? 0 }
}

async function assertDepartment(db: DbOrTx, code: string) {
  const { rows } = await db.execute<{ code: string }>(sql`select code from departments where code = ${code}`)
  if (!rows[0]) throw supervisionErrors.DEPARTMENT_NOT_FOUND([fieldError('departmentCode', `部门 ${code} 不存在`, `unknown department ${code}`)])
}

async function findProblem(db: DbOrTx, tenantId: string, id: string, lock = false) {
  const { rows } = await db.execute<ProblemRow>(sql`${problemSelect} where q.tenant_id = ${tenantId} and q.id = ${id} ${lock ? sql`for update of q` : sql``}`)
  return rows[0] ?? null
}

export async function raiseProblem(ctx: AppContext, actor: Actor, projectId: string, input: CreateProblem): Promise<Problem> {
  const db = ctx.database.db
  const now = ctx.clock.now()
  const today = chinaDay(now)
  if (!deadlineValid(input.deadline, today)) throw supervisionErrors.DEADLINE_PAST([fieldError('deadline', `期限 ${input.deadline} 早于今天`, `deadline ${input.deadline} lies before today`)])
  await assertDepartment(db, input.departmentCode)
  return db.transaction(async (tx) => {
    const scope = await callerScope(tx, actor)
    const { rows } = await tx.execute<{ region_code: string }>(sql`select region_code from projects where tenant_id = ${actor.tenantId} and id = ${projectId} for share`)
    const project = rows[0]
    if (!project || !mayReadRegion(scope.read, project.region_code)) throw supervisionErrors.PROJECT_NOT_FOUND()
    if (!mayEditProject(actor.role, scope.district, project.region_code)) throw commonErrors.OUT_OF_SCOPE()
    const id = randomUUID()
    await tx.insert(projectProblems).values({
      tenantId: actor.tenantId,
      id,
      projectId,
      regionCode: project.region_code,
      title: input.title,
      description: input.description ?? null,
      departmentCode: input.departmentCode,
      deadline: input.deadline,
      raisedBy: actor.username,
      createdAt: now,
      updatedAt: now,
    })
    await insertEvents(tx, [{ tenantId: actor.tenantId, projectId, kind: 'problem', occurredOn: today, at: now, actorName: actor.username, field: 'raised', after: { id, title: input.title, departmentCode: input.departmentCode, deadline: input.deadline } }])
    const problem = toProblem((await findProblem(tx, actor.tenantId, id))!, today)
    await recordAudit(tx, ctx, actor, { action: 'supervision.problem.raise', entityType: 'project_problem', entityId: id, after: problem })
    return problem
  })
}

/**
 * Reassign and escalate: the project's district or the city. Resolve: those, or a reviewer of the
 * department the problem is assigned to (the one that did the work closes the loop).
 */
function mayAct(actor: Actor, scope: CallerScope, problem: ProblemRow, action: ProblemAction['action']): boolean {
  if (mayEditProject(actor.role, scope.district, problem.region_code)) return true
  return action === 'resolve' && actor.role === 'department_reviewer' && actor.scope.id === problem.department_code
}

export async function actOnProblem(ctx: AppContext, actor: Actor, id: string, input: ProblemAction): Promise<Problem> {
  const db = ctx.database.db
  const now = ctx.clock.now()
  const today = chinaDay(now)
  if (input.action === 'reassign') {
    if (!deadlineValid(input.deadline, today)) throw supervisionErrors.DEADLINE_PAST([fieldError('deadline', `期限 ${input.deadline} 早于今天`, `deadline ${input.deadline} lies before today`)])
    await assertDepartment(db, input.departmentCode)
  }
  return db.transaction(async (tx) => {
    const scope = await callerScope(tx, actor)
    const before = await findProblem(tx, actor.tenantId, id, true)
    const visible = before && (actor.role === 'department_reviewer' ? before.department_code === actor.scope.id : mayReadRegion(scope.read, before.region_code))
    if (!before || !visible) throw supervisionErrors.PROBLEM_NOT_FOUND()
    if (!mayAct(actor, scope, before, input.action)) throw commonErrors.OUT_OF_SCOPE()
    if (before.version !== input.version) throw supervisionErrors.STALE_VERSION([fieldError('version', '该问题已被他人修改', 'changed meanwhile')])
    if (!problemActionAllowed(before.status, input.action)) throw supervisionErrors.INVALID_PROBLEM_ACTION([fieldError('action', `状态「${before.status}」不能执行「${input.action}」`, `cannot ${input.action} a problem that is ${before.status}`)])
    const set =
      input.action === 'reassign'
        ? { departmentCode: input.departmentCode, deadline: input.deadline }
        : input.action === 'escalate'
          ? { status: 'escalated' as const, escalatedOn: today, meeting: input.meeting }
          : { status: 'resolved' as const, resolvedOn: today, resolution: input.resolution }
    await tx
      .update(projectProblems)
      .set({ ...set, version: before.version + 1, updatedAt: now })
      .where(and(eq(projectProblems.tenantId, actor.tenantId), eq(projectProblems.id, id)))
    const after = (await findProblem(tx, actor.tenantId, id))!
    await insertEvents(tx, [{ tenantId: actor.tenantId, projectId: before.project_id, kind: 'problem', occurredOn: today, at: now, actorName: actor.username, field: input.action, before: { id, status: before.status }, after: { id, ...set } }])
    await recordAudit(tx, ctx, actor, { action: `supervision.problem.${input.action}`, entityType: 'project_problem', entityId: id, before: toProblem(before, today), after: toProblem(after, today) })
    return toProblem(after, today)
  })
}

// ---------------------------------------------------------------- red and black lists

/**
 * The month's red and black lists. Signed counts are as of the month's end; problems and stuck
 * findings are as they stand now (neither keeps a monthly history).
 */
export async function redBlackLists(ctx: AppContext, actor: Actor, month: string): Promise<RedBlack> {
  const db = ctx.database.db
  const scope = await callerScope(db, actor)
  const [year, m] = month.split('-').map(Number) as [number, number]
  const monthEnd = new Date(Date.UTC(year, m, 0)).toISOString().slice(0, 10)
  const today = chinaDay(ctx.clock.now())
  const { redBlack } = await getSettings(db, actor.tenantId)
  const { rows } = await db.execute<{ code: string; name_zh: string; signed1: number; target1: number; signed_all: number; started_all: number; active_signed: number; overdue: number; stuck: number }>(sql`
    select r.code, r.name_zh,
      coalesce(p.signed1, 0)::int as signed1, coalesce(t.count_1, 0)::int as target1,
      coalesce(p.signed_all, 0)::int as signed_all, coalesce(p.started_all, 0)::int as started_all, coalesce(p.active_signed, 0)::int as active_signed,
      coalesce(q.overdue, 0)::int as overdue, coalesce(s.stuck, 0)::int as stuck
    from regions r
    left join (
      select region_code,
        count(*) filter (where size_class >= 1 and signed_on between ${`${year}-01-01`} and ${monthEnd}) as signed1,
        count(*) filter (where signed_on <= ${monthEnd}) as signed_all,
        count(*) filter (where signed_on <= ${monthEnd} and started_on <= ${monthEnd}) as started_all,
        count(*) filter (where signed_on is not null) as active_signed
      from projects where tenant_id = ${actor.tenantId} group by region_code
    ) p on p.region_code = r.code
    left join project_targets t on t.tenant_id = ${actor.tenantId} and t.year = ${year} and t.region_code = r.code
    left join (select region_code, count(*) as overdue from project_problems where tenant_id = ${actor.tenantId} and status <> 'resolved' and deadline < ${today} group by region_code) q on q.region_code = r.code
    left join (select region_code, count(distinct project_id) as stuck from stuck_projects where tenant_id = ${actor.tenantId} group by region_code) s on s.region_code = r.code
    where r.parent_code = ${scope.cityRegion}
    order by r.code`)
  return {
    month,
    // the lists compare districts, so every reader sees every district's standing (figures, not projects)
    items: rows.map((r) => {
      const startRate = r.signed_all > 0 ? r.started_all / r.signed_all : null
      const verdict = classifyDistrict(
        { regionCode: r.code, signed1: r.signed1, target1: r.target1, startRate, overdueProblems: r.overdue, stuck: r.stuck, activeSigned: r.active_signed },
        m,
        redBlack,
      )
      return { regionCode: r.code, regionName: r.name_zh, list: verdict.list, pace: verdict.pace, signed1: r.signed1, target1: r.target1, startRate, overdueProblems: r.overdue, stuck: r.stuck, reasons: verdict.reasons }
    }),
  }
}
