import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openTestDatabase, TEST_TENANT, type TestDatabase } from '../../test/database.js'
import { loadDataset } from './load.js'

const NOW = new Date('2026-06-01T08:00:00Z')
const q = async <T>(database: TestDatabase, text: string) => (await database.pool.query(text, [TEST_TENANT])).rows as T[]

describe('generated lists', () => {
  let first: TestDatabase
  let second: TestDatabase
  let loaded: Awaited<ReturnType<typeof loadDataset>>

  beforeAll(async () => {
    ;[first, second] = await Promise.all([openTestDatabase(), openTestDatabase()])
    loaded = await loadDataset(first, { tenantId: TEST_TENANT, size: 'tiny', now: NOW })
    await loadDataset(second, { tenantId: TEST_TENANT, size: 'tiny', now: NOW })
  })
  afterAll(async () => {
    await first?.cleanup()
    await second?.cleanup()
  })

  it('confirms every flagged chain leader in the chain of its main segment', async () => {
    const [row] = await q<{ flagged: number; listed: number; confirmed: number }>(
      first,
      `select (select count(*) from enterprises where tenant_id = $1 and chain_leader)::int as flagged,
              (select count(*) from chain_leaders where tenant_id = $1)::int as listed,
              (select count(*) from chain_leaders where tenant_id = $1 and status = 'confirmed')::int as confirmed`,
    )
    expect(row!.flagged).toBeGreaterThan(0)
    expect(row).toEqual({ flagged: row!.flagged, listed: row!.flagged, confirmed: row!.flagged })
    expect(loaded.chainLeaders).toBe(row!.flagged)
  })

  it('adds a few demo targets per district, outside the district, the same for the same seed', async () => {
    const perDistrict = await q<{ region_code: string; n: number; inside: number }>(
      first,
      `select t.region_code, count(*)::int as n, count(*) filter (where e.region_code = t.region_code)::int as inside
         from targets t join enterprises e on e.tenant_id = t.tenant_id and e.id = t.enterprise_id
        where t.tenant_id = $1 group by t.region_code`,
    )
    expect(perDistrict.length).toBeGreaterThan(1)
    for (const d of perDistrict) {
      expect(d.n).toBeLessThanOrEqual(4)
      expect(d.inside).toBe(0)
    }
    expect(loaded.targets).toBe(perDistrict.reduce((s, d) => s + d.n, 0))
    const fingerprint = `select md5(string_agg(id::text || enterprise_id::text || priority || status, ',' order by id)) as md5 from targets where tenant_id = $1`
    expect(await q(first, fingerprint)).toEqual(await q(second, fingerprint))
  })
})
