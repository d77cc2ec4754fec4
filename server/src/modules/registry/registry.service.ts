// 首报首谈 on the server: reports, the city's review, first-talk rights, the gate other modules call,
// and the scheduled expiry. Every change runs in one transaction with its audit entry.
import { randomUUID } from 'node:crypto'
import { and, eq, sql } from 'drizzle-orm'
import type {
  Conflict,
  CreateReport,
  FirstTalkAction,
  RegistrySettings,
  Report,
  ReportDecision,
  ReportReview,
  Right,
  Taken,
} from '../../../../common/src/api/registry.js'
import { registrySettingsSchema } from '../../../../common/src/api/registry.js'
import type { AppContext } from '../../context.js'
import type { DbOrTx } from '../../db/client.js'
import { commonErrors, fieldError } from '../../http/app-error.js'
import { recordAudit } from '../audit/index.js'
import { systemActor, type Actor } from '../auth/index.js'
import { notify } from '../notifications/index.js'
import { getTenant, scopeDistrict } from '../reference/index.js'
import { heldElsewhereError, registryErrors } from './registry.errors.js'
import * as repo from './registry.repository.js'
import {
  addMonths,
  conflictReasonRank,
  daysLeft,
  defaultRegistrySettings,
  mustReport,
  needsExpiryWarning,
  projectConflict,
  rankFits,
  readsInFull,
  registryReader,
  rightStatusAt,
  standingOf,
  type RegistryReader,
  type Standing,
} from './registry.rules.js'
import { firstTalkRights, leadReports, registryAttempts, registryEvents, registrySettings } from './registry.table.js'

const SETTINGS_KEY = 'registry'
const CITY_ROLES = ['city_admin', 'city_staff'] as const
const iso = (d: Date | string | null) => (d === null ? null : new Date(d).toISOString())
const day = (d: Date) => d.toISOString().slice(0, 10)

// ---------------------------------------------------------------- settings

export async function getSettings(db: DbOrTx, tenantId: string, lock = false): Promise<{ settings: RegistrySettings; version: number; isDefault: boolean }> {
  const query = db.select().from(registrySettings).where(and(eq(registrySettings.tenantId, tenantId), eq(registrySettings.key, SETTINGS_KEY)))
  const [row] = lock ? await query.for('update') : await query
  if (!row) return { settings: defaultRegistrySettings, version: 0, isDefault: true }
  const parsed = registrySettingsSchema.safeParse(row.value)
  return { settings: parsed.success ? parsed.data : defaultRegistrySettings, version: row.version, isDefault: false }
}

export async function updateSettings(ctx: AppContext, actor: Actor, input: { settings: RegistrySettings; version: number }) {
  return ctx.database.db.transaction(async (tx) => {
    const before = await getSettings(tx, actor.tenantId, true)
    if (before.version !== input.version) throw registryErrors.STALE_VERSION([fieldError('version', '设置已被他人修改', 'settings changed meanwhile')])
    const now = ctx.clock.now()
    const version = before.version + 1
    await tx
      .insert(registrySettings)
      .values({ tenantId: actor.tenantId, key: SETTINGS_KEY, value: input.settings, version, updatedAt: now, updatedBy: actor.username })
      .onConflictDoUpdate({ target: [registrySettings.tenantId, registrySettings.key], set: { value: input.settings, version, updatedAt: now, updatedBy: actor.username } })
    await recordAudit(tx, ctx, actor, { action: 'registry.settings.update', entityType: 'registry_setting', entityId: SETTINGS_KEY, before: before.settings, after: input.settings })
    return { settings: input.settings, version, isDefault: false }
  })
}

// ---------------------------------------------------------------- scope

export interface RegistryScope {
  reader: RegistryReader
  district: string | null
  cityRegion: string
}

export async function registryScope(db: DbOrTx, actor: Actor): Promise<RegistryScope> {
  const district = await scopeDistrict(db, actor.tenantId, actor.scope)
  const tenant = await getTenant(db, actor.tenantId)
  return { reader: registryReader(actor.role, actor.scope.type, district), district, cityRegion: tenant?.regionCode ?? actor.tenantId }
}

const isCity = (actor: Actor) => (CITY_ROLES as readonly string[]).includes(actor.role)

// ---------------------------------------------------------------- refused attempts

// Refused attempts are logged after the refusing transaction has rolled back, on the root database:
// the caller's transaction is about to fail, so a row written inside it would vanish with it.
let attemptSink: Pick<AppContext, 'database' | 'clock'> | null = null
let pendingAttempts: Promise<unknown>[] = []

/** The app's clock (ManualClock in tests) for the gate, whose signature carries no context. */
function registryNow(): Date {
  return attemptSink ? attemptSink.clock.now() : new Date()
}

