import { doublePrecision, foreignKey, index, integer, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core'
import { enterprises } from '../enterprise/enterprise.table.js'

// Leads (项目信息/线索). Money in 万元 like the rest of the system; foreign capital in 万美元.
// A lead belongs to the district that holds it (region_code); the city may hold leads too.

export const leadChannels = ['resident_office', 'agency', 'referral', 'fund', 'fair', 'hometown', 'soe_abroad', 'other'] as const
export type LeadChannel = (typeof leadChannels)[number]
export const leadStatuses = ['new', 'valid', 'invalid', 'signed', 'dropped'] as const
export type LeadStatus = (typeof leadStatuses)[number]
export const leadOrigins = ['form', 'import', 'target'] as const
export type LeadOrigin = (typeof leadOrigins)[number]

export const leads = pgTable(
  'leads',
  {
    tenantId: text('tenant_id').notNull(),
    id: uuid('id').notNull(),
    /** the owning district (or the city's own code) */
    regionCode: text('region_code').notNull(),
    title: text('title').notNull(),
    enterpriseId: uuid('enterprise_id').notNull(),
    /** the enterprise's group: see registry.rules groupKeyOf (root of the parent tree, or the actual controller) */
    groupKey: text('group_key').notNull(),
    channel: text('channel', { enum: leadChannels }).notNull(),
    sourcePerson: text('source_person').notNull(),
    sourceContact: text('source_contact'),
    plannedInvestment: doublePrecision('planned_investment'),
    plannedInvestmentUsd: doublePrecision('planned_investment_usd'),
    chainCode: text('chain_code'),
    segmentCode: text('segment_code'),
    intendedRegionCode: text('intended_region_code'),
    intendedPlatformCode: text('intended_platform_code'),
    investorWishes: text('investor_wishes'),
    status: text('status', { enum: leadStatuses }).notNull().default('new'),
    origin: text('origin', { enum: leadOrigins }).notNull(),
    targetId: uuid('target_id'),
    // service timers: received_at starts them; each step stamps its time
    receivedAt: timestamp('received_at', { withTimezone: true, mode: 'date' }).notNull(),
    firstResponseAt: timestamp('first_response_at', { withTimezone: true, mode: 'date' }),
    evaluatedAt: timestamp('evaluated_at', { withTimezone: true, mode: 'date' }),
    feedbackAt: timestamp('feedback_at', { withTimezone: true, mode: 'date' }),
    lastProgressAt: timestamp('last_progress_at', { withTimezone: true, mode: 'date' }),
    closedAt: timestamp('closed_at', { withTimezone: true, mode: 'date' }),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull(),
    createdBy: text('created_by').notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'date' }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    index('leads_region_idx').on(t.tenantId, t.regionCode, t.status),
    index('leads_enterprise_idx').on(t.tenantId, t.enterpriseId),
    index('leads_group_idx').on(t.tenantId, t.groupKey),
    foreignKey({ columns: [t.tenantId, t.enterpriseId], foreignColumns: [enterprises.tenantId, enterprises.id] }),
  ],
)

/** Progress notes and timer steps of a lead (first response, evaluation, feedback, progress). */
export const leadEvents = pgTable(
  'lead_events',
  {
    tenantId: text('tenant_id').notNull(),
    id: uuid('id').notNull(),
    leadId: uuid('lead_id').notNull(),
    kind: text('kind', { enum: ['created', 'first_response', 'evaluation', 'feedback', 'progress', 'status'] }).notNull(),
    at: timestamp('at', { withTimezone: true, mode: 'date' }).notNull(),
    actorName: text('actor_name').notNull(),
    note: text('note'),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    index('lead_events_lead_idx').on(t.tenantId, t.leadId, t.at),
    foreignKey({ columns: [t.tenantId, t.leadId], foreignColumns: [leads.tenantId, leads.id] }),
  ],
)
