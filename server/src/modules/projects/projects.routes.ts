import type { FastifyReply } from 'fastify'
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { z } from 'zod'
import {
  annualTargetListSchema,
  annualTargetSchema,
  arrivalSchema,
  checklistSchema,
  createProjectSchema,
  createSavedViewSchema,
  eventQuerySchema,
  projectDetailSchema,
  projectEventListSchema,
  projectListSchema,
  projectQuerySchema,
  projectSchema,
  projectSettingsSchema,
  savedViewListSchema,
  savedViewSchema,
  tickChecklistSchema,
  transitionSchema,
  updateAnnualTargetSchema,
  updateProjectSchema,
  updateProjectSettingsSchema,
} from '../../../../common/src/api/projects.js'
import type { Role } from '../../../../common/src/roles.js'
import type { AppContext } from '../../context.js'
import { requireActor } from '../../http/access.js'
import { projectsXlsx } from './projects.export.js'
import * as service from './projects.service.js'

export const projectReaders: readonly Role[] = ['city_admin', 'city_staff', 'district_staff', 'platform_staff', 'leader']
const projectWriters: readonly Role[] = ['city_admin', 'city_staff', 'district_staff']
const cityWriters: readonly Role[] = ['city_admin', 'city_staff']
const read = { access: { roles: projectReaders } }
const write = { access: { roles: projectWriters } }
const cityWrite = { access: { roles: cityWriters } }

const idParams = z.object({ id: z.uuid() })
const tags = ['projects']
const ok = z.object({ ok: z.literal(true) })

export function sendXlsx(reply: FastifyReply, name: string, body: Buffer) {
  return reply
    .header('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
    .header('content-disposition', `attachment; filename="export.xlsx"; filename*=UTF-8''${encodeURIComponent(name)}`)
    .send(body)
}

export function projectsRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/api/projects',
      { schema: { tags, summary: '项目清单 Projects', querystring: projectQuerySchema, response: { 200: projectListSchema } }, config: read },
      async (request) => service.listProjects(ctx, requireActor(request), request.query),
    )
    app.get(
      '/api/projects/export.xlsx',
      { schema: { tags, summary: '导出项目清单 Export projects', querystring: projectQuerySchema }, config: read },
      async (request, reply) => {
        const { projects, stages } = await service.exportProjects(ctx, requireActor(request), request.query)
        return sendXlsx(reply, '项目清单.xlsx', await projectsXlsx(projects, stages))
      },
    )
    app.post(
      '/api/projects',
      { schema: { tags, summary: '新建项目 Create project', body: createProjectSchema, response: { 201: projectSchema } }, config: write },
      async (request, reply) => reply.status(201).send(await service.createProject(ctx, requireActor(request), request.body)),
    )
    app.get(
      '/api/projects/settings',
      { schema: { tags, summary: '阶段、督办规范、红黑榜规则 Lifecycle settings', response: { 200: projectSettingsSchema } }, config: { access: { roles: [...projectReaders, 'department_reviewer'] as Role[] } } },
      async (request) => service.getSettings(ctx.database.db, requireActor(request).tenantId),
    )
    app.put(
      '/api/projects/settings',
      { schema: { tags, summary: '修改生命周期设置 Update lifecycle settings', body: updateProjectSettingsSchema, response: { 200: projectSettingsSchema } }, config: cityWrite },
      async (request) => service.updateSettings(ctx, requireActor(request), request.body),
    )
    app.get(
      '/api/projects/targets',
      { schema: { tags, summary: '年度目标 Annual targets', querystring: z.object({ year: z.coerce.number().int().min(2000).max(2100) }), response: { 200: annualTargetListSchema } }, config: read },
      async (request) => service.listTargets(ctx, requireActor(request), request.query.year),
    )
    app.put(
      '/api/projects/targets/:year/:region',
      {
        schema: {
          tags,
          summary: '修改区县年度目标 Update a district’s annual target',
          params: z.object({ year: z.coerce.number().int().min(2000).max(2100), region: z.string().regex(/^\d{6}$/) }),
          body: updateAnnualTargetSchema,
          response: { 200: annualTargetSchema },
        },
        config: cityWrite,
      },
      async (request) => service.updateTarget(ctx, requireActor(request), request.params.year, request.params.region, request.body),
    )
    app.get(
      '/api/projects/views',
      { schema: { tags, summary: '我保存的视图 My saved views', response: { 200: savedViewListSchema } }, config: read },
      async (request) => service.listViews(ctx, requireActor(request)),
    )
    app.post(
      '/api/projects/views',
      { schema: { tags, summary: '保存视图 Save a view', body: createSavedViewSchema, response: { 201: savedViewSchema } }, config: { access: { roles: projectReaders, leaderMayWrite: true } } },
      async (request, reply) => reply.status(201).send(await service.createView(ctx, requireActor(request), request.body)),
    )
    app.delete(
      '/api/projects/views/:id',
      { schema: { tags, summary: '删除视图 Delete a view', params: idParams, response: { 200: ok } }, config: { access: { roles: projectReaders, leaderMayWrite: true } } },
      async (request) => {
        await service.deleteView(ctx, requireActor(request), request.params.id)
        return { ok: true as const }
      },
    )
    app.get(
      '/api/projects/:id',
      { schema: { tags, summary: '项目详情 Project', params: idParams, response: { 200: projectDetailSchema } }, config: read },
      async (request) => service.getProject(ctx, requireActor(request), request.params.id),
    )
    app.patch(
      '/api/projects/:id',
      { schema: { tags, summary: '修改项目 Update project', params: idParams, body: updateProjectSchema, response: { 200: projectSchema } }, config: write },
      async (request) => service.updateProject(ctx, requireActor(request), request.params.id, request.body),
    )
    app.post(
      '/api/projects/:id/transition',
      { schema: { tags, summary: '推进或退回阶段 Move to a stage', params: idParams, body: transitionSchema, response: { 200: projectDetailSchema } }, config: write },
      async (request) => service.transition(ctx, requireActor(request), request.params.id, request.body),
    )
    app.get(
      '/api/projects/:id/events',
      { schema: { tags, summary: '项目数据点 Project events', params: idParams, querystring: eventQuerySchema, response: { 200: projectEventListSchema } }, config: read },
      async (request) => service.listEvents(ctx, requireActor(request), request.params.id, request.query),
    )
    app.post(
      '/api/projects/:id/arrivals',
      { schema: { tags, summary: '登记到资 Record arrived investment', params: idParams, body: arrivalSchema, response: { 200: projectSchema } }, config: write },
      async (request) => service.recordArrival(ctx, requireActor(request), request.params.id, request.body),
    )
    app.get(
      '/api/projects/:id/checklist',
      { schema: { tags, summary: '里程碑清单 Checklist', params: idParams, response: { 200: checklistSchema } }, config: read },
      async (request) => service.getChecklist(ctx, requireActor(request), request.params.id),
    )
    app.put(
      '/api/projects/:id/checklist/:key',
      {
        schema: { tags, summary: '勾选里程碑 Tick a checklist item', params: z.object({ id: z.uuid(), key: z.string().max(40) }), body: tickChecklistSchema, response: { 200: checklistSchema } },
        config: write,
      },
      async (request) => service.tickChecklist(ctx, requireActor(request), request.params.id, request.params.key, request.body),
    )
  }
}
