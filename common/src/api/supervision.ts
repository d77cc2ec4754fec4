import { z } from 'zod'

// Supervision (督办): problems, stuck projects, the six not-yets, red and black lists.

export const problemStatuses = ['open', 'escalated', 'resolved'] as const
export type ProblemStatus = (typeof problemStatuses)[number]
export const problemStatusLabels: Record<ProblemStatus, { zh: string; en: string }> = {
  open: { zh: '办理中', en: 'Open' },
  escalated: { zh: '已提交协调会', en: 'Escalated' },
  resolved: { zh: '已办结', en: 'Resolved' },
}

const day = z.iso.date()

export const problemSchema = z.object({
  id: z.uuid(),
  projectId: z.uuid(),
  projectName: z.string(),
  regionCode: z.string(),
  regionName: z.string(),
  title: z.string(),
  description: z.string().nullable(),
  departmentCode: z.string(),
  departmentName: z.string(),
  deadline: z.string(),
  status: z.enum(problemStatuses),
  overdue: z.boolean(),
  escalatedOn: z.string().nullable(),
  meeting: z.string().nullable(),
  resolution: z.string().nullable(),
  resolvedOn: z.string().nullable(),
  raisedBy: z.string(),
  version: z.number().int(),
  createdAt: z.string(),
})
export type Problem = z.infer<typeof problemSchema>

export const problemQuerySchema = z.object({
  region: z.string().regex(/^\d{6}$/).optional(),
  status: z.enum(problemStatuses).optional(),
  /** open or escalated, whatever the status */
  unresolved: z.enum(['true', 'false']).transform((v) => v === 'true').optional(),
  overdue: z.enum(['true', 'false']).transform((v) => v === 'true').optional(),
  department: z.string().max(40).optional(),
  projectId: z.uuid().optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(20),
})
export type ProblemQuery = z.infer<typeof problemQuerySchema>
export const problemListSchema = z.object({ items: z.array(problemSchema), total: z.number().int() })

export const createProblemSchema = z.object({
  title: z.string().trim().min(2).max(120),
  description: z.string().trim().max(2000).optional(),
  departmentCode: z.string().max(40),
  deadline: day,
})
export type CreateProblem = z.infer<typeof createProblemSchema>

export const problemActionSchema = z.discriminatedUnion('action', [
  z.object({ action: z.literal('reassign'), departmentCode: z.string().max(40), deadline: day, version: z.number().int().min(1) }),
  z.object({ action: z.literal('escalate'), meeting: z.string().trim().min(2).max(500), version: z.number().int().min(1) }),
  z.object({ action: z.literal('resolve'), resolution: z.string().trim().min(2).max(2000), version: z.number().int().min(1) }),
])
export type ProblemAction = z.infer<typeof problemActionSchema>

export const stuckProjectSchema = z.object({
  projectId: z.uuid(),
  projectName: z.string(),
  regionCode: z.string(),
  regionName: z.string(),
  stage: z.string(),
  normKey: z.string(),
  since: z.string(),
  limitDays: z.number().int(),
  daysOver: z.number().int(),
  totalInvestment: z.number(),
  foundAt: z.string(),
})
export const stuckListSchema = z.object({ items: z.array(stuckProjectSchema), total: z.number().int(), lastRunAt: z.string().nullable() })
export const stuckQuerySchema = z.object({
  region: z.string().regex(/^\d{6}$/).optional(),
  normKey: z.string().max(40).optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(20),
})
export const stuckRunSchema = z.object({
  checked: z.number().int(),
  stuck: z.number().int(),
  overdueProblems: z.number().int(),
  /** problems whose overdue alert went out in this run (each overdue episode alerts once) */
  overdueAlerted: z.number().int(),
  ranAt: z.string(),
})

export const notYetCountsSchema = z.object({
  items: z.array(z.object({ key: z.string(), stage: z.string().nullable(), count: z.number().int(), investment: z.number() })),
})

export const monthSchema = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'YYYY-MM')

export const redBlackSchema = z.object({
  month: z.string(),
  /** snapshot: kept at the month's end (or generated on demand); live: computed now */
  source: z.enum(['snapshot', 'live']),
  /** the day the figures stand for */
  asOf: z.string(),
  generatedAt: z.string().nullable(),
  generatedBy: z.string().nullable(),
  items: z.array(
    z.object({
      regionCode: z.string(),
      regionName: z.string(),
      list: z.enum(['red', 'black']).nullable(),
      pace: z.number().nullable(),
      signed1: z.number().int(),
      target1: z.number().int(),
      startRate: z.number().nullable(),
      overdueProblems: z.number().int(),
      stuck: z.number().int(),
      reasons: z.array(z.string()),
    }),
  ),
})
export type RedBlack = z.infer<typeof redBlackSchema>
export const redBlackReasonLabels: Record<string, { zh: string; en: string }> = {
  on_pace: { zh: '进度达标', en: 'On pace' },
  start_rate: { zh: '开工率高', en: 'Good start rate' },
  behind_pace: { zh: '进度滞后', en: 'Behind pace' },
  overdue_problems: { zh: '问题超期', en: 'Overdue problems' },
  stuck_share: { zh: '停滞项目多', en: 'Many stuck projects' },
}

export const redBlackMonthsSchema = z.object({
  items: z.array(z.object({ month: z.string(), asOf: z.string(), generatedAt: z.string(), generatedBy: z.string(), red: z.number().int(), black: z.number().int() })),
})
export type RedBlackMonths = z.infer<typeof redBlackMonthsSchema>
export const generateRedBlackSchema = z.object({ month: monthSchema })
