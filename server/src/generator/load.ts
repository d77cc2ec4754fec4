// Generates the dataset and bulk-loads it with COPY, chunk by chunk, so that a million firms never
// sit in memory as rows at once. Later parts (leads, projects, events) add their tables here.
import { performance } from 'node:perf_hooks'
import { getTableColumns, getTableName, sql } from 'drizzle-orm'
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

/**
 * The tables the generator fills (and the caches and cells built from them). \`clearTenantDataset\` also clears any
 * table that points at one of these by a foreign key, so a module added later cannot make it fail.
 */
const GENERATED_TABLES = [
  'enterprises', 'enterprise_segments', 'enterprise_relations', 'enterprise_events',
  'chain_leaders', 'targets', 'list_changes',
  'leads', 'lead_events', 'lead_reports', 'first_talk_rights', 'registry_events',
  'projects', 'project_events', 'project_checklist', 'project_problems', 'project_targets', 'stuck_projects',
]
/** Cleared after the data: deleting the data leaves stale markers and emptied cells in them. */
const DERIVED_TABLES = [
  'dashboard_stage_cells', 'dashboard_month_cells',
  'chain_map_cells', 'chain_map_totals', 'chain_map_links', 'chain_map_state', 'chain_map_dirty',
  'targeting_region_links', 'targeting_asset_distance', 'targeting_chain_firms', 'targeting_facts_state', 'targeting_dirty',
]

/**
 * Deletes a tenant's generated dataset and everything resting on it (leads, lists, projects, … of that tenant), in one
 * transaction: children before parents, so a failure leaves the old data whole. Reference data, users, settings and
 * the audit log stay. (\`npm run generate -- --replace\`.)
 */
export async function clearTenantDataset(database: Database, tenantId: string): Promise<string[]> {
  const { rows: existing } = await database.pool.query<{ name: string }>(
    `select c.relname as name from pg_class c join pg_namespace n on n.oid = c.relnamespace
     where n.nspname = current_schema() and c.relkind = 'r' and c.relname = any($1::text[])
       and exists (select 1 from pg_attribute a where a.attrelid = c.oid and a.attname = 'tenant_id' and not a.attisdropped)`,
    [[...GENERATED_TABLES, ...DERIVED_TABLES]],
  )
  const { rows: edges } = await database.pool.query<{ child: string; parent: string }>(
    `select c.conrelid::regclass::text as child, c.confrelid::regclass::text as parent from pg_constraint c
     where c.contype = 'f' and c.conrelid <> c.confrelid`,
  )
  // every table pointing (transitively) at a cleared one is cleared too; it must carry tenant_id
  const derived = existing.map((r) => r.name).filter((name) => DERIVED_TABLES.includes(name))
  const tables = new Set(existing.map((r) => r.name).filter((name) => !DERIVED_TABLES.includes(name)))
  for (let grew = true; grew; ) {
    grew = false
    for (const { child, parent } of edges) {
      if (tables.has(parent) && !tables.has(child)) {
        tables.add(child)
        grew = true
      }
    }
  }
  // children first: a table goes after every table that points at it
  const order: string[] = []
  const visit = (table: string, path: Set<string>) => {
    if (order.includes(table) || path.has(table)) return
    path.add(table)
    for (const { child, parent } of edges) if (parent === table && tables.has(child)) visit(child, path)
    order.push(table)
  }
  for (const table of [...tables].sort()) visit(table, new Set())
  order.push(...derived.sort())
  await database.db.transaction(async (tx) => {
    for (const table of order) await tx.execute(sql`delete from ${sql.identifier(table)} where tenant_id = ${tenantId}`)
  })
  return order
}
