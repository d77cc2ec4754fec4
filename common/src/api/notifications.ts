import { z } from 'zod'

// In-app notifications (the bell in the header). Shared by server and web.

export const notificationSchema = z.object({
  id: z.string(),
  kind: z.string(),
  title: z.string(),
  titleEn: z.string(),
  body: z.string().nullable(),
  bodyEn: z.string().nullable(),
  link: z.string().nullable(),
  entityType: z.string().nullable(),
  entityId: z.string().nullable(),
  createdAt: z.string(),
  readAt: z.string().nullable(),
})
export type Notification = z.infer<typeof notificationSchema>

export const notificationQuerySchema = z.object({
  unread: z.enum(['true', 'false']).optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
})
export const notificationListSchema = z.object({ items: z.array(notificationSchema), total: z.number().int(), unread: z.number().int() })
export const unreadCountSchema = z.object({ unread: z.number().int() })
export const markReadSchema = z.object({ ids: z.array(z.uuid()).max(200).optional(), all: z.boolean().optional() })
export const markReadResultSchema = z.object({ marked: z.number().int(), unread: z.number().int() })