/** Set by registryRoutes: where refused attempts of the gate are written. */
export function attachAttemptLog(ctx: Pick<AppContext, 'database' | 'clock'>) {
  attemptSink = ctx
}

/** Tests wait for the attempt rows written in the background. */
export async function settleAttempts() {
  const waiting = pendingAttempts
  pendingAttempts = []
  await Promise.allSettled(waiting)
}

interface AttemptInput {
  tenantId: string
  actorName: string
  regionCode: string | null
  enterpriseId: string
  action: string
  conflict: unknown
  notice?: { title: string; titleEn: string }
}

async function writeAttempt(db: DbOrTx, clock: AppContext['clock'], input: AttemptInput) {
  await db.transaction(async (tx) => {
    await tx.insert(registryAttempts).values({
      tenantId: input.tenantId,
      id: randomUUID(),
      at: clock.now(),
      actorName: input.actorName,
      regionCode: input.regionCode,
      enterpriseId: input.enterpriseId,
      action: input.action,
      conflict: input.conflict,
    })
    if (input.notice) {
      await notify(tx, { clock }, input.tenantId, {
        to: { roles: [...CITY_ROLES] },
        kind: 'registry.conflict',
        title: input.notice.title,
        titleEn: input.notice.titleEn,
        link: '/registry/attempts',
        entityType: 'enterprise',
        entityId: input.enterpriseId,
      })
    }
  })
}

function logAttemptLater(input: AttemptInput) {
  const sink = attemptSink
  if (!sink) return
  const job = writeAttempt(sink.database.db, sink.clock, input).catch(() => undefined)
  pendingAttempts.push(job)
}

// ---------------------------------------------------------------- the gate other modules call

/**
 * Where a region stands towards a firm: it holds the active first-talk right (on the firm or its
 * group), nobody holds one, or another district does.
 */
export async function firstTalkStanding(tx: DbOrTx, tenantId: string, enterpriseId: string, regionCode: string | null, now = registryNow()): Promise<Standing> {
  const facts = await repo.enterpriseFacts(tx, tenantId, enterpriseId)
  if (!facts) return 'none'
  const rights = await repo.activeRightsOn(tx, tenantId, enterpriseId, facts.groupKey, now)
  return standingOf(rights.map((r) => ({ regionCode: r.region_code, status: 'active' as const, expiresAt: r.expires_at })), regionCode, now)
}

/**
 * Refuses (409 FIRST_TALK_HELD_ELSEWHERE, naming only the holder district and the expiry) when
 * another district holds an active right on the firm or its group, and logs the attempt. City
 * users are allowed: the city coordinates. Call it inside the transaction that creates the record.
 */
export async function assertFirstTalkAllows(tx: DbOrTx, actor: Actor, input: { enterpriseId: string; action: FirstTalkAction }, clock?: AppContext['clock']) {
  if (isCity(actor)) return
  const facts = await repo.enterpriseFacts(tx, actor.tenantId, input.enterpriseId)
  if (!facts) return
  const now = clock?.now() ?? registryNow()
  const district = await scopeDistrict(tx, actor.tenantId, actor.scope)
  const rights = await repo.activeRightsOn(tx, actor.tenantId, input.enterpriseId, facts.groupKey, now)
  const elsewhere = rights.filter((r) => r.region_code !== district)
  if (elsewhere.length === 0 || rights.some((r) => r.region_code === district)) return
  const holder = elsewhere[0]!
  const holderName = holder.region_name ?? holder.region_code
  logAttemptLater({
    tenantId: actor.tenantId,
    actorName: actor.username,
    regionCode: district,
    enterpriseId: input.enterpriseId,
    action: input.action,
    conflict: { kind: 'right', id: holder.id, regionCode: holder.region_code, expiresAt: holder.expires_at.toISOString() },
    notice: {
      title: `${district ?? actor.username} 试图为${holderName}持有首谈资格的企业「${facts.name}」新建${input.action}`,
      titleEn: `${district ?? actor.username} tried to open a ${input.action} for ${facts.name}, held by ${holderName}`,
    },
  })
  throw heldElsewhereError(holderName, holder.expires_at, input.action)
}

