// Leads: intake (form, target list, import), duplicate detection, the inbox with service timers,
// service steps, and the funnel. District staff work on their own district's leads only.
import { randomUUID } from 'node:crypto'
import { and, eq } from 'drizzle-orm'
import type { CreateLead, DuplicateLead, Lead, LeadDetail, LeadFromTarget, LeadStatus, TimerKey } from '../../../../common/src/api/leads.js'
import { channelLabels, leadChannels } from '../../../../common/src/api/leads.js'
import type { RegistrySettings } from '../../../../common/src/api/registry.js'
import type { AppContext } from '../../context.js'
import type { DbOrTx } from '../../db/client.js'
import { commonErrors, fieldError } from '../../http/app-error.js'
import { recordAudit } from '../audit/index.js'
import type { Actor } from '../auth/index.js'
import { findDuplicateCandidates } from '../enterprise/index.js'
import { notify } from '../notifications/index.js'
import { getTenant, scopeDistrict } from '../reference/index.js'
import { assertFirstTalkAllows, enterpriseFacts, getRegistrySettings, mustReport } from '../registry/index.js'
import { leadErrors } from './leads.errors.js'
import * as repo from './leads.repository.js'
import { isOpen, leadTimers, overdueCount, statusAfterStep } from './leads.rules.js'
import { leadEvents, leads } from './leads.table.js'

const iso = (d: Date | string | null) => (d === null ? null : new Date(d).toISOString())
const CITY_ROLES = ['city_admin', 'city_staff']

// ---------------------------------------------------------------- scope

export interface LeadScope {
  /** null: reads every region (city); otherwise the one district read and written */
  district: string | null
  all: boolean
  cityRegion: string
}

export async function leadScope(db: DbOrTx, actor: Actor): Promise<LeadScope> {
  const tenant = await getTenant(db, actor.tenantId)
  const cityRegion = tenant?.regionCode ?? actor.tenantId
  const all = CITY_ROLES.includes(actor.role) || (actor.role === 'leader' && actor.scope.type === 'city')
  return { district: all ? null : await scopeDistrict(db, actor.tenantId, actor.scope), all, cityRegion }
}

const mayRead = (scope: LeadScope, region: string) => scope.all || scope.district === region

/** The region a new lead belongs to: a district writes its own; the city the city or any of its districts. */
async function owningRegion(db: DbOrTx, scope: LeadScope, requested: string | undefined) {
  if (!scope.all) {
    if (!scope.district) throw commonErrors.OUT_OF_SCOPE()
    if (requested && requested !== scope.district) throw commonErrors.OUT_OF_SCOPE()
    return scope.district
  }
  const region = requested ?? scope.cityRegion
  if (region !== scope.cityRegion) {
    const info = await repo.regionOf(db, region)
    if (!info || info.parent_code !== scope.cityRegion) throw leadErrors.REGION_NOT_FOUND([fieldError('region', `区域 ${region} 不属于本市`, `region ${region} is not in this city`)])
  }
  return region
}

// ---------------------------------------------------------------- views

