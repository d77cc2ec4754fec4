import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { homeSummarySchema } from '../../../../common/src/api/home.js'
import type { AppContext } from '../../context.js'
import { requireActor } from '../../http/access.js'
import { homeSummary } from './home.service.js'

export function homeRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/api/home/summary',
      {
        schema: { tags: ['home'], summary: '首页概况（按管辖范围） Home summary in scope', response: { 200: homeSummarySchema } },
        config: { access: { roles: 'authenticated' } },
      },
      async (request) => homeSummary(ctx, requireActor(request)),
    )
  }
}
