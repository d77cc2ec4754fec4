// Supervision (督办): the stuck-project job, the six not-yets, problems, red and black lists.
import { randomUUID } from 'node:crypto'
import { and, eq, sql } from 'drizzle-orm'
import { notYetKeys } from '../../../../common/src/api/projects.js'
import type { CreateProblem, Problem, ProblemAction, ProblemQuery, RedBlack, RedBlackMonths } from '../../../../common/src/api/supervision.js'
import type { AppContext } from '../../context.js'
import type { DbOrTx } from '../../db/client.js'
import { commonErrors, fieldError } from '../../http/app-error.js'
import { recordAudit } from '../audit/index.js'
import { notify } from '../notifications/index.js'
import { systemActor, type Actor } from '../auth/index.js'
import { callerScope, chinaDay, getSettings, insertEvents, mayEditProject, mayReadRegion, scopeCondition, stageIndex, type CallerScope } from '../projects/index.js'
import { supervisionErrors } from './supervision.errors.js'
import { classifyDistrict, deadlineValid, findStuck, isOverdue, monthEndDay, overdueAlertRecipients, previousMonth, problemActionAllowed, snapshotAsOf, type AlertUser, type StuckCandidate } from './supervision.rules.js'
import { projectProblems, redBlackSnapshots, stuckProjects } from './supervision.table.js'

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
    // a reviewer of another department is refused (403 below, as anyone not allowed the action);
    // outside the districts one reads the problem does not exist (404)
    const visible = before && (actor.role === 'department_reviewer' || mayReadRegion(scope.read, before.region_code))
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
      // a new deadline (never before today) ends the overdue episode: its passing alerts again
      .set({ ...set, ...(input.action === 'reassign' ? { overdueAlertedOn: null } : {}), version: before.version + 1, updatedAt: now })
      .where(and(eq(projectProblems.tenantId, actor.tenantId), eq(projectProblems.id, id)))
    const after = (await findProblem(tx, actor.tenantId, id))!
    await insertEvents(tx, [{ tenantId: actor.tenantId, projectId: before.project_id, kind: 'problem', occurredOn: today, at: now, actorName: actor.username, field: input.action, before: { id, status: before.status }, after: { id, ...set } }])
    await recordAudit(tx, ctx, actor, { action: `supervision.problem.${input.action}`, entityType: 'project_problem', entityId: id, before: toProblem(before, today), after: toProblem(after, today) })
    return toProblem(after, today)
  })
}

// ---------------------------------------------------------------- overdue problems alert

/**
 * Alerts each unresolved problem past its deadline once per overdue episode: claims the problems
 * whose alert for the current deadline has not gone out (sets overdue_alerted_on, under a per-tenant
 * advisory lock, so concurrent runs never both claim one), and notifies the assigned department's
 * reviewers, the project's district staff and the city staff in the same transaction.
 */
