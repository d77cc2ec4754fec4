import {
  boolean,
  date,
  doublePrecision,
  foreignKey,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  unique,
  uuid,
} from 'drizzle-orm/pg-core'
import { sql } from 'drizzle-orm'

// Enterprise master data. Money figures are in 万元 (10,000 CNY), as the bureau reports them.
export const enterprises = pgTable(
  'enterprises',
  {
    tenantId: text('tenant_id').notNull(),
    id: uuid('id').notNull(),
    uscc: text('uscc').notNull(),
    name: text('name').notNull(),
    /** Names the firm traded under before (曾用名), newest first. */
    formerNames: text('former_names').array().notNull().default([]),
    tradeName: text('trade_name').notNull(),
    /** normalizeTradeName(tradeName): what duplicate detection and name search compare (pg_trgm). */
    tradeNameKey: text('trade_name_key').notNull(),
    /** Pinyin initials of the trade name ("hkws" for 海康威视). */
    nameInitials: text('name_initials').notNull(),
    regionCode: text('region_code').notNull(),
    address: text('address'),
    industryCode: text('industry_code').notNull(),
    businessScope: text('business_scope'),
    registeredCapital: doublePrecision('registered_capital'),
    revenue: doublePrecision('revenue'),
    tax: doublePrecision('tax'),
    employees: integer('employees'),
    foundedOn: date('founded_on', { mode: 'string' }),
    tags: text('tags').array().notNull(),
    chainLeader: boolean('chain_leader').notNull().default(false),
    parentId: uuid('parent_id'),
    /** 实际控制人, as registered; firms with the same controller are one group even without a parent row. */
    actualController: text('actual_controller'),
    /**
     * Region code of the founder's or controller's hometown (籍贯), where known. A firm outside the city whose founder
     * comes from one of its districts is a 乡贤 firm: an asset of the bureau for reaching investors.
     */
    founderOriginCode: text('founder_origin_code'),
    /** active, or merged into `mergedIntoId` (kept for history; hidden from lists). */
    status: text('status', { enum: ['active', 'merged'] }).notNull().default('active'),
    mergedIntoId: uuid('merged_into_id'),
    /** Optimistic concurrency: an edit names the version it read. */
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'date' }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    unique('enterprises_uscc_uq').on(t.tenantId, t.uscc),
    index('enterprises_region_idx').on(t.tenantId, t.regionCode),
    index('enterprises_industry_idx').on(t.tenantId, t.industryCode),
    index('enterprises_founder_origin_idx').on(t.tenantId, t.founderOriginCode).where(sql`founder_origin_code is not null`),
    // name search and duplicate detection: trigram indexes (pg_trgm) on the normalized trade name,
    // the full name (fragments) and the pinyin initials
    index('enterprises_trade_name_trgm').using('gin', t.tradeNameKey.op('gin_trgm_ops')),
    index('enterprises_name_trgm').using('gin', t.name.op('gin_trgm_ops')),
    index('enterprises_initials_trgm').using('gin', t.nameInitials.op('gin_trgm_ops')),
    // prefix search on short fragments and initials (1-2 characters give pg_trgm nothing to work with)
    index('enterprises_trade_name_prefix').on(t.tenantId, t.tradeNameKey.op('text_pattern_ops')),
    index('enterprises_initials_prefix').on(t.tenantId, t.nameInitials.op('text_pattern_ops')),
    // server-side sort of the list: the first page comes from an index walk instead of sorting 200k rows
    index('enterprises_revenue_sort').on(t.tenantId, t.revenue.desc().nullsLast(), t.id),
    index('enterprises_employees_sort').on(t.tenantId, t.employees.desc().nullsLast(), t.id),
    index('enterprises_founded_sort').on(t.tenantId, t.foundedOn.desc().nullsLast(), t.id),
    index('enterprises_name_sort').on(t.tenantId, t.name, t.id),
    index('enterprises_chain_leader_idx').on(t.tenantId).where(sql`chain_leader`),
    // group trees ("subsidiaries of X") and the parent_id foreign key check on delete
    index('enterprises_parent_idx').on(t.tenantId, t.parentId),
    foreignKey({ columns: [t.tenantId, t.parentId], foreignColumns: [t.tenantId, t.id] }),
  ],
)