/** What a caller may see of a firm's status: its own standing, and of another holder only the district and the expiry. */
export async function standing(ctx: AppContext, actor: Actor, enterpriseId: string) {
  const db = ctx.database.db
  const facts = await repo.enterpriseFacts(db, actor.tenantId, enterpriseId)
  if (!facts) throw commonErrors.NOT_FOUND()
  const scope = await registryScope(db, actor)
  const now = ctx.clock.now()
  const rights = await repo.activeRightsOn(db, actor.tenantId, enterpriseId, facts.groupKey, now)
  const result = standingOf(rights.map((r) => ({ regionCode: r.region_code, status: 'active' as const, expiresAt: r.expires_at })), scope.district, now)
  const first = rights[0]
  const taken: Taken | null = first
    ? { visibility: 'taken', regionCode: first.region_code, regionName: first.region_name ?? first.region_code, enterpriseId: first.enterprise_id, enterpriseName: first.enterprise_name, expiresAt: first.expires_at.toISOString() }
    : null
  return { standing: result, taken }
}

// ---------------------------------------------------------------- conflicts

function toConflict(row: repo.ConflictRow, probe: { enterpriseId: string; groupKey: string }): Conflict {
  const reason: Conflict['reason'] = row.enterprise_id === probe.enterpriseId ? 'same_enterprise' : row.group_key === probe.groupKey ? 'same_group' : 'similar_trade_name'
  return {
    kind: row.kind,
    reason,
    regionCode: row.region_code,
    regionName: row.region_name ?? row.region_code,
    expiresAt: iso(row.expires_at),
    id: row.id,
    enterpriseId: row.enterprise_id,
    enterpriseName: row.enterprise_name,
    similarity: Math.round(row.sim * 100) / 100,
  }
}

async function conflictsFor(db: DbOrTx, tenantId: string, probe: { enterpriseId: string; groupKey: string; tradeNameKey: string; excludeReportId?: string }, now: Date) {
  const rows = await repo.findConflictRows(db, tenantId, { ...probe, withSimilar: true }, now)
  return rows.map((r) => toConflict(r, probe)).sort((a, b) => conflictReasonRank[a.reason] - conflictReasonRank[b.reason])
}

const reasonZh: Record<Conflict['reason'], string> = { same_enterprise: '同一企业', same_group: '同一集团', similar_trade_name: '字号相近' }
const reasonEn: Record<Conflict['reason'], string> = { same_enterprise: 'same firm', same_group: 'same group', similar_trade_name: 'similar trade name' }

/** One field error per conflict, in the words the caller's scope allows. */
function conflictFields(conflicts: Conflict[]) {
  return conflicts.map((c, i) => {
    const what = c.kind === 'right' ? `首谈资格（有效期至 ${c.expiresAt?.slice(0, 10)}）` : '首报（待市局审核）'
    const whatEn = c.kind === 'right' ? `first-talk right (until ${c.expiresAt?.slice(0, 10)})` : 'report (awaiting the city)'
    const firm = c.enterpriseName ? `「${c.enterpriseName}」` : ''
    return fieldError(`conflicts.${i}`, `${c.regionName}已有${what}：${reasonZh[c.reason]}${firm}`, `${c.regionName} holds a ${whatEn}: ${reasonEn[c.reason]}${c.enterpriseName ? ` (${c.enterpriseName})` : ''}`)
  })
}

// ---------------------------------------------------------------- reports

function toReport(row: repo.ReportRow): Report {
  return {
    id: row.id,
    leadId: row.lead_id,
    leadTitle: row.lead_title,
    regionCode: row.region_code,
    regionName: row.region_name ?? row.region_code,
    enterpriseId: row.enterprise_id,
    enterpriseName: row.enterprise_name,
    groupKey: row.group_key,
    chainCode: row.chain_code,
    chainName: row.chain_name,
    plannedInvestment: row.planned_investment,
    plannedInvestmentUsd: row.planned_investment_usd,
    intendedRegionCode: row.intended_region_code,
    intendedPlatformCode: row.intended_platform_code,
    investorWishes: row.investor_wishes,
    intent: row.intent,
    status: row.status,
    reportedAt: iso(row.reported_at)!,
    reportedBy: row.reported_by,
    decidedAt: iso(row.decided_at),
    decidedBy: row.decided_by,
    decisionReason: row.decision_reason,
    redirectRegionCode: row.redirect_region_code,
    rightId: row.right_id,
    version: row.version,
  }
}

async function addEvent(tx: DbOrTx, tenantId: string, e: { reportId?: string | null; rightId?: string | null; kind: string; at: Date; actorName: string; regionCode?: string | null; detail?: unknown }) {
  await tx.insert(registryEvents).values({
    tenantId,
    id: randomUUID(),
    reportId: e.reportId ?? null,
    rightId: e.rightId ?? null,
    kind: e.kind,
    at: e.at,
    actorName: e.actorName,
    regionCode: e.regionCode ?? null,
    detail: e.detail ?? null,
  })
}

/**
 * A district reports a lead (首报). Under the tenant's registry lock: any active right or pending
 * report on the same firm, group or a similar trade name refuses it with 409 REPORT_CONFLICT.
 */
