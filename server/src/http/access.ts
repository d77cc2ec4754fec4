import type { FastifyInstance, FastifyRequest } from 'fastify'
import type { Role } from '../../../common/src/roles.js'
import type { Actor } from '../modules/auth/actor.js'
import { SESSION_COOKIE, type AuthService } from '../modules/auth/auth.service.js'
import { commonErrors } from './app-error.js'

/**
 * Every /api route declares who may call it. A route without a declaration makes the server
 * refuse to start, so forgetting authorization is a start-up error, not a hole.
 */
export type Access =
  | { public: true }
  | {
      roles: readonly Role[] | 'authenticated'
      /** Leaders are read-only; a write route must opt in to let them act (e.g. changing their own password). */
      leaderMayWrite?: boolean
    }

declare module 'fastify' {
  interface FastifyContextConfig {
    access?: Access
  }
  interface FastifyRequest {
    actor: Actor | null
  }
}

const PUBLIC_PREFIXES = ['/api/docs']

export function requireActor(request: FastifyRequest): Actor {
  if (!request.actor) throw commonErrors.UNAUTHENTICATED()
  return request.actor
}

export interface RouteEntry {
  method: string
  url: string
  access: Access
}

/** Registers the session and role check; returns the live list of API routes with their declarations. */
export function registerAccessControl(app: FastifyInstance, auth: AuthService): RouteEntry[] {
  const routes: RouteEntry[] = []
  app.decorateRequest('actor', null)

  app.addHook('onRoute', (route) => {
    if (!route.url.startsWith('/api')) return
    if (PUBLIC_PREFIXES.some((p) => route.url.startsWith(p))) {
      route.config = { ...(route.config ?? {}), access: { public: true } }
    }
    const access = route.config?.access
    if (!access) throw new Error(`Route ${String(route.method)} ${route.url} has no access declaration (config.access)`)
    for (const method of [route.method].flat()) routes.push({ method: String(method), url: route.url, access })
  })

  app.addHook('onRequest', async (request) => {
    const access = request.routeOptions.config.access
    if (!access) return
    const token = request.cookies[SESSION_COOKIE]
    if ('public' in access) {
      request.actor = token ? await auth.resolve(token, request.id) : null
      return
    }
    const actor = await auth.resolve(token, request.id)
    if (!actor) throw commonErrors.UNAUTHENTICATED()
    request.actor = actor
    if (actor.role === 'leader' && request.method !== 'GET' && request.method !== 'HEAD' && !access.leaderMayWrite) {
      throw commonErrors.READ_ONLY_ROLE()
    }
    if (access.roles !== 'authenticated' && !access.roles.includes(actor.role)) throw commonErrors.FORBIDDEN()
  })
  return routes
}
