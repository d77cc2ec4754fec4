import type { FastifyError, FastifyInstance } from 'fastify'
import { hasZodFastifySchemaValidationErrors, isResponseSerializationError } from 'fastify-type-provider-zod'
import type { ErrorBody, FieldError } from '../../../common/src/api/errors.js'
import { validationMessagesZh } from '../../../common/src/api/validation-messages.js'
import { AppError, commonErrors } from './app-error.js'

function body(error: AppError, requestId: string): ErrorBody {
  return {
    code: error.code,
    message: error.messageZh,
    messageEn: error.messageEn,
    ...(error.fields ? { fields: error.fields } : {}),
    requestId,
  }
}

// Fastify's own errors for unreadable requests, mapped to the app's codes so clients see one model.
const fastifyCodes: Record<string, AppError> = {
  FST_ERR_CTP_INVALID_MEDIA_TYPE: commonErrors.UNSUPPORTED_MEDIA_TYPE(),
  FST_ERR_CTP_BODY_TOO_LARGE: commonErrors.PAYLOAD_TOO_LARGE(),
  FST_ERR_CTP_INVALID_JSON_BODY: commonErrors.MALFORMED_REQUEST(),
  FST_ERR_CTP_EMPTY_JSON_BODY: commonErrors.MALFORMED_REQUEST(),
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: commonErrors.MALFORMED_REQUEST(),
}

interface ZodIssueParams {
  code?: string
  minimum?: number | bigint
  maximum?: number | bigint
  origin?: string
}

/** Chinese wording for the zod issue kinds users actually meet in forms. */
function zodMessageZh(issue: ZodIssueParams, message: string): string {
  const known = validationMessagesZh[message]
  if (known) return known
  const unit = issue.origin === 'string' ? ' 个字符' : issue.origin === 'array' ? ' 项' : ''
  switch (issue.code) {
    case 'invalid_type':
      return message.includes('received undefined') ? '必填' : '类型不正确'
    case 'too_small':
      return issue.minimum !== undefined ? `不能少于 ${issue.minimum}${unit}` : '太短或太小'
    case 'too_big':
      return issue.maximum !== undefined ? `不能多于 ${issue.maximum}${unit}` : '太长或太大'
    case 'invalid_format':
    case 'invalid_string':
      return '格式不正确'
    case 'invalid_value':
    case 'invalid_enum_value':
      return '取值不在允许范围内'
    case 'unrecognized_keys':
      return '包含不允许的字段'
    default:
      return `不正确：${message}`
  }
}

export function registerErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    if (error instanceof AppError) return reply.status(error.status).send(body(error, request.id))
    if (hasZodFastifySchemaValidationErrors(error)) {
      const fields: FieldError[] = error.validation.map((v) => {
        const where = (error.validationContext ?? 'body') as string
        const path = [where, ...String(v.instancePath ?? '').split('/').filter(Boolean)].join('.')
        const issue = (v.params as { issue?: ZodIssueParams } | undefined)?.issue ?? { code: v.keyword }
        return { path, message: zodMessageZh(issue, v.message ?? ''), messageEn: v.message ?? 'invalid' }
      })
      return reply.status(400).send(body(commonErrors.VALIDATION_FAILED(fields), request.id))
    }
    const mapped = error.code ? fastifyCodes[error.code] : undefined
    if (mapped) return reply.status(mapped.status).send(body(mapped, request.id))
    if (isResponseSerializationError(error)) {
      request.log.error({ err: error, issues: error.cause }, 'response did not match its schema')
    } else if (error.statusCode && error.statusCode >= 400 && error.statusCode < 500) {
      return reply.status(error.statusCode).send({
        code: error.code ?? 'BAD_REQUEST',
        message: '请求无法处理',
        messageEn: error.message,
        requestId: request.id,
      })
    } else {
      request.log.error({ err: error }, 'unhandled error')
    }
    return reply.status(500).send({
      code: 'INTERNAL_ERROR',
      message: '服务器内部错误，已记录，请稍后再试',
      messageEn: 'Internal server error; it has been logged',
      requestId: request.id,
    })
  })
}
