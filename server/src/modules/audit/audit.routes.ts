import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { z } from 'zod'
import { auditListSchema, auditQuerySchema, auditVerificationSchema } from '../../../../common/src/api/audit.js'
import type { AppContext } from '../../context.js'
import { requireActor } from '../../http/access.js'
import { distinctAuditActions, listAudit, verifyAuditChain } from './audit.service.js'

const adminOnly = { access: { roles: ['city_admin'] as const } }

export function auditRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/api/audit',
      {
        schema: { tags: ['audit'], summary: '审计日志 Audit log', querystring: auditQuerySchema, response: { 200: auditListSchema } },
        config: adminOnly,
      },
      async (request) => listAudit(ctx, requireActor(request), request.query),
    )
    app.get(
      '/api/audit/actions',
      {
        schema: { tags: ['audit'], summary: '审计动作类型 Audit actions', response: { 200: z.array(z.string()) } },
        config: adminOnly,
      },
      async (request) => distinctAuditActions(ctx, requireActor(request)),
    )
    app.get(
      '/api/audit/verify',
      {
        schema: { tags: ['audit'], summary: '校验哈希链 Verify hash chain', response: { 200: auditVerificationSchema } },
        config: adminOnly,
      },
      async (request) => verifyAuditChain(ctx, requireActor(request).tenantId),
    )
  }
}
