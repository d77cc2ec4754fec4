import { date, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core'

// City-led talks (市级主谈): a project the city bureau negotiates itself through a project group
// (专项组) — cross-district projects or ones a leader assigns — with tasks, a landing proposal and
// coordination meetings whose decisions are followed up one by one.

export const talkReasons = ['cross_district', 'leader_assigned'] as const
export const talkStatuses = ['open', 'concluded', 'closed'] as const
export const talkTaskKinds = ['investigate', 'evaluate', 'negotiate', 'other'] as const

export const cityLedTalks = pgTable(
  'city_led_talks',
  {
    tenantId: text('tenant_id').notNull(),
    id: uuid('id').notNull(),
    title: text('title').notNull(),
    enterpriseId: uuid('enterprise_id'),
    investorName: text('investor_name').notNull(),
    reason: text('reason', { enum: talkReasons }).notNull(),
    assignedBy: text('assigned_by'),
    status: text('status', { enum: talkStatuses }).notNull().default('open'),
    /** 专项组: [{ unit, unitName, name, role }] — unit is a district code, a department code or 'city' */
    members: jsonb('members').notNull(),
    /** 落地方案: [{ regionCode, platformCode, reason }] */
    proposal: jsonb('proposal').notNull().default([]),
    summary: text('summary'),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull(),
    createdBy: text('created_by').notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'date' }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.id] }), index('city_led_talks_status_idx').on(t.tenantId, t.status, t.updatedAt)],
)

export const talkTasks = pgTable(
  'talk_tasks',
  {
    tenantId: text('tenant_id').notNull(),
    id: uuid('id').notNull(),
    talkId: uuid('talk_id').notNull(),
    kind: text('kind', { enum: talkTaskKinds }).notNull(),
    title: text('title').notNull(),
    ownerUnit: text('owner_unit').notNull(),
    ownerName: text('owner_name').notNull(),
    dueOn: date('due_on', { mode: 'string' }).notNull(),
    status: text('status', { enum: ['open', 'done'] }).notNull().default('open'),
    doneAt: timestamp('done_at', { withTimezone: true, mode: 'date' }),
    note: text('note'),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.id] }), index('talk_tasks_talk_idx').on(t.tenantId, t.talkId)],
)

/** A coordination meeting (协调会) with its minutes (纪要); each decision is followed up. */
export const talkMeetings = pgTable(
  'talk_meetings',
  {
    tenantId: text('tenant_id').notNull(),
    id: uuid('id').notNull(),
    talkId: uuid('talk_id').notNull(),
    heldOn: date('held_on', { mode: 'string' }).notNull(),
    title: text('title').notNull(),
    chair: text('chair'),
    minutes: text('minutes').notNull(),
    /** [{ id, text, responsibleUnit, responsibleUnitName, dueOn, status: 'open' | 'done', doneAt, followUp }] */
    decisions: jsonb('decisions').notNull(),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull(),
    createdBy: text('created_by').notNull(),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.id] }), index('talk_meetings_talk_idx').on(t.tenantId, t.talkId, t.heldOn)],
)
