import { index, integer, jsonb, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core'

export const importKinds = ['enterprises', 'relations'] as const
export type ImportKind = (typeof importKinds)[number]
export const importStatuses = ['validating', 'writing', 'done', 'failed'] as const
export type ImportStatus = (typeof importStatuses)[number]

/** One uploaded file: progress while it runs, the row/column errors or the counts written when it ends. */
export const importJobs = pgTable(
  'import_jobs',
  {
    tenantId: text('tenant_id').notNull(),
    id: uuid('id').notNull(),
    kind: text('kind', { enum: importKinds }).notNull(),
    fileName: text('file_name').notNull(),
    status: text('status', { enum: importStatuses }).notNull(),
    totalRows: integer('total_rows').notNull().default(0),
    processedRows: integer('processed_rows').notNull().default(0),
    writtenRows: integer('written_rows').notNull().default(0),
    /** [{ row, column, code, message, messageEn }], capped */
    errors: jsonb('errors').notNull().default([]),
    errorCount: integer('error_count').notNull().default(0),
    createdBy: text('created_by').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull(),
    finishedAt: timestamp('finished_at', { withTimezone: true, mode: 'date' }),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.id] }), index('import_jobs_created_idx').on(t.tenantId, t.createdAt)],
)