export async function runOverdueProblemsJob(ctx: Pick<AppContext, 'database' | 'clock'>, tenantId: string, actor: Actor = systemActor(tenantId)) {
  const db = ctx.database.db
  const now = ctx.clock.now()
  const today = chinaDay(now)
  return db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`problem_overdue:${tenantId}`}))`)
    const { rows: claimed } = await tx.execute<{
      id: string
      project_id: string
      project_name: string
      region_code: string
      region_name: string | null
      department_code: string
      department_name: string | null
      department_name_en: string | null
      title: string
      deadline: string
    }>(sql`
      with due as (
        update project_problems q set overdue_alerted_on = ${today}
        where q.tenant_id = ${tenantId} and q.status <> 'resolved' and q.deadline < ${today} and q.overdue_alerted_on is null
        returning q.id, q.project_id, q.region_code, q.department_code, q.title, q.deadline)
      select due.id, due.project_id, p.name as project_name, due.region_code, r.name_zh as region_name, due.department_code,
        d.name_zh as department_name, d.name_en as department_name_en, due.title, due.deadline::text as deadline
      from due
      join projects p on p.tenant_id = ${tenantId} and p.id = due.project_id
      left join regions r on r.code = due.region_code
      left join departments d on d.code = due.department_code
      order by due.deadline, due.id`)
    const result = { alerted: claimed.length, notified: 0 }
    if (claimed.length === 0) return result
    const { rows: users } = await tx.execute<{ id: string; role: string; scope_type: string; scope_id: string }>(sql`
      select id, role, scope_type, scope_id from users
      where tenant_id = ${tenantId} and disabled = false and role in ('department_reviewer', 'district_staff', 'city_staff')`)
    const alertUsers: AlertUser[] = users.map((u) => ({ id: u.id, role: u.role, scopeType: u.scope_type, scopeId: u.scope_id }))
    for (const q of claimed) {
      const to = overdueAlertRecipients({ departmentCode: q.department_code, regionCode: q.region_code }, alertUsers)
      const common = {
        kind: 'supervision.problem_overdue',
        title: `问题超期：${q.title}（${q.project_name}）`,
        titleEn: `Problem overdue: ${q.title} (${q.project_name})`,
        body: `${q.region_name ?? q.region_code} · 责任部门 ${q.department_name ?? q.department_code} · 办理期限 ${q.deadline}`,
        bodyEn: `${q.region_name ?? q.region_code} · ${q.department_name_en ?? q.department_code} · deadline ${q.deadline}`,
        entityType: 'project_problem',
        entityId: q.id,
        // one alert per user per deadline: a later deadline that passes is a new episode
        dedupeKey: `problem-overdue:${q.id}:${q.deadline}`,
      }
      // reviewers do not read projects: their link is their department's list
      result.notified += await notify(tx, ctx, tenantId, { ...common, to: { userIds: to.reviewers }, link: `/department-problems?id=${q.id}` })
      result.notified += await notify(tx, ctx, tenantId, { ...common, to: { userIds: to.staff }, link: `/projects/${q.project_id}` })
    }
    await recordAudit(tx, ctx, actor, {
      action: 'supervision.problem.overdue_alert',
      entityType: 'project_problem',
      entityId: tenantId,
      after: { day: today, problems: claimed.map((q) => ({ id: q.id, deadline: q.deadline })), notified: result.notified },
    })
    return result
  })
}

// ---------------------------------------------------------------- red and black lists

type RedBlackItem = RedBlack['items'][number]

/**
 * Every district's standing in a month as of a day (the month's last day, or today in the current
 * month): projects ≥1亿 signed this year up to that day, the start rate of those signed by then,
 * problems overdue on that day (raised by then, not resolved by then), and the stuck projects the
 * last stuck-project run found (that job keeps no history).
 */
async function computeRedBlack(db: DbOrTx, tenantId: string, cityRegion: string, month: string, asOf: string): Promise<RedBlackItem[]> {
  const [year, m] = month.split('-').map(Number) as [number, number]
  const { redBlack } = await getSettings(db, tenantId)
  const { rows } = await db.execute<{ code: string; name_zh: string; signed1: number; target1: number; signed_all: number; started_all: number; active_signed: number; overdue: number; stuck: number }>(sql`
    select r.code, r.name_zh,
      coalesce(p.signed1, 0)::int as signed1, coalesce(t.count_1, 0)::int as target1,
      coalesce(p.signed_all, 0)::int as signed_all, coalesce(p.started_all, 0)::int as started_all, coalesce(p.active_signed, 0)::int as active_signed,
      coalesce(q.overdue, 0)::int as overdue, coalesce(s.stuck, 0)::int as stuck
    from regions r
    left join (
      select region_code,
        count(*) filter (where size_class >= 1 and signed_on between ${`${year}-01-01`} and ${asOf}) as signed1,
        count(*) filter (where signed_on <= ${asOf}) as signed_all,
        count(*) filter (where signed_on <= ${asOf} and started_on <= ${asOf}) as started_all,
        count(*) filter (where signed_on is not null) as active_signed
      from projects where tenant_id = ${tenantId} group by region_code
    ) p on p.region_code = r.code
    left join project_targets t on t.tenant_id = ${tenantId} and t.year = ${year} and t.region_code = r.code
    left join (
      select region_code, count(*) as overdue from project_problems
      where tenant_id = ${tenantId} and deadline < ${asOf} and (created_at at time zone 'Asia/Shanghai')::date <= ${asOf}
        and (resolved_on is null or resolved_on > ${asOf})
      group by region_code
    ) q on q.region_code = r.code
    left join (select region_code, count(distinct project_id) as stuck from stuck_projects where tenant_id = ${tenantId} group by region_code) s on s.region_code = r.code
    where r.parent_code = ${cityRegion}
    order by r.code`)
  return rows.map((r) => {
    const startRate = r.signed_all > 0 ? r.started_all / r.signed_all : null
    const verdict = classifyDistrict(
      { regionCode: r.code, signed1: r.signed1, target1: r.target1, startRate, overdueProblems: r.overdue, stuck: r.stuck, activeSigned: r.active_signed },
      m,
      redBlack,
    )
    return { regionCode: r.code, regionName: r.name_zh, list: verdict.list, pace: verdict.pace, signed1: r.signed1, target1: r.target1, startRate, overdueProblems: r.overdue, stuck: r.stuck, reasons: verdict.reasons }
  })
}

async function storedRedBlack(db: DbOrTx, tenantId: string, month: string): Promise<RedBlack | null> {
  const rows = await db
    .select()
    .from(redBlackSnapshots)
    .where(and(eq(redBlackSnapshots.tenantId, tenantId), eq(redBlackSnapshots.month, month)))
    .orderBy(redBlackSnapshots.regionCode)
  const first = rows[0]
  if (!first) return null
  return {
    month,
    source: 'snapshot',
    asOf: first.asOf,
    generatedAt: iso(first.generatedAt),
    generatedBy: first.generatedBy,
    items: rows.map((r) => ({
      regionCode: r.regionCode,
      regionName: r.regionName,
      list: r.list,
      pace: r.pace,
      signed1: r.signed1,
      target1: r.target1,
      startRate: r.startRate,
      overdueProblems: r.overdueProblems,
      stuck: r.stuck,
      reasons: r.reasons,
    })),
  }
}

/**
 * The month's red and black lists: a past month as it was stored at its end (or, if it never was,
 * computed now as of its last day); the current month live, as of today.
 */
export async function redBlackLists(ctx: AppContext, actor: Actor, month: string): Promise<RedBlack> {
  const db = ctx.database.db
  const today = chinaDay(ctx.clock.now())
  if (month < today.slice(0, 7)) {
    const stored = await storedRedBlack(db, actor.tenantId, month)
    if (stored) return stored
  }
  const scope = await callerScope(db, actor)
  const asOf = snapshotAsOf(month, today)
  // the lists compare districts, so every reader sees every district's standing (figures, not projects)
  const items = await computeRedBlack(db, actor.tenantId, scope.cityRegion, month, asOf)
  return { month, source: 'live', asOf, generatedAt: null, generatedBy: null, items }
}

/** The months kept, newest first, with how many districts each list held. */
export async function listRedBlackMonths(ctx: AppContext, actor: Actor): Promise<RedBlackMonths> {
  const { rows } = await ctx.database.db.execute<{ month: string; as_of: string; generated_at: Date; generated_by: string; red: number; black: number }>(sql`
    select month, max(as_of)::text as as_of, max(generated_at) as generated_at, max(generated_by) as generated_by,
      count(*) filter (where list = 'red')::int as red, count(*) filter (where list = 'black')::int as black
    from red_black_snapshots where tenant_id = ${actor.tenantId} group by month order by month desc`)
  return { items: rows.map((r) => ({ month: r.month, asOf: r.as_of, generatedAt: iso(r.generated_at), generatedBy: r.generated_by, red: r.red, black: r.black })) }
}

/**
 * Stores a month's lists, replacing what was kept for it, in one transaction (serialized per month
 * by an advisory lock) with an audit entry. With onlyIfMissing (the scheduled job), a month already
 * kept is left alone and null is returned.
 */
export async function generateRedBlackSnapshot(
  ctx: Pick<AppContext, 'database' | 'clock'>,
  tenantId: string,
  month: string,
  actor: Actor = systemActor(tenantId),
  options: { onlyIfMissing?: boolean } = {},
): Promise<RedBlack | null> {
  const db = ctx.database.db
  const now = ctx.clock.now()
  const today = chinaDay(now)
  if (month > today.slice(0, 7)) throw supervisionErrors.MONTH_IN_FUTURE([fieldError('month', `${month} 尚未开始`, `${month} has not begun`)])
  return db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`red_black:${tenantId}:${month}`}))`)
    const before = await storedRedBlack(tx, tenantId, month)
    if (before && options.onlyIfMissing) return null
    const scope = await callerScope(tx, actor)
    const asOf = snapshotAsOf(month, today)
    const items = await computeRedBlack(tx, tenantId, scope.cityRegion, month, asOf)
    await tx.delete(redBlackSnapshots).where(and(eq(redBlackSnapshots.tenantId, tenantId), eq(redBlackSnapshots.month, month)))
    if (items.length > 0) {
      await tx.insert(redBlackSnapshots).values(
        items.map((i) => ({ tenantId, month, ...i, asOf, generatedAt: now, generatedBy: actor.username })),
      )
    }
    const after: RedBlack = { month, source: 'snapshot', asOf, generatedAt: iso(now), generatedBy: actor.username, items }
    const summary = (r: RedBlack) => ({ month: r.month, asOf: r.asOf, red: r.items.filter((i) => i.list === 'red').map((i) => i.regionCode), black: r.items.filter((i) => i.list === 'black').map((i) => i.regionCode) })
    await recordAudit(tx, ctx, actor, {
      action: 'supervision.red_black.generate',
      entityType: 'red_black_snapshot',
      entityId: month,
      before: before ? summary(before) : null,
      after: { ...summary(after), items },
    })
    return after
  })
}

/**
 * The month-end job: the first run after a month has ended keeps that month's lists (figures as of
 * its last day); later runs find it kept and do nothing.
 */
export async function runRedBlackMonthEndJob(ctx: Pick<AppContext, 'database' | 'clock'>, tenantId: string) {
  const month = previousMonth(chinaDay(ctx.clock.now()))
  const stored = await generateRedBlackSnapshot(ctx, tenantId, month, systemActor(tenantId), { onlyIfMissing: true })
  return { month, generated: stored !== null, districts: stored?.items.length ?? 0, asOf: monthEndDay(month) }
}
