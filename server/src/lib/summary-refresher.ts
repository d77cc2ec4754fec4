import type { Database } from '../db/client.js'

/** What one rebuild of a tenant's summary did; `refreshed` is false when another rebuild held the lock. */
export interface RefreshOutcome {
  refreshed: boolean
  ms: number
  rows: number
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

/** A Postgres text[] literal; values are quoted so that commas and quotes survive. */
export function textArrayLiteral(values: readonly string[]): string {
  return `{${values.map((v) => `"${v.replaceAll('\\', '\\\\').replaceAll('"', '\\"')}"`).join(',')}}`
}
