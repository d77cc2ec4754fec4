import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { z } from 'zod'
import {
  createUserRequestSchema,
  resetPasswordRequestSchema,
  updateUserRequestSchema,
  userListQuerySchema,
  userListSchema,
  userSchema,
} from '../../../../common/src/api/users.js'
import type { AppContext } from '../../context.js'
import { requireActor } from '../../http/access.js'
import { createUser, listUsers, resetPassword, updateUser } from './users.service.js'

const idParams = z.object({ id: z.uuid() })
const adminOnly = { access: { roles: ['city_admin'] as const } }

export function usersRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/api/users',
      {
        schema: { tags: ['users'], summary: '用户列表 List users', querystring: userListQuerySchema, response: { 200: userListSchema } },
        config: adminOnly,
      },
      async (request) => listUsers(ctx, requireActor(request), request.query),
    )
    app.post(
      '/api/users',
      {
        schema: { tags: ['users'], summary: '新建用户 Create user', body: createUserRequestSchema, response: { 201: userSchema } },
        config: adminOnly,
      },
      async (request, reply) => reply.status(201).send(await createUser(ctx, requireActor(request), request.body)),
    )
    app.patch(
      '/api/users/:id',
      {
        schema: {
          tags: ['users'],
          summary: '修改用户（角色、范围、停用） Update user',
          params: idParams,
          body: updateUserRequestSchema,
          response: { 200: userSchema },
        },
        config: adminOnly,
      },
      async (request) => updateUser(ctx, requireActor(request), request.params.id, request.body),
    )
    app.post(
      '/api/users/:id/reset-password',
      {
        schema: {
          tags: ['users'],
          summary: '重置密码并解锁 Reset password and unlock',
          params: idParams,
          body: resetPasswordRequestSchema,
          response: { 200: z.object({ ok: z.literal(true) }) },
        },
        config: adminOnly,
      },
      async (request) => {
        await resetPassword(ctx, requireActor(request), request.params.id, request.body.newPassword)
        return { ok: true as const }
      },
    )
  }
}
