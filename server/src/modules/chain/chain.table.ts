import { index, integer, jsonb, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core'

// The chain trees themselves (chains, chain_segments) are reference tables of the reference module;
// the chain module edits them and keeps every published state here.

/** One row per published version of a chain: the whole tree as it stood, so any version can be shown or diffed. */
export const chainVersions = pgTable(
  'chain_versions',
  {
    tenantId: text('tenant_id').notNull(),
    chainCode: text('chain_code').notNull(),
    version: integer('version').notNull(),
    /** { chain, segments[] } as returned by the chain catalog */
    snapshot: jsonb('snapshot').notNull(),
    note: text('note'),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull(),
    createdBy: text('created_by').notNull(),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.chainCode, t.version] })],
)

export const layoutRoles = ['core', 'cooperating'] as const
export type LayoutRole = (typeof layoutRoles)[number]

/**
 * 布局导引: which districts (and which of their platforms) host which chain, per year. A district-level
 * row has platform_code '' (empty, not null, so that it can be part of the key).
 */
export const layoutGuideEntries = pgTable(
  'layout_guide_entries',
  {
    tenantId: text('tenant_id').notNull(),
    year: integer('year').notNull(),
    chainCode: text('chain_code').notNull(),
    districtCode: text('district_code').notNull(),
    platformCode: text('platform_code').notNull().default(''),
    role: text('role', { enum: layoutRoles }).notNull(),
    note: text('note'),
    updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'date' }).notNull(),
    updatedBy: text('updated_by').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.year, t.chainCode, t.districtCode, t.platformCode] }),
    index('layout_guide_district_idx').on(t.tenantId, t.year, t.districtCode),
  ],
)

/** A reclassification run: what the rules changed, so that it can be explained later. */
export const classificationRuns = pgTable(
  'classification_runs',
  {
    tenantId: text('tenant_id').notNull(),
    id: uuid('id').notNull(),
    chainCode: text('chain_code'),
    added: integer('added').notNull(),
    removed: integer('removed').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull(),
    createdBy: text('created_by').notNull(),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.id] })],
)
