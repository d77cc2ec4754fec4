import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import {
  markReadResultSchema,
  markReadSchema,
  notificationListSchema,
  notificationQuerySchema,
  unreadCountSchema,
} from '../../../../common/src/api/notifications.js'
import type { AppContext } from '../../context.js'
import { requireActor } from '../../http/access.js'
import * as service from './notifications.service.js'

const tags = ['notifications']
// everyone signed in has their own inbox; leaders may mark their own notifications read
const own = { access: { roles: 'authenticated' as const, leaderMayWrite: true } }

export function notificationsRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/api/notifications',
      { schema: { tags, summary: '我的通知 My notifications', querystring: notificationQuerySchema, response: { 200: notificationListSchema } }, config: own },
      async (request) => service.listNotifications(ctx, requireActor(request), request.query),
    )
    app.get(
      '/api/notifications/unread-count',
      { schema: { tags, summary: '未读通知数 Unread count', response: { 200: unreadCountSchema } }, config: own },
      async (request) => service.countUnread(ctx, requireActor(request)),
    )
    app.post(
      '/api/notifications/read',
      { schema: { tags, summary: '标记已读 Mark read', body: markReadSchema, response: { 200: markReadResultSchema } }, config: own },
      async (request) => service.markRead(ctx, requireActor(request), request.body),
    )
  }
}
