// Generates the dataset and bulk-loads it with COPY, chunk by chunk, so that a million firms never
// sit in memory as rows at once. Later parts (leads, projects, events) add their tables here.
import { performance } from 'node:perf_hooks'
import { getTableColumns, getTableName } from 'drizzle-orm'
import type { PgTable } from 'drizzle-orm/pg-core'
import type { Database } from '../db/client.js'
import { enterpriseRelations, enterpriseSegments, enterprises } from '../modules/enterprise/index.js'
import { chains, loadRegions, platforms } from '../modules/reference/data/index.js'
import { enterpriseEvents } from '../modules/targeting/index.js'
import { datasetSizes, DEFAULT_SEED, generateEnterprises, type DatasetSize, type EnterpriseDataset } from './enterprises.js'
import { generateEvents, hostDistrictsFromPlatforms } from './events.js'
import { loadLeads } from './leads.js'
import { loadLists } from './lists.js'
import { loadProjects } from './projects.js'

export { datasetSizes, DEFAULT_SEED, type DatasetSize }

export interface LoadDatasetOptions {
  tenantId: string
  size: DatasetSize
  seed?: number | string
  /** created_at / updated_at of the rows. */
  now?: Date
  /** Rows per COPY. */
  chunkSize?: number
}

export interface LoadDatasetResult {
  enterprises: number
  relations: number
  segments: number
  /** enterprise events: signals and expansions (events.ts) */
  events: number
  chainLeaders: number
  targets: number
  /** leads with first reports and first-talk rights (leads.ts) */
  leads: number
  leadReports: number
  firstTalkRights: number
  /** the lifecycle (projects.ts): projects, their dated events, problems, stuck findings of the first job run */
  projects: number
  projectEvents: number
  problems: number
  stuckProjects: number
  ms: number
}

/** The enterprise dataset for a tenant from the shipped reference data (no database needed). */
export function generateDataset(options: Omit<LoadDatasetOptions, 'chunkSize'>): EnterpriseDataset {
  return generateEnterprises({
    size: options.size,
    seed: options.seed ?? DEFAULT_SEED,
    tenantId: options.tenantId,
    ...(options.now ? { now: options.now } : {}),
    reference: { regions: loadRegions(), chains },
  })
}

/**
 * Generates and loads the dataset into an empty tenant (the caller checks emptiness). Not one
 * transaction: a failed load leaves a partial tenant that `npm run generate -- --replace` clears.
 */
export async function loadDataset(database: Database, options: LoadDatasetOptions): Promise<LoadDatasetResult> {
  const started = performance.now()
  const chunkSize = options.chunkSize ?? 20_000
  const dataset = generateDataset(options)
  // PGlite is one backend; PostgreSQL takes several COPY streams at once (2-3× faster on 2 cores)
  const parallel = database.kind === 'postgres' ? 4 : 1
  // a chunk with subsidiaries or branches waits until every earlier chunk (holding their parents) is committed
  await copyChunks(database, enterprises, dataset.enterpriseChunks(chunkSize), parallel, (rows) => rows.some((row) => row.parentId))
  await copyChunks(database, enterpriseSegments, dataset.segmentChunks(chunkSize), parallel)
  await copyChunks(database, enterpriseRelations, dataset.relationChunks(chunkSize), parallel)
  // fresh statistics and visibility map, or the planner guesses from empty tables and skips index-only scans
  await database.pool.query('VACUUM ANALYZE enterprises, enterprise_segments, enterprise_relations')
  const events = await loadEventHistory(database, dataset)
  // the three lists: confirmed chain leaders and a few demo targets per district
  const lists = await loadLists(database, { tenantId: options.tenantId, now: options.now ?? new Date() })
  // leads per district, some reported, some holding a first-talk right
  const leads = await loadLeads(database, { tenantId: options.tenantId, now: options.now ?? new Date() })
  // projects in the twelve stages, dated back from the load's day so the year-to-date figures are live
  const lifecycle = await loadProjects(database, { tenantId: options.tenantId, size: options.size, seed: options.seed ?? DEFAULT_SEED, now: options.now ?? new Date() })
  return { ...dataset.counts, events, ...lists, ...leads, ...lifecycle, ms: Math.round(performance.now() - started) }
}

/** The dataset's event history (signals and expansions, see events.ts), hosts taken from the shipped platforms. */
export async function loadEventHistory(database: Database, dataset: EnterpriseDataset): Promise<number> {
  const events = generateEvents({
    tenantId: dataset.tenantId,
    firms: dataset.firms,
    relations: dataset.relationModel,
    hostDistricts: hostDistrictsFromPlatforms(platforms),
    seed: dataset.seed,
  })
  await copyChunks(database, enterpriseEvents, events.chunks(), database.kind === 'postgres' ? 4 : 1)
  await database.pool.query('VACUUM ANALYZE enterprise_events')
  return events.count
}

/**
 * COPYs each chunk as it is generated, with at most `parallel` COPYs in flight; the next chunk is
 * generated while the previous ones are being written. A chunk for which `barrier` says true starts
 * only after all earlier chunks are committed (rows that reference rows of earlier chunks).
 */
export async function copyChunks<T extends PgTable>(
  database: Database,
  table: T,
  chunks: Iterable<Array<T['$inferInsert']>>,
  parallel: number,
  barrier?: (rows: Array<T['$inferInsert']>) => boolean,
): Promise<void> {
  const allColumns = Object.entries(getTableColumns(table)).map(([key, column]) => [key, column.name] as const)
  const tableName = getTableName(table)
  const inFlight = new Set<Promise<void>>()
  let failure: unknown = null
  for (const chunk of chunks) {
    // columns the rows leave out get their database defaults (COPY would write NULL)
    const first = chunk[0] as Record<string, unknown> | undefined
    const columns = first ? allColumns.filter(([key]) => first[key] !== undefined) : allColumns
    const names = columns.map(([, name]) => name)
    if (barrier?.(chunk)) await Promise.all(inFlight)
    if (failure) break
    const rows = chunk.map((row) => columns.map(([key]) => (row as Record<string, unknown>)[key]))
    const copy = database.copyRows(tableName, names, rows).catch((error: unknown) => {
      failure ??= error
    })
    const tracked = copy.finally(() => inFlight.delete(tracked))
    inFlight.add(tracked)
    if (inFlight.size >= parallel) await Promise.race(inFlight)
    if (failure) break
  }
  await Promise.all(inFlight)
  if (failure) throw failure
}