export async function reportLead(ctx: AppContext, actor: Actor, input: CreateReport): Promise<Report> {
  const db = ctx.database.db
  type Outcome = { ok: true; id: string } | { ok: false; conflicts: Conflict[]; enterpriseId: string; enterpriseName: string; district: string | null }
  let outcome: Outcome
  try {
    outcome = await db.transaction(async (tx): Promise<Outcome> => {
      const scope = await registryScope(tx, actor)
      await repo.lockRegistry(tx, actor.tenantId)
      const lead = await repo.leadById(tx, actor.tenantId, input.leadId, true)
      if (!lead || (!isCity(actor) && lead.region_code !== scope.district)) throw registryErrors.LEAD_NOT_FOUND([fieldError('leadId', '线索不存在或不属于本区域', 'no such lead in your region')])
      if (['invalid', 'dropped', 'signed'].includes(lead.status)) throw registryErrors.LEAD_CLOSED([fieldError('leadId', '线索已关闭', 'the lead is closed')])
      const facts = await repo.enterpriseFacts(tx, actor.tenantId, lead.enterprise_id)
      if (!facts) throw registryErrors.LEAD_NOT_FOUND([fieldError('leadId', '线索的企业不存在', 'the lead’s firm does not exist')])
      const now = ctx.clock.now()
      const conflicts = await conflictsFor(tx, actor.tenantId, { enterpriseId: facts.id, groupKey: facts.groupKey, tradeNameKey: facts.tradeNameKey }, now)
      if (conflicts.length > 0) return { ok: false, conflicts, enterpriseId: facts.id, enterpriseName: facts.name, district: lead.region_code }
      const id = randomUUID()
      const row = { tenantId: actor.tenantId, id, leadId: lead.id, regionCode: lead.region_code, enterpriseId: facts.id, groupKey: facts.groupKey, intent: input.intent, status: 'pending' as const, reportedAt: now, reportedBy: actor.username }
      await tx.insert(leadReports).values(row)
      await addEvent(tx, actor.tenantId, { reportId: id, kind: 'reported', at: now, actorName: actor.username, regionCode: lead.region_code })
      await recordAudit(tx, ctx, actor, { action: 'registry.report.create', entityType: 'lead_report', entityId: id, after: row })
      await notify(tx, ctx, actor.tenantId, {
        to: { roles: [...CITY_ROLES] },
        kind: 'registry.report',
        title: `新首报：${facts.name}`,
        titleEn: `New report: ${facts.name}`,
        link: `/registry/review?report=${id}`,
        entityType: 'lead_report',
        entityId: id,
      })
      return { ok: true, id }
    })
  } catch (error) {
    // the unique partial index is the last line behind the lock: a pending twin surfaces as a conflict
    if ((error as { code?: string }).code === '23505' || (error as { cause?: { code?: string } }).cause?.code === '23505') {
      throw registryErrors.REPORT_CONFLICT([fieldError('leadId', '该企业已有待审核的首报', 'the firm already has a pending report')])
    }
    throw error
  }
  if (!outcome.ok) {
    const scope = await registryScope(db, actor)
    const visible = outcome.conflicts.map((c) => projectConflict(c, scope.reader))
    const first = outcome.conflicts[0]!
    await writeAttempt(db, ctx.clock, {
      tenantId: actor.tenantId,
      actorName: actor.username,
      regionCode: outcome.district,
      enterpriseId: outcome.enterpriseId,
      action: 'report',
      conflict: { kind: first.kind, id: first.id, regionCode: first.regionCode, reason: first.reason, expiresAt: first.expiresAt },
      notice: { title: `首报冲突：${outcome.enterpriseName}（${first.regionName}）`, titleEn: `Report conflict: ${outcome.enterpriseName} (${first.regionName})` },
    })
    throw registryErrors.REPORT_CONFLICT(conflictFields(visible))
  }
  const row = await repo.reportById(db, actor.tenantId, outcome.id)
  return toReport(row!)
}

async function readableReport(db: DbOrTx, actor: Actor, id: string) {
  const scope = await registryScope(db, actor)
  const row = await repo.reportById(db, actor.tenantId, id)
  // another district's report does not exist for the caller
  if (!row || !readsInFull(scope.reader, row.region_code)) throw registryErrors.REPORT_NOT_FOUND()
  return { row, scope }
}

export async function listReports(ctx: AppContext, actor: Actor, query: { status?: string | undefined; region?: string | undefined; page: number; pageSize: number }) {
  const db = ctx.database.db
  const scope = await registryScope(db, actor)
  if (!scope.reader.all) {
    if (query.region && query.region !== scope.district) throw commonErrors.OUT_OF_SCOPE()
    if (!scope.district) return { items: [], total: 0 }
  }
  const region = scope.reader.all ? query.region : scope.district!
  const { rows, total } = await repo.findReports(db, actor.tenantId, { status: query.status, region, limit: query.pageSize, offset: (query.page - 1) * query.pageSize })
  return { items: rows.map(toReport), total }
}

