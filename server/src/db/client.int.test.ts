import { sql } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openTestDatabase, type TestDatabase } from '../../test/database.js'

describe('database client', () => {
  let database: TestDatabase
  beforeAll(async () => {
    database = await openTestDatabase({ seedReference: false })
  })
  afterAll(() => database?.cleanup())

  it('keeps serving queries after an SQL error', async () => {
    await expect(database.pool.query('select 1/0')).rejects.toThrow(/division by zero/)
    expect((await database.pool.query('select 1 as x')).rows).toEqual([{ x: 1 }])
    await expect(database.pool.query('select $1::int/0', [1])).rejects.toThrow(/division by zero/)
    expect((await database.pool.query('select 2 as x')).rows).toEqual([{ x: 2 }])
  })

  it('rolls back a failed transaction and goes on', async () => {
    await expect(
      database.db.transaction(async (tx) => {
        await tx.execute(sql`insert into tenants (id, name_zh, region_code, created_at) values ('999991', 'x', '999991', now())`)
        await tx.execute(sql`select 1/0`)
      }),
    ).rejects.toThrow()
    const rows = await database.db.execute(sql`select count(*)::int as n from tenants where id = '999991'`)
    expect(rows.rows[0]).toEqual({ n: 0 })
  })

  it('bulk-loads awkward values through COPY exactly', async () => {
    const awkward = ['逗号,引号"换行\n', ' leading space', '', 'back\\slash']
    await database.copyRows(
      'tenants',
      ['id', 'name_zh', 'region_code', 'created_at'],
      awkward.map((name, i) => [`88888${i}`, name, `88888${i}`, new Date('2026-01-01T00:00:00Z')]),
    )
    const rows = await database.db.execute<{ name_zh: string }>(sql`select name_zh from tenants where id like '88888%' order by id`)
    expect(rows.rows.map((r) => r.name_zh)).toEqual(awkward)
  })

  it('uses a UTF-8 database whose trigrams understand Chinese', async () => {
    const result = await database.db.execute<{ s: number }>(sql`select similarity('海康威视', '海康威视数字') as s`)
    expect(result.rows[0]!.s).toBeGreaterThan(0.3)
  })
})
