import type { FastifyBaseLogger } from 'fastify'
import type { Clock } from './clock.js'
import type { Config } from './config.js'
import type { Database } from './db/client.js'

/** What every service needs from the running process; passed in, never imported, so tests can swap it. */
export interface AppContext {
  database: Database
  clock: Clock
  config: Config
  log: FastifyBaseLogger
}
