import { randomUUID } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openTestDatabase, TEST_TENANT, type TestDatabase } from '../../test/database.js'
import { clearTenantDataset, datasetSizes, loadDataset } from './load.js'

const NOW = new Date('2026-06-01T08:00:00Z')
const FINGERPRINT = `select md5(string_agg(uscc || name, ',' order by uscc)) as md5 from enterprises where tenant_id = $1`

async function count(database: TestDatabase, table: string): Promise<number> {
  const { rows } = await database.pool.query<{ n: number }>(`select count(*)::int as n from ${table} where tenant_id = $1`, [TEST_TENANT])
  return rows[0]!.n
}

describe('loadDataset', () => {
  let first: TestDatabase
  let second: TestDatabase
  let loaded: Awaited<ReturnType<typeof loadDataset>>

  beforeAll(async () => {
    ;[first, second] = await Promise.all([openTestDatabase(), openTestDatabase()])
    // small chunks: parents must land before their branches across COPYs, and parallel COPY must be safe
    loaded = await loadDataset(first, { tenantId: TEST_TENANT, size: 'tiny', now: NOW, chunkSize: 64 })
  })

  afterAll(async () => {
    await first?.cleanup()
    await second?.cleanup()
  })

  it('loads the tiny dataset and reports what is in the database', async () => {
    expect(loaded.enterprises).toBe(datasetSizes.tiny.enterprises)
    expect(loaded.relations).toBe(datasetSizes.tiny.relations)
    expect(await count(first, 'enterprises')).toBe(loaded.enterprises)
    expect(await count(first, 'enterprise_relations')).toBe(loaded.relations)
    expect(await count(first, 'enterprise_segments')).toBe(loaded.segments)
    expect(loaded.ms).toBeGreaterThan(0)
  })

  it('joins every relation to both its firms', async () => {
    const { rows } = await first.pool.query<{ n: number }>(
      `select count(*)::int as n from enterprise_relations r
         join enterprises f on f.tenant_id = r.tenant_id and f.id = r.from_id
         join enterprises t on t.tenant_id = r.tenant_id and t.id = r.to_id
        where r.tenant_id = $1`,
      [TEST_TENANT],
    )
    expect(rows[0]!.n).toBe(loaded.relations)
    const { rows: constraints } = await first.pool.query<{ n: number }>(
      `select count(*)::int as n from pg_constraint where conrelid = 'enterprise_relations'::regclass and contype = 'f' and convalidated`,
    )
    expect(constraints[0]!.n).toBe(2)
  })

  it('stores arrays, dates and chain leaders as generated', async () => {
    const { rows } = await first.pool.query<{ leaders: number; tagged: number; founded: number; listed: number }>(
      `select count(*) filter (where chain_leader)::int as leaders,
              count(*) filter (where cardinality(tags) > 0)::int as tagged,
              count(*) filter (where founded_on is not null)::int as founded,
              count(*) filter (where '上市' = any(tags))::int as listed
         from enterprises where tenant_id = $1`,
      [TEST_TENANT],
    )
    expect(rows[0]!.leaders).toBeGreaterThan(0)
    expect(rows[0]!.tagged).toBeGreaterThan(50)
    expect(rows[0]!.founded).toBe(loaded.enterprises)
    expect(rows[0]!.listed).toBe(Math.round(datasetSizes.tiny.enterprises * 0.02))
  })

  it('gives identical data for the same seed in another database', async () => {
    await loadDataset(second, { tenantId: TEST_TENANT, size: 'tiny', now: new Date('2027-01-01T00:00:00Z') })
    const a = (await first.pool.query<{ md5: string }>(FINGERPRINT, [TEST_TENANT])).rows[0]!.md5
    const b = (await second.pool.query<{ md5: string }>(FINGERPRINT, [TEST_TENANT])).rows[0]!.md5
    expect(a).toMatch(/^[0-9a-f]{32}$/)
    expect(b).toBe(a)
  })

  it('clears a tenant’s dataset and what rests on it (leads, lists, projects), then loads it again', async () => {
    for (const table of ['enterprises', 'targets', 'leads', 'first_talk_rights', 'projects', 'project_events', 'dashboard_stage_cells']) {
      expect(await count(second, table), table).toBeGreaterThan(0)
    }
    const cleared = await clearTenantDataset(second, TEST_TENANT)
    // children before parents
    expect(cleared.indexOf('enterprise_relations')).toBeLessThan(cleared.indexOf('enterprises'))
    expect(cleared.indexOf('lead_events')).toBeLessThan(cleared.indexOf('leads'))
    for (const table of cleared) expect(await count(second, table), table).toBe(0)
    const again = await loadDataset(second, { tenantId: TEST_TENANT, size: 'tiny', now: new Date('2027-01-01T00:00:00Z') })
    expect(await count(second, 'enterprises')).toBe(again.enterprises)
    expect((await second.pool.query<{ md5: string }>(FINGERPRINT, [TEST_TENANT])).rows[0]!.md5).toBe(
      (await first.pool.query<{ md5: string }>(FINGERPRINT, [TEST_TENANT])).rows[0]!.md5,
    )
  })

  // last: on PGlite a failed statement drops the pooled socket, and the next query sees EPIPE
  it('refuses a relation to a firm that does not exist', async () => {
    const [someFirm] = (await first.pool.query<{ id: string }>('select id from enterprises where tenant_id = $1 limit 1', [TEST_TENANT])).rows
    await expect(
      first.pool.query(
        `insert into enterprise_relations (tenant_id, id, from_id, to_id, kind, source) values ($1, $2, $3, $4, 'supplier', '调研走访')`,
        [TEST_TENANT, randomUUID(), someFirm!.id, randomUUID()],
      ),
    ).rejects.toThrow(/foreign key/)
  })
})
