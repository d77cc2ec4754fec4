// The project lifecycle: who may read and change which project, transactions, events and audit.
import { randomUUID } from 'node:crypto'
import { and, eq, sql } from 'drizzle-orm'
import type {
  Arrival,
  CreateProject,
  MissingItem,
  Project,
  ProjectDetail,
  ProjectQuery,
  ProjectSettings,
  StageDef,
  Transition,
  UpdateProject,
  UpdateProjectSettings,
} from '../../../../common/src/api/projects.js'
import { projectSettingsSchema } from '../../../../common/src/api/projects.js'
import type { AppContext } from '../../context.js'
import type { DbOrTx } from '../../db/client.js'
import { commonErrors, fieldError } from '../../http/app-error.js'
import { recordAudit } from '../audit/index.js'
import type { Actor } from '../auth/index.js'
import { getTenant, scopeDistrict } from '../reference/index.js'
import { projectErrors } from './projects.errors.js'
import { firstTalkForNewProject, firstTalkAtSigning } from './projects.first-talk.js'
import * as repo from './projects.repository.js'
import {
  anchorDays,
  checkTransition,
  chinaDay,
  defaultNorms,
  defaultRedBlackRules,
  defaultStages,
  mayEditProject,
  mayReadRegion,
  missingFor,
  notYetStage,
  projectReadScope,
  sizeClassOf,
  stageIndex,
  type ReadScope,
} from './projects.rules.js'
import { projectChecklist, projects, projectSettings, projectTargets, projectViews } from './projects.table.js'

const iso = (d: Date | string) => new Date(d).toISOString()
const SETTINGS_KEY = 'lifecycle'

// ---------------------------------------------------------------- scope

export interface CallerScope {
  cityRegion: string
  district: string | null
  read: ReadScope
}

export async function callerScope(db: DbOrTx, actor: Actor): Promise<CallerScope> {
  const tenant = await getTenant(db, actor.tenantId)
  const district = await scopeDistrict(db, actor.tenantId, actor.scope)
  return { cityRegion: tenant?.regionCode ?? actor.tenantId, district, read: projectReadScope(actor.role, actor.scope.type, district) }
}

function assertMayEdit(actor: Actor, scope: CallerScope, region: string) {
  if (!mayEditProject(actor.role, scope.district, region)) throw commonErrors.OUT_OF_SCOPE()
}

/** A region filter must be one the caller reads; asking for another district is refused. */
export function assertQueryRegion(scope: CallerScope, region: string | undefined) {
  if (region && !mayReadRegion(scope.read, region)) throw commonErrors.OUT_OF_SCOPE()
}

// ---------------------------------------------------------------- settings

export async function getSettings(db: DbOrTx, tenantId: string, lock = false): Promise<ProjectSettings> {
  const { rows } = await db.execute<{ value: unknown; version: number }>(
    sql`select value, version from project_settings where tenant_id = ${tenantId} and key = ${SETTINGS_KEY} ${lock ? sql`for update` : sql``}`,
  )
  const row = rows[0]
  const defaults = { stages: defaultStages, norms: defaultNorms, redBlack: defaultRedBlackRules }
  if (!row) return { ...defaults, version: 0, isDefault: true }
  const parsed = projectSettingsSchema.omit({ version: true, isDefault: true }).safeParse(row.value)
  return { ...(parsed.success ? parsed.data : defaults), version: row.version, isDefault: false }
}

