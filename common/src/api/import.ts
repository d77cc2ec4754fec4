import { z } from 'zod'

export const importKinds = ['enterprises', 'relations'] as const
export type ImportKind = (typeof importKinds)[number]
export const importKindSchema = z.enum(importKinds)

export const importStatuses = ['validating', 'writing', 'done', 'failed'] as const
export type ImportStatus = (typeof importStatuses)[number]

/** Largest upload accepted (bytes). */
export const IMPORT_MAX_BYTES = 100 * 1024 * 1024
/** Largest number of data rows in one file. */
export const IMPORT_MAX_ROWS = 200_000

/**
 * One problem in the file: the row number as the spreadsheet shows it (null for the file as a
 * whole), the column header as written in the file, a stable code and the message in both languages.
 * Warnings (a similar trade name already in the database) do not stop the import.
 */
export const importRowErrorSchema = z.object({
  row: z.number().int().nullable(),
  column: z.string(),
  code: z.string(),
  message: z.string(),
  messageEn: z.string(),
  level: z.enum(['error', 'warning']),
})
export type ImportRowError = z.infer<typeof importRowErrorSchema>

export const importJobSchema = z.object({
  id: z.string(),
  kind: importKindSchema,
  fileName: z.string(),
  status: z.enum(importStatuses),
  totalRows: z.number().int(),
  processedRows: z.number().int(),
  writtenRows: z.number().int(),
  errorCount: z.number().int(),
  warningCount: z.number().int(),
  createdBy: z.string(),
  createdByName: z.string(),
  createdAt: z.string(),
  finishedAt: z.string().nullable(),
})
export type ImportJob = z.infer<typeof importJobSchema>

export const importJobDetailSchema = importJobSchema.extend({
  /** the first problems found (capped; `errorCount` is the full count of errors) */
  errors: z.array(importRowErrorSchema),
})
export type ImportJobDetail = z.infer<typeof importJobDetailSchema>

export const importJobListSchema = z.object({ items: z.array(importJobSchema) })
export type ImportJobList = z.infer<typeof importJobListSchema>

export const importStartParamsSchema = z.object({ kind: importKindSchema })
export const importStartQuerySchema = z.object({ fileName: z.string().trim().min(1).max(255) })
export const importStartResponseSchema = z.object({ jobId: z.string() })
export type ImportStartResponse = z.infer<typeof importStartResponseSchema>

/** Content types the upload accepts as the raw file body. */
export const importContentTypes = [
  'application/octet-stream',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  'text/csv',
] as const
