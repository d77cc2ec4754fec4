// npm run audit:verify — recomputes the tenant's audit hash chain; exit code 1 when it is broken.
import { loadConfig } from '../../config.js'
import { openDatabase } from '../../db/client.js'
import { migrateDatabase } from '../../db/migrate.js'
import { verifyAuditChain } from './audit.service.js'

const config = loadConfig()
const database = await openDatabase({ databaseUrl: config.DATABASE_URL, dataDir: config.DATA_DIR })
try {
  await migrateDatabase(database)
  const result = await verifyAuditChain({ database }, config.TENANT_ID)
  if (result.ok) console.log(`audit chain of ${config.TENANT_ID} intact: ${result.checked} entries`)
  else console.error(`audit chain of ${config.TENANT_ID} BROKEN at seq ${result.brokenAt} (${result.checked} entries verified before it)`)
  process.exitCode = result.ok ? 0 : 1
} finally {
  await database.close()
}