export async function updateSettings(ctx: AppContext, actor: Actor, input: UpdateProjectSettings): Promise<ProjectSettings> {
  const codes = new Set(input.stages.map((s) => s.code))
  const badNorm = input.norms.findIndex((n) => !codes.has(n.fromStage) || !codes.has(n.toStage) || stageIndex(input.stages, n.toStage) <= stageIndex(input.stages, n.fromStage))
  if (badNorm >= 0) throw projectErrors.NORM_STAGE_UNKNOWN([fieldError(`norms.${badNorm}`, '督办规范的起止阶段须在阶段列表中且顺序向前', 'a norm must go forward between stages of the list')])
  return ctx.database.db.transaction(async (tx) => {
    const before = await getSettings(tx, actor.tenantId, true)
    if (before.version !== input.version) throw projectErrors.SETTINGS_STALE([fieldError('version', '设置已被他人修改', 'settings changed meanwhile')])
    // a stage that still holds projects may not vanish: they would have nowhere to stand
    const removed = before.stages.map((s) => s.code).filter((c) => !codes.has(c))
    if (removed.length > 0) {
      await tx.execute(sql`lock table projects in share mode`)
      if ((await repo.projectsInStages(tx, actor.tenantId, removed)) > 0) {
        throw projectErrors.STAGE_IN_USE([fieldError('stages', `仍有项目处于：${removed.join('、')}`, `projects still stand in: ${removed.join(', ')}`)])
      }
    }
    const value = { stages: input.stages, norms: input.norms, redBlack: input.redBlack }
    const version = before.version + 1
    const now = ctx.clock.now()
    await tx
      .insert(projectSettings)
      .values({ tenantId: actor.tenantId, key: SETTINGS_KEY, value, version, updatedAt: now, updatedBy: actor.username })
      .onConflictDoUpdate({ target: [projectSettings.tenantId, projectSettings.key], set: { value, version, updatedAt: now, updatedBy: actor.username } })
    await recordAudit(tx, ctx, actor, { action: 'projects.settings.update', entityType: 'project_setting', entityId: SETTINGS_KEY, before: { stages: before.stages, norms: before.norms, redBlack: before.redBlack }, after: value })
    return { ...value, version, isDefault: false }
  })
}

// ---------------------------------------------------------------- mapping

export function toProject(row: repo.ProjectRow): Project {
  return {
    id: row.id,
    name: row.name,
    enterpriseId: row.enterprise_id,
    investorName: row.investor_name,
    groupKey: row.group_key,
    type: row.type,
    totalInvestment: row.total_investment,
    fixedAssetInvestment: row.fixed_asset_investment,
    foreignCapitalUsd: row.foreign_capital_usd,
    landMu: row.land_mu,
    energyTce: row.energy_tce,
    expectedOutput: row.expected_output,
    expectedTax: row.expected_tax,
    expectedJobs: row.expected_jobs,
    chainCode: row.chain_code,
    chainName: row.chain_name,
    segmentCode: row.segment_code,
    ecosystemCode: row.ecosystem_code,
    regionCode: row.region_code,
    regionName: row.region_name ?? row.region_code,
    platformCode: row.platform_code,
    platformName: row.platform_name,
    sizeClass: row.size_class,
    firstTalkStatus: row.first_talk_status,
    violatesFirstTalk: row.violates_first_talk,
    responsible: row.responsible.map((p) => ({ name: p.name, role: p.role ?? '', ...(p.phone ? { phone: p.phone } : {}) })),
    stage: row.stage,
    stageEnteredOn: row.stage_entered_on,
    signedOn: row.signed_on,
    startedOn: row.started_on,
    arrivedInvestment: row.arrived_investment,
    leadId: row.lead_id,
    version: row.version,
    createdAt: iso(row.created_at),
    createdBy: row.created_by,
    updatedAt: iso(row.updated_at),
  }
}

/** The values a stage's required fields look at. */
const subjectOf = (p: Project | repo.ProjectRow) =>
  'investorName' in p
    ? p
    : {
        enterpriseId: p.enterprise_id,
        groupKey: p.group_key,
        fixedAssetInvestment: p.fixed_asset_investment,
        foreignCapitalUsd: p.foreign_capital_usd,
        landMu: p.land_mu,
        energyTce: p.energy_tce,
        expectedOutput: p.expected_output,
        expectedTax: p.expected_tax,
        expectedJobs: p.expected_jobs,
        chainCode: p.chain_code,
        segmentCode: p.segment_code,
        platformCode: p.platform_code,
        responsible: p.responsible,
      }

function missingError(missing: MissingItem[]) {
  return projectErrors.STAGE_REQUIREMENTS_MISSING(
    missing.map((m) =>
      fieldError(`${m.kind === 'field' ? 'fields' : 'checklist'}.${m.stage}.${m.key}`, `进入「${m.stage}」前须${m.kind === 'field' ? '填写' : '完成'}：${m.nameZh}`, `${m.nameEn} is needed before "${m.stage}"`),
    ),
  )
}

// ---------------------------------------------------------------- stage filters of a query

