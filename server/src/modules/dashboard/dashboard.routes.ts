import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { dashboardQuerySchema, dashboardSchema } from '../../../../common/src/api/dashboard.js'
import type { AppContext } from '../../context.js'
import { requireActor } from '../../http/access.js'
import { projectReaders, sendXlsx } from '../projects/index.js'
import { monthlyReportXlsx } from './dashboard.report.js'
import * as service from './dashboard.service.js'

const read = { access: { roles: projectReaders } }
const tags = ['dashboard']

export function dashboardRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/api/dashboard',
      { schema: { tags, summary: '一屏：全市或区县项目全生命周期 The one screen', querystring: dashboardQuerySchema, response: { 200: dashboardSchema } }, config: read },
      async (request) => service.getDashboard(ctx, requireActor(request), request.query),
    )
    app.get(
      '/api/dashboard/monthly-report.xlsx',
      { schema: { tags, summary: '月报 Monthly report', querystring: dashboardQuerySchema }, config: read },
      async (request, reply) => {
        const dashboard = await service.getDashboard(ctx, requireActor(request), request.query)
        return sendXlsx(reply, `项目月报-${dashboard.regionName}-${dashboard.asOf.slice(0, 7)}.xlsx`, await monthlyReportXlsx(dashboard))
      },
    )
  }
}
