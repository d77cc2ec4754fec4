import type { FieldError } from '../../../common/src/api/errors.js'

export type ErrorStatus = 400 | 401 | 403 | 404 | 409 | 413 | 415 | 422 | 423 | 429 | 503

export interface ErrorDefinition {
  status: ErrorStatus
  message: string
  messageEn: string
}

/** The one error type services throw; the HTTP layer turns it into `{ code, message, messageEn, fields }`. */
export class AppError extends Error {
  readonly code: string
  readonly status: ErrorStatus
  readonly messageZh: string
  readonly messageEn: string
  readonly fields: FieldError[] | undefined

  constructor(code: string, definition: ErrorDefinition, fields?: FieldError[]) {
    super(`${code}: ${definition.messageEn}`)
    this.code = code
    this.status = definition.status
    this.messageZh = definition.message
    this.messageEn = definition.messageEn
    this.fields = fields
  }
}

/**
 * Builds a module's error catalogue: `const err = defineErrors({ NOT_FOUND: {...} })` then
 * `throw err.NOT_FOUND()` or `throw err.NOT_FOUND([{ path, message, messageEn }])`.
 */
export function defineErrors<const T extends Record<string, ErrorDefinition>>(
  catalogue: T,
): { [K in keyof T]: (fields?: FieldError[]) => AppError } & { catalogue: T } {
  const factories = Object.fromEntries(
    Object.entries(catalogue).map(([code, def]) => [code, (fields?: FieldError[]) => new AppError(code, def, fields)]),
  )
  return Object.assign(factories, { catalogue }) as never
}

export const commonErrors = defineErrors({
  VALIDATION_FAILED: { status: 400, message: '请求数据有误，请检查标出的字段', messageEn: 'The request has invalid fields' },
  UNAUTHENTICATED: { status: 401, message: '请先登录', messageEn: 'Please sign in' },
  FORBIDDEN: { status: 403, message: '您的角色无权执行此操作', messageEn: 'Your role may not do this' },
  OUT_OF_SCOPE: { status: 403, message: '该数据不在您的管辖范围内', messageEn: 'This record is outside your scope' },
  READ_ONLY_ROLE: { status: 403, message: '领导账号为只读，不能修改数据', messageEn: 'Leader accounts are read only' },
  NOT_FOUND: { status: 404, message: '未找到该记录', messageEn: 'Record not found' },
  ROUTE_NOT_FOUND: { status: 404, message: '接口不存在', messageEn: 'No such endpoint' },
  CONFLICT: { status: 409, message: '数据已被他人修改或已存在', messageEn: 'The record changed or already exists' },
  PAYLOAD_TOO_LARGE: { status: 413, message: '请求内容过大', messageEn: 'The request body is too large' },
  UNSUPPORTED_MEDIA_TYPE: { status: 415, message: '不支持的请求格式', messageEn: 'Unsupported content type' },
  MALFORMED_REQUEST: { status: 400, message: '请求格式错误（无法解析）', messageEn: 'The request body could not be parsed' },
  RATE_LIMITED: { status: 429, message: '请求过于频繁，请稍后再试', messageEn: 'Too many requests, try again later' },
})

export function fieldError(path: string, message: string, messageEn: string): FieldError {
  return { path, message, messageEn }
}