/** Resolves the query's stage filters (stages, stageFrom, stageBefore, notYet) against the city's stage list. */
export function stageFilterOf(stages: readonly StageDef[], query: Pick<ProjectQuery, 'stages' | 'stageFrom' | 'stageBefore' | 'notYet'>): repo.StageFilter {
  let set: string[] | null = null
  const narrow = (list: string[]) => {
    set = set === null ? list : set.filter((c) => list.includes(c))
  }
  if (query.stages && query.stages.length > 0) narrow(query.stages)
  if (query.stageFrom) {
    const i = stageIndex(stages, query.stageFrom)
    narrow(i < 0 ? [] : stages.slice(i).map((s) => s.code))
  }
  if (query.stageBefore) {
    const i = stageIndex(stages, query.stageBefore)
    narrow(i < 0 ? [] : stages.slice(0, i).map((s) => s.code))
  }
  if (query.notYet) {
    const stage = notYetStage(stages, query.notYet)
    narrow(stage ? [stage] : [])
  }
  return { stages: set }
}

// ---------------------------------------------------------------- list, detail

export async function listProjects(ctx: AppContext, actor: Actor, query: ProjectQuery) {
  const db = ctx.database.db
  const scope = await callerScope(db, actor)
  assertQueryRegion(scope, query.region)
  const { stages } = await getSettings(db, actor.tenantId)
  const where = repo.projectConditions(actor.tenantId, scope.read, query, stageFilterOf(stages, query))
  const { rows, total } = await repo.findProjects(db, where, query.sort, query.order, { limit: query.pageSize, offset: (query.page - 1) * query.pageSize })
  return { items: rows.map(toProject), total }
}

export async function exportProjects(ctx: AppContext, actor: Actor, query: ProjectQuery) {
  const db = ctx.database.db
  const scope = await callerScope(db, actor)
  assertQueryRegion(scope, query.region)
  const settings = await getSettings(db, actor.tenantId)
  const where = repo.projectConditions(actor.tenantId, scope.read, query, stageFilterOf(settings.stages, query))
  const { rows } = await repo.findProjects(db, where, query.sort, query.order)
  return { projects: rows.map(toProject), stages: settings.stages }
}

/** A project the caller may read, or 404: another district's project does not exist for it. */
async function readableProject(db: DbOrTx, actor: Actor, scope: CallerScope, id: string, lock = false) {
  const row = await repo.findProject(db, actor.tenantId, id, lock)
  if (!row || !mayReadRegion(scope.read, row.region_code)) throw projectErrors.PROJECT_NOT_FOUND()
  return row
}

export async function getProject(ctx: AppContext, actor: Actor, id: string): Promise<ProjectDetail> {
  const db = ctx.database.db
  const scope = await callerScope(db, actor)
  const row = await readableProject(db, actor, scope, id)
  const { stages } = await getSettings(db, actor.tenantId)
  const [done, entries] = await Promise.all([repo.doneChecklistItems(db, actor.tenantId, id), repo.stageEntries(db, actor.tenantId, id)])
  return detailOf(stages, row, done, entries)
}

/** The detail view from what is already known: the row, the ticked milestones, the day each stage was entered. */
function detailOf(stages: readonly StageDef[], row: repo.ProjectRow, done: ReadonlySet<string>, entries: ReadonlyMap<string, string>): ProjectDetail {
  const at = stageIndex(stages, row.stage)
  const next = at >= 0 && at < stages.length - 1 ? stages[at + 1]!.code : null
  return {
    project: toProject(row),
    nextStage: next,
    missingForNext: next ? missingFor(stages, row.stage, next, subjectOf(row), done) : [],
    timeline: stages.map((s, i) => ({ stage: s.code, enteredOn: i <= at ? (entries.get(s.code) ?? null) : null, current: i === at, reached: i <= at })),
  }
}

// ---------------------------------------------------------------- create, update

interface Placement {
  chainCode: string | null
  segmentCode: string | null
  ecosystemCode: string | null
  platformCode: string | null
}

