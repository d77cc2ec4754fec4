import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { z } from 'zod'
import {
  createProblemSchema,
  notYetCountsSchema,
  problemActionSchema,
  problemListSchema,
  problemQuerySchema,
  problemSchema,
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
      { schema: { tags, summary: '立即检查停滞项目 Run the stuck-project check now', response: { 200: stuckRunSchema } }, config: { access: { roles: ['city_admin', 'city_staff'] } } },
      async (request) => {
        const actor = requireActor(request)
        return service.runStuckProjectJob(ctx, actor.tenantId, actor)
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
        schema: { tags, summary: '月度红黑榜 Monthly red and black lists', querystring: z.object({ month: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'YYYY-MM') }), response: { 200: redBlackSchema } },
        config: read,
      },
      async (request) => service.redBlackLists(ctx, requireActor(request), request.query.month),
    )
  }
}
