import { migrate } from 'drizzle-orm/node-postgres/migrator'
import { projectPath } from '../paths.js'
import type { Database } from './client.js'

export async function migrateDatabase(database: Database): Promise<void> {
  await migrate(database.db, { migrationsFolder: projectPath('server/drizzle') })
}
