import { sql } from 'drizzle-orm'
import { textArrayLiteral } from '../db/arrays.js'
import type { Database, DbOrTx } from '../db/client.js'

/** What one rebuild of a tenant's summary did; `refreshed` is false when another rebuild held the lock. */
export interface RefreshOutcome {
  refreshed: boolean
  ms: number
  rows: number
}

/** Where a summary keeps its state and the markers its triggers leave (see migrations 0010 and 0012). */
export interface SummaryTables {
  /** names the advisory lock, so that one rebuild runs per summary and tenant */
  lock: string
  dirty: string
  state: string
}

const rowsOf = <T>(result: { rows: unknown[] }) => result.rows as T[]

/** True when the summary was built and nothing behind it changed since. */
export async function summaryFresh(db: DbOrTx, tables: SummaryTables, tenantId: string): Promise<boolean> {
  const result = await db.execute(sql`
    select exists (select 1 from ${sql.identifier(tables.state)} where tenant_id = ${tenantId})
       and not exists (select 1 from ${sql.identifier(tables.dirty)} where tenant_id = ${tenantId}) as fresh`)
  return rowsOf<{ fresh: boolean }>(result)[0]?.fresh ?? false
}

/**
 * Rebuilds a tenant's summary in one repeatable-read transaction: `build` replaces the summary's rows and
 * says how many it wrote and over which districts; the markers deleted are exactly the ones this snapshot saw, so a write that commits
 * while the rebuild runs leaves its marker behind and readers go live again.
 */
export async function rebuildSummary(
  db: Database['db'],
  tables: SummaryTables,
  tenantId: string,
  now: Date,
  build: (tx: DbOrTx) => Promise<{ rows: number; districts: readonly string[] }>,
): Promise<RefreshOutcome> {
  const started = performance.now()
  return db.transaction(
    async (tx) => {
      const lock = await tx.execute(sql`select pg_try_advisory_xact_lock(hashtext(${tables.lock}), hashtext(${tenantId})) as got`)
      if (!rowsOf<{ got: boolean }>(lock)[0]?.got) return { refreshed: false, ms: 0, rows: 0 }
      const dirty = sql.identifier(tables.dirty)
      const seen = rowsOf<{ xid: string }>(await tx.execute(sql`select xid::text as xid from ${dirty} where tenant_id = ${tenantId}`)).map((r) => r.xid)
      const { rows, districts } = await build(tx)
      if (seen.length > 0) {
        await tx.execute(sql`delete from ${dirty} where tenant_id = ${tenantId} and xid = any(${`{${seen.join(',')}}`}::bigint[])`)
      }
      const ms = Math.round(performance.now() - started)
      await tx.execute(sql`
        insert into ${sql.identifier(tables.state)} (tenant_id, refreshed_at, districts, ms)
        values (${tenantId}, ${now.toISOString()}, ${textArrayLiteral(districts)}::text[], ${ms})
        on conflict (tenant_id) do update set refreshed_at = excluded.refreshed_at, districts = excluded.districts, ms = excluded.ms`)
      return { refreshed: true, ms, rows }
    },
    { isolationLevel: 'repeatable read' },
  )
}

export type RefreshSummary = (db: Database['db'], tenantId: string, now: Date) => Promise<RefreshOutcome>

/**
 * Rebuilds a summary in the background, at most one at a time per tenant, a little after the last
 * request that found it stale (a burst of edits or an import triggers one rebuild, not many).
 */
export class SummaryRefresher {
  private readonly timers = new Map<string, NodeJS.Timeout>()
  private readonly running = new Map<string, Promise<RefreshOutcome | null>>()
  private closed = false

  constructor(
    private readonly database: Database,
    private readonly refresh: RefreshSummary,
    private readonly now: () => Date,
    private readonly onError: (error: unknown) => void,
    private readonly delayMs = 2_000,
  ) {}

  schedule(tenantId: string): void {
    if (this.closed) return
    clearTimeout(this.timers.get(tenantId))
    const timer = setTimeout(() => {
      this.timers.delete(tenantId)
      void this.runNow(tenantId)
    }, this.delayMs)
    timer.unref()
    this.timers.set(tenantId, timer)
  }

  /** Runs a rebuild now (after any running one) and resolves when it is done. */
  async runNow(tenantId: string): Promise<RefreshOutcome | null> {
    const previous = this.running.get(tenantId)
    if (previous) await previous
    if (this.closed) return null
    const run = this.refresh(this.database.db, tenantId, this.now()).catch((error: unknown) => {
      this.onError(error)
      return null
    })
    this.running.set(tenantId, run)
    try {
      return await run
    } finally {
      if (this.running.get(tenantId) === run) this.running.delete(tenantId)
    }
  }

  /** Stops scheduling and waits for a running rebuild, so the database can be closed. */
  async close(): Promise<void> {
    this.closed = true
    for (const timer of this.timers.values()) clearTimeout(timer)
    this.timers.clear()
    await Promise.all(this.running.values())
  }
}

/** One refresher per open database and summary, shared by every app on that database until one of them closes. */
export function summaryRefresherRegistry(refresh: RefreshSummary) {
  const byDatabase = new WeakMap<Database, SummaryRefresher>()
  return {
    get(database: Database, now: () => Date, onError: (error: unknown) => void): SummaryRefresher {
      let refresher = byDatabase.get(database)
      if (!refresher) {
        refresher = new SummaryRefresher(database, refresh, now, onError)
        byDatabase.set(database, refresher)
      }
      return refresher
    },
    async close(database: Database): Promise<void> {
      const refresher = byDatabase.get(database)
      byDatabase.delete(database)
      await refresher?.close()
    },
  }
}
