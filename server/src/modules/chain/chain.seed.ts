import { count, eq } from 'drizzle-orm'
import type { DbOrTx } from '../../db/client.js'
import { platforms } from '../reference/index.js'
import { layoutGuideEntries } from './chain.table.js'

/**
 * The first layout guide (布局导引) of a new tenant: every shipped platform hosts the chains it lists,
 * as a core host, for the given year. Only when the tenant has no guide at all: the bureau's own
 * edits are never overwritten by a re-seed.
 */
export async function seedLayoutGuide(tx: DbOrTx, tenantId: string, year: number, now: Date): Promise<number> {
  const [existing] = await tx.select({ n: count() }).from(layoutGuideEntries).where(eq(layoutGuideEntries.tenantId, tenantId))
  if ((existing?.n ?? 0) > 0) return 0
  const hosts = await tx
    .select({ code: platforms.code, districtCode: platforms.districtCode, chainCodes: platforms.chainCodes })
    .from(platforms)
    .where(eq(platforms.tenantId, tenantId))
  const rows = hosts.flatMap((platform) =>
    platform.chainCodes.map((chainCode) => ({
      tenantId,
      year,
      chainCode,
      districtCode: platform.districtCode,
      platformCode: platform.code,
      role: 'core' as const,
      note: null,
      updatedAt: now,
      updatedBy: 'seed',
    })),
  )
  if (rows.length > 0) await tx.insert(layoutGuideEntries).values(rows).onConflictDoNothing()
  return rows.length
}