function toLead(row: repo.LeadRow, settings: RegistrySettings, now: Date): Lead {
  const timers = leadTimers(
    {
      status: row.status as LeadStatus,
      receivedAt: new Date(row.received_at),
      firstResponseAt: row.first_response_at && new Date(row.first_response_at),
      evaluatedAt: row.evaluated_at && new Date(row.evaluated_at),
      feedbackAt: row.feedback_at && new Date(row.feedback_at),
      lastProgressAt: row.last_progress_at && new Date(row.last_progress_at),
    },
    settings.timers,
    now,
  )
  return {
    id: row.id,
    regionCode: row.region_code,
    regionName: row.region_name ?? row.region_code,
    title: row.title,
    enterpriseId: row.enterprise_id,
    enterpriseName: row.enterprise_name,
    groupKey: row.group_key,
    channel: row.channel as Lead['channel'],
    sourcePerson: row.source_person,
    sourceContact: row.source_contact,
    plannedInvestment: row.planned_investment,
    plannedInvestmentUsd: row.planned_investment_usd,
    chainCode: row.chain_code,
    chainName: row.chain_name,
    segmentCode: row.segment_code,
    intendedRegionCode: row.intended_region_code,
    intendedPlatformCode: row.intended_platform_code,
    investorWishes: row.investor_wishes,
    status: row.status as LeadStatus,
    origin: row.origin as Lead['origin'],
    targetId: row.target_id,
    receivedAt: iso(row.received_at)!,
    timers,
    overdue: overdueCount(timers),
    mustReport: mustReport({ plannedInvestment: row.planned_investment, plannedInvestmentUsd: row.planned_investment_usd, chainCode: row.chain_code }, settings).required,
    reportStatus: row.report_status,
    reportId: row.report_id,
    standing: row.holder_here ? 'holder' : row.held_elsewhere ? 'held_elsewhere' : 'none',
    version: row.version,
    createdAt: iso(row.created_at)!,
    createdBy: row.created_by,
  }
}

export async function listLeads(ctx: AppContext, actor: Actor, query: { q?: string | undefined; status?: LeadStatus | undefined; channel?: string | undefined; region?: string | undefined; overdue?: 'true' | 'false' | undefined; page: number; pageSize: number }) {
  const db = ctx.database.db
  const scope = await leadScope(db, actor)
  if (!scope.all) {
    if (query.region && query.region !== scope.district) throw commonErrors.OUT_OF_SCOPE()
    if (!scope.district) return { items: [], total: 0 }
  }
  const now = ctx.clock.now()
  const { settings } = await getRegistrySettings(db, actor.tenantId)
  const { rows, total } = await repo.findLeads(
    db,
    actor.tenantId,
    {
      region: scope.all ? (query.region ?? null) : scope.district,
      q: query.q,
      status: query.status,
      channel: query.channel,
      overdue: query.overdue === 'true' ? repo.overdueCondition(settings.timers, now) : undefined,
    },
    now,
    { limit: query.pageSize, offset: (query.page - 1) * query.pageSize },
  )
  return { items: rows.map((r) => toLead(r, settings, now)), total }
}

export async function getLead(ctx: AppContext, actor: Actor, id: string, db: DbOrTx = ctx.database.db): Promise<LeadDetail> {
  const scope = await leadScope(db, actor)
  const now = ctx.clock.now()
  const row = await repo.leadById(db, actor.tenantId, id, now)
  // another district's lead does not exist for the caller
  if (!row || !mayRead(scope, row.region_code)) throw leadErrors.LEAD_NOT_FOUND()
  const { settings } = await getRegistrySettings(db, actor.tenantId)
  const events = await repo.leadEvents(db, actor.tenantId, id)
  return { ...toLead(row, settings, now), events: events.map((e) => ({ kind: e.kind, at: iso(e.at)!, actorName: e.actor_name, note: e.note })) }
}

// ---------------------------------------------------------------- duplicates

/**
 * Open leads and active rights on the same firm, its group, or a firm the enterprise matching
 * finds (same USCC, same group, similar trade name). Another district's leads stay invisible;
 * another district's right shows as holder and expiry only.
 */
