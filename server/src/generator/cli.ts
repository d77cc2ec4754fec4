// npm run generate -- --size city --seed 42 [--tenant 330100] [--replace]
// Loads the generated dataset into the configured database (DATABASE_URL, else PGlite in DATA_DIR).
import { parseArgs } from 'node:util'
import { count, eq } from 'drizzle-orm'
import { loadConfig } from '../config.js'
import { openDatabase } from '../db/client.js'
import { migrateDatabase } from '../db/migrate.js'
import { enterpriseRelations, enterpriseSegments, enterprises } from '../modules/enterprise/index.js'
import { seedReferenceData } from '../modules/reference/index.js'
import { datasetSizes, DEFAULT_SEED, loadDataset, type DatasetSize } from './load.js'

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
      console.log(`deleting ${existing!.n} enterprises of tenant ${tenantId} …`)
      await deleteTenantEnterprises(tenantId)
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

/**
 * TRUNCATE when this tenant owns every enterprise row and no other table points at enterprises;
 * else DELETE children first in one transaction, so that a failure leaves the old data whole.
 * (DELETE checks the parent_id self-reference per row: without an index on (tenant_id, parent_id)
 * that is a scan per row, minutes for the city size.)
 */
async function deleteTenantEnterprises(tenant: string): Promise<void> {
  const { rows } = await database.pool.query<{ others: boolean; referencing: number }>(
    `select exists (select 1 from enterprises where tenant_id <> $1) as others,
            (select count(*)::int from pg_constraint
              where contype = 'f' and confrelid = 'enterprises'::regclass
                and conrelid not in ('enterprises'::regclass, 'enterprise_relations'::regclass, 'enterprise_segments'::regclass)) as referencing`,
    [tenant],
  )
  if (!rows[0]!.others && rows[0]!.referencing === 0) {
    await database.pool.query('TRUNCATE enterprise_relations, enterprise_segments, enterprises')
    return
  }
  await database.db.transaction(async (tx) => {
    await tx.delete(enterpriseRelations).where(eq(enterpriseRelations.tenantId, tenant))
    await tx.delete(enterpriseSegments).where(eq(enterpriseSegments.tenantId, tenant))
    await tx.delete(enterprises).where(eq(enterprises.tenantId, tenant))
  })
}
