// City-led talks: the bureau's project rooms. The city writes; member units read their talks and
// follow up the tasks and meeting decisions they are responsible for. Every change is audited.
import { randomUUID } from 'node:crypto'
import { and, count, desc, eq, sql } from 'drizzle-orm'
import type { z } from 'zod'
import { talkSummarySchema, type createMeetingSchema, type createTalkSchema, type createTaskSchema, type Talk } from '../../../../common/src/api/talks.js'
import type { AppContext } from '../../context.js'
import type { DbOrTx } from '../../db/client.js'
import { commonErrors, fieldError } from '../../http/app-error.js'
import { recordAudit } from '../audit/index.js'
import type { Actor } from '../auth/index.js'
import { notify } from '../notifications/index.js'
import { getTenant, scopeDistrict } from '../reference/index.js'
import { talkErrors } from './talks.errors.js'
import { chinaDay, isOverdue, mayFollowUp, mayReadTalk, mayWriteTalk, type Viewer } from './talks.rules.js'
import { cityLedTalks, talkMeetings, talkTasks } from './talks.table.js'

type Member = { unit: string; unitName: string; name: string; role: string }
type Decision = { id: string; text: string; responsibleUnit: string; responsibleUnitName: string; dueOn: string; status: 'open' | 'done'; doneAt: string | null; followUp: string | null }

async function viewerOf(db: DbOrTx, actor: Actor): Promise<Viewer> {
  const unit = actor.scope.type === 'department' ? actor.scope.id : await scopeDistrict(db, actor.tenantId, actor.scope)
  return { role: actor.role, scopeType: actor.scope.type, unit }
}

async function readable(db: DbOrTx, actor: Actor, id: string, lock = false) {
  const query = db.select().from(cityLedTalks).where(and(eq(cityLedTalks.tenantId, actor.tenantId), eq(cityLedTalks.id, id)))
  const [talk] = lock ? await query.for('update') : await query
  const viewer = await viewerOf(db, actor)
  // a talk the caller is not part of does not exist for them
  if (!talk || !mayReadTalk(viewer, talk.members as Member[])) throw talkErrors.TALK_NOT_FOUND()
  return { talk, viewer }
}

function assertCity(actor: Actor) {
  if (!mayWriteTalk(actor.role)) throw commonErrors.FORBIDDEN()
}

/** Member units must be the city, one of its districts, or a department. */
async function assertUnits(db: DbOrTx, tenantId: string, members: Member[]) {
  const tenant = await getTenant(db, tenantId)
  for (const [i, m] of members.entries()) {
    if (m.unit === 'city') continue
    const { rows } = await db.execute<{ n: number }>(sql`
      select (select count(*) from regions where code = ${m.unit} and parent_code = ${tenant?.regionCode ?? ''})
           + (select count(*) from departments where code = ${m.unit}) as n`)
    if (Number(rows[0]?.n ?? 0) === 0) throw talkErrors.UNIT_NOT_MEMBER([fieldError(`members.${i}.unit`, `单位 ${m.unit} 不是本市区县或部门`, `unit ${m.unit} is neither a district of this city nor a department`)])
  }
}

function memberRecipients(members: Member[]) {
  return members.filter((m) => m.unit !== 'city')
}

async function notifyMembers(tx: DbOrTx, ctx: AppContext, tenantId: string, members: Member[], n: { kind: string; title: string; titleEn: string; talkId: string }) {
  for (const m of memberRecipients(members)) {
    await notify(tx, ctx, tenantId, {
      to: /^\d{6}$/.test(m.unit) ? { roles: ['district_staff'], region: m.unit } : { userIds: await departmentUsers(tx, tenantId, m.unit) },
      kind: n.kind,
      title: n.title,
      titleEn: n.titleEn,
      link: `/talks?id=${n.talkId}`,
      entityType: 'city_led_talk',
      entityId: n.talkId,
    })
  }
}

async function departmentUsers(db: DbOrTx, tenantId: string, department: string) {
  const { rows } = await db.execute<{ id: string }>(sql`select id from users where tenant_id = ${tenantId} and scope_type = 'department' and scope_id = ${department} and not disabled`)
  return rows.map((r) => r.id)
}

// ---------------------------------------------------------------- read

