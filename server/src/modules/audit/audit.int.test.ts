import { sql } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestContext, type TestContext } from '../../../test/context.js'
import { systemActor } from '../auth/index.js'
import { recordAudit, verifyAuditChain } from './audit.service.js'

describe('the append-only, hash-chained audit log', () => {
  let t: TestContext
  let admin: string
  beforeAll(async () => {
    t = await createTestContext()
    admin = await t.login('admin', 'admin-pass-2026')
  })
  afterAll(() => t?.close())

  it('chains entries and verifies through the API', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/api/audit/verify', headers: { cookie: admin } })
    expect(response.statusCode).toBe(200)
    expect(response.json().ok).toBe(true)
    expect(response.json().checked).toBeGreaterThan(0)
  })

  it('keeps sequence numbers gap-free when many changes race', async () => {
    const actor = systemActor('330100')
    await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        t.database.db.transaction((tx) => recordAudit(tx, t.ctx, actor, { action: 'test.race', entityType: 'test', entityId: String(i) })),
      ),
    )
    const result = await verifyAuditChain(t.ctx, '330100')
    expect(result).toMatchObject({ ok: true, brokenAt: null })
  })

  it('rolls the entry back with the change it records', async () => {
    const before = await verifyAuditChain(t.ctx, '330100')
    await expect(
      t.database.db.transaction(async (tx) => {
        await recordAudit(tx, t.ctx, systemActor('330100'), { action: 'test.rollback', entityType: 'test', entityId: 'x' })
        throw new Error('change failed')
      }),
    ).rejects.toThrow('change failed')
    const after = await verifyAuditChain(t.ctx, '330100')
    expect(after.checked).toBe(before.checked)
    expect(after.ok).toBe(true)
  })

  it('refuses UPDATE and DELETE at the database', async () => {
    await expect(t.database.db.execute(sql`update audit_log set actor_name = 'mallory'`)).rejects.toThrow()
    await expect(t.database.db.execute(sql`delete from audit_log`)).rejects.toThrow()
  })

  it('detects a tampered row even when the trigger is bypassed', async () => {
    await t.database.db.transaction(async (tx) => {
      await tx.execute(sql`alter table audit_log disable trigger audit_log_no_update`)
      await tx.execute(sql`update audit_log set after = '{"forged":true}'::jsonb where tenant_id = '330100' and seq = 2`)
      await tx.execute(sql`alter table audit_log enable trigger audit_log_no_update`)
    })
    const result = await verifyAuditChain(t.ctx, '330100')
    expect(result).toMatchObject({ ok: false, brokenAt: 2 })
    const response = await t.app.inject({ method: 'GET', url: '/api/audit/verify', headers: { cookie: admin } })
    expect(response.json()).toMatchObject({ ok: false, brokenAt: 2 })
  })

  it('filters by action and pages', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/api/audit?action=test.race&pageSize=5&page=2', headers: { cookie: admin } })
    expect(response.statusCode).toBe(200)
    expect(response.json().total).toBe(20)
    expect(response.json().items).toHaveLength(5)
    expect(response.json().items.every((i: { action: string }) => i.action === 'test.race')).toBe(true)
  })
})
