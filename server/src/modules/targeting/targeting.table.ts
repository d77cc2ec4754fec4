import { bigint, date, doublePrecision, index, integer, jsonb, pgTable, primaryKey, smallint, text, timestamp, uuid } from 'drizzle-orm/pg-core'

export const enterpriseEventKinds = ['financing', 'new_branch', 'capacity_expansion', 'relocation', 'expansion'] as const
export type EnterpriseEventKind = (typeof enterpriseEventKinds)[number]

/**
 * What happened to a firm and when: the signals target discovery reads (financing, new branches,
 * capacity expansion, relocation) and the expansions into a district it tries to foresee.
 * No foreign key to enterprises: events arrive from outside sources before a firm is in the base.
 */
export const enterpriseEvents = pgTable(
  'enterprise_events',
  {
    tenantId: text('tenant_id').notNull(),
    id: uuid('id').notNull(),
    enterpriseId: uuid('enterprise_id').notNull(),
    kind: text('kind', { enum: enterpriseEventKinds }).notNull(),
    occurredOn: date('occurred_on', { mode: 'string' }).notNull(),
    /** where: the destination district of an expansion, the region of a new branch, … */
    regionCode: text('region_code').notNull(),
    /** 万元: a financing round's size, an expansion's planned investment */
    amount: doublePrecision('amount'),
    /** the investor of a financing round, when known */
    counterpartyId: uuid('counterparty_id'),
    source: text('source').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    index('enterprise_events_enterprise_idx').on(t.tenantId, t.enterpriseId, t.occurredOn),
    index('enterprise_events_kind_idx').on(t.tenantId, t.kind, t.occurredOn),
    // target discovery: a region's expansions, and the signals of a look-back window, read from the index alone
    index('enterprise_events_region_idx').on(t.tenantId, t.kind, t.regionCode, t.occurredOn, t.enterpriseId),
    index('enterprise_events_signal_idx').on(t.tenantId, t.occurredOn, t.kind, t.enterpriseId),
  ],
)

/**
 * The city admin's weights of the target discovery score for one chain; no row means the defaults
 * (targeting.rules DEFAULT_WEIGHTS / DEFAULT_INTERCEPT). `weights` holds one number per factor key.
 */
export const targetingWeights = pgTable(
  'targeting_weights',
  {
    tenantId: text('tenant_id').notNull(),
    chainCode: text('chain_code').notNull(),
    weights: jsonb('weights').$type<Record<string, number>>().notNull(),
    intercept: doublePrecision('intercept').notNull(),
    updatedBy: text('updated_by').notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'date' }).notNull(),
    version: integer('version').notNull().default(1),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.chainCode] })],
)

// ---------------------------------------------------------------------------------------------
// Relation facts of target discovery, precomputed for every firm: they depend on the relation graph and
// on which city firms are assets, never on the chain, the as-of day or the weights. Kept fresh the same way
// as the chain map summary (docs/decisions/0005-chain-map-summary.md): triggers leave a marker in every
// transaction that changes firms or relations, and ranking reads the live facts while a marker exists.

/** A firm's supplier relations with one city district's active firms. */
export const targetingRegionLinks = pgTable(
  'targeting_region_links',
  {
    tenantId: text('tenant_id').notNull(),
    regionCode: text('region_code').notNull(),
    enterpriseId: uuid('enterprise_id').notNull(),
    /** relations in which the firm supplies a firm of the district */
    customers: integer('customers').notNull(),
    /** … of which the buyer is a chain leader */
    leaderCustomers: integer('leader_customers').notNull(),
    /** relations in which a firm of the district supplies the firm */
    suppliers: integer('suppliers').notNull(),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.regionCode, t.enterpriseId] })],
)

/** Graph distance from the bureau's standing assets (the city's chain leaders and fund firms, 乡贤 firms): 0 (an asset itself), 1 or 2. */
export const targetingAssetDistance = pgTable(
  'targeting_asset_distance',
  {
    tenantId: text('tenant_id').notNull(),
    enterpriseId: uuid('enterprise_id').notNull(),
    distance: smallint('distance').notNull(),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.enterpriseId] })],
)

/**
 * Every chain's candidate base: active firms whose main segment is in the chain, branches left out, with
 * what ranking reads of them (region, revenue, distance from the standing assets). One range of the
 * primary key per chain, instead of joining chain segments, segment memberships, firms and a branch probe
 * for each of up to 100,000 firms at \`province\` size.
 */
export const targetingChainFirms = pgTable(
  'targeting_chain_firms',
  {
    tenantId: text('tenant_id').notNull(),
    chainCode: text('chain_code').notNull(),
    enterpriseId: uuid('enterprise_id').notNull(),
    segmentCode: text('segment_code').notNull(),
    regionCode: text('region_code').notNull(),
    revenue: doublePrecision('revenue'),
    distance: smallint('distance'),
    /** the firm's supplier relations with the whole city (the sum of its targeting_region_links rows): the city's ranking reads no links */
    cityCustomers: integer('city_customers').notNull().default(0),
    cityLeaderCustomers: integer('city_leader_customers').notNull().default(0),
    citySuppliers: integer('city_suppliers').notNull().default(0),
    /** the same per district it trades with (codes sorted, the three arrays aligned with them; null without any): one district's ranking reads no links either */
    linkRegions: text('link_regions').array(),
    linkCustomers: integer('link_customers').array(),
    linkLeaderCustomers: integer('link_leader_customers').array(),
    linkSuppliers: integer('link_suppliers').array(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.chainCode, t.enterpriseId] }),
    // the city's ranking reads only the chain's firms outside the city: district codes share the city's prefix, so those are two ranges
    index('targeting_chain_firms_region_idx').on(t.tenantId, t.chainCode, t.regionCode),
  ],
)

export const targetingFactsState = pgTable('targeting_facts_state', {
  tenantId: text('tenant_id').primaryKey(),
  refreshedAt: timestamp('refreshed_at', { withTimezone: true, mode: 'date' }).notNull(),
  districts: text('districts').array().notNull(),
  ms: integer('ms').notNull(),
})

/** Markers of transactions that changed firms or relations since the facts were built (one per tenant and transaction). */
export const targetingDirty = pgTable(
  'targeting_dirty',
  {
    tenantId: text('tenant_id').notNull(),
    xid: bigint('xid', { mode: 'number' }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.xid] })],
)
