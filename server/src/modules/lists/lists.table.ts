import { date, doublePrecision, foreignKey, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core'
import { enterprises } from '../enterprise/enterprise.table.js'

// The three lists (三张清单). Every list row belongs to a region: the city's code for city-wide
// entries, a district's code for a district's own; district staff edit only their own region's rows.

export const chainLeaderStatuses = ['proposed', 'confirmed', 'rejected'] as const
export type ChainLeaderStatus = (typeof chainLeaderStatuses)[number]

/** 链主企业清单: proposed by the criteria, confirmed or rejected by staff. */
export const chainLeaders = pgTable(
  'chain_leaders',
  {
    tenantId: text('tenant_id').notNull(),
    chainCode: text('chain_code').notNull(),
    enterpriseId: uuid('enterprise_id').notNull(),
    status: text('status', { enum: chainLeaderStatuses }).notNull(),
    /** score and the criteria values it came from: { revenueRank, localSuppliers, localCustomers, ... } */
    score: doublePrecision('score').notNull().default(0),
    criteria: jsonb('criteria').notNull(),
    note: text('note'),
    decidedBy: text('decided_by'),
    decidedAt: timestamp('decided_at', { withTimezone: true, mode: 'date' }),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'date' }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.chainCode, t.enterpriseId] }),
    index('chain_leaders_enterprise_idx').on(t.tenantId, t.enterpriseId),
    foreignKey({ columns: [t.tenantId, t.enterpriseId], foreignColumns: [enterprises.tenantId, enterprises.id] }),
  ],
)

export const keySupplierStatuses = ['open', 'approaching', 'introduced', 'dismissed'] as const
export type KeySupplierStatus = (typeof keySupplierStatuses)[number]

/**
 * 关键配套清单: an outside supplier that local chain leaders of a region depend on, in a segment.
 * Refreshed from the relations; staff keep the status and note.
 */
export const keySuppliers = pgTable(
  'key_suppliers',
  {
    tenantId: text('tenant_id').notNull(),
    id: uuid('id').notNull(),
    regionCode: text('region_code').notNull(),
    chainCode: text('chain_code').notNull(),
    segmentCode: text('segment_code'),
    supplierId: uuid('supplier_id').notNull(),
    /** the local chain leaders it supplies, with the shares known: [{ enterpriseId, shareOfBuyerCost, shareOfSupplierRevenue }] */
    dependents: jsonb('dependents').notNull(),
    dependence: doublePrecision('dependence').notNull().default(0),
    status: text('status', { enum: keySupplierStatuses }).notNull().default('open'),
    note: text('note'),
    /** set when a refresh no longer finds the dependence; cleared when it comes back */
    vanishedAt: timestamp('vanished_at', { withTimezone: true, mode: 'date' }),
    version: integer('version').notNull().default(1),
    firstSeenAt: timestamp('first_seen_at', { withTimezone: true, mode: 'date' }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'date' }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    // one entry per supplier per region and chain: the refresh upserts on it
    uniqueIndex('key_suppliers_entry_uq').on(t.tenantId, t.regionCode, t.chainCode, t.supplierId),
    foreignKey({ columns: [t.tenantId, t.supplierId], foreignColumns: [enterprises.tenantId, enterprises.id] }),
  ],
)

export const targetStatuses = ['new', 'researching', 'contacting', 'negotiating', 'converted', 'dropped'] as const
export type TargetStatus = (typeof targetStatuses)[number]
export const targetPriorities = ['high', 'medium', 'low'] as const
export type TargetPriority = (typeof targetPriorities)[number]
export const targetSources = ['manual', 'import', 'discovery', 'key_supplier'] as const
export type TargetSource = (typeof targetSources)[number]

/** 目标客商清单: companies a region means to approach. */
export const targets = pgTable(
  'targets',
  {
    tenantId: text('tenant_id').notNull(),
    id: uuid('id').notNull(),
    regionCode: text('region_code').notNull(),
    enterpriseId: uuid('enterprise_id').notNull(),
    chainCode: text('chain_code'),
    segmentCode: text('segment_code'),
    ownerUserId: uuid('owner_user_id'),
    ownerName: text('owner_name').notNull(),
    priority: text('priority', { enum: targetPriorities }).notNull(),
    status: text('status', { enum: targetStatuses }).notNull(),
    nextStep: text('next_step'),
    nextStepDue: date('next_step_due', { mode: 'string' }),
    notes: text('notes'),
    reason: text('reason').notNull(),
    source: text('source', { enum: targetSources }).notNull(),
    /** the score and factors from target discovery, when it came from there */
    score: jsonb('score'),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull(),
    createdBy: text('created_by').notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'date' }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    index('targets_region_idx').on(t.tenantId, t.regionCode, t.status),
    index('targets_enterprise_idx').on(t.tenantId, t.enterpriseId),
    foreignKey({ columns: [t.tenantId, t.enterpriseId], foreignColumns: [enterprises.tenantId, enterprises.id] }),
  ],
)

/** History of every list row: one row per change with the fields before and after. */
export const listChanges = pgTable(
  'list_changes',
  {
    tenantId: text('tenant_id').notNull(),
    id: uuid('id').notNull(),
    list: text('list', { enum: ['chain_leader', 'key_supplier', 'target'] }).notNull(),
    entryKey: text('entry_key').notNull(),
    at: timestamp('at', { withTimezone: true, mode: 'date' }).notNull(),
    actorName: text('actor_name').notNull(),
    action: text('action').notNull(),
    before: jsonb('before'),
    after: jsonb('after'),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.id] }), index('list_changes_entry_idx').on(t.tenantId, t.list, t.entryKey, t.at)],
)

/** City settings of the lists (e.g. the chain-leader criteria), one JSON value per key; absent means defaults. */
export const listSettings = pgTable(
  'list_settings',
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