/** The review view: the report, its conflicts (projected for a district), the layout-guide fits, the duty to report. */
export async function reviewReport(ctx: AppContext, actor: Actor, id: string): Promise<ReportReview> {
  const db = ctx.database.db
  const { row, scope } = await readableReport(db, actor, id)
  const now = ctx.clock.now()
  const conflicts = (await conflictsFor(db, actor.tenantId, { enterpriseId: row.enterprise_id, groupKey: row.group_key, tradeNameKey: row.trade_name_key, excludeReportId: row.id }, now)).map((c) =>
    projectConflict(c, scope.reader),
  )
  const { settings } = await getSettings(db, actor.tenantId)
  const inputs = await repo.fitInputs(db, actor.tenantId, scope.cityRegion, row.chain_code, now.getUTCFullYear())
  const fits = rankFits({
    regions: inputs.regions.map((r) => ({ code: r.code, name: r.name_zh, mountainCounty: r.mountain_county })),
    guide: inputs.guide.map((g) => ({ districtCode: g.district_code, platformCode: g.platform_code, role: g.role })),
    platforms: inputs.platforms.map((p) => ({ code: p.code, name: p.name_zh, districtCode: p.district_code, chainCodes: p.chain_codes })),
    chainCode: row.chain_code,
    plannedInvestment: row.planned_investment,
    wishedRegion: row.intended_region_code,
    reportingRegion: row.region_code,
  })
  return {
    report: toReport(row),
    conflicts,
    fits,
    mustReport: mustReport({ plannedInvestment: row.planned_investment, plannedInvestmentUsd: row.planned_investment_usd, chainCode: row.chain_code }, settings),
  }
}

