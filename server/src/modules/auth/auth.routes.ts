import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { z } from 'zod'
import { changePasswordRequestSchema, loginRequestSchema, meSchema } from '../../../../common/src/api/auth.js'
import type { AppContext } from '../../context.js'
import { requireActor } from '../../http/access.js'
import { SESSION_COOKIE, type AuthService } from './auth.service.js'

const okSchema = z.object({ ok: z.literal(true) })

export function authRoutes(ctx: AppContext, auth: AuthService): FastifyPluginAsyncZod {
  return async (app) => {
    app.post(
      '/api/auth/login',
      {
        schema: { tags: ['auth'], summary: '登录 Sign in', body: loginRequestSchema, response: { 200: meSchema } },
        config: { access: { public: true } },
      },
      async (request, reply) => {
        const { token, expiresAt, actor } = await auth.login(request.body.username, request.body.password, {
          ip: request.ip,
          userAgent: request.headers['user-agent'],
          requestId: request.id,
        })
        reply.setCookie(SESSION_COOKIE, token, {
          httpOnly: true,
          sameSite: 'strict',
          secure: ctx.config.COOKIE_SECURE,
          path: '/',
          expires: expiresAt,
        })
        return auth.me(actor)
      },
    )

    app.post(
      '/api/auth/logout',
      {
        schema: { tags: ['auth'], summary: '退出 Sign out', response: { 200: okSchema } },
        config: { access: { roles: 'authenticated', leaderMayWrite: true } },
      },
      async (request, reply) => {
        await auth.logout(request.cookies[SESSION_COOKIE], requireActor(request))
        reply.clearCookie(SESSION_COOKIE, { path: '/' })
        return { ok: true as const }
      },
    )

    app.get(
      '/api/auth/me',
      {
        schema: { tags: ['auth'], summary: '当前用户 Current user', response: { 200: meSchema } },
        config: { access: { roles: 'authenticated' } },
      },
      async (request) => auth.me(requireActor(request)),
    )

    app.post(
      '/api/auth/password',
      {
        schema: {
          tags: ['auth'],
          summary: '修改本人密码 Change own password',
          body: changePasswordRequestSchema,
          response: { 200: okSchema },
        },
        config: { access: { roles: 'authenticated', leaderMayWrite: true } },
      },
      async (request) => {
        await auth.changePassword(
          requireActor(request),
          request.body.currentPassword,
          request.body.newPassword,
          request.cookies[SESSION_COOKIE],
        )
        return { ok: true as const }
      },
    )
  }
}