/** Checks the chain, segment, platform and enterprise a project names, and works out its ecosystem. */
async function checkPlacement(db: DbOrTx, tenantId: string, region: string, input: { chainCode?: string | null; segmentCode?: string | null; platformCode?: string | null; enterpriseId?: string | null }): Promise<Placement> {
  let chainCode = input.chainCode ?? null
  const segmentCode = input.segmentCode ?? null
  if (segmentCode) {
    const chainOfSegment = await repo.segmentChain(db, tenantId, segmentCode)
    if (!chainOfSegment || (chainCode && chainCode !== chainOfSegment)) {
      throw projectErrors.SEGMENT_NOT_IN_CHAIN([fieldError('segmentCode', `环节 ${segmentCode} 不属于产业链 ${chainCode ?? ''}`, `segment ${segmentCode} is not in chain ${chainCode ?? ''}`)])
    }
    chainCode ??= chainOfSegment
  }
  let ecosystemCode: string | null = null
  if (chainCode) {
    const chain = await repo.chainEcosystem(db, tenantId, chainCode)
    if (!chain) throw projectErrors.CHAIN_NOT_FOUND([fieldError('chainCode', `产业链 ${chainCode} 不存在`, `unknown chain ${chainCode}`)])
    ecosystemCode = chain.ecosystem
  }
  const platformCode = input.platformCode ?? null
  if (platformCode && (await repo.platformDistrict(db, tenantId, platformCode)) !== region) {
    throw projectErrors.PLATFORM_NOT_IN_REGION([fieldError('platformCode', `平台 ${platformCode} 不在区县 ${region}`, `platform ${platformCode} is not in district ${region}`)])
  }
  if (input.enterpriseId && !(await repo.activeEnterprise(db, tenantId, input.enterpriseId))) {
    throw projectErrors.ENTERPRISE_NOT_FOUND([fieldError('enterpriseId', '企业不存在或已合并', 'no such active enterprise')])
  }
  return { chainCode, segmentCode, ecosystemCode, platformCode }
}

function assertNotFuture(day: string | undefined, today: string, path: string) {
  if (day && day > today) throw projectErrors.FUTURE_DATE([fieldError(path, `${day} 晚于今天`, `${day} is after today`)])
}

export async function createProject(ctx: AppContext, actor: Actor, input: CreateProject): Promise<Project> {
  const db = ctx.database.db
  const scope = await callerScope(db, actor)
  if (!(await repo.districtOf(db, scope.cityRegion, input.regionCode))) {
    throw projectErrors.REGION_NOT_FOUND([fieldError('regionCode', `区域 ${input.regionCode} 不是本市区县`, `region ${input.regionCode} is not a district of this city`)])
  }
  assertMayEdit(actor, scope, input.regionCode)
  const placement = await checkPlacement(db, actor.tenantId, input.regionCode, input)
  const { stages } = await getSettings(db, actor.tenantId)
  const stage = input.stage ?? stages[0]!.code
  if (stageIndex(stages, stage) < 0) throw projectErrors.UNKNOWN_STAGE([fieldError('stage', `阶段 ${stage} 不存在`, `unknown stage ${stage}`)])
  const responsible = input.responsible ?? []
  const values = {
    enterpriseId: input.enterpriseId ?? null,
    groupKey: input.groupKey ?? null,
    fixedAssetInvestment: input.fixedAssetInvestment ?? null,
    foreignCapitalUsd: input.foreignCapitalUsd ?? null,
    landMu: input.landMu ?? null,
    energyTce: input.energyTce ?? null,
    expectedOutput: input.expectedOutput ?? null,
    expectedTax: input.expectedTax ?? null,
    expectedJobs: input.expectedJobs ?? null,
    ...placement,
    responsible,
  }
  // a new project has ticked nothing yet: a later starting stage needs only stages without checklists
  const missing = missingFor(stages, null, stage, values, new Set())
  if (missing.length > 0) throw missingError(missing)
  const now = ctx.clock.now()
  const today = chinaDay(now)
  return db.transaction(async (tx) => {
    const firstTalk = await firstTalkForNewProject(tx, actor, ctx.clock, { enterpriseId: values.enterpriseId, regionCode: input.regionCode })
    const id = randomUUID()
    const anchors = anchorDays(stages, stage, today, { signedOn: null, startedOn: null })
    const violates = anchors.signedOn !== null && (await firstTalkAtSigning(tx, actor, ctx.clock, { enterpriseId: values.enterpriseId, regionCode: input.regionCode, firstTalkStatus: firstTalk }))
    await tx.insert(projects).values({
      tenantId: actor.tenantId,
      id,
      name: input.name,
      investorName: input.investorName,
      type: input.type,
      totalInvestment: input.totalInvestment,
      ...values,
      regionCode: input.regionCode,
      sizeClass: sizeClassOf(input.totalInvestment),
      firstTalkStatus: firstTalk,
      violatesFirstTalk: violates,
      stage,
      stageEnteredOn: today,
      ...anchors,
      leadId: input.leadId ?? null,
      createdAt: now,
      createdBy: actor.username,
      updatedAt: now,
    })
    await repo.insertEvents(tx, [
      { tenantId: actor.tenantId, projectId: id, kind: 'created', occurredOn: today, at: now, actorName: actor.username, after: { name: input.name, totalInvestment: input.totalInvestment } },
      { tenantId: actor.tenantId, projectId: id, kind: 'stage', occurredOn: today, at: now, actorName: actor.username, fromStage: null, toStage: stage },
    ])
    const row = (await repo.findProject(tx, actor.tenantId, id))!
    const project = toProject(row)
    await recordAudit(tx, ctx, actor, { action: 'projects.create', entityType: 'project', entityId: id, after: project })
    return project
  })
}