/** The city decides a pending report: grant a first-talk right, reject with a reason, or redirect to another district. */
export async function decideReport(ctx: AppContext, actor: Actor, id: string, input: ReportDecision): Promise<Report> {
  const db = ctx.database.db
  await db.transaction(async (tx) => {
    await repo.lockRegistry(tx, actor.tenantId)
    const [current] = await tx.select().from(leadReports).where(and(eq(leadReports.tenantId, actor.tenantId), eq(leadReports.id, id))).for('update')
    if (!current) throw registryErrors.REPORT_NOT_FOUND()
    if (current.status !== 'pending') throw registryErrors.REPORT_DECIDED()
    if (current.version !== input.version) throw registryErrors.STALE_VERSION([fieldError('version', '首报已被他人修改', 'the report changed meanwhile')])
    const now = ctx.clock.now()
    const facts = await repo.enterpriseFacts(tx, actor.tenantId, current.enterpriseId)
    const firm = facts?.name ?? current.enterpriseId
    let after: Partial<typeof current> = {}
    if (input.decision === 'grant') {
      const held = (await repo.activeRightsOn(tx, actor.tenantId, current.enterpriseId, current.groupKey, now)).filter((r) => r.region_code !== current.regionCode)
      if (held.length > 0) throw heldElsewhereError(held[0]!.region_name ?? held[0]!.region_code, held[0]!.expires_at, 'report')
      // a right past its expiry the job has not reached yet must not block the unique index
      await expireDueRights(tx, ctx, actor.tenantId, now, { enterpriseId: current.enterpriseId })
      const { settings } = await getSettings(tx, actor.tenantId)
      const rightId = randomUUID()
      const expiresAt = addMonths(now, settings.rightMonths)
      const right = { tenantId: actor.tenantId, id: rightId, reportId: id, leadId: current.leadId, regionCode: current.regionCode, enterpriseId: current.enterpriseId, groupKey: current.groupKey, status: 'active' as const, grantedAt: now, grantedBy: actor.username, expiresAt }
      await tx.insert(firstTalkRights).values(right)
      after = { status: 'granted', rightId, decisionReason: input.note ?? null }
      await addEvent(tx, actor.tenantId, { reportId: id, rightId, kind: 'granted', at: now, actorName: actor.username, regionCode: current.regionCode, detail: { expiresAt: expiresAt.toISOString(), note: input.note ?? null } })
      await recordAudit(tx, ctx, actor, { action: 'registry.right.grant', entityType: 'first_talk_right', entityId: rightId, after: right })
      await notify(tx, ctx, actor.tenantId, {
        to: { roles: ['district_staff'], region: current.regionCode },
        kind: 'registry.granted',
        title: `首谈资格已授予：${firm}（至 ${day(expiresAt)}）`,
        titleEn: `First-talk right granted: ${firm} (until ${day(expiresAt)})`,
        link: `/registry/rights?id=${rightId}`,
        entityType: 'first_talk_right',
        entityId: rightId,
      })
    } else if (input.decision === 'reject') {
      after = { status: 'rejected', decisionReason: input.reason }
      await addEvent(tx, actor.tenantId, { reportId: id, kind: 'rejected', at: now, actorName: actor.username, regionCode: current.regionCode, detail: { reason: input.reason } })
      await notify(tx, ctx, actor.tenantId, {
        to: { roles: ['district_staff'], region: current.regionCode },
        kind: 'registry.rejected',
        title: `首报未通过：${firm}`,
        titleEn: `Report rejected: ${firm}`,
        body: input.reason,
        bodyEn: input.reason,
        link: `/registry/reports?id=${id}`,
        entityType: 'lead_report',
        entityId: id,
      })
    } else {
      const scope = await registryScope(tx, actor)
      const target = await repo.regionInfo(tx, input.region)
      if (!target || target.parent_code !== scope.cityRegion) throw registryErrors.REGION_NOT_FOUND([fieldError('region', `区域 ${input.region} 不是本市区县`, `region ${input.region} is not a district of this city`)])
      if (input.region === current.regionCode) throw registryErrors.SAME_REGION([fieldError('region', '改派区县与首报区县相同', 'same district as the report')])
      after = { status: 'redirected', decisionReason: input.reason, redirectRegionCode: input.region }
      // the lead moves to the district it is redirected to; that district may report it in turn
      await tx.execute(sql`update leads set region_code = ${input.region}, version = version + 1, updated_at = ${now} where tenant_id = ${actor.tenantId} and id = ${current.leadId}::uuid`)
      await tx.execute(sql`insert into lead_events (tenant_id, id, lead_id, kind, at, actor_name, note)
        values (${actor.tenantId}, ${randomUUID()}, ${current.leadId}::uuid, 'status', ${now}, ${actor.username}, ${`市局改派：${current.regionCode} → ${input.region}（${input.reason}）`})`)
      await addEvent(tx, actor.tenantId, { reportId: id, kind: 'redirected', at: now, actorName: actor.username, regionCode: input.region, detail: { from: current.regionCode, to: input.region, reason: input.reason } })
      for (const region of [current.regionCode, input.region]) {
        await notify(tx, ctx, actor.tenantId, {
          to: { roles: ['district_staff'], region },
          kind: 'registry.redirected',
          title: `首报改派：${firm} → ${target.name_zh}`,
          titleEn: `Report redirected: ${firm} → ${target.name_zh}`,
          body: input.reason,
          bodyEn: input.reason,
          link: region === input.region ? `/leads?id=${current.leadId}` : `/registry/reports?id=${id}`,
          entityType: 'lead_report',
          entityId: id,
        })
      }
    }
    const changed = { ...after, decidedAt: now, decidedBy: actor.username, version: current.version + 1 }
    await tx.update(leadReports).set(changed).where(and(eq(leadReports.tenantId, actor.tenantId), eq(leadReports.id, id)))
    await recordAudit(tx, ctx, actor, {
      action: `registry.report.${input.decision}`,
      entityType: 'lead_report',
      entityId: id,
      before: { status: current.status, version: current.version },
      after: changed,
    })
  })
  const row = await repo.reportById(db, actor.tenantId, id)
  return toReport(row!)
}

// ---------------------------------------------------------------- rights

async function toRights(db: DbOrTx, tenantId: string, rows: repo.RightRow[], reader: RegistryReader, now: Date): Promise<Array<Right | Taken>> {
  const full = rows.filter((r) => readsInFull(reader, r.region_code))
  const events = await repo.rightEvents(db, tenantId, full.map((r) => r.id))
  return rows.map((r): Right | Taken => {
    if (!readsInFull(reader, r.region_code)) {
      return { visibility: 'taken', regionCode: r.region_code, regionName: r.region_name ?? r.region_code, enterpriseId: r.enterprise_id, enterpriseName: r.enterprise_name, expiresAt: iso(r.expires_at)! }
    }
    const expiresAt = new Date(r.expires_at)
    return {
      id: r.id,
      visibility: 'full',
      regionCode: r.region_code,
      regionName: r.region_name ?? r.region_code,
      enterpriseId: r.enterprise_id,
      enterpriseName: r.enterprise_name,
      groupKey: r.group_key,
      reportId: r.report_id,
      leadId: r.lead_id,
      status: rightStatusAt({ status: r.status, expiresAt }, now),
      grantedAt: iso(r.granted_at)!,
      grantedBy: r.granted_by,
      expiresAt: expiresAt.toISOString(),
      renewedAt: iso(r.renewed_at),
      renewals: r.renewals,
      endedAt: iso(r.ended_at),
      endedBy: r.ended_by,
      endReason: r.end_reason,
      daysLeft: daysLeft({ status: r.status, expiresAt }, now),
      version: r.version,
      events: events.filter((e) => e.right_id === r.id).map((e) => ({ kind: e.kind, at: iso(e.at)!, actorName: e.actor_name, detail: e.detail })),
    }
  })
}

