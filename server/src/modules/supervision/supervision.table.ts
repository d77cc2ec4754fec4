import { date, doublePrecision, index, integer, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core'

// Supervision (督办): the problem list and the stuck projects the scheduled job finds.

export const problemStatuses = ['open', 'escalated', 'resolved'] as const

/** 问题清单: a problem raised on a project, assigned to a department with a deadline. */
export const projectProblems = pgTable(
  'project_problems',
  {
    tenantId: text('tenant_id').notNull(),
    id: uuid('id').notNull(),
    projectId: uuid('project_id').notNull(),
    /** the project's district, kept here so scope filters need no join */
    regionCode: text('region_code').notNull(),
    title: text('title').notNull(),
    description: text('description'),
    departmentCode: text('department_code').notNull(),
    deadline: date('deadline', { mode: 'string' }).notNull(),
    status: text('status', { enum: problemStatuses }).notNull().default('open'),
    /** 协调会: when and where it was escalated */
    escalatedOn: date('escalated_on', { mode: 'string' }),
    meeting: text('meeting'),
    resolution: text('resolution'),
    resolvedOn: date('resolved_on', { mode: 'string' }),
    /**
     * The day the overdue alert went out for the current deadline; null while none did. The job
     * claims a problem by setting it (so each overdue episode alerts once, whatever runs at the same
     * time); a reassignment, which always sets a deadline not before today, clears it.
     */
    overdueAlertedOn: date('overdue_alerted_on', { mode: 'string' }),
    raisedBy: text('raised_by').notNull(),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'date' }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    index('project_problems_project_idx').on(t.tenantId, t.projectId),
    index('project_problems_open_idx').on(t.tenantId, t.status, t.deadline, t.regionCode),
  ],
)

/** One row per project the stuck-project job found over a norm, replaced on every run. */
export const stuckProjects = pgTable(
  'stuck_projects',
  {
    tenantId: text('tenant_id').notNull(),
    projectId: uuid('project_id').notNull(),
    regionCode: text('region_code').notNull(),
    normKey: text('norm_key').notNull(),
    stage: text('stage').notNull(),
    /** the day the norm's clock started (e.g. signed on) */
    since: date('since', { mode: 'string' }).notNull(),
    limitDays: integer('limit_days').notNull(),
    daysOver: integer('days_over').notNull(),
    foundAt: timestamp('found_at', { withTimezone: true, mode: 'date' }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.projectId, t.normKey] }), index('stuck_projects_region_idx').on(t.tenantId, t.regionCode)],
)

export const redBlackLists = ['red', 'black'] as const

/**
 * 月度红黑榜 as kept at a month's end: each district's classification and the figures behind it.
 * Generating a month again replaces all its rows in one transaction.
 */
export const redBlackSnapshots = pgTable(
  'red_black_snapshots',
  {
    tenantId: text('tenant_id').notNull(),
    /** YYYY-MM */
    month: text('month').notNull(),
    regionCode: text('region_code').notNull(),
    regionName: text('region_name').notNull(),
    list: text('list', { enum: redBlackLists }),
    pace: doublePrecision('pace'),
    signed1: integer('signed1').notNull(),
    target1: integer('target1').notNull(),
    startRate: doublePrecision('start_rate'),
    overdueProblems: integer('overdue_problems').notNull(),
    stuck: integer('stuck').notNull(),
    reasons: text('reasons').array().notNull(),
    /** the day the figures stand for (the month's last day, or the day it was generated if earlier) */
    asOf: date('as_of', { mode: 'string' }).notNull(),
    generatedAt: timestamp('generated_at', { withTimezone: true, mode: 'date' }).notNull(),
    generatedBy: text('generated_by').notNull(),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.month, t.regionCode] })],
)
