import { afterEach, describe, expect, it, vi } from 'vitest'
import { z } from 'zod'
import { ApiError, api, buildQuery, setUnauthorizedHandler, toApiError } from './api-client.js'

describe('buildQuery', () => {
  it('leaves out empty values', () => {
    expect(buildQuery({ q: 'bin', role: undefined, page: 2, empty: '', none: null })).toBe('?q=bin&page=2')
    expect(buildQuery({})).toBe('')
    expect(buildQuery(undefined)).toBe('')
  })
})

describe('toApiError', () => {
  it('keeps the server error body', () => {
    const error = toApiError(400, {
      code: 'VALIDATION_FAILED',
      message: '请求数据有误',
      messageEn: 'The request has invalid fields',
      fields: [{ path: 'body.username', message: '格式不正确', messageEn: 'invalid' }],
      requestId: 'r1',
    })
    expect(error).toBeInstanceOf(ApiError)
    expect(error).toMatchObject({ status: 400, code: 'VALIDATION_FAILED', message: '请求数据有误', requestId: 'r1', fromClient: false })
    expect(error.fields).toHaveLength(1)
  })

  it('makes a client error of anything else', () => {
    expect(toApiError(502, '<html>bad gateway</html>')).toMatchObject({ status: 502, code: 'HTTP_ERROR', fromClient: true })
  })
})

describe('apiRequest', () => {
  afterEach(() => {
    vi.unstubAllGlobals()
    vi.restoreAllMocks()
    setUnauthorizedHandler(null)
  })

  const respond = (status: number, body: unknown) =>
    vi.stubGlobal('fetch', vi.fn(async () => new Response(JSON.stringify(body), { status })))

  it('parses a response with its schema', async () => {
    respond(200, { ok: true })
    await expect(api.get('/api/x', z.object({ ok: z.boolean() }))).resolves.toEqual({ ok: true })
  })

  it('reports a response that breaks the contract', async () => {
    respond(200, { ok: 'yes' })
    const log = vi.spyOn(console, 'error').mockImplementation(() => {})
    await expect(api.get('/api/x', z.object({ ok: z.boolean() }))).rejects.toMatchObject({ code: 'BAD_RESPONSE' })
    expect(log).toHaveBeenCalledOnce()
  })

  it('calls the 401 handler, except where 401 is an expected answer', async () => {
    const handler = vi.fn()
    setUnauthorizedHandler(handler)
    respond(401, { code: 'UNAUTHENTICATED', message: '请先登录', messageEn: 'Please sign in' })
    await expect(api.get('/api/users', z.unknown())).rejects.toMatchObject({ status: 401, code: 'UNAUTHENTICATED' })
    expect(handler).toHaveBeenCalledTimes(1)
    await expect(api.post('/api/auth/login', z.unknown(), {}, { ignoreUnauthorized: true })).rejects.toMatchObject({ status: 401 })
    expect(handler).toHaveBeenCalledTimes(1)
  })

  it('turns a network failure into NETWORK_ERROR', async () => {
    vi.stubGlobal('fetch', vi.fn(async () => Promise.reject(new TypeError('Failed to fetch'))))
    await expect(api.get('/api/x', z.unknown())).rejects.toMatchObject({ code: 'NETWORK_ERROR', fromClient: true })
  })
})