export async function findLeadDuplicates(db: DbOrTx, actor: Actor, scope: LeadScope, enterpriseId: string, region: string, now: Date): Promise<DuplicateLead[]> {
  const firm = await repo.enterpriseBasics(db, actor.tenantId, enterpriseId)
  const facts = await enterpriseFacts(db, actor.tenantId, enterpriseId)
  if (!firm || !facts) return []
  const hits = await findDuplicateCandidates(db, actor.tenantId, { uscc: firm.uscc, name: firm.name, parentId: firm.parent_id, actualController: firm.actual_controller, excludeId: firm.id })
  const hitReason = new Map(hits.map((h) => [h.id, h.reasons[0] ?? 'similar_trade_name']))
  const ids = [firm.id, ...hits.map((h) => h.id)]
  const reasonOf = (id: string, groupKey: string): DuplicateLead['reason'] =>
    id === firm.id ? 'same_enterprise' : groupKey === facts.groupKey ? 'same_group' : (hitReason.get(id) ?? 'similar_trade_name')
  const result: DuplicateLead[] = []
  for (const l of await repo.openLeadsOn(db, actor.tenantId, ids, facts.groupKey, scope.all ? null : region)) {
    result.push({ kind: 'lead', reason: reasonOf(l.enterprise_id, l.group_key), leadId: l.id, title: l.title, regionCode: l.region_code, regionName: l.region_name ?? l.region_code, enterpriseId: l.enterprise_id, enterpriseName: l.enterprise_name, expiresAt: null })
  }
  for (const r of await repo.activeRightsOnAny(db, actor.tenantId, ids, facts.groupKey, now)) {
    const full = mayRead(scope, r.region_code)
    const reason = reasonOf(r.enterprise_id, r.group_key)
    result.push({
      kind: 'right',
      reason,
      leadId: null,
      title: null,
      regionCode: r.region_code,
      regionName: r.region_name ?? r.region_code,
      // a similar firm another district holds is shown as taken without naming it
      enterpriseId: full || reason === 'same_enterprise' ? r.enterprise_id : null,
      enterpriseName: full || reason === 'same_enterprise' ? r.enterprise_name : null,
      expiresAt: iso(r.expires_at),
    })
  }
  return result
}

export async function checkDuplicates(ctx: AppContext, actor: Actor, query: { enterpriseId: string; region?: string | undefined }) {
  const db = ctx.database.db
  const scope = await leadScope(db, actor)
  const region = await owningRegion(db, scope, query.region)
  return { items: await findLeadDuplicates(db, actor, scope, query.enterpriseId, region, ctx.clock.now()) }
}

const reasonZh: Record<DuplicateLead['reason'], string> = { same_enterprise: '同一企业', same_group: '同一集团', similar_trade_name: '字号相近', same_uscc: '统一社会信用代码相同' }
const reasonEn: Record<DuplicateLead['reason'], string> = { same_enterprise: 'same firm', same_group: 'same group', similar_trade_name: 'similar trade name', same_uscc: 'same USCC' }

function duplicateFields(items: DuplicateLead[]) {
  return items.map((d, i) =>
    d.kind === 'lead'
      ? fieldError(`duplicates.${i}`, `${d.regionName}已有线索「${d.title}」（${reasonZh[d.reason]}：${d.enterpriseName}）`, `${d.regionName} already has the lead "${d.title}" (${reasonEn[d.reason]}: ${d.enterpriseName})`)
      : fieldError(
          `duplicates.${i}`,
          `${d.regionName}持有首谈资格至 ${d.expiresAt?.slice(0, 10)}（${reasonZh[d.reason]}${d.enterpriseName ? `：${d.enterpriseName}` : ''}）`,
          `${d.regionName} holds a first-talk right until ${d.expiresAt?.slice(0, 10)} (${reasonEn[d.reason]}${d.enterpriseName ? `: ${d.enterpriseName}` : ''})`,
        ),
  )
}

// ---------------------------------------------------------------- create

async function validateChain(db: DbOrTx, tenantId: string, chain: string | null | undefined, segment: string | null | undefined) {
  if (chain && !(await repo.chainExists(db, tenantId, chain))) throw leadErrors.CHAIN_NOT_FOUND([fieldError('chainCode', `产业链 ${chain} 不存在`, `unknown chain ${chain}`)])
  if (segment) {
    if (!chain || !(await repo.segmentInChain(db, tenantId, chain, segment))) throw leadErrors.SEGMENT_NOT_IN_CHAIN([fieldError('segmentCode', `环节 ${segment} 不属于产业链 ${chain ?? '（未填）'}`, `segment ${segment} is not in chain ${chain ?? '(none)'}`)])
  }
}

