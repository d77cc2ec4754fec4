import { boolean, date, doublePrecision, index, integer, jsonb, pgTable, primaryKey, smallint, text, timestamp, uuid } from 'drizzle-orm/pg-core'

// The project lifecycle (全生命周期). Money figures are in 万元 (10,000 CNY) like the rest of the
// system; foreign capital in 万美元. No foreign key to enterprises or leads: a project may be entered
// for an investor not yet in the master data, and leads live in another module.

export const projectTypes = ['manufacturing', 'service', 'headquarters', 'rnd', 'fund'] as const

/** A project and where it stands now; every change also lands in project_events. */
export const projects = pgTable(
  'projects',
  {
    tenantId: text('tenant_id').notNull(),
    id: uuid('id').notNull(),
    name: text('name').notNull(),
    enterpriseId: uuid('enterprise_id'),
    investorName: text('investor_name').notNull(),
    /** the investor's group (集团), as a key shared by the group's firms */
    groupKey: text('group_key'),
    type: text('type', { enum: projectTypes }).notNull(),
    totalInvestment: doublePrecision('total_investment').notNull(),
    fixedAssetInvestment: doublePrecision('fixed_asset_investment'),
    foreignCapitalUsd: doublePrecision('foreign_capital_usd'),
    landMu: doublePrecision('land_mu'),
    /** energy need, tonnes of standard coal a year */
    energyTce: doublePrecision('energy_tce'),
    expectedOutput: doublePrecision('expected_output'),
    expectedTax: doublePrecision('expected_tax'),
    expectedJobs: integer('expected_jobs'),
    chainCode: text('chain_code'),
    segmentCode: text('segment_code'),
    /** the chain's ecosystem, kept on the row so the dashboard's shares need no join */
    ecosystemCode: text('ecosystem_code'),
    regionCode: text('region_code').notNull(),
    platformCode: text('platform_code'),
    /** 0 below 1亿, 1 ≥1亿, 2 ≥10亿, 3 ≥50亿, 4 ≥100亿 (sizeClassOf in projects.rules.ts) */
    sizeClass: smallint('size_class').notNull(),
    firstTalkStatus: text('first_talk_status', { enum: ['none', 'granted', 'other_district', 'city_led'] }).notNull().default('none'),
    violatesFirstTalk: boolean('violates_first_talk').notNull().default(false),
    /** [{ name, role, phone? }] */
    responsible: jsonb('responsible').notNull().default([]),
    stage: text('stage').notNull(),
    stageEnteredOn: date('stage_entered_on', { mode: 'string' }).notNull(),
    /** first day the project reached 签约 / 开工 (kept when it later moves back; cleared if it falls below) */
    signedOn: date('signed_on', { mode: 'string' }),
    startedOn: date('started_on', { mode: 'string' }),
    /** 到资: sum of the recorded arrivals */
    arrivedInvestment: doublePrecision('arrived_investment').notNull().default(0),
    leadId: uuid('lead_id'),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull(),
    createdBy: text('created_by').notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'date' }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    // the dashboard's aggregates read only these columns (index-only scans)
    index('projects_dashboard_idx').on(t.tenantId, t.regionCode, t.stage, t.sizeClass, t.signedOn, t.startedOn, t.ecosystemCode, t.platformCode, t.totalInvestment),
    index('projects_stage_idx').on(t.tenantId, t.stage, t.stageEnteredOn),
    index('projects_enterprise_idx').on(t.tenantId, t.enterpriseId),
    index('projects_lead_idx').on(t.tenantId, t.leadId),
    index('projects_updated_idx').on(t.tenantId, t.updatedAt),
    // the dashboard's current month: projects dated after today (normally none) are taken off the month's cells
    index('projects_signed_idx').on(t.tenantId, t.signedOn),
    index('projects_started_idx').on(t.tenantId, t.startedOn),
  ],
)

export const projectEventKinds = ['created', 'stage', 'field', 'arrival', 'checklist', 'problem'] as const

/** The dated data points: stage changes, field changes, 到资 amounts, checklist ticks, problems. */
export const projectEvents = pgTable(
  'project_events',
  {
    tenantId: text('tenant_id').notNull(),
    id: uuid('id').notNull(),
    projectId: uuid('project_id').notNull(),
    kind: text('kind', { enum: projectEventKinds }).notNull(),
    /** the business day it happened (an arrival may be recorded days later) */
    occurredOn: date('occurred_on', { mode: 'string' }).notNull(),
    at: timestamp('at', { withTimezone: true, mode: 'date' }).notNull(),
    actorName: text('actor_name').notNull(),
    fromStage: text('from_stage'),
    toStage: text('to_stage'),
    field: text('field'),
    before: jsonb('before'),
    after: jsonb('after'),
    amount: doublePrecision('amount'),
    note: text('note'),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    index('project_events_project_idx').on(t.tenantId, t.projectId, t.occurredOn),
    // monthly trends: arrivals and stage entries by month
    index('project_events_kind_idx').on(t.tenantId, t.kind, t.occurredOn, t.toStage, t.amount),
  ],
)

/** Milestone checklist items ticked on a project (备案立项, 环评 ...); the items per stage are a city setting. */
export const projectChecklist = pgTable(
  'project_checklist',
  {
    tenantId: text('tenant_id').notNull(),
    projectId: uuid('project_id').notNull(),
    itemKey: text('item_key').notNull(),
    done: boolean('done').notNull(),
    doneOn: date('done_on', { mode: 'string' }),
    note: text('note'),
    updatedBy: text('updated_by').notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'date' }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.projectId, t.itemKey] })],
)

/** City settings of the lifecycle: 'stages' (list, required fields, checklists), 'norms', 'red_black'. Absent = defaults. */
export const projectSettings = pgTable(
  'project_settings',
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

/** Annual targets per district (and the city under its own code), edited by the city bureau. */
export const projectTargets = pgTable(
  'project_targets',
  {
    tenantId: text('tenant_id').notNull(),
    year: integer('year').notNull(),
    regionCode: text('region_code').notNull(),
    /** projects signed in the year at or above each size class */
    count1: integer('count_1').notNull().default(0),
    count10: integer('count_10').notNull().default(0),
    count50: integer('count_50').notNull().default(0),
    count100: integer('count_100').notNull().default(0),
    /** total investment of the year's signed projects, 万元 */
    investment: doublePrecision('investment').notNull().default(0),
    version: integer('version').notNull().default(1),
    updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'date' }).notNull(),
    updatedBy: text('updated_by').notNull(),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.year, t.regionCode] })],
)

/** Saved views of the project list (a user's named filter). */
export const projectViews = pgTable(
  'project_views',
  {
    tenantId: text('tenant_id').notNull(),
    id: uuid('id').notNull(),
    userId: uuid('user_id').notNull(),
    name: text('name').notNull(),
    filter: jsonb('filter').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.id] }), index('project_views_user_idx').on(t.tenantId, t.userId)],
)
