import type { FastifyReply } from 'fastify'
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { z } from 'zod'
import {
  chainLeaderCriteriaSettingSchema,
  chainLeaderDecisionSchema,
  chainLeaderListSchema,
  chainLeaderQuerySchema,
  chainLeaderSchema,
  createTargetSchema,
  keySupplierListSchema,
  keySupplierQuerySchema,
  keySupplierSchema,
  keySupplierToTargetSchema,
  listHistorySchema,
  okSchema,
  proposeRequestSchema,
  proposeResultSchema,
  refreshRequestSchema,
  refreshResultSchema,
  targetImportRequestSchema,
  targetImportResultSchema,
  targetListSchema,
  targetQuerySchema,
  targetSchema,
  updateChainLeaderCriteriaSchema,
  updateKeySupplierSchema,
  updateTargetSchema,
} from '../../../../common/src/api/lists.js'
import type { Role } from '../../../../common/src/roles.js'
import type { AppContext } from '../../context.js'
import { requireActor } from '../../http/access.js'
import { chainLeadersXlsx, keySuppliersXlsx, targetsXlsx } from './lists.export.js'
import { importTargets, targetImportTemplate } from './lists.import.js'
import { registerEnterpriseMergeStep, type EnterpriseMergeStep } from '../enterprise/index.js'
import { repointEnterprise } from './lists.repository.js'
import * as service from './lists.service.js'

/** When two firms merge, the lists follow the survivor. */
const mergeStep: EnterpriseMergeStep = (tx, tenantId, fromId, toId) => repointEnterprise(tx, tenantId, fromId, toId, new Date())

const readers: readonly Role[] = ['city_admin', 'city_staff', 'district_staff', 'platform_staff', 'department_reviewer', 'leader']
const cityWriters: readonly Role[] = ['city_admin', 'city_staff']
const regionWriters: readonly Role[] = ['city_admin', 'city_staff', 'district_staff']
const read = { access: { roles: readers } }
const cityWrite = { access: { roles: cityWriters } }
const regionWrite = { access: { roles: regionWriters } }

const idParams = z.object({ id: z.uuid() })
const keyParams = z.object({ key: z.string().max(120) })
const tags = ['lists']