async function validateIntended(db: DbOrTx, scope: LeadScope, region: string | null | undefined) {
  if (!region) return
  const info = await repo.regionOf(db, region)
  if (!info || (info.parent_code !== scope.cityRegion && region !== scope.cityRegion)) {
    throw leadErrors.REGION_NOT_FOUND([fieldError('intendedRegionCode', `区域 ${region} 不属于本市`, `region ${region} is not in this city`)])
  }
}

type NewLead = Omit<CreateLead, 'confirmDuplicate'> & { origin: 'form' | 'import' | 'target'; targetId?: string | null }

async function insertLead(tx: DbOrTx, ctx: AppContext, actor: Actor, region: string, groupKey: string, input: NewLead) {
  const now = ctx.clock.now()
  const id = randomUUID()
  const row = {
    tenantId: actor.tenantId,
    id,
    regionCode: region,
    title: input.title,
    enterpriseId: input.enterpriseId,
    groupKey,
    channel: input.channel,
    sourcePerson: input.sourcePerson,
    sourceContact: input.sourceContact ?? null,
    plannedInvestment: input.plannedInvestment ?? null,
    plannedInvestmentUsd: input.plannedInvestmentUsd ?? null,
    chainCode: input.chainCode ?? null,
    segmentCode: input.segmentCode ?? null,
    intendedRegionCode: input.intendedRegionCode ?? null,
    intendedPlatformCode: input.intendedPlatformCode ?? null,
    investorWishes: input.investorWishes ?? null,
    status: 'new' as const,
    origin: input.origin,
    targetId: input.targetId ?? null,
    receivedAt: now,
    createdAt: now,
    createdBy: actor.username,
    updatedAt: now,
  }
  await tx.insert(leads).values(row)
  await tx.insert(leadEvents).values({ tenantId: actor.tenantId, id: randomUUID(), leadId: id, kind: 'created', at: now, actorName: actor.username, note: channelLabels[input.channel] })
  return row
}

export async function createLead(ctx: AppContext, actor: Actor, input: CreateLead & { origin?: 'form' | 'target'; targetId?: string | null }): Promise<LeadDetail> {
  const db = ctx.database.db
  const id = await db.transaction(async (tx) => {
    const scope = await leadScope(tx, actor)
    const region = await owningRegion(tx, scope, input.region)
    const facts = await enterpriseFacts(tx, actor.tenantId, input.enterpriseId)
    if (!facts || facts.status !== 'active') throw leadErrors.ENTERPRISE_NOT_FOUND([fieldError('enterpriseId', '企业不存在或已合并', 'no such active enterprise')])
    await validateChain(tx, actor.tenantId, input.chainCode, input.segmentCode)
    await validateIntended(tx, scope, input.intendedRegionCode)
    await assertFirstTalkAllows(tx, actor, { enterpriseId: facts.id, action: 'lead' }, ctx.clock)
    await repo.lockLeadSlot(tx, actor.tenantId, region)
    if (!input.confirmDuplicate) {
      const duplicates = await findLeadDuplicates(tx, actor, scope, facts.id, region, ctx.clock.now())
      if (duplicates.length > 0) throw leadErrors.DUPLICATE_LEAD(duplicateFields(duplicates))
    }
    const row = await insertLead(tx, ctx, actor, region, facts.groupKey, { ...input, origin: input.origin ?? 'form' })
    await recordAudit(tx, ctx, actor, { action: 'leads.create', entityType: 'lead', entityId: row.id, after: row })
    return row.id
  })
  return getLead(ctx, actor, id)
}

/** A lead from a 目标客商 entry: the entry's region, firm, chain and segment. */
export async function createLeadFromTarget(ctx: AppContext, actor: Actor, input: LeadFromTarget): Promise<LeadDetail> {
  const db = ctx.database.db
  const scope = await leadScope(db, actor)
  const target = await repo.targetById(db, actor.tenantId, input.targetId)
  if (!target || !mayRead(scope, target.region_code)) throw leadErrors.TARGET_NOT_FOUND([fieldError('targetId', '目标客商条目不存在', 'no such target entry in your region')])
  const { targetId, ...rest } = input
  return createLead(ctx, actor, {
    ...rest,
    region: target.region_code,
    title: input.title ?? `${target.enterprise_name}项目`,
    enterpriseId: target.enterprise_id,
    chainCode: input.chainCode ?? target.chain_code,
    segmentCode: input.segmentCode ?? target.segment_code,
    origin: 'target',
    targetId,
  })
}

