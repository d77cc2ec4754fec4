import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { z } from 'zod'
import {
  createLeadSchema,
  duplicateListSchema,
  duplicateQuerySchema,
  funnelQuerySchema,
  funnelSchema,
  leadCloseSchema,
  leadDetailSchema,
  leadFromTargetSchema,
  leadImportRequestSchema,
  leadImportResultSchema,
  leadListSchema,
  leadQuerySchema,
  leadStepSchema,
} from '../../../../common/src/api/leads.js'
import type { Role } from '../../../../common/src/roles.js'
import type { AppContext } from '../../context.js'
import { requireActor } from '../../http/access.js'
import { importLeads, leadImportTemplate } from './leads.import.js'
import { sql } from 'drizzle-orm'
import { registerEnterpriseMergeStep, type EnterpriseMergeStep } from '../enterprise/index.js'
import * as service from './leads.service.js'

/** When two firms merge, the leads follow the kept firm. */
const mergeStep: EnterpriseMergeStep = async (tx, tenantId, fromId, toId) => {
  await tx.execute(sql`update leads set enterprise_id = ${toId}::uuid where tenant_id = ${tenantId} and enterprise_id = ${fromId}::uuid`)
}

const readers: readonly Role[] = ['city_admin', 'city_staff', 'district_staff', 'platform_staff', 'leader']
const writers: readonly Role[] = ['city_admin', 'city_staff', 'district_staff']
const read = { access: { roles: readers } }
const write = { access: { roles: writers } }
const idParams = z.object({ id: z.uuid() })
const tags = ['leads']

export function leadsRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  registerEnterpriseMergeStep(mergeStep)
  return async (app) => {
    app.get(
      '/api/leads',
      { schema: { tags, summary: '线索收件箱 Lead inbox', querystring: leadQuerySchema, response: { 200: leadListSchema } }, config: read },
      async (request) => service.listLeads(ctx, requireActor(request), request.query),
    )
    app.post(
      '/api/leads',
      { schema: { tags, summary: '登记线索 Create a lead', body: createLeadSchema, response: { 201: leadDetailSchema } }, config: write },
      async (request, reply) => reply.status(201).send(await service.createLead(ctx, requireActor(request), request.body)),
    )
    app.post(
      '/api/leads/from-target',
      { schema: { tags, summary: '由目标客商生成线索 Lead from a target entry', body: leadFromTargetSchema, response: { 201: leadDetailSchema } }, config: write },
      async (request, reply) => reply.status(201).send(await service.createLeadFromTarget(ctx, requireActor(request), request.body)),
    )
    app.get(
      '/api/leads/duplicates',
      { schema: { tags, summary: '线索查重 Duplicate check', querystring: duplicateQuerySchema, response: { 200: duplicateListSchema } }, config: write },
      async (request) => service.checkDuplicates(ctx, requireActor(request), request.query),
    )
    app.get(
      '/api/leads/funnel',
      { schema: { tags, summary: '线索漏斗 Funnel by channel and district', querystring: funnelQuerySchema, response: { 200: funnelSchema } }, config: read },
      async (request) => service.leadFunnel(ctx, requireActor(request), request.query),
    )
    app.get(
      '/api/leads/import/template.xlsx',
      { schema: { tags, summary: '线索导入模板 Import template' }, config: write },
      async (_request, reply) =>
        reply
          .header('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
          .header('content-disposition', `attachment; filename="template.xlsx"; filename*=UTF-8''${encodeURIComponent('线索导入模板.xlsx')}`)
          .send(await leadImportTemplate()),
    )
    app.post(
      '/api/leads/import',
      { schema: { tags, summary: '导入线索（全部或全不） Import leads (all or nothing)', body: leadImportRequestSchema, response: { 200: leadImportResultSchema } }, config: write },
      async (request) => importLeads(ctx, requireActor(request), request.body),
    )
    app.get(
      '/api/leads/:id',
      { schema: { tags, summary: '线索详情 Lead', params: idParams, response: { 200: leadDetailSchema } }, config: read },
      async (request) => service.getLead(ctx, requireActor(request), request.params.id),
    )
    app.post(
      '/api/leads/:id/steps',
      { schema: { tags, summary: '登记服务节点 Record a service step', params: idParams, body: leadStepSchema, response: { 200: leadDetailSchema } }, config: write },
      async (request) => service.recordStep(ctx, requireActor(request), request.params.id, request.body),
    )
    app.post(
      '/api/leads/:id/close',
      { schema: { tags, summary: '关闭线索 Close (dropped / signed)', params: idParams, body: leadCloseSchema, response: { 200: leadDetailSchema } }, config: write },
      async (request) => service.closeLead(ctx, requireActor(request), request.params.id, request.body),
    )
  }
}
