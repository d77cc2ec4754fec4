import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { z } from 'zod'
import {
  createMeetingSchema,
  createTalkSchema,
  createTaskSchema,
  followUpSchema,
  talkListSchema,
  talkQuerySchema,
  talkSchema,
  talkStatusSchema,
  updateProposalSchema,
  updateTaskSchema,
} from '../../../../common/src/api/talks.js'
import type { Role } from '../../../../common/src/roles.js'
import type { AppContext } from '../../context.js'
import { requireActor } from '../../http/access.js'
import * as service from './talks.service.js'

const readers: readonly Role[] = ['city_admin', 'city_staff', 'district_staff', 'platform_staff', 'department_reviewer', 'leader']
const members: readonly Role[] = ['city_admin', 'city_staff', 'district_staff', 'platform_staff', 'department_reviewer']
const cityRoles: readonly Role[] = ['city_admin', 'city_staff']
const read = { access: { roles: readers } }
const member = { access: { roles: members } }
const city = { access: { roles: cityRoles } }
const idParams = z.object({ id: z.uuid() })
const tags = ['talks']

export function talksRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    app.get('/api/talks', { schema: { tags, summary: '市级主谈项目 City-led talks', querystring: talkQuerySchema, response: { 200: talkListSchema } }, config: read }, async (request) =>
      service.listTalks(ctx, requireActor(request), request.query),
    )
    app.post('/api/talks', { schema: { tags, summary: '发起市级主谈 Open a city-led talk', body: createTalkSchema, response: { 201: talkSchema } }, config: city }, async (request, reply) =>
      reply.status(201).send(await service.createTalk(ctx, requireActor(request), request.body)),
    )
    app.get('/api/talks/:id', { schema: { tags, summary: '项目房间 Talk room', params: idParams, response: { 200: talkSchema } }, config: read }, async (request) =>
      service.getTalk(ctx, requireActor(request), request.params.id),
    )
    app.post('/api/talks/:id/status', { schema: { tags, summary: '状态 Status', params: idParams, body: talkStatusSchema, response: { 200: talkSchema } }, config: city }, async (request) =>
      service.setStatus(ctx, requireActor(request), request.params.id, request.body),
    )
    app.post('/api/talks/:id/tasks', { schema: { tags, summary: '分派任务 Add a task', params: idParams, body: createTaskSchema, response: { 200: talkSchema } }, config: city }, async (request) =>
      service.addTask(ctx, requireActor(request), request.params.id, request.body),
    )
    app.patch(
      '/api/talks/:id/tasks/:taskId',
      { schema: { tags, summary: '更新任务 Update a task', params: z.object({ id: z.uuid(), taskId: z.uuid() }), body: updateTaskSchema, response: { 200: talkSchema } }, config: member },
      async (request) => service.updateTask(ctx, requireActor(request), request.params.id, request.params.taskId, request.body),
    )
    app.put('/api/talks/:id/proposal', { schema: { tags, summary: '落地方案 Landing proposal', params: idParams, body: updateProposalSchema, response: { 200: talkSchema } }, config: city }, async (request) =>
      service.updateProposal(ctx, requireActor(request), request.params.id, request.body),
    )
    app.post('/api/talks/:id/meetings', { schema: { tags, summary: '协调会纪要 Meeting minutes', params: idParams, body: createMeetingSchema, response: { 200: talkSchema } }, config: city }, async (request) =>
      service.addMeeting(ctx, requireActor(request), request.params.id, request.body),
    )
    app.post(
      '/api/talks/:id/meetings/:meetingId/decisions/:decisionId',
      {
        schema: { tags, summary: '决定事项跟踪 Follow up a decision', params: z.object({ id: z.uuid(), meetingId: z.uuid(), decisionId: z.uuid() }), body: followUpSchema, response: { 200: talkSchema } },
        config: member,
      },
      async (request) => service.followUpDecision(ctx, requireActor(request), request.params.id, request.params.meetingId, request.params.decisionId, request.body),
    )
  }
}