const editableFields = [
  'name',
  'enterpriseId',
  'investorName',
  'groupKey',
  'type',
  'totalInvestment',
  'fixedAssetInvestment',
  'foreignCapitalUsd',
  'landMu',
  'energyTce',
  'expectedOutput',
  'expectedTax',
  'expectedJobs',
  'chainCode',
  'segmentCode',
  'platformCode',
  'responsible',
] as const

export async function updateProject(ctx: AppContext, actor: Actor, id: string, input: UpdateProject): Promise<Project> {
  const db = ctx.database.db
  const now = ctx.clock.now()
  const today = chinaDay(now)
  assertNotFuture(input.occurredOn, today, 'occurredOn')
  return db.transaction(async (tx) => {
    const scope = await callerScope(tx, actor)
    const row = await readableProject(tx, actor, scope, id, true)
    assertMayEdit(actor, scope, row.region_code)
    if (row.version !== input.version) throw projectErrors.STALE_VERSION([fieldError('version', '该项目已被他人修改', 'changed meanwhile')])
    const before = toProject(row)
    const after: Record<string, unknown> = { ...before }
    for (const field of editableFields) if (input[field] !== undefined) after[field] = input[field]
    const placement = await checkPlacement(tx, actor.tenantId, row.region_code, {
      chainCode: after.chainCode as string | null,
      segmentCode: after.segmentCode as string | null,
      platformCode: after.platformCode as string | null,
      enterpriseId: input.enterpriseId !== undefined ? input.enterpriseId : null,
    })
    Object.assign(after, placement)
    const changed = editableFields.filter((f) => JSON.stringify(before[f] ?? null) !== JSON.stringify(after[f] ?? null))
    if (changed.length === 0) return before
    const totalInvestment = after.totalInvestment as number
    await tx
      .update(projects)
      .set({
        name: after.name as string,
        enterpriseId: after.enterpriseId as string | null,
        investorName: after.investorName as string,
        groupKey: after.groupKey as string | null,
        type: after.type as Project['type'],
        totalInvestment,
        fixedAssetInvestment: after.fixedAssetInvestment as number | null,
        foreignCapitalUsd: after.foreignCapitalUsd as number | null,
        landMu: after.landMu as number | null,
        energyTce: after.energyTce as number | null,
        expectedOutput: after.expectedOutput as number | null,
        expectedTax: after.expectedTax as number | null,
        expectedJobs: after.expectedJobs as number | null,
        chainCode: placement.chainCode,
        segmentCode: placement.segmentCode,
        ecosystemCode: placement.ecosystemCode,
        platformCode: placement.platformCode,
        responsible: after.responsible as Project['responsible'],
        sizeClass: sizeClassOf(totalInvestment),
        version: row.version + 1,
        updatedAt: now,
      })
      .where(and(eq(projects.tenantId, actor.tenantId), eq(projects.id, id)))
    const occurredOn = input.occurredOn ?? today
    await repo.insertEvents(
      tx,
      changed.map((field) => ({ tenantId: actor.tenantId, projectId: id, kind: 'field' as const, occurredOn, at: now, actorName: actor.username, field, before: before[field] ?? null, after: after[field] ?? null })),
    )
    const project = toProject((await repo.findProject(tx, actor.tenantId, id))!)
    await recordAudit(tx, ctx, actor, {
      action: 'projects.update',
      entityType: 'project',
      entityId: id,
      before: Object.fromEntries(changed.map((f) => [f, before[f] ?? null])),
      after: Object.fromEntries(changed.map((f) => [f, project[f] ?? null])),
    })
    return project
  })
}

// ---------------------------------------------------------------- stage transition

