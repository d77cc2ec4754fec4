import { sql } from 'drizzle-orm'
import { foreignKey, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core'
import { enterprises } from '../enterprise/enterprise.table.js'
import { leads } from '../leads/leads.table.js'

// 首报首谈: a district's first report of a lead, the city's decision, and the exclusive first-talk
// right it grants. Two districts must never hold the same firm: the unique partial indexes below are
// the last line behind the advisory lock taken in registry.service (see docs/modules/registry.md).

export const reportStatuses = ['pending', 'granted', 'rejected', 'redirected', 'withdrawn'] as const
export type ReportStatus = (typeof reportStatuses)[number]

export const leadReports = pgTable(
  'lead_reports',
  {
    tenantId: text('tenant_id').notNull(),
    id: uuid('id').notNull(),
    leadId: uuid('lead_id').notNull(),
    regionCode: text('region_code').notNull(),
    enterpriseId: uuid('enterprise_id').notNull(),
    groupKey: text('group_key').notNull(),
    intent: text('intent').notNull(),
    status: text('status', { enum: reportStatuses }).notNull().default('pending'),
    reportedAt: timestamp('reported_at', { withTimezone: true, mode: 'date' }).notNull(),
    reportedBy: text('reported_by').notNull(),
    decidedAt: timestamp('decided_at', { withTimezone: true, mode: 'date' }),
    decidedBy: text('decided_by'),
    decisionReason: text('decision_reason'),
    redirectRegionCode: text('redirect_region_code'),
    rightId: uuid('right_id'),
    version: integer('version').notNull().default(1),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    uniqueIndex('lead_reports_pending_enterprise_uq').on(t.tenantId, t.enterpriseId).where(sql`status = 'pending'`),
    index('lead_reports_group_idx').on(t.tenantId, t.groupKey, t.status),
    index('lead_reports_status_idx').on(t.tenantId, t.status, t.reportedAt),
    index('lead_reports_lead_idx').on(t.tenantId, t.leadId),
    foreignKey({ columns: [t.tenantId, t.leadId], foreignColumns: [leads.tenantId, leads.id] }),
    foreignKey({ columns: [t.tenantId, t.enterpriseId], foreignColumns: [enterprises.tenantId, enterprises.id] }),
  ],
)

export const rightStatuses = ['active', 'expired', 'released', 'revoked'] as const
export type RightStatus = (typeof rightStatuses)[number]

/** 首谈资格: the exclusive right of one district to talk to a firm (and its group) until expires_at. */
export const firstTalkRights = pgTable(
  'first_talk_rights',
  {
    tenantId: text('tenant_id').notNull(),
    id: uuid('id').notNull(),
    reportId: uuid('report_id'),
    leadId: uuid('lead_id'),
    regionCode: text('region_code').notNull(),
    enterpriseId: uuid('enterprise_id').notNull(),
    groupKey: text('group_key').notNull(),
    status: text('status', { enum: rightStatuses }).notNull().default('active'),
    grantedAt: timestamp('granted_at', { withTimezone: true, mode: 'date' }).notNull(),
    grantedBy: text('granted_by').notNull(),
    expiresAt: timestamp('expires_at', { withTimezone: true, mode: 'date' }).notNull(),
    renewedAt: timestamp('renewed_at', { withTimezone: true, mode: 'date' }),
    renewals: integer('renewals').notNull().default(0),
    endedAt: timestamp('ended_at', { withTimezone: true, mode: 'date' }),
    endedBy: text('ended_by'),
    endReason: text('end_reason'),
    /** set when the expiry warning went out, so the job warns once */
    warnedAt: timestamp('warned_at', { withTimezone: true, mode: 'date' }),
    version: integer('version').notNull().default(1),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    uniqueIndex('first_talk_rights_active_enterprise_uq').on(t.tenantId, t.enterpriseId).where(sql`status = 'active'`),
    index('first_talk_rights_group_idx').on(t.tenantId, t.groupKey, t.status),
    index('first_talk_rights_status_idx').on(t.tenantId, t.status, t.expiresAt),
    foreignKey({ columns: [t.tenantId, t.enterpriseId], foreignColumns: [enterprises.tenantId, enterprises.id] }),
  ],
)

/** Every step of a report and a right: reported, granted, rejected, redirected, renewed, released, revoked, expired. */
export const registryEvents = pgTable(
  'registry_events',
  {
    tenantId: text('tenant_id').notNull(),
    id: uuid('id').notNull(),
    reportId: uuid('report_id'),
    rightId: uuid('right_id'),
    kind: text('kind').notNull(),
    at: timestamp('at', { withTimezone: true, mode: 'date' }).notNull(),
    actorName: text('actor_name').notNull(),
    regionCode: text('region_code'),
    detail: jsonb('detail'),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    index('registry_events_report_idx').on(t.tenantId, t.reportId, t.at),
    index('registry_events_right_idx').on(t.tenantId, t.rightId, t.at),
  ],
)

/** Refused attempts (a report, lead, negotiation or project for a firm another district holds). */
export const registryAttempts = pgTable(
  'registry_attempts',
  {
    tenantId: text('tenant_id').notNull(),
    id: uuid('id').notNull(),
    at: timestamp('at', { withTimezone: true, mode: 'date' }).notNull(),
    actorName: text('actor_name').notNull(),
    regionCode: text('region_code'),
    enterpriseId: uuid('enterprise_id').notNull(),
    action: text('action').notNull(),
    /** what blocked it: { kind: 'right' | 'report', id, regionCode, reason, expiresAt? } */
    conflict: jsonb('conflict').notNull(),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.id] }), index('registry_attempts_at_idx').on(t.tenantId, t.at)],
)

/** City settings of leads and the registry (thresholds, right duration, service timers), one JSON value per key. */
export const registrySettings = pgTable(
  'registry_settings',
  {
    tenantId: text('tenant_id').notNull(),
    key: text('key').notNull(),
    value: jsonb('value').notNull(),
    version: integer('version').notNull().default(1),
    updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'date' }).notNull(),
    updatedBy: text('updated_by').notNull(),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.key] })],
)
