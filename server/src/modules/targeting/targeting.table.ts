import { date, doublePrecision, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core'

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