export async function transition(ctx: AppContext, actor: Actor, id: string, input: Transition): Promise<ProjectDetail> {
  const db = ctx.database.db
  const now = ctx.clock.now()
  const today = chinaDay(now)
  assertNotFuture(input.occurredOn, today, 'occurredOn')
  const occurredOn = input.occurredOn ?? today
  return db.transaction(async (tx) => {
    const scope = await callerScope(tx, actor)
    const row = await readableProject(tx, actor, scope, id, true)
    assertMayEdit(actor, scope, row.region_code)
    if (row.version !== input.version) throw projectErrors.STALE_VERSION([fieldError('version', '该项目已被他人修改', 'changed meanwhile')])
    const { stages } = await getSettings(tx, actor.tenantId)
    const done = await repo.doneChecklistItems(tx, actor.tenantId, id)
    const check = checkTransition(stages, row.stage, input.toStage, subjectOf(row), done, input.reason)
    if (!check.ok) {
      switch (check.reason) {
        case 'unknown_stage':
          throw projectErrors.UNKNOWN_STAGE([fieldError('toStage', `阶段 ${input.toStage} 不存在`, `unknown stage ${input.toStage}`)])
        case 'same_stage':
          throw projectErrors.SAME_STAGE([fieldError('toStage', '项目已处于该阶段', 'already in this stage')])
        case 'reason_required':
          throw projectErrors.REASON_REQUIRED([fieldError('reason', '退回须填写原因', 'a reason is required to move back')])
        case 'missing':
          throw missingError(check.missing)
      }
    }
    const anchors = anchorDays(stages, input.toStage, occurredOn, { signedOn: row.signed_on, startedOn: row.started_on })
    // signing without the first-talk right: no city policy support, and the flag says so for good
    const signsNow = row.signed_on === null && anchors.signedOn !== null
    const violates =
      row.violates_first_talk ||
      (signsNow && (await firstTalkAtSigning(tx, actor, ctx.clock, { enterpriseId: row.enterprise_id, regionCode: row.region_code, firstTalkStatus: row.first_talk_status })))
    await tx
      .update(projects)
      .set({ stage: input.toStage, stageEnteredOn: occurredOn, ...anchors, violatesFirstTalk: violates, version: row.version + 1, updatedAt: now })
      .where(and(eq(projects.tenantId, actor.tenantId), eq(projects.id, id)))
    await repo.insertEvents(tx, [
      { tenantId: actor.tenantId, projectId: id, kind: 'stage', occurredOn, at: now, actorName: actor.username, fromStage: row.stage, toStage: input.toStage, note: input.reason ?? null },
    ])
    await recordAudit(tx, ctx, actor, {
      action: check.direction === 'back' ? 'projects.stage.back' : 'projects.stage.forward',
      entityType: 'project',
      entityId: id,
      before: { stage: row.stage, version: row.version },
      after: { stage: input.toStage, version: row.version + 1, reason: input.reason ?? null, violatesFirstTalk: violates },
    })
    // the answer is built from what the transaction knows: one read (the stage days) instead of reloading the project
    const after: repo.ProjectRow = {
      ...row,
      stage: input.toStage,
      stage_entered_on: occurredOn,
      signed_on: anchors.signedOn,
      started_on: anchors.startedOn,
      violates_first_talk: violates,
      version: row.version + 1,
      updated_at: now,
    }
    return detailOf(stages, after, done, await repo.stageEntries(tx, actor.tenantId, id))
  })
}

// ---------------------------------------------------------------- events, arrivals, checklist

export async function listEvents(ctx: AppContext, actor: Actor, id: string, query: { kind?: string | undefined; page: number; pageSize: number }) {
  const db = ctx.database.db
  const scope = await callerScope(db, actor)
  await readableProject(db, actor, scope, id)
  const { rows, total } = await repo.findEvents(db, actor.tenantId, id, query.kind, query.pageSize, (query.page - 1) * query.pageSize)
  return {
    items: rows.map((r) => ({
      id: r.id,
      kind: r.kind as 'stage',
      occurredOn: r.occurred_on,
      at: iso(r.at),
      actorName: r.actor_name,
      fromStage: r.from_stage,
      toStage: r.to_stage,
      field: r.field,
      before: r.before ?? null,
      after: r.after ?? null,
      amount: r.amount,
      note: r.note,
    })),
    total,
  }
}

