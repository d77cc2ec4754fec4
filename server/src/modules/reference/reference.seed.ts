import { and, eq, sql } from 'drizzle-orm'
import type { DbOrTx } from '../../db/client.js'
import {
  chains as chainData,
  departments as departmentData,
  ecosystems as ecosystemData,
  industryClasses,
  loadRegions,
  platforms as platformData,
  REFERENCE_DATA_VERSION,
} from './data/index.js'
import {
  chainSegments,
  chains,
  departments,
  ecosystems,
  industryClasses as industryClassTable,
  platforms,
  regions,
  seedVersions,
  tenants,
} from './reference.table.js'

const CHUNK = 500

async function insertChunks<T>(rows: T[], insert: (chunk: T[]) => Promise<unknown>): Promise<void> {
  for (let i = 0; i < rows.length; i += CHUNK) await insert(rows.slice(i, i + CHUNK))
}

/**
 * Fills the shared reference tables (regions, industry codes, ecosystems, departments) and the
 * tenant's own copy of platforms and chains. Runs once per shipped version; a tenant's later
 * edits to its chains are never overwritten by a newer seed (those go through the chain editor).
 */
export async function seedReferenceData(tx: DbOrTx, tenantId: string, now: Date): Promise<boolean> {
  const [applied] = await tx
    .select()
    .from(seedVersions)
    .where(and(eq(seedVersions.tenantId, tenantId), eq(seedVersions.name, 'reference')))
  if (applied?.version === REFERENCE_DATA_VERSION) return false

  const regionRows = loadRegions()
  await insertChunks(regionRows, (chunk) =>
    tx
      .insert(regions)
      .values(chunk)
      .onConflictDoUpdate({
        target: regions.code,
        set: { nameZh: sql`excluded.name_zh`, level: sql`excluded.level`, parentCode: sql`excluded.parent_code`, mountainCounty: sql`excluded.mountain_county` },
      }),
  )
  await insertChunks(industryClasses, (chunk) =>
    tx
      .insert(industryClassTable)
      .values(chunk)
      .onConflictDoUpdate({ target: industryClassTable.code, set: { nameZh: sql`excluded.name_zh`, section: sql`excluded.section` } }),
  )
  await tx
    .insert(ecosystems)
    .values(ecosystemData.map((e, position) => ({ ...e, position })))
    .onConflictDoUpdate({ target: ecosystems.code, set: { nameZh: sql`excluded.name_zh`, nameEn: sql`excluded.name_en` } })
  await tx
    .insert(departments)
    .values(departmentData)
    .onConflictDoUpdate({ target: departments.code, set: { nameZh: sql`excluded.name_zh`, nameEn: sql`excluded.name_en` } })

  const city = regionRows.find((r) => r.code === tenantId)
  await tx
    .insert(tenants)
    .values({ id: tenantId, nameZh: city?.nameZh ?? tenantId, regionCode: tenantId, createdAt: now })
    .onConflictDoNothing()

  await insertChunks(
    platformData.map((p) => ({ ...p, tenantId })),
    (chunk) => tx.insert(platforms).values(chunk).onConflictDoNothing(),
  )
  await tx
    .insert(chains)
    .values(chainData.map((c, position) => ({ tenantId, code: c.code, ecosystem: c.ecosystem, nameZh: c.nameZh, nameEn: c.nameEn, future: c.future, version: 1, position })))
    .onConflictDoNothing()
  await insertChunks(
    chainData.flatMap((c) => c.segments.map((s, position) => ({ ...s, tenantId, chainCode: c.code, position }))),
    (chunk) => tx.insert(chainSegments).values(chunk).onConflictDoNothing(),
  )
  await tx
    .insert(seedVersions)
    .values({ tenantId, name: 'reference', version: REFERENCE_DATA_VERSION, appliedAt: now })
    .onConflictDoUpdate({ target: [seedVersions.tenantId, seedVersions.name], set: { version: REFERENCE_DATA_VERSION, appliedAt: now } })
  return true
}
