import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { z } from 'zod'
import {
  createProblemSchema,
  generateRedBlackSchema,
  monthSchema,
  notYetCountsSchema,
  problemActionSchema,
  problemListSchema,
  problemQuerySchema,
  problemSchema,
  redBlackMonthsSchema,
  redBlackSchema,
  stuckListSchema,
  stuckQuerySchema,
  stuckRunSchema,
} from '../../../../common/src/api/supervision.js'
import type { Role } from '../../../../common/src/roles.js'
import type { AppContext } from '../../context.js'
import { requireActor } from '../../http/access.js'
import { projectReaders } from '../projects/index.js'
import * as service from './supervision.service.js'

const read = { access: { roles: projectReaders } }
const cityOnly = { access: { roles: ['city_admin', 'city_staff'] as Role[] } }
const problemReaders: Role[] = [...projectReaders, 'department_reviewer']
const tags = ['supervision']

export function supervisionRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/api/supervision/stuck',
      { schema: { tags, summary: '停滞项目 Stuck projects', querystring: stuckQuerySchema, response: { 200: stuckListSchema } }, config: read },
      async (request) => service.listStuck(ctx, requireActor(request), request.query),
    )
    app.post(
      '/api/supervision/stuck/run',
      { schema: { tags, summary: '立即检查停滞项目和超期问题 Run the stuck-project and overdue-problem checks now', response: { 200: stuckRunSchema } }, config: cityOnly },
      async (request) => {
        const actor = requireActor(request)
        const stuck = await service.runStuckProjectJob(ctx, actor.tenantId, actor)
        const overdue = await service.runOverdueProblemsJob(ctx, actor.tenantId, actor)
        return { ...stuck, overdueAlerted: overdue.alerted }
      },
    )
    app.get(
      '/api/supervision/not-yet',
      { schema: { tags, summary: '六未项目数 The six not-yets', querystring: z.object({ region: z.string().regex(/^\d{6}$/).optional() }), response: { 200: notYetCountsSchema } }, config: read },
      async (request) => service.notYetCounts(ctx, requireActor(request), request.query.region),
    )
    app.get(
      '/api/supervision/problems',
      { schema: { tags, summary: '问题清单 Problems', querystring: problemQuerySchema, response: { 200: problemListSchema } }, config: { access: { roles: problemReaders } } },
      async (request) => service.listProblems(ctx, requireActor(request), request.query),
    )
    app.post(
      '/api/supervision/projects/:id/problems',
      {
        schema: { tags, summary: '提出问题 Raise a problem on a project', params: z.object({ id: z.uuid() }), body: createProblemSchema, response: { 201: problemSchema } },
        config: { access: { roles: ['city_admin', 'city_staff', 'district_staff'] } },
      },
      async (request, reply) => reply.status(201).send(await service.raiseProblem(ctx, requireActor(request), request.params.id, request.body)),
    )
    app.post(
      '/api/supervision/problems/:id/actions',
      {
        schema: { tags, summary: '交办、提交协调会、办结 Reassign, escalate, resolve', params: z.object({ id: z.uuid() }), body: problemActionSchema, response: { 200: problemSchema } },
        config: { access: { roles: ['city_admin', 'city_staff', 'district_staff', 'department_reviewer'] } },
      },
      async (request) => service.actOnProblem(ctx, requireActor(request), request.params.id, request.body),
    )
    app.get(
      '/api/supervision/red-black',
      {
        schema: {
          tags,
          summary: '月度红黑榜 Monthly red and black lists (a past month as kept; the current month live)',
          querystring: z.object({ month: monthSchema }),
          response: { 200: redBlackSchema },
        },
        config: read,
      },
      async (request) => service.redBlackLists(ctx, requireActor(request), request.query.month),
    )
    app.get(
      '/api/supervision/red-black/months',
      { schema: { tags, summary: '已存档的红黑榜月份 Months of the red and black lists kept', response: { 200: redBlackMonthsSchema } }, config: read },
      async (request) => service.listRedBlackMonths(ctx, requireActor(request)),
    )
    app.post(
      '/api/supervision/red-black/snapshots',
      {
        schema: { tags, summary: '生成（重新生成）月度红黑榜 Keep (or re-keep) a month’s red and black lists', body: generateRedBlackSchema, response: { 200: redBlackSchema } },
        config: cityOnly,
      },
      async (request) => {
        const actor = requireActor(request)
        return (await service.generateRedBlackSnapshot(ctx, actor.tenantId, request.body.month, actor))!
      },
    )
  }
}