export const enterpriseSegments = pgTable(
  'enterprise_segments',
  {
    tenantId: text('tenant_id').notNull(),
    enterpriseId: uuid('enterprise_id').notNull(),
    segmentCode: text('segment_code').notNull(),
    main: boolean('main').notNull().default(false),
    /** rule: set by the chain classification rules; manual: set by staff and kept through reclassification. */
    source: text('source', { enum: ['rule', 'manual'] }).notNull().default('rule'),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.enterpriseId, t.segmentCode] }),
    index('enterprise_segments_segment_idx').on(t.tenantId, t.segmentCode),
    foreignKey({ columns: [t.tenantId, t.enterpriseId], foreignColumns: [enterprises.tenantId, enterprises.id] }).onDelete(
      'cascade',
    ),
  ],
)

export const relationKinds = ['supplier', 'investor', 'branch'] as const
export type RelationKind = (typeof relationKinds)[number]

/**
 * A directed relation: `from` supplies / invests in / is a branch of `to`.
 * "Customer" is the same row read the other way.
 */
export const enterpriseRelations = pgTable(
  'enterprise_relations',
  {
    tenantId: text('tenant_id').notNull(),
    id: uuid('id').notNull(),
    fromId: uuid('from_id').notNull(),
    toId: uuid('to_id').notNull(),
    kind: text('kind', { enum: relationKinds }).notNull(),
    /** supplier: share of the supplier's revenue this buyer takes (0-1). */
    shareOfSupplierRevenue: doublePrecision('share_of_supplier_revenue'),
    /** supplier: share of the buyer's cost this supplier provides (0-1). */
    shareOfBuyerCost: doublePrecision('share_of_buyer_cost'),
    /** investor: equity ratio held (0-1). */
    equityRatio: doublePrecision('equity_ratio'),
    source: text('source').notNull(),
    observedOn: date('observed_on', { mode: 'string' }),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    // the other end in the key: walks of the relation graph (reach paths, contacts, facts) read the index alone
    index('relations_from_idx').on(t.tenantId, t.fromId, t.kind, t.toId),
    index('relations_to_idx').on(t.tenantId, t.toId, t.kind, t.fromId),
    foreignKey({ columns: [t.tenantId, t.fromId], foreignColumns: [enterprises.tenantId, enterprises.id] }).onDelete('cascade'),
    foreignKey({ columns: [t.tenantId, t.toId], foreignColumns: [enterprises.tenantId, enterprises.id] }).onDelete('cascade'),
  ],
)

/** A rule-made segment assignment that staff removed by hand; reclassification does not bring it back. */
export const enterpriseSegmentExclusions = pgTable(
  'enterprise_segment_exclusions',
  {
    tenantId: text('tenant_id').notNull(),
    enterpriseId: uuid('enterprise_id').notNull(),
    segmentCode: text('segment_code').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull(),
    createdBy: text('created_by').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.enterpriseId, t.segmentCode] }),
    foreignKey({ columns: [t.tenantId, t.enterpriseId], foreignColumns: [enterprises.tenantId, enterprises.id] }).onDelete(
      'cascade',
    ),
  ],
)

/**
 * Field-level change history of an enterprise (one row per changed field per edit), so that the
 * detail page answers "who changed the revenue, when, from what" without reading the audit log.
 */
export const enterpriseChanges = pgTable(
  'enterprise_changes',
  {
    tenantId: text('tenant_id').notNull(),
    id: uuid('id').notNull(),
    enterpriseId: uuid('enterprise_id').notNull(),
    at: timestamp('at', { withTimezone: true, mode: 'date' }).notNull(),
    actorId: uuid('actor_id'),
    actorName: text('actor_name').notNull(),
    /** create, update, merge_in (another firm merged into this one), merged (this one merged away), import */
    kind: text('kind').notNull(),
    field: text('field'),
    before: jsonb('before'),
    after: jsonb('after'),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.id] }), index('enterprise_changes_enterprise_idx').on(t.tenantId, t.enterpriseId, t.at)],
)
