import { mkdirSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { Worker } from 'node:worker_threads'
import { drizzle, type NodePgDatabase } from 'drizzle-orm/node-postgres'
import pg from 'pg'
import { from as copyFrom } from 'pg-copy-streams'
import { pipeline } from 'node:stream/promises'
import { Readable } from 'node:stream'
import * as schema from './schema.js'

export type Schema = typeof schema
export type Db = NodePgDatabase<Schema>
/** A Drizzle handle that may be the root database or an open transaction. */
export type DbOrTx = Db | Parameters<Parameters<Db['transaction']>[0]>[0]

export type DatabaseKind = 'pglite' | 'postgres'

export interface Database {
  kind: DatabaseKind
  db: Db
  pool: pg.Pool
  /** Bulk-load rows through the database's fastest path (COPY). Values are written as CSV. */
  copyRows(table: string, columns: readonly string[], rows: Iterable<readonly unknown[]>): Promise<void>
  close(): Promise<void>
}

// node-postgres turns int8 into strings by default; counts in this app fit in a double.
pg.types.setTypeParser(pg.types.builtins.INT8, (v) => Number(v))

export interface OpenDatabaseOptions {
  /** postgres:// URL; when absent an embedded PGlite is used. */
  databaseUrl?: string | undefined
  /** PGlite data directory; undefined keeps PGlite in memory (tests). */
  dataDir?: string | undefined
  poolSize?: number
}

export async function openDatabase(options: OpenDatabaseOptions): Promise<Database> {
  return options.databaseUrl ? openPostgres(options.databaseUrl, options.poolSize ?? 10) : openPglite(options.dataDir)
}

async function openPostgres(url: string, poolSize: number): Promise<Database> {
  // JIT off (docs/decisions/0006-no-jit.md): the planner's row estimates for joins of CTEs run into the
  // millions, so statements of 50 ms spent 1-2 s compiling themselves
  const pool = new pg.Pool({ connectionString: url, max: poolSize, options: '-c jit=off' })
  pool.on('error', () => {
    /* an idle client died (server restart); the pool replaces it on next use */
  })
  await pool.query('select 1')
  return {
    kind: 'postgres',
    db: drizzle(pool, { schema }),
    pool,
    async copyRows(table, columns, rows) {
      const client = await pool.connect()
      try {
        const sql = `COPY ${quoteIdent(table)} (${columns.map(quoteIdent).join(', ')}) FROM STDIN WITH (FORMAT csv)`
        await pipeline(Readable.from(csvBatches(rows)), client.query(copyFrom(sql)))
      } finally {
        client.release()
      }
    },
    close: () => pool.end(),
  }
}

async function openPglite(dataDir: string | undefined): Promise<Database> {
  if (dataDir) mkdirSync(dataDir, { recursive: true })
  // unix socket paths are limited to ~107 bytes, so the socket lives in a short temp dir
  const socketDir = mkdtempSync(join(tmpdir(), 'cbpg-'))
  const socketPath = join(socketDir, '.s.PGSQL.5432')
  const worker = new Worker(new URL('./pglite-worker.mjs', import.meta.url), {
    workerData: { dataDir: dataDir ?? null, socketPath },
  })
  let nextId = 1
  const pending = new Map<number, { resolve: () => void; reject: (e: Error) => void }>()
  await new Promise<void>((resolve, reject) => {
    worker.once('error', reject)
    worker.on('message', (message: { type?: string; id?: number; ok?: boolean; error?: string }) => {
      if (message.type === 'ready') return resolve()
      const waiter = message.id === undefined ? undefined : pending.get(message.id)
      if (!waiter || message.id === undefined) return
      pending.delete(message.id)
      if (message.ok) waiter.resolve()
      else waiter.reject(new Error(message.error))
    })
  })
  const call = (message: Record<string, unknown>) =>
    new Promise<void>((resolve, reject) => {
      const id = nextId++
      pending.set(id, { resolve, reject })
      worker.postMessage({ ...message, id })
    })
  // PGlite is one backend: a single pooled connection keeps transactions isolated by queueing.
  const pool = new pg.Pool({ host: socketDir, user: 'postgres', database: 'postgres', max: 1 })
  pool.on('error', () => {})
  await pool.query('select 1')
  let closed = false
  return {
    kind: 'pglite',
    db: drizzle(pool, { schema }),
    pool,
    async copyRows(table, columns, rows) {
      let csv = ''
      for (const line of csvLines(rows)) csv += line
      const sql = `COPY ${quoteIdent(table)} (${columns.map(quoteIdent).join(', ')}) FROM '/dev/blob' WITH (FORMAT csv)`
      await call({ type: 'copy', sql, csv })
    },
    async close() {
      if (closed) return
      closed = true
      await pool.end()
      await call({ type: 'close' })
      await worker.terminate()
      rmSync(socketDir, { recursive: true, force: true })
    },
  }
}

function quoteIdent(name: string): string {
  return `"${name.replaceAll('"', '""')}"`
}

/** CSV in ~64 KB pieces: one stream write per line costs twice the CPU of batched writes. */
function* csvBatches(rows: Iterable<readonly unknown[]>): Generator<string> {
  let batch = ''
  for (const line of csvLines(rows)) {
    batch += line
    if (batch.length >= 65_536) {
      yield batch
      batch = ''
    }
  }
  if (batch) yield batch
}

function* csvLines(rows: Iterable<readonly unknown[]>): Generator<string> {
  for (const row of rows) yield row.map(csvValue).join(',') + '\n'
}

function csvValue(value: unknown): string {
  if (value === null || value === undefined) return ''
  if (Array.isArray(value)) return csvQuote(pgArrayLiteral(value))
  if (value instanceof Date) return value.toISOString()
  if (typeof value === 'object') return csvQuote(JSON.stringify(value))
  const text = String(value)
  return text === '' ? '""' : csvQuote(text)
}

function csvQuote(text: string): string {
  return /[",\n\r]/.test(text) || text.trim() !== text ? `"${text.replaceAll('"', '""')}"` : text
}

function pgArrayLiteral(values: readonly unknown[]): string {
  return `{${values.map((v) => (v === null ? 'NULL' : `"${String(v).replaceAll('\\', '\\\\').replaceAll('"', '\\"')}"`)).join(',')}}`
}