/** 到资: money actually arrived, recorded over time; the project's total follows the sum. */
export async function recordArrival(ctx: AppContext, actor: Actor, id: string, input: Arrival): Promise<Project> {
  const now = ctx.clock.now()
  assertNotFuture(input.occurredOn, chinaDay(now), 'occurredOn')
  return ctx.database.db.transaction(async (tx) => {
    const scope = await callerScope(tx, actor)
    const row = await readableProject(tx, actor, scope, id, true)
    assertMayEdit(actor, scope, row.region_code)
    if (row.version !== input.version) throw projectErrors.STALE_VERSION([fieldError('version', '该项目已被他人修改', 'changed meanwhile')])
    if (row.signed_on === null) throw projectErrors.NOT_SIGNED()
    const total = row.arrived_investment + input.amount
    await tx
      .update(projects)
      .set({ arrivedInvestment: total, version: row.version + 1, updatedAt: now })
      .where(and(eq(projects.tenantId, actor.tenantId), eq(projects.id, id)))
    await repo.insertEvents(tx, [{ tenantId: actor.tenantId, projectId: id, kind: 'arrival', occurredOn: input.occurredOn, at: now, actorName: actor.username, amount: input.amount, before: row.arrived_investment, after: total, note: input.note ?? null }])
    await recordAudit(tx, ctx, actor, { action: 'projects.arrival', entityType: 'project', entityId: id, before: { arrivedInvestment: row.arrived_investment }, after: { arrivedInvestment: total, amount: input.amount, occurredOn: input.occurredOn } })
    return toProject((await repo.findProject(tx, actor.tenantId, id))!)
  })
}

export async function getChecklist(ctx: AppContext, actor: Actor, id: string) {
  const db = ctx.database.db
  const scope = await callerScope(db, actor)
  await readableProject(db, actor, scope, id)
  const { stages } = await getSettings(db, actor.tenantId)
  const ticked = new Map((await repo.checklistRows(db, actor.tenantId, id)).map((r) => [r.item_key, r]))
  return {
    items: stages.flatMap((s) =>
      s.checklist.map((c) => {
        const t = ticked.get(c.key)
        return { stage: s.code, key: c.key, nameZh: c.nameZh, nameEn: c.nameEn, done: t?.done ?? false, doneOn: t?.done_on ?? null, note: t?.note ?? null, updatedBy: t?.updated_by ?? null }
      }),
    ),
  }
}

export async function tickChecklist(ctx: AppContext, actor: Actor, id: string, key: string, input: { done: boolean; doneOn?: string | undefined; note?: string | undefined }) {
  const now = ctx.clock.now()
  const today = chinaDay(now)
  assertNotFuture(input.doneOn, today, 'doneOn')
  await ctx.database.db.transaction(async (tx) => {
    const scope = await callerScope(tx, actor)
    const row = await readableProject(tx, actor, scope, id, true)
    assertMayEdit(actor, scope, row.region_code)
    const { stages } = await getSettings(tx, actor.tenantId)
    const stage = stages.find((s) => s.checklist.some((c) => c.key === key))
    if (!stage) throw projectErrors.CHECKLIST_ITEM_NOT_FOUND()
    const doneOn = input.done ? (input.doneOn ?? today) : null
    const values = { done: input.done, doneOn, note: input.note ?? null, updatedBy: actor.username, updatedAt: now }
    const [previous] = await tx.select().from(projectChecklist).where(and(eq(projectChecklist.tenantId, actor.tenantId), eq(projectChecklist.projectId, id), eq(projectChecklist.itemKey, key)))
    await tx
      .insert(projectChecklist)
      .values({ tenantId: actor.tenantId, projectId: id, itemKey: key, ...values })
      .onConflictDoUpdate({ target: [projectChecklist.tenantId, projectChecklist.projectId, projectChecklist.itemKey], set: values })
    // the tick changes what the next transition may do, so it moves the project's version too
    await tx.update(projects).set({ version: row.version + 1, updatedAt: now }).where(and(eq(projects.tenantId, actor.tenantId), eq(projects.id, id)))
    await repo.insertEvents(tx, [{ tenantId: actor.tenantId, projectId: id, kind: 'checklist', occurredOn: doneOn ?? today, at: now, actorName: actor.username, field: key, before: previous?.done ?? false, after: input.done, note: input.note ?? null }])
    await recordAudit(tx, ctx, actor, { action: 'projects.checklist', entityType: 'project', entityId: id, before: { [key]: previous?.done ?? false }, after: { [key]: input.done, doneOn } })
  })
  return getChecklist(ctx, actor, id)
}

// ---------------------------------------------------------------- annual targets

