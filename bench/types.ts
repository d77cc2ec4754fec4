import type { FastifyInstance } from 'fastify'
import type { Database } from '../server/src/db/client.js'

export interface Timing {
  median: number
  p95: number
  max: number
}

/** What a module's bench gets: a loaded database at the requested size and a signed-in city admin. */
export interface BenchContext {
  kind: 'pglite' | 'postgres'
  size: 'tiny' | 'demo' | 'city' | 'province'
  tenantId: string
  app: FastifyInstance
  /** Cookie header of the city admin. */
  cookie: string
  database: Database
  timed(n: number, fn: () => Promise<unknown>): Promise<Timing>
}

/** [database, what, detail, figure] */
export type BenchRow = [string, string, string, string]

export type BenchSuite = (context: BenchContext) => Promise<BenchRow[]>
