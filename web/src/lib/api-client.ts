import type { z } from 'zod'
import { errorBodySchema, type FieldError } from '../../../common/src/api/errors.js'

/** Codes the browser makes up itself when there is no server error body to show. */
export const clientErrorCodes = ['NETWORK_ERROR', 'BAD_RESPONSE', 'HTTP_ERROR'] as const
export type ClientErrorCode = (typeof clientErrorCodes)[number]

export class ApiError extends Error {
  readonly status: number
  readonly code: string
  readonly messageEn: string
  readonly fields: FieldError[]
  readonly requestId: string | undefined
  /** True when the error was not described by the server (network down, unreadable body). */
  readonly fromClient: boolean

  constructor(init: {
    status: number
    code: string
    message: string
    messageEn: string
    fields?: FieldError[]
    requestId?: string
    fromClient?: boolean
  }) {
    super(init.message)
    this.name = 'ApiError'
    this.status = init.status
    this.code = init.code
    this.messageEn = init.messageEn
    this.fields = init.fields ?? []
    this.requestId = init.requestId
    this.fromClient = init.fromClient ?? false
  }
}

/** Turns a failed response's body (whatever it is) into an ApiError. */
export function toApiError(status: number, body: unknown): ApiError {
  const parsed = errorBodySchema.safeParse(body)
  if (parsed.success) return new ApiError({ status, ...parsed.data })
  return new ApiError({ status, code: 'HTTP_ERROR', message: `HTTP ${status}`, messageEn: `HTTP ${status}`, fromClient: true })
}

export type QueryValue = string | number | boolean | null | undefined
export type QueryParams = Record<string, QueryValue>

/** `?a=1&b=x`, leaving out empty values so the server applies its defaults. */
export function buildQuery(params: QueryParams | undefined): string {
  if (!params) return ''
  const search = new URLSearchParams()
  for (const [key, value] of Object.entries(params)) {
    if (value === undefined || value === null || value === '') continue
    search.append(key, String(value))
  }
  const text = search.toString()
  return text ? `?${text}` : ''
}

let onUnauthorized: (() => void) | null = null

/** The app registers what a 401 means (forget the user, go to /login); lib/ knows neither. */
export function setUnauthorizedHandler(handler: (() => void) | null): void {
  onUnauthorized = handler
}

export interface RequestOptions {
  method?: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE'
  query?: QueryParams
  body?: unknown
  signal?: AbortSignal
  /** Login and "who am I" answer 401 as a normal outcome, not as an expired session. */
  ignoreUnauthorized?: boolean
}

export async function apiRequest<S extends z.ZodType>(path: string, schema: S, options: RequestOptions = {}): Promise<z.infer<S>> {
  const { method = 'GET', query, body, signal, ignoreUnauthorized = false } = options
  let response: Response
  try {
    response = await fetch(`${path}${buildQuery(query)}`, {
      method,
      credentials: 'same-origin',
      headers: {
        Accept: 'application/json',
        ...(body !== undefined ? { 'Content-Type': 'application/json' } : {}),
      },
      body: body !== undefined ? JSON.stringify(body) : undefined,
      signal,
    })
  } catch (error) {
    if (error instanceof DOMException && error.name === 'AbortError') throw error
    throw new ApiError({ status: 0, code: 'NETWORK_ERROR', message: String(error), messageEn: String(error), fromClient: true })
  }

  const text = await response.text()
  let json: unknown = undefined
  if (text) {
    try {
      json = JSON.parse(text)
    } catch {
      json = undefined
    }
  }

  if (!response.ok) {
    if (response.status === 401 && !ignoreUnauthorized) onUnauthorized?.()
    throw toApiError(response.status, json)
  }

  const parsed = schema.safeParse(json)
  if (!parsed.success) {
    // the contract in common/ and the server disagree; say so instead of rendering half a page
    console.error(`response of ${method} ${path} does not match its schema`, parsed.error.issues)
    throw new ApiError({
      status: response.status,
      code: 'BAD_RESPONSE',
      message: parsed.error.message,
      messageEn: parsed.error.message,
      fromClient: true,
    })
  }
  return parsed.data
}

export const api = {
  get: <S extends z.ZodType>(path: string, schema: S, options?: Omit<RequestOptions, 'method' | 'body'>) =>
    apiRequest(path, schema, { ...options, method: 'GET' }),
  post: <S extends z.ZodType>(path: string, schema: S, body?: unknown, options?: Omit<RequestOptions, 'method' | 'body'>) =>
    apiRequest(path, schema, { ...options, method: 'POST', body: body ?? {} }),
  patch: <S extends z.ZodType>(path: string, schema: S, body: unknown, options?: Omit<RequestOptions, 'method' | 'body'>) =>
    apiRequest(path, schema, { ...options, method: 'PATCH', body }),
}