export async function listTargets(ctx: AppContext, actor: Actor, year: number, db: DbOrTx = ctx.database.db) {
  const scope = await callerScope(db, actor)
  const { rows } = await db.execute<{ code: string; name_zh: string; count_1: number | null; count_10: number | null; count_50: number | null; count_100: number | null; investment: number | null; version: number | null }>(sql`
    select r.code, r.name_zh, t.count_1, t.count_10, t.count_50, t.count_100, t.investment, t.version
    from regions r left join project_targets t on t.tenant_id = ${actor.tenantId} and t.year = ${year} and t.region_code = r.code
    where r.parent_code = ${scope.cityRegion} order by r.code`)
  return {
    year,
    items: rows
      .filter((r) => mayReadRegion(scope.read, r.code))
      .map((r) => ({ regionCode: r.code, regionName: r.name_zh, count1: r.count_1 ?? 0, count10: r.count_10 ?? 0, count50: r.count_50 ?? 0, count100: r.count_100 ?? 0, investment: r.investment ?? 0, version: r.version ?? 0 })),
  }
}

export async function updateTarget(ctx: AppContext, actor: Actor, year: number, region: string, input: { count1: number; count10: number; count50: number; count100: number; investment: number; version: number }) {
  const db = ctx.database.db
  const scope = await callerScope(db, actor)
  if (!(await repo.districtOf(db, scope.cityRegion, region))) throw projectErrors.REGION_NOT_FOUND([fieldError('region', `区域 ${region} 不是本市区县`, `region ${region} is not a district of this city`)])
  return db.transaction(async (tx) => {
    const [before] = await tx.select().from(projectTargets).where(and(eq(projectTargets.tenantId, actor.tenantId), eq(projectTargets.year, year), eq(projectTargets.regionCode, region))).for('update')
    if ((before?.version ?? 0) !== input.version) throw projectErrors.STALE_VERSION([fieldError('version', '目标已被他人修改', 'changed meanwhile')])
    const now = ctx.clock.now()
    const values = { count1: input.count1, count10: input.count10, count50: input.count50, count100: input.count100, investment: input.investment, version: input.version + 1, updatedAt: now, updatedBy: actor.username }
    if (before) await tx.update(projectTargets).set(values).where(and(eq(projectTargets.tenantId, actor.tenantId), eq(projectTargets.year, year), eq(projectTargets.regionCode, region)))
    else await tx.insert(projectTargets).values({ tenantId: actor.tenantId, year, regionCode: region, ...values })
    await recordAudit(tx, ctx, actor, { action: 'projects.target.update', entityType: 'project_target', entityId: `${year}:${region}`, before: before ?? null, after: values })
    return (await listTargets(ctx, actor, year, tx)).items.find((t) => t.regionCode === region)!
  })
}

// ---------------------------------------------------------------- saved views

export async function listViews(ctx: AppContext, actor: Actor) {
  if (!actor.userId) return { items: [] }
  const rows = await ctx.database.db.select().from(projectViews).where(and(eq(projectViews.tenantId, actor.tenantId), eq(projectViews.userId, actor.userId))).orderBy(projectViews.name)
  return { items: rows.map((r) => ({ id: r.id, name: r.name, filter: r.filter as Record<string, string>, createdAt: iso(r.createdAt) })) }
}

export async function createView(ctx: AppContext, actor: Actor, input: { name: string; filter: Record<string, string> }) {
  if (!actor.userId) throw commonErrors.FORBIDDEN()
  const id = randomUUID()
  const now = ctx.clock.now()
  await ctx.database.db.transaction(async (tx) => {
    await tx.insert(projectViews).values({ tenantId: actor.tenantId, id, userId: actor.userId!, name: input.name, filter: input.filter, createdAt: now })
    await recordAudit(tx, ctx, actor, { action: 'projects.view.create', entityType: 'project_view', entityId: id, after: input })
  })
  return { id, name: input.name, filter: input.filter, createdAt: iso(now) }
}

export async function deleteView(ctx: AppContext, actor: Actor, id: string) {
  await ctx.database.db.transaction(async (tx) => {
    const [row] = await tx
      .delete(projectViews)
      .where(and(eq(projectViews.tenantId, actor.tenantId), eq(projectViews.id, id), eq(projectViews.userId, actor.userId ?? '00000000-0000-0000-0000-000000000000')))
      .returning()
    if (!row) throw projectErrors.VIEW_NOT_FOUND()
    await recordAudit(tx, ctx, actor, { action: 'projects.view.delete', entityType: 'project_view', entityId: id, before: { name: row.name, filter: row.filter } })
  })
}
