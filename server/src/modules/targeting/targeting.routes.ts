import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { targetSchema } from '../../../../common/src/api/lists.js'
import {
  addToTargetsRequestSchema,
  candidatesQuerySchema,
  candidatesResponseSchema,
  pathsParams,
  pathsQuerySchema,
  pathsResponseSchema,
  putWeightsRequestSchema,
  weightsParams,
  weightsSetSchema,
} from '../../../../common/src/api/targeting.js'
import type { AppContext } from '../../context.js'
import { requireActor } from '../../http/access.js'
import { closeTargetingFactsRefresher } from './targeting.facts.js'
import { addCandidateToTargets, candidatePaths, getWeights, listCandidates, putWeights, resetWeights } from './targeting.service.js'

const tags = ['targeting']
/** Every signed-in role but enterprise accounts reads target discovery. */
const readers = {
  access: { roles: ['city_admin', 'city_staff', 'district_staff', 'platform_staff', 'department_reviewer', 'leader'] as const },
}
const adminOnly = { access: { roles: ['city_admin'] as const } }
// who may write the target list (the lists module checks the region again)
const editors = { access: { roles: ['city_admin', 'city_staff', 'district_staff'] as const } }

export function targetingRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    app.addHook('onClose', async () => closeTargetingFactsRefresher(ctx.database))
    app.get(
      '/api/targeting/candidates',
      {
        schema: {
          tags,
          summary: '靶向招商候选企业排名 Ranked candidates for a region and chain',
          querystring: candidatesQuerySchema,
          response: { 200: candidatesResponseSchema },
        },
        config: readers,
      },
      async (request) => listCandidates(ctx, requireActor(request), request.query),
    )
    app.get(
      '/api/targeting/candidates/:enterpriseId/paths',
      {
        schema: {
          tags,
          summary: '触达路径 Reach paths from the bureau’s assets to a candidate',
          params: pathsParams,
          querystring: pathsQuerySchema,
          response: { 200: pathsResponseSchema },
        },
        config: readers,
      },
      async (request) => candidatePaths(ctx, requireActor(request), request.params.enterpriseId, request.query.region),
    )
    app.post(
      '/api/targeting/candidates/:enterpriseId/target',
      {
        schema: {
          tags,
          summary: '加入目标客商清单 Add a candidate to the target list, with its score and factors',
          params: pathsParams,
          body: addToTargetsRequestSchema,
          response: { 201: targetSchema },
        },
        config: editors,
      },
      async (request, reply) => reply.code(201).send(await addCandidateToTargets(ctx, requireActor(request), request.params.enterpriseId, request.body)),
    )
    app.get(
      '/api/targeting/weights/:chain',
      {
        schema: { tags, summary: '评分权重 Score weights of a chain', params: weightsParams, response: { 200: weightsSetSchema } },
        config: readers,
      },
      async (request) => getWeights(ctx, requireActor(request), request.params.chain),
    )
    app.put(
      '/api/targeting/weights/:chain',
      {
        schema: {
          tags,
          summary: '设置评分权重 Set the score weights of a chain',
          params: weightsParams,
          body: putWeightsRequestSchema,
          response: { 200: weightsSetSchema },
        },
        config: adminOnly,
      },
      async (request) => putWeights(ctx, requireActor(request), request.params.chain, request.body),
    )
    app.delete(
      '/api/targeting/weights/:chain',
      {
        schema: { tags, summary: '恢复默认权重 Reset the weights of a chain to the defaults', params: weightsParams, response: { 200: weightsSetSchema } },
        config: adminOnly,
      },
      async (request) => resetWeights(ctx, requireActor(request), request.params.chain),
    )
  }
}
