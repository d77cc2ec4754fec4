import { z } from 'zod'

// City-led talks (市级主谈): project group, tasks, landing proposal, coordination meetings and the
// follow-up of their decisions. Shared by server and web.

export const talkReasons = ['cross_district', 'leader_assigned'] as const
export const talkStatuses = ['open', 'concluded', 'closed'] as const
export const talkTaskKinds = ['investigate', 'evaluate', 'negotiate', 'other'] as const

const day = z.iso.date()
const text = (min: number, max: number) => z.string().trim().min(min).max(max)

export const memberSchema = z.object({
  /** a district code, a department code, or 'city' for the bureau */
  unit: text(1, 40),
  unitName: text(1, 100),
  name: text(1, 100),
  role: text(1, 100),
})
export const proposalItemSchema = z.object({ regionCode: z.string().regex(/^\d{6}$/), platformCode: z.string().max(80).nullable(), reason: text(2, 1000) })

export const createTalkSchema = z.object({
  title: text(2, 200),
  enterpriseId: z.uuid().nullish(),
  investorName: text(1, 200),
  reason: z.enum(talkReasons),
  assignedBy: text(1, 100).nullish(),
  members: z.array(memberSchema).min(1).max(50),
  summary: text(0, 4000).nullish(),
})
export type CreateTalk = z.infer<typeof createTalkSchema>

export const decisionSchema = z.object({
  id: z.string(),
  text: z.string(),
  responsibleUnit: z.string(),
  responsibleUnitName: z.string(),
  dueOn: z.string(),
  status: z.enum(['open', 'done']),
  doneAt: z.string().nullable(),
  followUp: z.string().nullable(),
  overdue: z.boolean(),
})
export const meetingSchema = z.object({
  id: z.string(),
  heldOn: z.string(),
  title: z.string(),
  chair: z.string().nullable(),
  minutes: z.string(),
  decisions: z.array(decisionSchema),
  version: z.number().int(),
  createdBy: z.string(),
})
export const taskSchema = z.object({
  id: z.string(),
  kind: z.enum(talkTaskKinds),
  title: z.string(),
  ownerUnit: z.string(),
  ownerName: z.string(),
  dueOn: z.string(),
  status: z.enum(['open', 'done']),
  doneAt: z.string().nullable(),
  note: z.string().nullable(),
  overdue: z.boolean(),
  version: z.number().int(),
})
export const talkSummarySchema = z.object({
  id: z.string(),
  title: z.string(),
  investorName: z.string(),
  enterpriseId: z.string().nullable(),
  reason: z.enum(talkReasons),
  assignedBy: z.string().nullable(),
  status: z.enum(talkStatuses),
  openTasks: z.number().int(),
  overdueItems: z.number().int(),
  meetingCount: z.number().int(),
  updatedAt: z.string(),
  version: z.number().int(),
})
export const talkSchema = talkSummarySchema.extend({
  members: z.array(memberSchema),
  proposal: z.array(proposalItemSchema),
  summary: z.string().nullable(),
  tasks: z.array(taskSchema),
  meetings: z.array(meetingSchema),
  createdBy: z.string(),
})
export type Talk = z.infer<typeof talkSchema>
export const talkListSchema = z.object({ items: z.array(talkSummarySchema), total: z.number().int() })
export const talkQuerySchema = z.object({
  status: z.enum(talkStatuses).optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
})

export const createTaskSchema = z.object({ kind: z.enum(talkTaskKinds), title: text(2, 200), ownerUnit: text(1, 40), ownerName: text(1, 100), dueOn: day })
export const updateTaskSchema = z.object({ status: z.enum(['open', 'done']), note: text(0, 2000).nullish(), version: z.number().int() })
export const updateProposalSchema = z.object({ proposal: z.array(proposalItemSchema).max(20), version: z.number().int() })
export const createMeetingSchema = z.object({
  heldOn: day,
  title: text(2, 200),
  chair: text(1, 100).nullish(),
  minutes: text(2, 20_000),
  decisions: z.array(z.object({ text: text(2, 1000), responsibleUnit: text(1, 40), responsibleUnitName: text(1, 100), dueOn: day })).max(50),
})
export const followUpSchema = z.object({ status: z.enum(['open', 'done']), followUp: text(1, 2000), version: z.number().int() })
export const talkStatusSchema = z.object({ status: z.enum(talkStatuses), version: z.number().int() })