export async function listRights(ctx: AppContext, actor: Actor, query: { status?: string | undefined; region?: string | undefined; page: number; pageSize: number }) {
  const db = ctx.database.db
  const scope = await registryScope(db, actor)
  const now = ctx.clock.now()
  const fullRegion = scope.reader.all ? 'all' : scope.district
  const { rows, total } = await repo.findRights(db, actor.tenantId, { status: query.status, region: query.region, fullRegion, now, limit: query.pageSize, offset: (query.page - 1) * query.pageSize })
  return { items: await toRights(db, actor.tenantId, rows, scope.reader, now), total }
}

export async function getRight(ctx: AppContext, actor: Actor, id: string): Promise<Right> {
  const db = ctx.database.db
  const scope = await registryScope(db, actor)
  const row = await repo.rightById(db, actor.tenantId, id)
  if (!row || !readsInFull(scope.reader, row.region_code)) throw registryErrors.RIGHT_NOT_FOUND()
  const [right] = await toRights(db, actor.tenantId, [row], scope.reader, ctx.clock.now())
  return right as Right
}

type RightChange = 'renew' | 'release' | 'revoke'

/** Renew (city), release (the holder district or the city), revoke (city). */
export async function changeRight(ctx: AppContext, actor: Actor, id: string, change: RightChange, input: { version: number; reason: string }): Promise<Right> {
  const db = ctx.database.db
  await db.transaction(async (tx) => {
    const scope = await registryScope(tx, actor)
    const row = await repo.rightById(tx, actor.tenantId, id, true)
    if (!row || !readsInFull(scope.reader, row.region_code)) throw registryErrors.RIGHT_NOT_FOUND()
    if (change !== 'release' && !isCity(actor)) throw commonErrors.FORBIDDEN()
    const now = ctx.clock.now()
    if (rightStatusAt({ status: row.status, expiresAt: new Date(row.expires_at) }, now) !== 'active') throw registryErrors.RIGHT_NOT_ACTIVE()
    if (row.version !== input.version) throw registryErrors.STALE_VERSION([fieldError('version', '首谈资格已被他人修改', 'the right changed meanwhile')])
    let changed: Partial<typeof firstTalkRights.$inferInsert>
    if (change === 'renew') {
      const { settings } = await getSettings(tx, actor.tenantId)
      const expiresAt = addMonths(new Date(Math.max(new Date(row.expires_at).getTime(), now.getTime())), settings.renewalMonths)
      changed = { expiresAt, renewedAt: now, renewals: row.renewals + 1, warnedAt: null }
    } else {
      changed = { status: change === 'release' ? 'released' : 'revoked', endedAt: now, endedBy: actor.username, endReason: input.reason }
    }
    changed.version = row.version + 1
    await tx.update(firstTalkRights).set(changed).where(and(eq(firstTalkRights.tenantId, actor.tenantId), eq(firstTalkRights.id, id)))
    const kind = change === 'renew' ? 'renewed' : change === 'release' ? 'released' : 'revoked'
    await addEvent(tx, actor.tenantId, { rightId: id, reportId: row.report_id, kind, at: now, actorName: actor.username, regionCode: row.region_code, detail: { reason: input.reason, expiresAt: changed.expiresAt?.toISOString() ?? null } })
    await recordAudit(tx, ctx, actor, {
      action: `registry.right.${change}`,
      entityType: 'first_talk_right',
      entityId: id,
      before: { status: row.status, expiresAt: row.expires_at, version: row.version },
      after: changed,
    })
    const zh = { renew: '已续期', release: '已放弃', revoke: '已被市局撤销' }[change]
    const en = { renew: 'renewed', release: 'released', revoke: 'revoked by the city' }[change]
    await notify(tx, ctx, actor.tenantId, {
      to: change === 'release' ? { roles: [...CITY_ROLES] } : { roles: ['district_staff'], region: row.region_code },
      kind: `registry.${kind}`,
      title: `首谈资格${zh}：${row.enterprise_name}`,
      titleEn: `First-talk right ${en}: ${row.enterprise_name}`,
      body: input.reason,
      bodyEn: input.reason,
      link: `/registry/rights?id=${id}`,
      entityType: 'first_talk_right',
      entityId: id,
    })
  })
  return getRight(ctx, actor, id)
}

