// The import module's SQL. Bulk writes go as one JSON document per batch through
// jsonb_to_recordset (one statement, one round trip per few thousand rows, inside the caller's
// transaction on both PGlite and PostgreSQL); look-ups join against unnest(array) parameters.
import { and, desc, eq, sql } from 'drizzle-orm'
import type { ImportRowError } from '../../../../common/src/api/import.js'
import type { DbOrTx } from '../../db/client.js'
import { chainSegments, getTenant, regions } from '../reference/index.js'
import { users } from '../users/index.js'
import type { EnterpriseDraft, RegionRow, RelationDraft, SegmentRow } from './import.rules.js'
import { importJobs, type ImportKind, type ImportStatus } from './import.table.js'

export type JobRow = typeof importJobs.$inferSelect

export async function insertJob(db: DbOrTx, job: typeof importJobs.$inferInsert): Promise<void> {
  await db.insert(importJobs).values(job)
}

export async function updateJob(
  db: DbOrTx,
  tenantId: string,
  id: string,
  fields: Partial<{
    status: ImportStatus
    totalRows: number
    processedRows: number
    writtenRows: number
    errors: ImportRowError[]
    errorCount: number
    finishedAt: Date
  }>,
): Promise<void> {
  await db
    .update(importJobs)
    .set(fields)
    .where(and(eq(importJobs.tenantId, tenantId), eq(importJobs.id, id)))
}

export async function findJob(db: DbOrTx, tenantId: string, id: string) {
  const [row] = await db
    .select({ job: importJobs, createdByName: users.displayName })
    .from(importJobs)
    .leftJoin(users, sql`${users.id}::text = ${importJobs.createdBy}`)
    .where(and(eq(importJobs.tenantId, tenantId), eq(importJobs.id, id)))
  return row ?? null
}

export async function listJobs(db: DbOrTx, tenantId: string, createdBy: string | null, limit: number) {
  return db
    .select({ job: importJobs, createdByName: users.displayName })
    .from(importJobs)
    .leftJoin(users, sql`${users.id}::text = ${importJobs.createdBy}`)
    .where(createdBy ? and(eq(importJobs.tenantId, tenantId), eq(importJobs.createdBy, createdBy)) : eq(importJobs.tenantId, tenantId))
    .orderBy(desc(importJobs.createdAt))
    .limit(limit)
}

// ------------------------------------------------------------------------------------ lookups

export async function loadLookupData(db: DbOrTx, tenantId: string) {
  const [tenant, regionRows, industryRows, segmentRows] = await Promise.all([
    getTenant(db, tenantId),
    db.select({ code: regions.code, nameZh: regions.nameZh, level: regions.level, parentCode: regions.parentCode }).from(regions),
    // industry_classes is a reference table shared by every tenant (no tenant_id)
    db.execute<{ code: string }>(sql`select code from industry_classes where code ~ '^[0-9]+$'`),
    db.select({ code: chainSegments.code, nameZh: chainSegments.nameZh }).from(chainSegments).where(eq(chainSegments.tenantId, tenantId)),
  ])
  return {
    cityCode: tenant?.regionCode ?? tenantId,
    regions: regionRows as RegionRow[],
    industryCodes: new Set(industryRows.rows.map((r) => r.code)),
    segments: segmentRows as SegmentRow[],
  }
}

/** An array as ONE parameter (a bare array in Drizzle's sql`` expands into a list). */
const arr = (values: readonly string[]) => sql.param(values)

const LOOKUP_CHUNK = 100_000

async function inChunks<T, R>(items: readonly T[], size: number, run: (chunk: T[]) => Promise<R[]>): Promise<R[]> {
  const out: R[] = []
  for (let i = 0; i < items.length; i += size) out.push(...(await run(items.slice(i, i + size))))
  return out
}

export interface ExistingFirm {
  uscc: string
  id: string
  name: string
  regionCode: string
}

