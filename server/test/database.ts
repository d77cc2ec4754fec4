import { openDatabase, type Database } from '../src/db/client.js'
import { migrateDatabase } from '../src/db/migrate.js'
import { createScratchDatabase } from '../src/db/scratch-database.js'
import { seedReferenceData } from '../src/modules/reference/reference.seed.js'

export const TEST_TENANT = '330100'

export type TestDatabaseKind = 'pglite' | 'postgres'

export function testDatabaseKind(): TestDatabaseKind {
  return process.env.CB_TEST_DB === 'postgres' ? 'postgres' : 'pglite'
}

/** Admin URL of the PostgreSQL server tests create their databases on; scripts/test-all.mjs finds it. */
function postgresAdminUrl(): string {
  return process.env.CB_TEST_PG_ADMIN_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres'
}

export interface TestDatabase extends Database {
  cleanup(): Promise<void>
}

/**
 * A fresh, migrated database with the reference data loaded: in-memory PGlite, or a new
 * PostgreSQL database (UTF-8, C.UTF-8 ctype so pg_trgm handles Chinese) dropped on cleanup.
 */
export async function openTestDatabase(options: { seedReference?: boolean } = {}): Promise<TestDatabase> {
  let database: Database
  let drop: () => Promise<void> = async () => {}
  if (testDatabaseKind() === 'postgres') {
    const scratch = await createScratchDatabase(postgresAdminUrl(), 'cb_test')
    database = await openDatabase({ databaseUrl: scratch.url, poolSize: 8 })
    drop = scratch.drop
  } else {
    database = await openDatabase({})
  }
  await migrateDatabase(database)
  if (options.seedReference !== false) {
    await database.db.transaction((tx) => seedReferenceData(tx, TEST_TENANT, new Date('2026-01-01T00:00:00Z')))
  }
  return Object.assign(database, {
    async cleanup() {
      await database.close()
      await drop()
    },
  })
}