/** Marks active rights past their expiry as expired (all of a tenant, or one firm's); returns how many. */
export async function expireDueRights(tx: DbOrTx, ctx: Pick<AppContext, 'clock'>, tenantId: string, now: Date, only?: { enterpriseId: string }) {
  const due = await tx
    .update(firstTalkRights)
    .set({ status: 'expired', endedAt: now, endedBy: 'system', endReason: 'expired', version: sql`${firstTalkRights.version} + 1` })
    .where(
      and(
        eq(firstTalkRights.tenantId, tenantId),
        eq(firstTalkRights.status, 'active'),
        sql`${firstTalkRights.expiresAt} <= ${now}`,
        only ? eq(firstTalkRights.enterpriseId, only.enterpriseId) : undefined,
      ),
    )
    .returning()
  const system = systemActor(tenantId)
  for (const right of due) {
    await addEvent(tx, tenantId, { rightId: right.id, reportId: right.reportId, kind: 'expired', at: now, actorName: 'system', regionCode: right.regionCode, detail: { expiresAt: right.expiresAt.toISOString() } })
    await recordAudit(tx, ctx, system, { action: 'registry.right.expire', entityType: 'first_talk_right', entityId: right.id, before: { status: 'active' }, after: { status: 'expired', endedAt: now } })
    await notify(tx, ctx, tenantId, {
      to: { roles: ['district_staff'], region: right.regionCode },
      kind: 'registry.expired',
      title: '首谈资格已到期',
      titleEn: 'A first-talk right has expired',
      link: `/registry/rights?id=${right.id}`,
      entityType: 'first_talk_right',
      entityId: right.id,
      dedupeKey: `right-expired:${right.id}`,
    })
  }
  return due.length
}

/** The scheduled job: expire rights past their date and warn holders of rights about to expire. */
export async function runRightsJob(ctx: AppContext, tenantId: string) {
  const now = ctx.clock.now()
  return ctx.database.db.transaction(async (tx) => {
    const expired = await expireDueRights(tx, ctx, tenantId, now)
    const { settings } = await getSettings(tx, tenantId)
    const active = await tx.select().from(firstTalkRights).where(and(eq(firstTalkRights.tenantId, tenantId), eq(firstTalkRights.status, 'active')))
    let warned = 0
    for (const right of active.filter((r) => needsExpiryWarning(r, now, settings.expiryWarningDays))) {
      const facts = await repo.enterpriseFacts(tx, tenantId, right.enterpriseId)
      await tx.update(firstTalkRights).set({ warnedAt: now }).where(and(eq(firstTalkRights.tenantId, tenantId), eq(firstTalkRights.id, right.id)))
      await notify(tx, ctx, tenantId, {
        to: { roles: ['district_staff'], region: right.regionCode },
        kind: 'registry.expiring',
        title: `首谈资格即将到期：${facts?.name ?? ''}（${day(right.expiresAt)}）`,
        titleEn: `First-talk right expiring: ${facts?.name ?? ''} (${day(right.expiresAt)})`,
        link: `/registry/rights?id=${right.id}`,
        entityType: 'first_talk_right',
        entityId: right.id,
        dedupeKey: `right-expiring:${right.id}:${right.expiresAt.toISOString()}`,
      })
      warned++
    }
    return { expired, warned }
  })
}

export async function listAttempts(ctx: AppContext, actor: Actor, query: { page: number; pageSize: number }) {
  const db = ctx.database.db
  const { rows } = await db.execute<{ id: string; at: Date; actor_name: string; region_code: string | null; region_name: string | null; enterprise_id: string; enterprise_name: string; action: string; conflict: unknown }>(sql`
    select a.id, a.at, a.actor_name, a.region_code, g.name_zh as region_name, a.enterprise_id, e.name as enterprise_name, a.action, a.conflict
    from registry_attempts a
    join enterprises e on e.tenant_id = a.tenant_id and e.id = a.enterprise_id
    left join regions g on g.code = a.region_code
    where a.tenant_id = ${actor.tenantId}
    order by a.at desc, a.id limit ${query.pageSize} offset ${(query.page - 1) * query.pageSize}`)
  const count = await db.execute<{ n: number }>(sql`select count(*)::int as n from registry_attempts where tenant_id = ${actor.tenantId}`)
  return {
    items: rows.map((r) => ({ id: r.id, at: iso(r.at)!, actorName: r.actor_name, regionCode: r.region_code, regionName: r.region_name, enterpriseId: r.enterprise_id, enterpriseName: r.enterprise_name, action: r.action, conflict: r.conflict })),
    total: count.rows[0]?.n ?? 0,
  }
}