/** Firms of the tenant with these credit codes (merged ones included: their code is taken too). */
export async function findFirmsByUscc(db: DbOrTx, tenantId: string, usccs: readonly string[]): Promise<Map<string, ExistingFirm>> {
  const rows = await inChunks(usccs, LOOKUP_CHUNK, async (chunk) => {
    const result = await db.execute<{ uscc: string; id: string; name: string; region_code: string }>(sql`
      select e.uscc, e.id, e.name, e.region_code
      from unnest(${arr(chunk)}::text[]) as k(uscc)
      join enterprises e on e.tenant_id = ${tenantId} and e.uscc = k.uscc`)
    return result.rows
  })
  return new Map(rows.map((r) => [r.uscc, { uscc: r.uscc, id: r.id, name: r.name, regionCode: r.region_code }]))
}

/** One existing active firm per trade-name key (exact key match: fast, and what "same trade name" means). */
export async function findFirmsByTradeNameKey(db: DbOrTx, tenantId: string, keys: readonly string[]) {
  const rows = await inChunks(keys, LOOKUP_CHUNK, async (chunk) => {
    const result = await db.execute<{ key: string; id: string; uscc: string; name: string }>(sql`
      select distinct on (e.trade_name_key) e.trade_name_key as key, e.id, e.uscc, e.name
      from unnest(${arr(chunk)}::text[]) as k(key)
      join enterprises e on e.tenant_id = ${tenantId} and e.trade_name_key = k.key and e.status = 'active'
      order by e.trade_name_key, e.created_at`)
    return result.rows
  })
  return new Map(rows.map((r) => [r.key, r]))
}

/** Which of these (from, to, kind) relations exist already, as "from|to|kind". */
export async function findExistingRelations(
  db: DbOrTx,
  tenantId: string,
  triples: readonly { fromId: string; toId: string; kind: string }[],
): Promise<Set<string>> {
  const rows = await inChunks(triples, LOOKUP_CHUNK, async (chunk) => {
    const result = await db.execute<{ from_id: string; to_id: string; kind: string }>(sql`
      select r.from_id, r.to_id, r.kind
      from unnest(${arr(chunk.map((t) => t.fromId))}::uuid[], ${arr(chunk.map((t) => t.toId))}::uuid[], ${arr(chunk.map((t) => t.kind))}::text[]) as k(from_id, to_id, kind)
      join enterprise_relations r on r.tenant_id = ${tenantId} and r.from_id = k.from_id and r.to_id = k.to_id and r.kind = k.kind`)
    return result.rows
  })
  return new Set(rows.map((r) => `${r.from_id}|${r.to_id}|${r.kind}`))
}

// ------------------------------------------------------------------------------------ bulk writes

const WRITE_BATCH = 5_000

export interface NewEnterprise extends EnterpriseDraft {
  id: string
  tradeName: string
  tradeNameKey: string
  nameInitials: string
  /** the parent's id: an existing firm, or one written earlier in the same import */
  parentId: string | null
}

