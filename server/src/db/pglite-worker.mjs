// Runs PGlite (single-threaded WASM PostgreSQL) off the main thread and exposes it over the
// PostgreSQL wire protocol on a unix socket, so that a long query never blocks the HTTP event
// loop and the app talks to PGlite and PostgreSQL through the same driver (pg).
// Plain JS on purpose: a worker must be loadable both from compiled dist/ and under Vitest.
import { PGlite } from '@electric-sql/pglite'
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm'
import { PGLiteSocketServer } from '@electric-sql/pglite-socket'
import { parentPort, workerData } from 'node:worker_threads'

const { dataDir, socketPath } = workerData
const db = await PGlite.create({ dataDir: dataDir ?? undefined, extensions: { pg_trgm } })
if (dataDir) {
  // keep the on-disk WAL small for a laptop/demo install
  try {
    await db.exec(`ALTER SYSTEM SET max_wal_size = '64MB'`)
    await db.exec(`SELECT pg_reload_conf()`)
  } catch {
    /* older PGlite builds refuse ALTER SYSTEM; the default WAL size is then used */
  }
}
// The app's pool holds one connection (PGlite is one backend), but pg replaces a connection after
// a query error, and the new one can arrive before the old one has detached: allow that overlap.
const server = new PGLiteSocketServer({ db, path: socketPath, maxConnections: 4 })
await server.start()

parentPort.on('message', async (message) => {
  try {
    if (message.type === 'copy') {
      // COPY ... FROM '/dev/blob' is PGlite's bulk-load path (the socket does not carry COPY FROM STDIN)
      const blob = new Blob([message.csv])
      await db.query(message.sql, [], { blob })
      parentPort.postMessage({ id: message.id, ok: true })
    } else if (message.type === 'close') {
      await server.stop()
      await db.close()
      parentPort.postMessage({ id: message.id, ok: true })
    }
  } catch (error) {
    parentPort.postMessage({ id: message.id, ok: false, error: String(error?.message ?? error) })
  }
})
parentPort.postMessage({ type: 'ready' })