// ---------------------------------------------------------------- steps

const stepColumn: Record<TimerKey, 'firstResponseAt' | 'evaluatedAt' | 'feedbackAt' | 'lastProgressAt'> = {
  first_response: 'firstResponseAt',
  evaluation: 'evaluatedAt',
  feedback: 'feedbackAt',
  progress: 'lastProgressAt',
}

async function lockedLead(tx: DbOrTx, actor: Actor, id: string, version: number) {
  const scope = await leadScope(tx, actor)
  const [row] = await tx.select().from(leads).where(and(eq(leads.tenantId, actor.tenantId), eq(leads.id, id))).for('update')
  if (!row || !mayRead(scope, row.regionCode)) throw leadErrors.LEAD_NOT_FOUND()
  if (actor.role === 'leader') throw commonErrors.READ_ONLY_ROLE()
  if (row.version !== version) throw leadErrors.STALE_VERSION([fieldError('version', '线索已被他人修改', 'the lead changed meanwhile')])
  return row
}

/** Records a service step (stamps its timer) with a note; an evaluation sets valid / invalid. */
export async function recordStep(ctx: AppContext, actor: Actor, id: string, input: { kind: TimerKey; note: string; outcome?: 'valid' | 'invalid' | undefined; version: number }): Promise<LeadDetail> {
  await ctx.database.db.transaction(async (tx) => {
    const row = await lockedLead(tx, actor, id, input.version)
    if (!isOpen(row.status)) throw leadErrors.LEAD_CLOSED()
    if (input.kind === 'evaluation' && !input.outcome) throw leadErrors.OUTCOME_REQUIRED([fieldError('outcome', '请选择研判结论', 'choose the outcome')])
    const now = ctx.clock.now()
    const column = stepColumn[input.kind]
    const status = statusAfterStep(row.status, input.kind, input.outcome)
    // a once-only step keeps its first time (the timer was met then); progress moves every time
    const stamp = input.kind === 'progress' || row[column] === null ? now : row[column]
    const changed = { [column]: stamp, status, version: row.version + 1, updatedAt: now, closedAt: status === 'invalid' ? now : row.closedAt }
    await tx.update(leads).set(changed).where(and(eq(leads.tenantId, actor.tenantId), eq(leads.id, id)))
    await tx.insert(leadEvents).values({ tenantId: actor.tenantId, id: randomUUID(), leadId: id, kind: input.kind, at: now, actorName: actor.username, note: input.outcome ? `${input.outcome === 'valid' ? '有效' : '无效'}：${input.note}` : input.note })
    await recordAudit(tx, ctx, actor, { action: `leads.step.${input.kind}`, entityType: 'lead', entityId: id, before: { status: row.status, [column]: row[column], version: row.version }, after: changed })
  })
  return getLead(ctx, actor, id)
}

export async function closeLead(ctx: AppContext, actor: Actor, id: string, input: { status: 'dropped' | 'signed'; note: string; version: number }): Promise<LeadDetail> {
  await ctx.database.db.transaction(async (tx) => {
    const row = await lockedLead(tx, actor, id, input.version)
    if (!isOpen(row.status)) throw leadErrors.LEAD_CLOSED()
    const now = ctx.clock.now()
    const changed = { status: input.status, closedAt: now, version: row.version + 1, updatedAt: now }
    await tx.update(leads).set(changed).where(and(eq(leads.tenantId, actor.tenantId), eq(leads.id, id)))
    await tx.insert(leadEvents).values({ tenantId: actor.tenantId, id: randomUUID(), leadId: id, kind: 'status', at: now, actorName: actor.username, note: `${input.status}：${input.note}` })
    await recordAudit(tx, ctx, actor, { action: `leads.close.${input.status}`, entityType: 'lead', entityId: id, before: { status: row.status, version: row.version }, after: changed })
  })
  return getLead(ctx, actor, id)
}