/** Inserts enterprises, their manual segments and one history row each; calls back after each batch. */
export async function insertEnterprises(
  tx: DbOrTx,
  tenantId: string,
  rows: readonly NewEnterprise[],
  meta: { at: Date; actorId: string | null; actorName: string; jobId: string; fileName: string },
  onBatch: (written: number) => void,
): Promise<void> {
  const at = meta.at.toISOString()
  for (let i = 0; i < rows.length; i += WRITE_BATCH) {
    const batch = rows.slice(i, i + WRITE_BATCH)
    const doc = JSON.stringify(
      batch.map((r) => ({
        id: r.id,
        uscc: r.uscc,
        name: r.name,
        former_names: r.formerNames,
        trade_name: r.tradeName,
        trade_name_key: r.tradeNameKey,
        name_initials: r.nameInitials,
        region_code: r.regionCode,
        address: r.address,
        industry_code: r.industryCode,
        business_scope: r.businessScope,
        registered_capital: r.registeredCapital,
        revenue: r.revenue,
        tax: r.tax,
        employees: r.employees,
        founded_on: r.foundedOn,
        tags: r.tags,
        parent_id: r.parentId,
        actual_controller: r.actualController,
        row: r.rowNumber,
      })),
    )
    await tx.execute(sql`
      insert into enterprises (tenant_id, id, uscc, name, former_names, trade_name, trade_name_key, name_initials, region_code,
        address, industry_code, business_scope, registered_capital, revenue, tax, employees, founded_on, tags, chain_leader,
        parent_id, actual_controller, status, version, created_at, updated_at)
      select ${tenantId}, r.id, r.uscc, r.name, coalesce(r.former_names, '{}'), r.trade_name, r.trade_name_key, r.name_initials, r.region_code,
        r.address, r.industry_code, r.business_scope, r.registered_capital, r.revenue, r.tax, r.employees, r.founded_on, coalesce(r.tags, '{}'), false,
        r.parent_id, r.actual_controller, 'active', 1, ${at}::timestamptz, ${at}::timestamptz
      from jsonb_to_recordset(${doc}::jsonb) as r(id uuid, uscc text, name text, former_names text[], trade_name text, trade_name_key text,
        name_initials text, region_code text, address text, industry_code text, business_scope text, registered_capital float8,
        revenue float8, tax float8, employees int, founded_on date, tags text[], parent_id uuid, actual_controller text, row int)`)
    await tx.execute(sql`
      insert into enterprise_changes (tenant_id, id, enterprise_id, at, actor_id, actor_name, kind, field, before, after)
      select ${tenantId}, gen_random_uuid(), r.id, ${at}::timestamptz, ${meta.actorId}::uuid, ${meta.actorName}, 'import', null, null,
        jsonb_build_object('jobId', ${meta.jobId}::text, 'fileName', ${meta.fileName}::text, 'row', r.row, 'uscc', r.uscc, 'name', r.name)
      from jsonb_to_recordset(${doc}::jsonb) as r(id uuid, uscc text, name text, row int)`)
    const segmentRows = batch.flatMap((r) => r.segments.map((code, k) => ({ e: r.id, s: code, m: k === 0 })))
    if (segmentRows.length > 0) {
      await tx.execute(sql`
        insert into enterprise_segments (tenant_id, enterprise_id, segment_code, main, source)
        select ${tenantId}, r.e, r.s, r.m, 'manual'
        from jsonb_to_recordset(${JSON.stringify(segmentRows)}::jsonb) as r(e uuid, s text, m boolean)`)
    }
    onBatch(i + batch.length)
  }
}

export interface NewRelation extends RelationDraft {
  id: string
  fromId: string
  toId: string
}

export async function insertRelations(tx: DbOrTx, tenantId: string, rows: readonly NewRelation[], onBatch: (written: number) => void) {
  for (let i = 0; i < rows.length; i += WRITE_BATCH) {
    const batch = rows.slice(i, i + WRITE_BATCH)
    const doc = JSON.stringify(
      batch.map((r) => ({
        id: r.id,
        from_id: r.fromId,
        to_id: r.toId,
        kind: r.kind,
        s1: r.shareOfSupplierRevenue,
        s2: r.shareOfBuyerCost,
        eq: r.equityRatio,
        source: r.source,
        observed_on: r.observedOn,
      })),
    )
    await tx.execute(sql`
      insert into enterprise_relations (tenant_id, id, from_id, to_id, kind, share_of_supplier_revenue, share_of_buyer_cost, equity_ratio, source, observed_on)
      select ${tenantId}, r.id, r.from_id, r.to_id, r.kind, r.s1, r.s2, r.eq, r.source, r.observed_on
      from jsonb_to_recordset(${doc}::jsonb) as r(id uuid, from_id uuid, to_id uuid, kind text, s1 float8, s2 float8, eq float8, source text, observed_on date)`)
    onBatch(i + batch.length)
  }
}
