import { existsSync } from 'node:fs'
import fastifyCookie from '@fastify/cookie'
import fastifyStatic from '@fastify/static'
import fastifySwagger from '@fastify/swagger'
import fastifySwaggerUi from '@fastify/swagger-ui'
import Fastify, { type FastifyInstance } from 'fastify'
import { jsonSchemaTransform, serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod'
import { z } from 'zod'
import type { AppContext } from './context.js'
import { registerAccessControl, type RouteEntry } from './http/access.js'
import { commonErrors } from './http/app-error.js'
import { registerErrorHandler } from './http/error-handler.js'
import { auditRoutes } from './modules/audit/index.js'
import { authRoutes, AuthService } from './modules/auth/index.js'
import { chainRoutes } from './modules/chain/index.js'
import { enterpriseRoutes } from './modules/enterprise/index.js'
import { homeRoutes } from './modules/home/index.js'
import { importRoutes } from './modules/import/index.js'
import { leadsRoutes } from './modules/leads/index.js'
import { listsRoutes } from './modules/lists/index.js'
import { notificationsRoutes } from './modules/notifications/index.js'
import { registryRoutes } from './modules/registry/index.js'
import { talksRoutes } from './modules/talks/index.js'
import { dashboardRoutes } from './modules/dashboard/index.js'
import { projectsRoutes } from './modules/projects/index.js'
import { supervisionRoutes } from './modules/supervision/index.js'
import { targetingRoutes } from './modules/targeting/index.js'
import { referenceRoutes } from './modules/reference/index.js'
import { usersRoutes } from './modules/users/index.js'
import { projectPath } from './paths.js'

export interface BuildAppOptions {
  /** Serve the built web UI from dist/web (production and browser tests). */
  serveWeb?: boolean
  /** Where the built UI is (default dist/web); browser tests of parallel checkouts build into their own folder. */
  webRoot?: string
  logger?: boolean | { level: string }
}

export async function buildApp(
  makeContext: (log: FastifyInstance['log']) => AppContext,
  options: BuildAppOptions = {},
): Promise<{ app: FastifyInstance; ctx: AppContext; routes: RouteEntry[] }> {
  const app = Fastify({
    logger: options.logger ?? false,
    trustProxy: true,
    bodyLimit: 20 * 1024 * 1024,
    genReqId: () => crypto.randomUUID(),
  }).withTypeProvider<ZodTypeProvider>()
  const ctx = makeContext(app.log)

  app.setValidatorCompiler(validatorCompiler)
  app.setSerializerCompiler(serializerCompiler)
  registerErrorHandler(app)
  await app.register(fastifyCookie)
  await app.register(fastifySwagger, {
    openapi: {
      info: {
        title: 'chainboard API',
        description: '产业链精准招商平台 API. Errors are `{ code, message, messageEn, fields? }`.',
        version: '0.1.0',
      },
      components: { securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: 'cb_session' } } },
      security: [{ session: [] }],
    },
    transform: jsonSchemaTransform,
  })

  const auth = new AuthService(ctx)
  const routes = registerAccessControl(app, auth)
  await app.register(fastifySwaggerUi, { routePrefix: '/api/docs' })

  app.get(
    '/api/health',
    {
      schema: { tags: ['system'], summary: '健康检查 Health', response: { 200: z.object({ ok: z.boolean(), database: z.string() }) } },
      config: { access: { public: true } },
    },
    async () => {
      await ctx.database.pool.query('select 1')
      return { ok: true, database: ctx.database.kind }
    },
  )
  await app.register(authRoutes(ctx, auth))
  await app.register(usersRoutes(ctx))
  await app.register(auditRoutes(ctx))
  await app.register(referenceRoutes(ctx))
  await app.register(homeRoutes(ctx))
  await app.register(enterpriseRoutes(ctx))
  await app.register(chainRoutes(ctx))
  await app.register(listsRoutes(ctx))
  await app.register(importRoutes(ctx))
  await app.register(targetingRoutes(ctx))
  await app.register(notificationsRoutes(ctx))
  await app.register(registryRoutes(ctx))
  await app.register(leadsRoutes(ctx))
  await app.register(talksRoutes(ctx))
  await app.register(projectsRoutes(ctx))
  await app.register(supervisionRoutes(ctx))
  await app.register(dashboardRoutes(ctx))

  const webRoot = options.webRoot ?? projectPath('dist/web')
  const serveWeb = options.serveWeb && existsSync(webRoot)
  // wildcard: files are looked up per request, so a rebuilt UI is served without a restart
  if (serveWeb) await app.register(fastifyStatic, { root: webRoot, wildcard: true })
  app.setNotFoundHandler((request, reply) => {
    // the single-page app owns every non-API path
    if (serveWeb && request.method === 'GET' && !request.url.startsWith('/api')) return reply.sendFile('index.html')
    const error = commonErrors.ROUTE_NOT_FOUND()
    return reply
      .status(404)
      .send({ code: error.code, message: error.messageZh, messageEn: error.messageEn, requestId: request.id })
  })
  return { app, ctx, routes }
}