async function toTalk(db: DbOrTx, ctx: AppContext, row: typeof cityLedTalks.$inferSelect): Promise<Talk> {
  const today = chinaDay(ctx.clock.now())
  const [tasks, meetings] = await Promise.all([
    db.select().from(talkTasks).where(and(eq(talkTasks.tenantId, row.tenantId), eq(talkTasks.talkId, row.id))).orderBy(talkTasks.dueOn, talkTasks.createdAt),
    db.select().from(talkMeetings).where(and(eq(talkMeetings.tenantId, row.tenantId), eq(talkMeetings.talkId, row.id))).orderBy(desc(talkMeetings.heldOn), desc(talkMeetings.createdAt)),
  ])
  const taskViews = tasks.map((t) => ({
    id: t.id,
    kind: t.kind,
    title: t.title,
    ownerUnit: t.ownerUnit,
    ownerName: t.ownerName,
    dueOn: t.dueOn,
    status: t.status,
    doneAt: t.doneAt?.toISOString() ?? null,
    note: t.note,
    overdue: isOverdue(t, today),
    version: t.version,
  }))
  const meetingViews = meetings.map((m) => ({
    id: m.id,
    heldOn: m.heldOn,
    title: m.title,
    chair: m.chair,
    minutes: m.minutes,
    decisions: (m.decisions as Decision[]).map((d) => ({ ...d, overdue: isOverdue(d, today) })),
    version: m.version,
    createdBy: m.createdBy,
  }))
  const overdueItems = taskViews.filter((t) => t.overdue).length + meetingViews.flatMap((m) => m.decisions).filter((d) => d.overdue).length
  return {
    id: row.id,
    title: row.title,
    investorName: row.investorName,
    enterpriseId: row.enterpriseId,
    reason: row.reason,
    assignedBy: row.assignedBy,
    status: row.status,
    openTasks: taskViews.filter((t) => t.status === 'open').length,
    overdueItems,
    meetingCount: meetingViews.length,
    updatedAt: row.updatedAt.toISOString(),
    version: row.version,
    members: row.members as Member[],
    proposal: row.proposal as Talk['proposal'],
    summary: row.summary,
    tasks: taskViews,
    meetings: meetingViews,
    createdBy: row.createdBy,
  }
}

export async function listTalks(ctx: AppContext, actor: Actor, query: { status?: string | undefined; page: number; pageSize: number }) {
  const db = ctx.database.db
  const viewer = await viewerOf(db, actor)
  const where = and(eq(cityLedTalks.tenantId, actor.tenantId), query.status ? eq(cityLedTalks.status, query.status as 'open') : undefined)
  // talks are few (tens a year): membership is filtered after reading
  const rows = (await db.select().from(cityLedTalks).where(where).orderBy(desc(cityLedTalks.updatedAt))).filter((r) => mayReadTalk(viewer, r.members as Member[]))
  const page = rows.slice((query.page - 1) * query.pageSize, query.page * query.pageSize)
  const items = await Promise.all(page.map(async (r) => talkSummarySchema.parse(await toTalk(db, ctx, r))))
  return { items, total: rows.length }
}

export async function getTalk(ctx: AppContext, actor: Actor, id: string) {
  const db = ctx.database.db
  const { talk } = await readable(db, actor, id)
  return toTalk(db, ctx, talk)
}

// ---------------------------------------------------------------- write

export async function createTalk(ctx: AppContext, actor: Actor, input: z.output<typeof createTalkSchema>) {
  assertCity(actor)
  const id = await ctx.database.db.transaction(async (tx) => {
    if (input.enterpriseId) {
      const { rows } = await tx.execute<{ n: number }>(sql`select count(*)::int as n from enterprises where tenant_id = ${actor.tenantId} and id = ${input.enterpriseId}::uuid`)
      if ((rows[0]?.n ?? 0) === 0) throw talkErrors.ENTERPRISE_NOT_FOUND([fieldError('enterpriseId', '企业不存在', 'no such enterprise')])
    }
    await assertUnits(tx, actor.tenantId, input.members)
    const now = ctx.clock.now()
    const row = {
      tenantId: actor.tenantId,
      id: randomUUID(),
      title: input.title,
      enterpriseId: input.enterpriseId ?? null,
      investorName: input.investorName,
      reason: input.reason,
      assignedBy: input.assignedBy ?? null,
      members: input.members,
      proposal: [],
      summary: input.summary ?? null,
      createdAt: now,
      createdBy: actor.username,
      updatedAt: now,
    }
    await tx.insert(cityLedTalks).values(row)
    await recordAudit(tx, ctx, actor, { action: 'talks.create', entityType: 'city_led_talk', entityId: row.id, after: row })
    await notifyMembers(tx, ctx, actor.tenantId, input.members, { kind: 'talks.member', title: `加入市级主谈专项组：${input.title}`, titleEn: `Added to a city-led talk group: ${input.title}`, talkId: row.id })
    return row.id
  })
  return getTalk(ctx, actor, id)
}