function sendXlsx(reply: FastifyReply, name: string, body: Buffer) {
  return reply
    .header('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
    .header('content-disposition', `attachment; filename="export.xlsx"; filename*=UTF-8''${encodeURIComponent(name)}`)
    .send(body)
}

export function listsRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  registerEnterpriseMergeStep(mergeStep)
  return async (app) => {
    // ---- chain leaders (a city list: the city edits, everyone who reads sees all)
    app.get(
      '/api/lists/chain-leaders',
      { schema: { tags, summary: '链主企业清单 Chain leaders', querystring: chainLeaderQuerySchema, response: { 200: chainLeaderListSchema } }, config: read },
      async (request) => service.listChainLeaders(ctx, requireActor(request), request.query),
    )
    app.get(
      '/api/lists/chain-leaders/export.xlsx',
      { schema: { tags, summary: '导出链主企业清单 Export chain leaders', querystring: chainLeaderQuerySchema }, config: read },
      async (request, reply) => sendXlsx(reply, '链主企业清单.xlsx', await chainLeadersXlsx(await service.exportChainLeaders(ctx, requireActor(request), request.query))),
    )
    app.get(
      '/api/lists/chain-leaders/criteria',
      { schema: { tags, summary: '链主评选标准 Chain-leader criteria', response: { 200: chainLeaderCriteriaSettingSchema } }, config: read },
      async (request) => service.getCriteria(ctx.database.db, requireActor(request).tenantId),
    )
    app.put(
      '/api/lists/chain-leaders/criteria',
      {
        schema: { tags, summary: '修改链主评选标准 Update chain-leader criteria', body: updateChainLeaderCriteriaSchema, response: { 200: chainLeaderCriteriaSettingSchema } },
        config: cityWrite,
      },
      async (request) => service.updateCriteria(ctx, requireActor(request), request.body),
    )
    app.post(
      '/api/lists/chain-leaders/propose',
      { schema: { tags, summary: '按标准推荐链主 Propose chain leaders', body: proposeRequestSchema, response: { 200: proposeResultSchema } }, config: cityWrite },
      async (request) => service.proposeChainLeaders(ctx, requireActor(request), request.body.chain),
    )
    app.post(
      '/api/lists/chain-leaders/:key/decision',
      {
        schema: { tags, summary: '确认或否决链主 Confirm or reject', params: keyParams, body: chainLeaderDecisionSchema, response: { 200: chainLeaderSchema } },
        config: cityWrite,
      },
      async (request) => service.decideChainLeader(ctx, requireActor(request), request.params.key, request.body),
    )
    app.get(
      '/api/lists/chain-leaders/:key/history',
      { schema: { tags, summary: '链主条目历史 Chain-leader history', params: keyParams, response: { 200: listHistorySchema } }, config: read },
      async (request) => service.chainLeaderHistory(ctx, requireActor(request), request.params.key),
    )

    // ---- key suppliers (region rows: districts see and edit their own)
    app.get(
      '/api/lists/key-suppliers',
      { schema: { tags, summary: '关键配套清单 Key suppliers', querystring: keySupplierQuerySchema, response: { 200: keySupplierListSchema } }, config: read },
      async (request) => service.listKeySuppliers(ctx, requireActor(request), request.query),
    )
    app.get(
      '/api/lists/key-suppliers/export.xlsx',
      { schema: { tags, summary: '导出关键配套清单 Export key suppliers', querystring: keySupplierQuerySchema }, config: read },
      async (request, reply) => sendXlsx(reply, '关键配套清单.xlsx', await keySuppliersXlsx(await service.exportKeySuppliers(ctx, requireActor(request), request.query))),
    )
    app.post(
      '/api/lists/key-suppliers/refresh',
      { schema: { tags, summary: '重新计算关键配套 Refresh key suppliers', body: refreshRequestSchema, response: { 200: refreshResultSchema } }, config: regionWrite },
      async (request) => service.refreshKeySuppliers(ctx, requireActor(request), request.body),
    )
    app.patch(
      '/api/lists/key-suppliers/:id',
      {
        schema: { tags, summary: '修改关键配套状态、备注 Update key supplier', params: idParams, body: updateKeySupplierSchema, response: { 200: keySupplierSchema } },
        config: regionWrite,
      },
      async (request) => service.updateKeySupplier(ctx, requireActor(request), request.params.id, request.body),
    )
    app.post(
      '/api/lists/key-suppliers/:id/target',
      {
        schema: { tags, summary: '加入目标客商清单 Add to targets', params: idParams, body: keySupplierToTargetSchema, response: { 201: targetSchema } },
        config: regionWrite,
      },
      async (request, reply) => reply.status(201).send(await service.keySupplierToTarget(ctx, requireActor(request), request.params.id, request.body)),
    )
    app.get(
      '/api/lists/key-suppliers/:key/history',
      { schema: { tags, summary: '关键配套条目历史 Key supplier history', params: z.object({ key: z.uuid() }), response: { 200: listHistorySchema } }, config: read },
      async (request) => service.keySupplierHistory(ctx, requireActor(request), request.params.key),
    )

    // ---- targets
    app.get(
      '/api/lists/targets',
      { schema: { tags, summary: '目标客商清单 Targets', querystring: targetQuerySchema, response: { 200: targetListSchema } }, config: read },
      async (request) => service.listTargets(ctx, requireActor(request), request.query),
    )
    app.get(
      '/api/lists/targets/export.xlsx',
      { schema: { tags, summary: '导出目标客商清单 Export targets', querystring: targetQuerySchema }, config: read },
      async (request, reply) => sendXlsx(reply, '目标客商清单.xlsx', await targetsXlsx(await service.exportTargets(ctx, requireActor(request), request.query))),
    )
    app.get(
      '/api/lists/targets/import-template.xlsx',
      { schema: { tags, summary: '目标客商导入模板 Import template' }, config: read },
      async (_request, reply) => sendXlsx(reply, '目标客商导入模板.xlsx', await targetImportTemplate()),
    )
    app.post(
      '/api/lists/targets/import',
      {
        schema: { tags, summary: '导入目标客商（全部成功或全部不导入） Import targets', body: targetImportRequestSchema, response: { 200: targetImportResultSchema } },
        config: regionWrite,
      },
      async (request) => importTargets(ctx, requireActor(request), request.body),
    )
    app.post(
      '/api/lists/targets',
      { schema: { tags, summary: '新增目标客商 Create target', body: createTargetSchema, response: { 201: targetSchema } }, config: regionWrite },
      async (request, reply) => reply.status(201).send(await service.createTarget(ctx, requireActor(request), request.body)),
    )
    app.get(
      '/api/lists/targets/:id',
      { schema: { tags, summary: '目标客商详情 Target', params: idParams, response: { 200: targetSchema } }, config: read },
      async (request) => service.getTarget(ctx, requireActor(request), request.params.id),
    )
    app.patch(
      '/api/lists/targets/:id',
      { schema: { tags, summary: '修改目标客商 Update target', params: idParams, body: updateTargetSchema, response: { 200: targetSchema } }, config: regionWrite },
      async (request) => service.updateTarget(ctx, requireActor(request), request.params.id, request.body),
    )
    app.delete(
      '/api/lists/targets/:id',
      {
        schema: { tags, summary: '删除目标客商 Delete target', params: idParams, querystring: z.object({ version: z.coerce.number().int().min(1) }), response: { 200: okSchema } },
        config: regionWrite,
      },
      async (request) => {
        await service.deleteTarget(ctx, requireActor(request), request.params.id, request.query.version)
        return { ok: true as const }
      },
    )
    app.get(
      '/api/lists/targets/:key/history',
      { schema: { tags, summary: '目标客商条目历史 Target history', params: z.object({ key: z.uuid() }), response: { 200: listHistorySchema } }, config: read },
      async (request) => service.targetHistory(ctx, requireActor(request), request.params.key),
    )
  }
}
