import {
  boolean,
  date,
  doublePrecision,
  foreignKey,
  index,
  integer,
  pgTable,
  primaryKey,
  text,
  timestamp,
  unique,
  uuid,
} from 'drizzle-orm/pg-core'

// Enterprise master data. Money figures are in 万元 (10,000 CNY), as the bureau reports them.
export const enterprises = pgTable(
  'enterprises',
  {
    tenantId: text('tenant_id').notNull(),
    id: uuid('id').notNull(),
    uscc: text('uscc').notNull(),
    name: text('name').notNull(),
    tradeName: text('trade_name').notNull(),
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
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'date' }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    unique('enterprises_uscc_uq').on(t.tenantId, t.uscc),
    index('enterprises_region_idx').on(t.tenantId, t.regionCode),
    index('enterprises_industry_idx').on(t.tenantId, t.industryCode),
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
    index('relations_from_idx').on(t.tenantId, t.fromId, t.kind),
    index('relations_to_idx').on(t.tenantId, t.toId, t.kind),
    foreignKey({ columns: [t.tenantId, t.fromId], foreignColumns: [enterprises.tenantId, enterprises.id] }).onDelete('cascade'),
    foreignKey({ columns: [t.tenantId, t.toId], foreignColumns: [enterprises.tenantId, enterprises.id] }).onDelete('cascade'),
  ],
)
