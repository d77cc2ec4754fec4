import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { z } from 'zod'
import {
  IMPORT_MAX_BYTES,
  importContentTypes,
  importJobDetailSchema,
  importJobListSchema,
  importKindSchema,
  importStartParamsSchema,
  importStartQuerySchema,
  importStartResponseSchema,
} from '../../../../common/src/api/import.js'
import type { AppContext } from '../../context.js'
import { requireActor } from '../../http/access.js'
import {
  getImportJob,
  importErrorWorkbook,
  importTemplate,
  listImportJobs,
  startImport,
  waitForImports,
} from './import.service.js'

const importers = { access: { roles: ['city_admin', 'city_staff', 'district_staff'] as const } }
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'
const idParams = z.object({ id: z.uuid() })

/** RFC 6266 filename*: browsers decode the UTF-8 name; the ASCII fallback keeps old clients working. */
function attachment(fileName: string): string {
  return `attachment; filename="${fileName.replace(/[^\x20-\x7e]|"/g, '_')}"; filename*=UTF-8''${encodeURIComponent(fileName)}`
}

export function importRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    // the file comes as the raw request body (no multipart); only this plugin accepts these types
    app.addContentTypeParser([...importContentTypes], { parseAs: 'buffer', bodyLimit: IMPORT_MAX_BYTES }, (_request, body, done) =>
      done(null, body),
    )
    app.addHook('onClose', async () => waitForImports())

    app.get(
      '/api/import/templates/:file',
      {
        schema: {
          tags: ['import'],
          summary: '下载导入模板 Download an import template (enterprises.xlsx, relations.xlsx)',
          params: z.object({ file: z.enum(['enterprises.xlsx', 'relations.xlsx']) }),
        },
        config: importers,
      },
      async (request, reply) => {
        const kind = importKindSchema.parse(request.params.file.replace(/\.xlsx$/, ''))
        const data = await importTemplate(ctx, requireActor(request), kind)
        const name = kind === 'enterprises' ? '企业导入模板.xlsx' : '企业关系导入模板.xlsx'
        return reply.header('content-type', XLSX).header('content-disposition', attachment(name)).send(data)
      },
    )
    app.post(
      '/api/import/:kind',
      {
        schema: {
          tags: ['import'],
          summary: '上传文件开始导入（请求体为文件本身） Start an import: the raw file is the body',
          params: importStartParamsSchema,
          querystring: importStartQuerySchema,
          response: { 202: importStartResponseSchema },
        },
        bodyLimit: IMPORT_MAX_BYTES,
        config: importers,
      },
      async (request, reply) => {
        const body = Buffer.isBuffer(request.body) ? request.body : Buffer.alloc(0)
        const result = await startImport(ctx, requireActor(request), request.params.kind, request.query.fileName, body)
        return reply.status(202).send(result)
      },
    )
    app.get(
      '/api/import/jobs',
      { schema: { tags: ['import'], summary: '最近的导入任务 Recent import jobs', response: { 200: importJobListSchema } }, config: importers },
      async (request) => listImportJobs(ctx, requireActor(request)),
    )
    app.get(
      '/api/import/jobs/:id',
      {
        schema: { tags: ['import'], summary: '导入任务进度和结果 Import job progress and result', params: idParams, response: { 200: importJobDetailSchema } },
        config: importers,
      },
      async (request) => getImportJob(ctx, requireActor(request), request.params.id),
    )
    app.get(
      '/api/import/jobs/:id/errors.xlsx',
      { schema: { tags: ['import'], summary: '下载导入问题清单 Download the problems as xlsx', params: idParams }, config: importers },
      async (request, reply) => {
        const { fileName, data } = await importErrorWorkbook(ctx, requireActor(request), request.params.id)
        return reply.header('content-type', XLSX).header('content-disposition', attachment(fileName)).send(data)
      },
    )
  }
}
