import { bigint, doublePrecision, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core'

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

// ---------------------------------------------------------------------------------------------
// Chain map summary: the chain map's figures per segment and region, so that a map reads a few
// hundred summary rows instead of tens of thousands of firms. It is a cache of the live figures:
// triggers on the enterprise, segment, relation and chain-segment tables leave a marker
// (chain_map_dirty) in the writing transaction, and the map reads the live figures whenever a
// marker exists or the summary was never built. See docs/decisions/0005-chain-map-summary.md.

/** Active firms of one segment in one region. */
export const chainMapCells = pgTable(
  'chain_map_cells',
  {
    tenantId: text('tenant_id').notNull(),
    segmentCode: text('segment_code').notNull(),
    regionCode: text('region_code').notNull(),
    firms: integer('firms').notNull(),
    revenue: doublePrecision('revenue').notNull(),
    employees: bigint('employees', { mode: 'number' }).notNull(),
    /** the region's five largest chain leaders in the segment, by revenue */
    leaderIds: uuid('leader_ids').array().notNull(),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.segmentCode, t.regionCode] })],
)

/** Distinct active firms of one chain in one region (a firm in two segments of the chain counts once). */
export const chainMapTotals = pgTable(
  'chain_map_totals',
  {
    tenantId: text('tenant_id').notNull(),
    chainCode: text('chain_code').notNull(),
    regionCode: text('region_code').notNull(),
    firms: integer('firms').notNull(),
    revenue: doublePrecision('revenue').notNull(),
    employees: bigint('employees', { mode: 'number' }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.chainCode, t.regionCode] })],
)

/** Supplier links of a district's chain firms to firms whose main segment lies in another chain (延链). */
export const chainMapLinks = pgTable(
  'chain_map_links',
  {
    tenantId: text('tenant_id').notNull(),
    chainCode: text('chain_code').notNull(),
    regionCode: text('region_code').notNull(),
    segmentCode: text('segment_code').notNull(),
    links: integer('links').notNull(),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.chainCode, t.regionCode, t.segmentCode] })],
)

/** When the tenant's summary was last built, and over which districts. */
export const chainMapState = pgTable('chain_map_state', {
  tenantId: text('tenant_id').primaryKey(),
  refreshedAt: timestamp('refreshed_at', { withTimezone: true, mode: 'date' }).notNull(),
  districts: text('districts').array().notNull(),
  ms: integer('ms').notNull(),
})

/**
 * One row per (tenant, writing transaction) that changed data behind the chain map. Keyed by the
 * transaction id so that concurrent writers never wait on each other; the refresh deletes only the
 * markers its snapshot saw.
 */
export const chainMapDirty = pgTable(
  'chain_map_dirty',
  {
    tenantId: text('tenant_id').notNull(),
    xid: bigint('xid', { mode: 'number' }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.xid] })],
)
