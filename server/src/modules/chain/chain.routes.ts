import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { z } from 'zod'
import {
  chainCodeParams,
  chainDiffSchema,
  chainMapQuerySchema,
  chainMapSchema,
  chainVersionListSchema,
  chainVersionSchema,
  chainVersionSummarySchema,
  classificationPreviewSchema,
  classificationRunSchema,
  copyLayoutYearRequestSchema,
  copyLayoutYearResultSchema,
  createChainRequestSchema,
  createSegmentRequestSchema,
  deleteLayoutEntryQuerySchema,
  deleteSegmentQuerySchema,
  diffQuerySchema,
  editableChainSchema,
  layoutEntrySchema,
  layoutGuideQuerySchema,
  layoutGuideSchema,
  publishRequestSchema,
  putLayoutEntryRequestSchema,
  segmentEnterpriseListSchema,
  segmentEnterprisesQuerySchema,
  segmentParams,
  updateChainRequestSchema,
  updateSegmentRequestSchema,
  versionParams,
} from '../../../../common/src/api/chain.js'
import type { Role } from '../../../../common/src/roles.js'
import type { AppContext } from '../../context.js'
import { requireActor } from '../../http/access.js'
import { closeChainMapRefresher } from './chain-map-summary.js'
import * as service from './chain.service.js'

const adminOnly = { access: { roles: ['city_admin'] as const } }
const cityRoles = { access: { roles: ['city_admin', 'city_staff'] as const } }
/** The chain map and the layout guide are aggregate / published data: every staff role and leaders read them. */
const readers = {
  access: { roles: ['city_admin', 'city_staff', 'district_staff', 'platform_staff', 'department_reviewer', 'leader'] as readonly Role[] },
}
const tags = ['chain']
const ok = z.object({ ok: z.literal(true) })

