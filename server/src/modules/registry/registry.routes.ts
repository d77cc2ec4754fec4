import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { z } from 'zod'
import {
  attemptListSchema,
  attemptQuerySchema,
  createReportSchema,
  endRightSchema,
  registrySettingsViewSchema,
  renewRightSchema,
  reportDecisionSchema,
  reportListSchema,
  reportQuerySchema,
  reportReviewSchema,
  reportSchema,
  rightListSchema,
  rightQuerySchema,
  rightSchema,
  standingQuerySchema,
  standingSchema,
  updateRegistrySettingsSchema,
} from '../../../../common/src/api/registry.js'
import type { Role } from '../../../../common/src/roles.js'
import type { AppContext } from '../../context.js'
import { requireActor } from '../../http/access.js'
import { registerEnterpriseMergeStep, type EnterpriseMergeStep } from '../enterprise/index.js'
import { repointEnterprise } from './registry.repository.js'
import * as service from './registry.service.js'

/** When two firms merge, reports and rights follow the kept firm. */
const mergeStep: EnterpriseMergeStep = (tx, tenantId, fromId, toId) => repointEnterprise(tx, tenantId, fromId, toId)

const readers: readonly Role[] = ['city_admin', 'city_staff', 'district_staff', 'platform_staff', 'department_reviewer', 'leader']
const cityRoles: readonly Role[] = ['city_admin', 'city_staff']
const reporters: readonly Role[] = ['city_admin', 'city_staff', 'district_staff']
const read = { access: { roles: readers } }
const city = { access: { roles: cityRoles } }
const report = { access: { roles: reporters } }
const idParams = z.object({ id: z.uuid() })
const tags = ['registry']

export function registryRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  service.attachAttemptLog(ctx)
  registerEnterpriseMergeStep(mergeStep)
  return async (app) => {
    app.get(
      '/api/registry/settings',
      { schema: { tags, summary: '首报首谈与服务时限设置 Registry settings', response: { 200: registrySettingsViewSchema } }, config: read },
      async (request) => service.getSettings(ctx.database.db, requireActor(request).tenantId),
    )
    app.put(
      '/api/registry/settings',
      { schema: { tags, summary: '修改设置 Update settings', body: updateRegistrySettingsSchema, response: { 200: registrySettingsViewSchema } }, config: city },
      async (request) => service.updateSettings(ctx, requireActor(request), request.body),
    )
    app.get(
      '/api/registry/reports',
      { schema: { tags, summary: '首报列表 Reports', querystring: reportQuerySchema, response: { 200: reportListSchema } }, config: read },
      async (request) => service.listReports(ctx, requireActor(request), request.query),
    )
    app.post(
      '/api/registry/reports',
      { schema: { tags, summary: '首报线索 Report a lead', body: createReportSchema, response: { 201: reportSchema } }, config: report },
      async (request, reply) => reply.status(201).send(await service.reportLead(ctx, requireActor(request), request.body)),
    )
    app.get(
      '/api/registry/reports/:id/review',
      { schema: { tags, summary: '首报审核视图 Review view (conflicts, layout fit)', params: idParams, response: { 200: reportReviewSchema } }, config: read },
      async (request) => service.reviewReport(ctx, requireActor(request), request.params.id),
    )
    app.post(
      '/api/registry/reports/:id/decision',
      { schema: { tags, summary: '授予、退回或改派 Grant, reject or redirect', params: idParams, body: reportDecisionSchema, response: { 200: reportSchema } }, config: city },
      async (request) => service.decideReport(ctx, requireActor(request), request.params.id, request.body),
    )
    app.get(
      '/api/registry/rights',
      { schema: { tags, summary: '首谈资格登记簿 Rights register', querystring: rightQuerySchema, response: { 200: rightListSchema } }, config: read },
      async (request) => service.listRights(ctx, requireActor(request), request.query),
    )
    app.get(
      '/api/registry/rights/:id',
      { schema: { tags, summary: '首谈资格 Right', params: idParams, response: { 200: rightSchema } }, config: read },
      async (request) => service.getRight(ctx, requireActor(request), request.params.id),
    )
    app.post(
      '/api/registry/rights/:id/renew',
      { schema: { tags, summary: '续期 Renew', params: idParams, body: renewRightSchema, response: { 200: rightSchema } }, config: city },
      async (request) => service.changeRight(ctx, requireActor(request), request.params.id, 'renew', request.body),
    )
    app.post(
      '/api/registry/rights/:id/release',
      { schema: { tags, summary: '放弃 Release (holder)', params: idParams, body: endRightSchema, response: { 200: rightSchema } }, config: report },
      async (request) => service.changeRight(ctx, requireActor(request), request.params.id, 'release', request.body),
    )
    app.post(
      '/api/registry/rights/:id/revoke',
      { schema: { tags, summary: '撤销 Revoke (city)', params: idParams, body: endRightSchema, response: { 200: rightSchema } }, config: city },
      async (request) => service.changeRight(ctx, requireActor(request), request.params.id, 'revoke', request.body),
    )
    app.get(
      '/api/registry/standing',
      { schema: { tags, summary: '企业首谈状态 Standing of a firm', querystring: standingQuerySchema, response: { 200: standingSchema } }, config: read },
      async (request) => service.standing(ctx, requireActor(request), request.query.enterpriseId),
    )
    app.get(
      '/api/registry/attempts',
      { schema: { tags, summary: '被拒绝的尝试 Refused attempts', querystring: attemptQuerySchema, response: { 200: attemptListSchema } }, config: city },
      async (request) => service.listAttempts(ctx, requireActor(request), request.query),
    )
  }
}
