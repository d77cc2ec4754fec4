import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { chainCatalogSchema, tenantReferenceSchema } from '../../../../common/src/api/reference.js'
import type { AppContext } from '../../context.js'
import { requireActor } from '../../http/access.js'
import { chainCatalog, tenantReference } from './reference.service.js'

// Reference data is readable by every signed-in user (the layout guide is public to all districts).
const anyone = { access: { roles: 'authenticated' as const } }

export function referenceRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/api/reference/tenant',
      {
        schema: { tags: ['reference'], summary: '本市区县、平台、部门 Districts, platforms, departments', response: { 200: tenantReferenceSchema } },
        config: anyone,
      },
      async (request) => tenantReference(ctx, requireActor(request).tenantId),
    )
    app.get(
      '/api/reference/chains',
      {
        schema: { tags: ['reference'], summary: '生态圈与产业链 Ecosystems and chains', response: { 200: chainCatalogSchema } },
        config: anyone,
      },
      async (request) => chainCatalog(ctx, requireActor(request).tenantId),
    )
  }
}