async function touch(tx: DbOrTx, talk: typeof cityLedTalks.$inferSelect, now: Date, extra: Partial<typeof cityLedTalks.$inferInsert> = {}) {
  await tx.update(cityLedTalks).set({ ...extra, updatedAt: now, version: talk.version + 1 }).where(and(eq(cityLedTalks.tenantId, talk.tenantId), eq(cityLedTalks.id, talk.id)))
}

function assertOpen(talk: typeof cityLedTalks.$inferSelect) {
  if (talk.status === 'closed') throw talkErrors.TALK_CLOSED()
}

function assertMemberUnit(talk: typeof cityLedTalks.$inferSelect, unit: string, path: string) {
  if (unit !== 'city' && !(talk.members as Member[]).some((m) => m.unit === unit)) throw talkErrors.UNIT_NOT_MEMBER([fieldError(path, `单位 ${unit} 不是专项组成员`, `unit ${unit} is not in the project group`)])
}

export async function addTask(ctx: AppContext, actor: Actor, id: string, input: z.output<typeof createTaskSchema>) {
  assertCity(actor)
  await ctx.database.db.transaction(async (tx) => {
    const { talk } = await readable(tx, actor, id, true)
    assertOpen(talk)
    assertMemberUnit(talk, input.ownerUnit, 'ownerUnit')
    const now = ctx.clock.now()
    const task = { tenantId: actor.tenantId, id: randomUUID(), talkId: id, ...input, createdAt: now }
    await tx.insert(talkTasks).values(task)
    await touch(tx, talk, now)
    await recordAudit(tx, ctx, actor, { action: 'talks.task.create', entityType: 'talk_task', entityId: task.id, after: task })
  })
  return getTalk(ctx, actor, id)
}

export async function updateTask(ctx: AppContext, actor: Actor, id: string, taskId: string, input: { status: 'open' | 'done'; note?: string | null | undefined; version: number }) {
  await ctx.database.db.transaction(async (tx) => {
    const { talk, viewer } = await readable(tx, actor, id, true)
    assertOpen(talk)
    const [task] = await tx.select().from(talkTasks).where(and(eq(talkTasks.tenantId, actor.tenantId), eq(talkTasks.id, taskId), eq(talkTasks.talkId, id))).for('update')
    if (!task) throw talkErrors.TASK_NOT_FOUND()
    if (!mayFollowUp(viewer, task.ownerUnit)) throw commonErrors.FORBIDDEN()
    if (task.version !== input.version) throw talkErrors.STALE_VERSION([fieldError('version', '任务已被他人修改', 'the task changed meanwhile')])
    const now = ctx.clock.now()
    const changed = { status: input.status, note: input.note ?? task.note, doneAt: input.status === 'done' ? now : null, version: task.version + 1 }
    await tx.update(talkTasks).set(changed).where(and(eq(talkTasks.tenantId, actor.tenantId), eq(talkTasks.id, taskId)))
    await touch(tx, talk, now)
    await recordAudit(tx, ctx, actor, { action: 'talks.task.update', entityType: 'talk_task', entityId: taskId, before: { status: task.status, note: task.note }, after: changed })
  })
  return getTalk(ctx, actor, id)
}

export async function updateProposal(ctx: AppContext, actor: Actor, id: string, input: { proposal: Talk['proposal']; version: number }) {
  assertCity(actor)
  await ctx.database.db.transaction(async (tx) => {
    const { talk } = await readable(tx, actor, id, true)
    assertOpen(talk)
    if (talk.version !== input.version) throw talkErrors.STALE_VERSION([fieldError('version', '主谈项目已被他人修改', 'the talk changed meanwhile')])
    const tenant = await getTenant(tx, actor.tenantId)
    for (const [i, p] of input.proposal.entries()) {
      const { rows } = await tx.execute<{ n: number }>(sql`select count(*)::int as n from regions where code = ${p.regionCode} and parent_code = ${tenant?.regionCode ?? ''}`)
      if ((rows[0]?.n ?? 0) === 0) throw talkErrors.REGION_NOT_FOUND([fieldError(`proposal.${i}.regionCode`, `区域 ${p.regionCode} 不是本市区县`, `region ${p.regionCode} is not a district of this city`)])
    }
    await touch(tx, talk, ctx.clock.now(), { proposal: input.proposal })
    await recordAudit(tx, ctx, actor, { action: 'talks.proposal.update', entityType: 'city_led_talk', entityId: id, before: talk.proposal, after: input.proposal })
  })
  return getTalk(ctx, actor, id)
}