export function chainRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    app.addHook('onClose', async () => closeChainMapRefresher(ctx.database))
    // ---- chain editing (city admin)
    app.post(
      '/api/chains',
      { schema: { tags, summary: '新建产业链 Create chain', body: createChainRequestSchema, response: { 201: editableChainSchema } }, config: adminOnly },
      async (request, reply) => reply.status(201).send(await service.createChain(ctx, requireActor(request), request.body)),
    )
    app.get(
      '/api/chains/:code',
      { schema: { tags, summary: '产业链（编辑视图） Chain for editing', params: chainCodeParams, response: { 200: editableChainSchema } }, config: adminOnly },
      async (request) => service.getEditableChain(ctx, requireActor(request), request.params.code),
    )
    app.patch(
      '/api/chains/:code',
      {
        schema: { tags, summary: '修改产业链 Update chain', params: chainCodeParams, body: updateChainRequestSchema, response: { 200: editableChainSchema } },
        config: adminOnly,
      },
      async (request) => service.updateChain(ctx, requireActor(request), request.params.code, request.body),
    )
    app.post(
      '/api/chains/:code/segments',
      {
        schema: { tags, summary: '新增环节 Add segment', params: chainCodeParams, body: createSegmentRequestSchema, response: { 201: editableChainSchema } },
        config: adminOnly,
      },
      async (request, reply) => reply.status(201).send(await service.createSegment(ctx, requireActor(request), request.params.code, request.body)),
    )
    app.patch(
      '/api/chains/:code/segments/:segment',
      {
        schema: {
          tags,
          summary: '修改/移动环节 Rename or move segment',
          params: segmentParams,
          body: updateSegmentRequestSchema,
          response: { 200: editableChainSchema },
        },
        config: adminOnly,
      },
      async (request) => service.updateSegment(ctx, requireActor(request), request.params.code, request.params.segment, request.body),
    )
    app.delete(
      '/api/chains/:code/segments/:segment',
      {
        schema: {
          tags,
          summary: '删除环节（有企业时须指定迁移目标） Delete segment',
          params: segmentParams,
          querystring: deleteSegmentQuerySchema,
          response: { 200: editableChainSchema },
        },
        config: adminOnly,
      },
      async (request) => service.deleteSegment(ctx, requireActor(request), request.params.code, request.params.segment, request.query.moveTo),
    )
    app.post(
      '/api/chains/:code/publish',
      {
        schema: { tags, summary: '发布新版本 Publish a version', params: chainCodeParams, body: publishRequestSchema, response: { 201: chainVersionSummarySchema } },
        config: adminOnly,
      },
      async (request, reply) => reply.status(201).send(await service.publishChain(ctx, requireActor(request), request.params.code, request.body.note)),
    )
    app.get(
      '/api/chains/:code/versions',
      { schema: { tags, summary: '版本列表 Versions', params: chainCodeParams, response: { 200: chainVersionListSchema } }, config: adminOnly },
      async (request) => service.listChainVersions(ctx, requireActor(request), request.params.code),
    )
    app.get(
      '/api/chains/:code/versions/:version',
      { schema: { tags, summary: '查看版本 One version', params: versionParams, response: { 200: chainVersionSchema } }, config: adminOnly },
      async (request) => service.getChainVersion(ctx, requireActor(request), request.params.code, request.params.version),
    )
    app.get(
      '/api/chains/:code/diff',
      {
        schema: { tags, summary: '版本对比 Diff versions', params: chainCodeParams, querystring: diffQuerySchema, response: { 200: chainDiffSchema } },
        config: adminOnly,
      },
      async (request) => service.diffChainVersions(ctx, requireActor(request), request.params.code, request.query.from, request.query.to),
    )

    // ---- classification by rules
    app.post(
      '/api/chains/:code/classification/preview',
      {
        schema: { tags, summary: '规则归类预览 Preview classification', params: chainCodeParams, response: { 200: classificationPreviewSchema } },
        config: adminOnly,
      },
      async (request) => service.previewClassification(ctx, requireActor(request), request.params.code),
    )
    app.post(
      '/api/chains/:code/classification/apply',
      {
        schema: { tags, summary: '执行规则归类 Apply classification', params: chainCodeParams, response: { 200: classificationRunSchema } },
        config: adminOnly,
      },
      async (request) => service.applyClassification(ctx, requireActor(request), request.params.code),
    )

    // ---- layout guide
    app.get(
      '/api/layout-guide',
      { schema: { tags, summary: '布局导引 Layout guide', querystring: layoutGuideQuerySchema, response: { 200: layoutGuideSchema } }, config: readers },
      async (request) => service.getLayoutGuide(ctx, requireActor(request), request.query.year),
    )
    app.put(
      '/api/layout-guide/entries',
      { schema: { tags, summary: '设置布局导引条目 Set entry', body: putLayoutEntryRequestSchema, response: { 200: layoutEntrySchema } }, config: cityRoles },
      async (request) => service.putLayoutEntry(ctx, requireActor(request), request.body),
    )
    app.delete(
      '/api/layout-guide/entries',
      { schema: { tags, summary: '删除布局导引条目 Delete entry', querystring: deleteLayoutEntryQuerySchema, response: { 200: ok } }, config: cityRoles },
      async (request) => {
        await service.removeLayoutEntry(ctx, requireActor(request), request.query)
        return { ok: true as const }
      },
    )
    app.post(
      '/api/layout-guide/copy',
      {
        schema: { tags, summary: '复制到下一年度 Copy a year', body: copyLayoutYearRequestSchema, response: { 201: copyLayoutYearResultSchema } },
        config: cityRoles,
      },
      async (request, reply) =>
        reply.status(201).send(await service.copyLayoutGuideYear(ctx, requireActor(request), request.body.fromYear, request.body.toYear)),
    )

    // ---- chain map
    app.get(
      '/api/chain-map',
      { schema: { tags, summary: '招商图谱 Chain map', querystring: chainMapQuerySchema, response: { 200: chainMapSchema } }, config: readers },
      async (request) => service.chainMap(ctx, requireActor(request), request.query),
    )
    app.get(
      '/api/chain-map/segment-enterprises',
      {
        schema: { tags, summary: '环节企业 Enterprises of a segment', querystring: segmentEnterprisesQuerySchema, response: { 200: segmentEnterpriseListSchema } },
        config: readers,
      },
      async (request) => service.segmentEnterprisesPage(ctx, requireActor(request), request.query),
    )
    app.get(
      '/api/chain-map/export.xlsx',
      { schema: { tags, summary: '导出招商图谱 Export chain map (xlsx)', querystring: chainMapQuerySchema }, config: readers },
      async (request, reply) => {
        const { buffer, fileName } = await service.chainMapWorkbook(ctx, requireActor(request), request.query)
        return reply
          .header('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
          .header('content-disposition', `attachment; filename="chain-map.xlsx"; filename*=UTF-8''${encodeURIComponent(fileName)}`)
          .send(buffer)
      },
    )
  }
}
