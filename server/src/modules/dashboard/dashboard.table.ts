import { boolean, date, integer, numeric, pgTable, primaryKey, smallint, text } from 'drizzle-orm/pg-core'

// The one screen's figures, kept exact in every write (migration 0016 holds the triggers): each statement that
// inserts, updates or deletes projects or their arrival events adds its rows' contributions and takes away the old
// ones, in the writing transaction. The dashboard then reads a few thousand cells instead of 200,000 projects and
// 4,000,000 events at `province` size. Sums are numeric so that adding and taking away leaves no rounding behind.

/** Projects now, per district × stage × ecosystem ('' for none): the funnel, the region × stage matrix, the start rate. */
export const dashboardStageCells = pgTable(
  'dashboard_stage_cells',
  {
    tenantId: text('tenant_id').notNull(),
    regionCode: text('region_code').notNull(),
    stage: text('stage').notNull(),
    ecosystemCode: text('ecosystem_code').notNull(),
    projects: integer('projects').notNull(),
    investment: numeric('investment').notNull(),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.regionCode, t.stage, t.ecosystemCode] })],
)

export const dashboardMeasures = ['signed', 'started', 'arrival'] as const

/**
 * Per month: projects signed and started (with their size class, ecosystem and platform, for the year-to-date
 * figures) and 到资 arrivals, per district.
 */
export const dashboardMonthCells = pgTable(
  'dashboard_month_cells',
  {
    tenantId: text('tenant_id').notNull(),
    measure: text('measure', { enum: dashboardMeasures }).notNull(),
    /** the month's first day */
    month: date('month', { mode: 'string' }).notNull(),
    regionCode: text('region_code').notNull(),
    ecosystemCode: text('ecosystem_code').notNull(),
    sizeClass: smallint('size_class').notNull(),
    onPlatform: boolean('on_platform').notNull(),
    /** projects (signed, started) or arrival events */
    n: integer('n').notNull(),
    /** total investment of the projects, or the arrived amount, 万元 */
    amount: numeric('amount').notNull(),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.measure, t.month, t.regionCode, t.ecosystemCode, t.sizeClass, t.onPlatform] })],
)