export async function addMeeting(ctx: AppContext, actor: Actor, id: string, input: z.output<typeof createMeetingSchema>) {
  assertCity(actor)
  await ctx.database.db.transaction(async (tx) => {
    const { talk } = await readable(tx, actor, id, true)
    assertOpen(talk)
    input.decisions.forEach((d, i) => assertMemberUnit(talk, d.responsibleUnit, `decisions.${i}.responsibleUnit`))
    const now = ctx.clock.now()
    const decisions: Decision[] = input.decisions.map((d) => ({ id: randomUUID(), ...d, status: 'open', doneAt: null, followUp: null }))
    const meeting = { tenantId: actor.tenantId, id: randomUUID(), talkId: id, heldOn: input.heldOn, title: input.title, chair: input.chair ?? null, minutes: input.minutes, decisions, createdAt: now, createdBy: actor.username }
    await tx.insert(talkMeetings).values(meeting)
    await touch(tx, talk, now)
    await recordAudit(tx, ctx, actor, { action: 'talks.meeting.create', entityType: 'talk_meeting', entityId: meeting.id, after: meeting })
    for (const d of decisions) {
      const member = (talk.members as Member[]).find((m) => m.unit === d.responsibleUnit)
      if (member) await notifyMembers(tx, ctx, actor.tenantId, [member], { kind: 'talks.decision', title: `协调会决定事项（${d.dueOn} 前）：${d.text}`, titleEn: `Meeting decision (due ${d.dueOn}): ${d.text}`, talkId: id })
    }
  })
  return getTalk(ctx, actor, id)
}

/** The responsible unit (or the city) follows up one decision of a meeting's minutes. */
export async function followUpDecision(ctx: AppContext, actor: Actor, id: string, meetingId: string, decisionId: string, input: { status: 'open' | 'done'; followUp: string; version: number }) {
  await ctx.database.db.transaction(async (tx) => {
    const { talk, viewer } = await readable(tx, actor, id, true)
    assertOpen(talk)
    const [meeting] = await tx.select().from(talkMeetings).where(and(eq(talkMeetings.tenantId, actor.tenantId), eq(talkMeetings.id, meetingId), eq(talkMeetings.talkId, id))).for('update')
    const decisions = (meeting?.decisions ?? []) as Decision[]
    const decision = decisions.find((d) => d.id === decisionId)
    if (!meeting || !decision) throw talkErrors.DECISION_NOT_FOUND()
    if (!mayFollowUp(viewer, decision.responsibleUnit)) throw commonErrors.FORBIDDEN()
    if (meeting.version !== input.version) throw talkErrors.STALE_VERSION([fieldError('version', '纪要已被他人修改', 'the minutes changed meanwhile')])
    const now = ctx.clock.now()
    const updated = { ...decision, status: input.status, followUp: input.followUp, doneAt: input.status === 'done' ? now.toISOString() : null }
    await tx
      .update(talkMeetings)
      .set({ decisions: decisions.map((d) => (d.id === decisionId ? updated : d)), version: meeting.version + 1 })
      .where(and(eq(talkMeetings.tenantId, actor.tenantId), eq(talkMeetings.id, meetingId)))
    await touch(tx, talk, now)
    await recordAudit(tx, ctx, actor, { action: 'talks.decision.follow_up', entityType: 'talk_meeting', entityId: `${meetingId}:${decisionId}`, before: decision, after: updated })
  })
  return getTalk(ctx, actor, id)
}

export async function setStatus(ctx: AppContext, actor: Actor, id: string, input: { status: 'open' | 'concluded' | 'closed'; version: number }) {
  assertCity(actor)
  await ctx.database.db.transaction(async (tx) => {
    const { talk } = await readable(tx, actor, id, true)
    if (talk.version !== input.version) throw talkErrors.STALE_VERSION([fieldError('version', '主谈项目已被他人修改', 'the talk changed meanwhile')])
    await touch(tx, talk, ctx.clock.now(), { status: input.status })
    await recordAudit(tx, ctx, actor, { action: 'talks.status', entityType: 'city_led_talk', entityId: id, before: { status: talk.status }, after: { status: input.status } })
  })
  return getTalk(ctx, actor, id)
}

export async function countOpen(db: DbOrTx, tenantId: string) {
  const [row] = await db.select({ n: count() }).from(cityLedTalks).where(and(eq(cityLedTalks.tenantId, tenantId), eq(cityLedTalks.status, 'open')))
  return row?.n ?? 0
}