// ---------------------------------------------------------------- funnel

export async function leadFunnel(ctx: AppContext, actor: Actor, query: { from?: string | undefined; to?: string | undefined }) {
  const db = ctx.database.db
  const scope = await leadScope(db, actor)
  if (!scope.all && !scope.district) throw commonErrors.OUT_OF_SCOPE()
  const region = scope.all ? null : scope.district
  const [byChannel, byRegion, names] = await Promise.all([
    repo.funnel(db, actor.tenantId, 'channel', region, query.from ?? null, query.to ?? null),
    repo.funnel(db, actor.tenantId, 'region', region, query.from ?? null, query.to ?? null),
    repo.chainsAndDistricts(db, actor.tenantId, scope.cityRegion),
  ])
  const regionName = new Map(names.regions.map((r) => [r.code, r.name_zh]))
  const total = byChannel.reduce<repo.FunnelRow & { name: string }>(
    (sum, r) => ({ ...sum, leads: sum.leads + r.leads, valid: sum.valid + r.valid, reported: sum.reported + r.reported, granted: sum.granted + r.granted, signed: sum.signed + r.signed }),
    { key: 'total', name: '合计', leads: 0, valid: 0, reported: 0, granted: 0, signed: 0 },
  )
  const channelOrder = (k: string) => leadChannels.indexOf(k as never)
  return {
    total,
    byChannel: byChannel.sort((a, b) => channelOrder(a.key) - channelOrder(b.key)).map((r) => ({ ...r, name: channelLabels[r.key as keyof typeof channelLabels] ?? r.key })),
    byRegion: byRegion.map((r) => ({ ...r, name: regionName.get(r.key) ?? (r.key === scope.cityRegion ? '市本级' : r.key) })),
  }
}

// ---------------------------------------------------------------- overdue alerts (a scheduled job)

/** Raises one notification per overdue timer of an open lead (deduplicated by timer and due time). */
export async function runLeadTimersJob(ctx: AppContext, tenantId: string) {
  const now = ctx.clock.now()
  const db = ctx.database.db
  const { settings } = await getRegistrySettings(db, tenantId)
  const { rows } = await repo.findLeads(db, tenantId, { region: null, overdue: repo.overdueCondition(settings.timers, now) }, now, { limit: 5000, offset: 0 })
  const tenant = await getTenant(db, tenantId)
  let raised = 0
  await db.transaction(async (tx) => {
    for (const row of rows) {
      const lead = toLead(row, settings, now)
      for (const timer of lead.timers.filter((t) => t.state === 'overdue')) {
        const to = row.region_code === tenant?.regionCode ? { roles: ['city_admin', 'city_staff'] as const } : { roles: ['district_staff'] as const, region: row.region_code }
        raised += await notify(tx, ctx, tenantId, {
          to: { roles: [...to.roles], ...('region' in to ? { region: to.region } : {}) },
          kind: 'leads.overdue',
          title: `线索服务超时：${row.title}（${timerZh[timer.key]}）`,
          titleEn: `Lead overdue: ${row.title} (${timerEn[timer.key]})`,
          link: `/leads?id=${row.id}`,
          entityType: 'lead',
          entityId: row.id,
          dedupeKey: `lead-overdue:${row.id}:${timer.key}:${timer.dueAt}`,
        })
      }
    }
  })
  return { overdueLeads: rows.length, raised }
}

const timerZh: Record<TimerKey, string> = { first_response: '首次响应', evaluation: '研判', feedback: '反馈来源', progress: '进展报告' }
const timerEn: Record<TimerKey, string> = { first_response: 'first response', evaluation: 'evaluation', feedback: 'feedback to the source', progress: 'progress report' }
