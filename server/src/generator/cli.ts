// npm run generate -- --size city --seed 42 [--tenant 330100] [--replace]
// Loads the generated dataset into the configured database (DATABASE_URL, else PGlite in DATA_DIR).
import { parseArgs } from 'node:util'
import { count, eq } from 'drizzle-orm'
import { loadConfig } from '../config.js'
import { openDatabase } from '../db/client.js'
import { migrateDatabase } from '../db/migrate.js'
import { enterprises } from '../modules/enterprise/index.js'
import { seedReferenceData } from '../modules/reference/index.js'
import { clearTenantDataset, datasetSizes, DEFAULT_SEED, loadDataset, type DatasetSize } from './load.js'

const { values } = parseArgs({
  options: {
    size: { type: 'string', default: 'demo' },
    seed: { type: 'string', default: String(DEFAULT_SEED) },
    tenant: { type: 'string' },
    replace: { type: 'boolean', default: false },
  },
})

const isSize = (value: string): value is DatasetSize => Object.hasOwn(datasetSizes, value)
if (!isSize(values.size)) {
  console.error(`--size must be one of ${Object.keys(datasetSizes).join(', ')}`)
  process.exit(2)
}
const size = values.size
// numeric seeds stay numbers so that `--seed 42` and loadDataset({ seed: 42 }) give the same data
const seed = /^\d+$/.test(values.seed) ? Number(values.seed) : values.seed
const config = loadConfig()
const tenantId = values.tenant ?? config.TENANT_ID
const now = new Date()

const database = await openDatabase({ databaseUrl: config.DATABASE_URL, dataDir: config.DATA_DIR })
try {
  console.log(`database: ${config.DATABASE_URL ? 'PostgreSQL' : `PGlite in ${config.DATA_DIR}`}, tenant ${tenantId}`)
  await migrateDatabase(database)
  await database.db.transaction((tx) => seedReferenceData(tx, tenantId, now))
  const [existing] = await database.db.select({ n: count() }).from(enterprises).where(eq(enterprises.tenantId, tenantId))
  if ((existing?.n ?? 0) > 0) {
    if (!values.replace) {
      console.error(`tenant ${tenantId} already has ${existing!.n} enterprises; pass --replace to delete them first`)
      process.exitCode = 1
    } else {
      console.log(`deleting the generated dataset of tenant ${tenantId} (${existing!.n} enterprises) and what rests on it …`)
      const cleared = await clearTenantDataset(database, tenantId)
      console.log(`cleared ${cleared.length} tables`)
    }
  }
  if (process.exitCode !== 1) {
    const target = datasetSizes[size]
    console.log(`generating ${size} (≈${target.enterprises} enterprises, ≈${target.relations} relations), seed ${seed} …`)
    const result = await loadDataset(database, { tenantId, size, seed, now })
    const perSecond = Math.round(((result.enterprises + result.segments + result.relations) * 1000) / Math.max(1, result.ms))
    console.log(
      `loaded ${result.enterprises} enterprises, ${result.segments} segment memberships, ${result.relations} relations ` +
        `in ${(result.ms / 1000).toFixed(1)} s (${perSecond} rows/s)`,
    )
  }
} finally {
  await database.close()
}
