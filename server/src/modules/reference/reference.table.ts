import { boolean, doublePrecision, integer, pgTable, primaryKey, text, timestamp, index } from 'drizzle-orm/pg-core'

// Tenant-free reference tables: the same for every city of a province deployment (Citus reference tables).

export const tenants = pgTable('tenants', {
  id: text('id').primaryKey(),
  nameZh: text('name_zh').notNull(),
  regionCode: text('region_code').notNull(),
  createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull(),
})

export const regions = pgTable(
  'regions',
  {
    code: text('code').primaryKey(),
    nameZh: text('name_zh').notNull(),
    level: text('level', { enum: ['province', 'city', 'district'] }).notNull(),
    parentCode: text('parent_code'),
    mountainCounty: boolean('mountain_county').notNull().default(false),
  },
  (t) => [index('regions_parent_idx').on(t.parentCode)],
)

export const industryClasses = pgTable('industry_classes', {
  code: text('code').primaryKey(),
  nameZh: text('name_zh').notNull(),
  section: text('section').notNull(),
})

export const ecosystems = pgTable('ecosystems', {
  code: text('code').primaryKey(),
  nameZh: text('name_zh').notNull(),
  nameEn: text('name_en').notNull(),
  position: integer('position').notNull(),
})

export const departments = pgTable('departments', {
  code: text('code').primaryKey(),
  nameZh: text('name_zh').notNull(),
  nameEn: text('name_en').notNull(),
})

// Per-tenant reference data: each city keeps and edits its own platforms and chain trees.

export const platforms = pgTable(
  'platforms',
  {
    tenantId: text('tenant_id').notNull().references(() => tenants.id),
    code: text('code').notNull(),
    nameZh: text('name_zh').notNull(),
    nameEn: text('name_en').notNull(),
    districtCode: text('district_code').notNull().references(() => regions.code),
    kind: text('kind').notNull(),
    chainCodes: text('chain_codes').array().notNull(),
    areaKm2: doublePrecision('area_km2'),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.code] }), index('platforms_district_idx').on(t.tenantId, t.districtCode)],
)

export const chains = pgTable(
  'chains',
  {
    tenantId: text('tenant_id').notNull().references(() => tenants.id),
    code: text('code').notNull(),
    ecosystem: text('ecosystem').notNull().references(() => ecosystems.code),
    nameZh: text('name_zh').notNull(),
    nameEn: text('name_en').notNull(),
    future: boolean('future').notNull().default(false),
    version: integer('version').notNull().default(1),
    position: integer('position').notNull(),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.code] })],
)

export const chainSegments = pgTable(
  'chain_segments',
  {
    tenantId: text('tenant_id').notNull().references(() => tenants.id),
    code: text('code').notNull(),
    chainCode: text('chain_code').notNull(),
    parentCode: text('parent_code'),
    nameZh: text('name_zh').notNull(),
    nameEn: text('name_en').notNull(),
    stage: text('stage', { enum: ['upstream', 'midstream', 'downstream'] }).notNull(),
    position: integer('position').notNull(),
    industryCodes: text('industry_codes').array().notNull(),
    keywords: text('keywords').array().notNull(),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.code] }), index('chain_segments_chain_idx').on(t.tenantId, t.chainCode)],
)

/** Which version of the shipped seed data a tenant was filled with. */
export const seedVersions = pgTable(
  'seed_versions',
  {
    tenantId: text('tenant_id').notNull(),
    name: text('name').notNull(),
    version: text('version').notNull(),
    appliedAt: timestamp('applied_at', { withTimezone: true, mode: 'date' }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.name] })],
)
