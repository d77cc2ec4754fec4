import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { z } from 'zod'
import {
  createEnterpriseRequestSchema,
  createRelationRequestSchema,
  duplicateListSchema,
  duplicateQuerySchema,
  enterpriseDetailSchema,
  enterpriseGraphSchema,
  enterpriseGroupSchema,
  enterpriseHistorySchema,
  enterpriseListQuerySchema,
  enterpriseListSchema,
  graphQuerySchema,
  mergeRequestSchema,
  relationListQuerySchema,
  relationListSchema,
  relationSchema,
  supplierSplitSchema,
  updateEnterpriseRequestSchema,
  updateRelationRequestSchema,
} from '../../../../common/src/api/enterprise.js'
import { roles } from '../../../../common/src/roles.js'
import type { AppContext } from '../../context.js'
import { requireActor } from '../../http/access.js'
import {
  checkDuplicates,
  createEnterprise,
  createRelation,
  deleteRelation,
  enterpriseGraph,
  enterpriseGroup,
  enterpriseHistory,
  enterpriseSuppliers,
  getEnterprise,
  listEnterprises,
  listRelations,
  mergeEnterprise,
  updateEnterprise,
  updateRelation,
} from './enterprise.service.js'

const idParams = z.object({ id: z.uuid() })
/** Everyone but enterprise users reads the base. */
const readers = { access: { roles: roles.filter((r) => r !== 'enterprise') } }
/** An enterprise user reads its own firm (the service checks which). */
const readersAndOwner = { access: { roles: [...roles] } }
const editors = { access: { roles: ['city_admin', 'city_staff', 'district_staff'] as const } }
const tags = ['enterprises']

export function enterpriseRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/api/enterprises',
      { schema: { tags, summary: '企业检索 Search enterprises', querystring: enterpriseListQuerySchema, response: { 200: enterpriseListSchema } }, config: readers },
      async (request) => listEnterprises(ctx, requireActor(request), request.query),
    )
    app.post(
      '/api/enterprises',
      { schema: { tags, summary: '新建企业 Create enterprise', body: createEnterpriseRequestSchema, response: { 201: enterpriseDetailSchema } }, config: editors },
      async (request, reply) => reply.status(201).send(await createEnterprise(ctx, requireActor(request), request.body)),
    )
    app.post(
      '/api/enterprises/duplicates',
      { schema: { tags, summary: '疑似重复企业 Duplicate candidates', body: duplicateQuerySchema, response: { 200: duplicateListSchema } }, config: editors },
      async (request) => checkDuplicates(ctx, requireActor(request), request.body),
    )
    app.get(
      '/api/enterprises/:id',
      { schema: { tags, summary: '企业详情 Enterprise detail', params: idParams, response: { 200: enterpriseDetailSchema } }, config: readersAndOwner },
      async (request) => getEnterprise(ctx, requireActor(request), request.params.id),
    )
    app.patch(
      '/api/enterprises/:id',
      {
        schema: { tags, summary: '修改企业（带版本号） Update enterprise', params: idParams, body: updateEnterpriseRequestSchema, response: { 200: enterpriseDetailSchema } },
        config: editors,
      },
      async (request) => updateEnterprise(ctx, requireActor(request), request.params.id, request.body),
    )
    app.post(
      '/api/enterprises/:id/merge',
      { schema: { tags, summary: '合并重复企业 Merge a duplicate into this firm', params: idParams, body: mergeRequestSchema, response: { 200: enterpriseDetailSchema } }, config: editors },
      async (request) => mergeEnterprise(ctx, requireActor(request), request.params.id, request.body.duplicateId),
    )
    app.get(
      '/api/enterprises/:id/history',
      { schema: { tags, summary: '字段变更历史 Field history', params: idParams, response: { 200: enterpriseHistorySchema } }, config: readersAndOwner },
      async (request) => enterpriseHistory(ctx, requireActor(request), request.params.id),
    )
    app.get(
      '/api/enterprises/:id/group',
      { schema: { tags, summary: '集团树 Group tree', params: idParams, response: { 200: enterpriseGroupSchema } }, config: readers },
      async (request) => enterpriseGroup(ctx, requireActor(request), request.params.id),
    )
    app.get(
      '/api/enterprises/:id/relations',
      { schema: { tags, summary: '企业关系 Relations of a firm', params: idParams, querystring: relationListQuerySchema, response: { 200: relationListSchema } }, config: readers },
      async (request) => listRelations(ctx, requireActor(request), request.params.id, request.query),
    )
    app.get(
      '/api/enterprises/:id/graph',
      { schema: { tags, summary: '关系图谱 Relation graph', params: idParams, querystring: graphQuerySchema, response: { 200: enterpriseGraphSchema } }, config: readers },
      async (request) => enterpriseGraph(ctx, requireActor(request), request.params.id, request.query),
    )
    app.get(
      '/api/enterprises/:id/suppliers',
      { schema: { tags, summary: '本地与外地供应商 Local and external suppliers', params: idParams, response: { 200: supplierSplitSchema } }, config: readers },
      async (request) => enterpriseSuppliers(ctx, requireActor(request), request.params.id),
    )
    app.post(
      '/api/enterprise-relations',
      { schema: { tags, summary: '新建企业关系 Create relation', body: createRelationRequestSchema, response: { 201: relationSchema } }, config: editors },
      async (request, reply) => reply.status(201).send(await createRelation(ctx, requireActor(request), request.body)),
    )
    app.patch(
      '/api/enterprise-relations/:id',
      { schema: { tags, summary: '修改企业关系 Update relation', params: idParams, body: updateRelationRequestSchema, response: { 200: relationSchema } }, config: editors },
      async (request) => updateRelation(ctx, requireActor(request), request.params.id, request.body),
    )
    app.delete(
      '/api/enterprise-relations/:id',
      { schema: { tags, summary: '删除企业关系 Delete relation', params: idParams, response: { 200: z.object({ ok: z.literal(true) }) } }, config: editors },
      async (request) => {
        await deleteRelation(ctx, requireActor(request), request.params.id)
        return { ok: true as const }
      },
    )
  }
}
