import { randomUUID } from 'node:crypto'
import { inArray } from 'drizzle-orm'
import { explainUsccError, orgCodeCheckChar } from '../../../../common/src/uscc.js'
import {
  IMPORT_MAX_ROWS,
  type ImportJob,
  type ImportJobDetail,
  type ImportKind,
  type ImportRowError,
} from '../../../../common/src/api/import.js'
import type { AppContext } from '../../context.js'
import { AppError } from '../../http/app-error.js'
import { detectFormat, readSpreadsheet, spreadsheetErrors, writeXlsx, type ColumnSpec, type ParsedSheet } from '../../lib/spreadsheet.js'
import { recordAudit } from '../audit/index.js'
import { systemActor, type Actor } from '../auth/index.js'
import { normalizeTradeName, parseEnterpriseName, pinyinInitials } from '../enterprise/index.js'
import { importErrors } from './import.errors.js'
import {
  findExistingRelations,
  findFirmsByTradeNameKey,
  findFirmsByUscc,
  findJob,
  insertEnterprises,
  insertJob,
  insertRelations,
  listJobs as listJobRows,
  loadLookupData,
  updateJob,
  type JobRow,
  type NewEnterprise,
  type NewRelation,
} from './import.repository.js'
import { importJobs } from './import.table.js'
import {
  buildRegionIndex,
  buildSegmentIndex,
  capErrors,
  duplicates,
  enterpriseColumns,
  exampleUscc,
  normalizeUscc,
  orderByParent,
  relationColumns,
  rowError,
  rowMessages,
  validateEnterpriseRow,
  validateRelationRow,
  type EnterpriseDraft,
  type EnterpriseLookups,
  type RelationDraft,
} from './import.rules.js'

/** Problems kept on the job (the count covers all of them). */
export const STORED_ERROR_CAP = 1000
const WARNING_CAP = 200
const VALIDATE_SLICE = 2000
const PROGRESS_EVERY = 10_000

// ------------------------------------------------------------------------------------ jobs in flight

const running = new Set<Promise<void>>()

/** Resolves when every import started by this process has finished (server shutdown, tests). */
export async function waitForImports(): Promise<void> {
  while (running.size > 0) await Promise.allSettled([...running])
}

const yieldToLoop = () => new Promise<void>((resolve) => setImmediate(resolve))

function toJob(row: JobRow, createdByName: string | null): ImportJob {
  const errors = (row.errors ?? []) as ImportRowError[]
  return {
    id: row.id,
    kind: row.kind,
    fileName: row.fileName,
    status: row.status,
    totalRows: row.totalRows,
    processedRows: row.processedRows,
    writtenRows: row.writtenRows,
    errorCount: row.errorCount,
    warningCount: errors.filter((e) => e.level === 'warning').length,
    createdBy: row.createdBy,
    createdByName: createdByName ?? row.createdBy,
    createdAt: row.createdAt.toISOString(),
    finishedAt: row.finishedAt?.toISOString() ?? null,
  }
}

/** District staff see the jobs they started; city roles see every job of the city. */
function ownerFilter(actor: Actor): string | null {
  return actor.role === 'district_staff' ? (actor.userId ?? actor.username) : null
}

export async function listImportJobs(ctx: AppContext, actor: Actor): Promise<{ items: ImportJob[] }> {
  const rows = await listJobRows(ctx.database.db, actor.tenantId, ownerFilter(actor), 20)
  return { items: rows.map((r) => toJob(r.job, r.createdByName)) }
}

export async function getImportJob(ctx: AppContext, actor: Actor, id: string): Promise<ImportJobDetail> {
  const found = await findJob(ctx.database.db, actor.tenantId, id)
  const owner = ownerFilter(actor)
  if (!found || (owner !== null && found.job.createdBy !== owner)) throw importErrors.JOB_NOT_FOUND()
  return { ...toJob(found.job, found.createdByName), errors: (found.job.errors ?? []) as ImportRowError[] }
}

/** The job's problems as a workbook: row, column, level, message (zh), message (en). */
export async function importErrorWorkbook(ctx: AppContext, actor: Actor, id: string): Promise<{ fileName: string; data: Buffer }> {
  const job = await getImportJob(ctx, actor, id)
  if (job.errors.length === 0) throw importErrors.JOB_NOT_FAILED()
  const data = await writeXlsx([
    {
      name: '导入问题',
      columns: [
        { header: '行号', width: 8 },
        { header: '列', width: 24 },
        { header: '级别', width: 8 },
        { header: '问题说明', width: 60 },
        { header: 'Problem', width: 60 },
      ],
      rows: job.errors.map((e) => [e.row, e.column, e.level === 'error' ? '错误' : '提示', e.message, e.messageEn]),
    },
  ])
  return { fileName: `${job.fileName.replace(/\.[^.]+$/, '')}-errors.xlsx`, data }
}

// ------------------------------------------------------------------------------------ start

/** Records the job and starts it in the background; the caller polls the job for progress. */
export async function startImport(ctx: AppContext, actor: Actor, kind: ImportKind, fileName: string, body: Buffer): Promise<{ jobId: string }> {
  if (body.length === 0) throw importErrors.EMPTY_UPLOAD()
  if (detectFormat(body, fileName) === null) throw spreadsheetErrors.UNSUPPORTED_FILE()
  const id = randomUUID()
  await insertJob(ctx.database.db, {
    tenantId: actor.tenantId,
    id,
    kind,
    fileName,
    status: 'validating',
    createdBy: actor.userId ?? actor.username,
    createdAt: ctx.clock.now(),
  })
  const work: Promise<void> = runJob(ctx, actor, { id, kind, fileName }, body).finally(() => running.delete(work))
  running.add(work)
  return { jobId: id }
}

interface JobRef {
  id: string
  kind: ImportKind
  fileName: string
}

async function runJob(ctx: AppContext, actor: Actor, job: JobRef, body: Buffer): Promise<void> {
  await yieldToLoop() // let the 202 go out first
  try {
    const specs = job.kind === 'enterprises' ? enterpriseColumns : relationColumns
    let sheet: ParsedSheet
    try {
      sheet = await readSpreadsheet(body, job.fileName, { columns: specs, maxRows: IMPORT_MAX_ROWS })
    } catch (error) {
      if (!(error instanceof AppError)) throw error
      const detail = error.fields?.[0]
      return await fail(ctx, actor, job, [
        rowError(null, '', 'FILE_ERROR', rowMessages.FILE_ERROR(detail?.message ?? error.messageZh, detail?.messageEn ?? error.messageEn)),
      ])
    }
    if (sheet.missing.length > 0) {
      return await fail(
        ctx,
        actor,
        job,
        sheet.missing.map((spec) => rowError(sheet.headerRowNumber, spec.header, 'MISSING_COLUMN', rowMessages.MISSING_COLUMN(spec.header))),
      )
    }
    if (sheet.rows.length === 0) return await fail(ctx, actor, job, [rowError(null, '', 'NO_ROWS', rowMessages.NO_ROWS())])
    if (sheet.rows.length > IMPORT_MAX_ROWS) {
      return await fail(ctx, actor, job, [rowError(null, '', 'TOO_MANY_ROWS', rowMessages.TOO_MANY_ROWS(IMPORT_MAX_ROWS))])
    }
    await updateJob(ctx.database.db, actor.tenantId, job.id, { totalRows: sheet.rows.length })
    if (job.kind === 'enterprises') await importEnterprises(ctx, actor, job, sheet)
    else await importRelations(ctx, actor, job, sheet)
  } catch (error) {
    const conflict = (error as { code?: string }).code === '23505' || (error as { cause?: { code?: string } }).cause?.code === '23505'
    ctx.log.error({ err: error, jobId: job.id }, 'import job failed')
    await fail(ctx, actor, job, [
      rowError(null, '', conflict ? 'WRITE_CONFLICT' : 'INTERNAL', conflict ? rowMessages.WRITE_CONFLICT() : rowMessages.INTERNAL()),
    ]).catch((e: unknown) => ctx.log.error({ err: e, jobId: job.id }, 'could not mark import job failed'))
  }
}

async function fail(ctx: AppContext, actor: Actor, job: JobRef, problems: ImportRowError[]): Promise<void> {
  const errorCount = problems.filter((p) => p.level === 'error').length
  await ctx.database.db.transaction(async (tx) => {
    await updateJob(tx, actor.tenantId, job.id, {
      status: 'failed',
      errors: capErrors(problems, STORED_ERROR_CAP),
      errorCount,
      writtenRows: 0,
      finishedAt: ctx.clock.now(),
    })
    await recordAudit(tx, ctx, actor, {
      action: 'import.failed',
      entityType: 'import_job',
      entityId: job.id,
      after: { kind: job.kind, fileName: job.fileName, errorCount },
    })
  })
}

/** Validates rows in slices, yielding to the event loop and reporting progress as it goes. */
async function validateRows<D>(
  ctx: AppContext,
  actor: Actor,
  job: JobRef,
  sheet: ParsedSheet,
  check: (row: ParsedSheet['rows'][number]) => { draft: D | null; errors: ImportRowError[] },
): Promise<{ drafts: D[]; errors: ImportRowError[] }> {
  const drafts: D[] = []
  const errors: ImportRowError[] = []
  let reported = 0
  for (let i = 0; i < sheet.rows.length; i += VALIDATE_SLICE) {
    for (const row of sheet.rows.slice(i, i + VALIDATE_SLICE)) {
      const result = check(row)
      if (result.draft) drafts.push(result.draft)
      for (const e of result.errors) errors.push(e)
    }
    const done = Math.min(sheet.rows.length, i + VALIDATE_SLICE)
    if (done - reported >= PROGRESS_EVERY) {
      reported = done
      await updateJob(ctx.database.db, actor.tenantId, job.id, { processedRows: done })
    } else {
      await yieldToLoop()
    }
  }
  return { drafts, errors }
}

/**
 * Progress of the write phase. On PostgreSQL it is written through another pooled connection
 * while the transaction runs; PGlite has one connection, busy with the transaction, so there the
 * job shows "writing" without a count.
 */
function writeProgress(ctx: AppContext, actor: Actor, job: JobRef) {
  let last: Promise<void> = Promise.resolve()
  return {
    report(written: number) {
      if (ctx.database.kind !== 'postgres') return
      last = last.then(() => updateJob(ctx.database.db, actor.tenantId, job.id, { writtenRows: written })).catch(() => {})
    },
    settled: () => last,
  }
}

function columnName(sheet: ParsedSheet, specs: readonly ColumnSpec[], key: string): string {
  const index = sheet.columns[key]
  return (index !== undefined ? sheet.header[index] : undefined) || (specs.find((s) => s.key === key)?.header ?? key)
}

// ------------------------------------------------------------------------------------ enterprises

async function importEnterprises(ctx: AppContext, actor: Actor, job: JobRef, sheet: ParsedSheet): Promise<void> {
  const db = ctx.database.db
  const data = await loadLookupData(db, actor.tenantId)
  const lookups: EnterpriseLookups = {
    regions: buildRegionIndex(data.regions, data.cityCode),
    industryCodes: data.industryCodes,
    segments: buildSegmentIndex(data.segments),
    district: actor.role === 'district_staff' ? actor.scope.id : null,
  }
  const usccColumn = columnName(sheet, enterpriseColumns, 'uscc')
  const nameColumn = columnName(sheet, enterpriseColumns, 'name')
  const usccIndex = sheet.columns.uscc
  const fileUsccs: { row: number; uscc: string }[] = []
  const tradeNames = new Map<number, { tradeName: string; key: string }>()

  const { drafts, errors } = await validateRows<EnterpriseDraft>(ctx, actor, job, sheet, (row) => {
    const result = validateEnterpriseRow(row, sheet.columns, sheet.header, lookups)
    const uscc = normalizeUscc(usccIndex === undefined ? '' : (row.cells[usccIndex] ?? ''))
    if (uscc && !explainUsccError(uscc)) fileUsccs.push({ row: row.rowNumber, uscc })
    if (result.draft) {
      const tradeName = parseEnterpriseName(result.draft.name).tradeName
      const key = normalizeTradeName(tradeName)
      if (!key) {
        result.errors.push(rowError(row.rowNumber, nameColumn, 'NAME_UNPARSABLE', rowMessages.NAME_UNPARSABLE()))
        return { draft: null, errors: result.errors }
      }
      tradeNames.set(row.rowNumber, { tradeName, key })
    }
    return result
  })

  // the same code twice in the file: every row that carries it
  for (const [uscc, rows] of duplicates(fileUsccs, (r) => r.uscc, (r) => r.row)) {
    for (const row of rows) errors.push(rowError(row, usccColumn, 'DUPLICATE_IN_FILE', rowMessages.DUPLICATE_IN_FILE(rows)))
    void uscc
  }
  const parentUsccs = drafts.map((d) => d.parentUscc).filter((u): u is string => u !== null)
  const existing = await findFirmsByUscc(db, actor.tenantId, [...new Set([...fileUsccs.map((f) => f.uscc), ...parentUsccs])])
  const inFile = new Set(fileUsccs.map((f) => f.uscc))
  for (const f of fileUsccs) {
    const firm = existing.get(f.uscc)
    if (firm) errors.push(rowError(f.row, usccColumn, 'DUPLICATE_IN_DB', rowMessages.DUPLICATE_IN_DB(firm.name)))
  }
  const parentColumn = columnName(sheet, enterpriseColumns, 'parentUscc')
  for (const d of drafts) {
    if (d.parentUscc && !inFile.has(d.parentUscc) && !existing.has(d.parentUscc)) {
      errors.push(rowError(d.rowNumber, parentColumn, 'PARENT_NOT_FOUND', rowMessages.PARENT_NOT_FOUND()))
    }
  }

  const { ordered, cycles } = orderByParent(drafts)
  for (const rows of cycles) {
    for (const row of rows) errors.push(rowError(row, parentColumn, 'PARENT_CYCLE', rowMessages.PARENT_CYCLE(rows)))
  }
  const errorCount = errors.length
  // warnings only matter when the import can go ahead; skip the query otherwise
  const warnings: ImportRowError[] = []
  if (errorCount === 0) {
    const keys = [...new Set([...tradeNames.values()].map((t) => t.key).filter((k) => k.length >= 2))]
    const similar = await findFirmsByTradeNameKey(db, actor.tenantId, keys)
    for (const d of drafts) {
      if (warnings.length >= WARNING_CAP) break
      const match = similar.get(tradeNames.get(d.rowNumber)!.key)
      if (match && match.uscc !== d.parentUscc) {
        warnings.push(rowError(d.rowNumber, nameColumn, 'SIMILAR_TRADE_NAME', rowMessages.SIMILAR_TRADE_NAME(match.name, match.uscc), 'warning'))
      }
    }
  }
  if (errorCount > 0) return fail(ctx, actor, job, errors)

  await updateJob(db, actor.tenantId, job.id, { status: 'writing', processedRows: sheet.rows.length })
  // parents first (orderByParent), so every parent_id points at a row already written
  const idOf = new Map(ordered.map((d) => [d.uscc, randomUUID()]))
  const rows: NewEnterprise[] = ordered.map((d) => {
    const names = tradeNames.get(d.rowNumber)!
    return {
      ...d,
      id: idOf.get(d.uscc)!,
      tradeName: names.tradeName,
      tradeNameKey: names.key,
      nameInitials: pinyinInitials(names.tradeName),
      parentId: d.parentUscc ? (existing.get(d.parentUscc)?.id ?? idOf.get(d.parentUscc) ?? null) : null,
    }
  })
  const parentLinks = rows.filter((r) => r.parentId !== null).length
  const progress = writeProgress(ctx, actor, job)
  const segmentCount = rows.reduce((n, r) => n + r.segments.length, 0)
  await db.transaction(async (tx) => {
    await insertEnterprises(
      tx,
      actor.tenantId,
      rows,
      { at: ctx.clock.now(), actorId: actor.userId, actorName: actor.displayName || actor.username, jobId: job.id, fileName: job.fileName },
      progress.report,
    )
    await progress.settled()
    await updateJob(tx, actor.tenantId, job.id, {
      status: 'done',
      writtenRows: rows.length,
      errors: warnings,
      errorCount: 0,
      finishedAt: ctx.clock.now(),
    })
    await recordAudit(tx, ctx, actor, {
      action: 'import.enterprises',
      entityType: 'import_job',
      entityId: job.id,
      after: { fileName: job.fileName, enterprises: rows.length, segments: segmentCount, parentLinks, warnings: warnings.length },
    })
  })
}

// ------------------------------------------------------------------------------------ relations

async function importRelations(ctx: AppContext, actor: Actor, job: JobRef, sheet: ParsedSheet): Promise<void> {
  const db = ctx.database.db
  const { drafts, errors } = await validateRows<RelationDraft>(ctx, actor, job, sheet, (row) =>
    validateRelationRow(row, sheet.columns, sheet.header),
  )
  const fromColumn = columnName(sheet, relationColumns, 'fromUscc')
  const toColumn = columnName(sheet, relationColumns, 'toUscc')
  const kindColumn = columnName(sheet, relationColumns, 'kind')
  const firms = await findFirmsByUscc(db, actor.tenantId, [...new Set(drafts.flatMap((d) => [d.fromUscc, d.toUscc]))])
  const district = actor.role === 'district_staff' ? actor.scope.id : null
  const districtName = district ? ((await loadLookupData(db, actor.tenantId)).regions.find((r) => r.code === district)?.nameZh ?? district) : ''
  const resolved: NewRelation[] = []
  for (const d of drafts) {
    const from = firms.get(d.fromUscc)
    const to = firms.get(d.toUscc)
    if (!from) errors.push(rowError(d.rowNumber, fromColumn, 'ENTERPRISE_NOT_FOUND', rowMessages.ENTERPRISE_NOT_FOUND()))
    if (!to) errors.push(rowError(d.rowNumber, toColumn, 'ENTERPRISE_NOT_FOUND', rowMessages.ENTERPRISE_NOT_FOUND()))
    if (!from || !to) continue
    if (district && from.regionCode !== district && to.regionCode !== district) {
      errors.push(rowError(d.rowNumber, fromColumn, 'RELATION_OUT_OF_SCOPE', rowMessages.RELATION_OUT_OF_SCOPE(districtName)))
      continue
    }
    resolved.push({ ...d, id: randomUUID(), fromId: from.id, toId: to.id })
  }
  for (const [, rows] of duplicates(resolved, (r) => `${r.fromId}|${r.toId}|${r.kind}`, (r) => r.rowNumber)) {
    for (const row of rows) errors.push(rowError(row, kindColumn, 'RELATION_DUPLICATE_IN_FILE', rowMessages.RELATION_DUPLICATE_IN_FILE(rows)))
  }
  const existing = await findExistingRelations(db, actor.tenantId, resolved)
  for (const r of resolved) {
    if (existing.has(`${r.fromId}|${r.toId}|${r.kind}`)) errors.push(rowError(r.rowNumber, kindColumn, 'RELATION_EXISTS', rowMessages.RELATION_EXISTS()))
  }
  if (errors.length > 0) return fail(ctx, actor, job, errors)

  await updateJob(db, actor.tenantId, job.id, { status: 'writing', processedRows: sheet.rows.length })
  const progress = writeProgress(ctx, actor, job)
  const byKind = { supplier: 0, investor: 0, branch: 0 }
  for (const r of resolved) byKind[r.kind]++
  await db.transaction(async (tx) => {
    await insertRelations(tx, actor.tenantId, resolved, progress.report)
    await progress.settled()
    await updateJob(tx, actor.tenantId, job.id, { status: 'done', writtenRows: resolved.length, errors: [], errorCount: 0, finishedAt: ctx.clock.now() })
    await recordAudit(tx, ctx, actor, {
      action: 'import.relations',
      entityType: 'import_job',
      entityId: job.id,
      after: { fileName: job.fileName, relations: resolved.length, byKind },
    })
  })
}

// ------------------------------------------------------------------------------------ templates

const NOTES: Record<ImportKind, [string, string][]> = {
  enterprises: [
    ['统一社会信用代码*', '18 位，按 GB 32100-2015 校验；不能与系统中或本文件中其他行重复'],
    ['企业名称*', '登记的全称，如 杭州示例智能科技有限公司'],
    ['曾用名', '多个用“；”分隔'],
    ['所在地区*', '区县的行政区划代码或名称：330108、滨江区、杭州市滨江区；区县投促人员只能导入本区县企业'],
    ['详细地址', ''],
    ['行业代码*', 'GB/T 4754-2017 国民经济行业分类代码，如 3974'],
    ['经营范围', ''],
    ['注册资本（万元）', '数字，可带千位分隔符'],
    ['营业收入（万元）', '数字'],
    ['纳税额（万元）', '数字'],
    ['从业人数', '整数'],
    ['成立日期', '如 2021-03-05、2021/3/5 或 2021年3月5日'],
    ['标签', '如 上市；专精特新；高新技术企业，多个用“；”“、”或“,”分隔'],
    ['产业链环节', '环节代码或名称，多个用“；”分隔，第一个为主环节'],
    ['上级企业统一社会信用代码', '母公司或总公司，须已在系统中或在本文件中'],
    ['实际控制人', ''],
    ['', '第一行标题可合并单元格；表头可在前 10 行内；数字可以是文本格式。任何一行有错误时整份文件都不写入。'],
  ],
  relations: [
    ['供方统一社会信用代码*', '供应关系填供方；投资关系填投资方；分支机构关系填分支机构'],
    ['需方/被投资方统一社会信用代码*', '供应关系填需方；投资关系填被投资方；分支机构关系填总公司'],
    ['关系类型*', '供应、投资 或 分支机构'],
    ['占供方收入比例', '仅供应关系：0 到 1 之间的小数或百分数（如 35%）'],
    ['占需方成本比例', '仅供应关系：0 到 1 之间的小数或百分数'],
    ['持股比例', '仅投资关系：0 到 1 之间的小数或百分数'],
    ['来源*', '如 企业年报、实地走访、采购合同'],
    ['日期', '数据的日期，如 2025-12-31'],
    ['', '两家企业都须已在系统中（可先导入企业）；区县投促人员导入的关系至少一方须在本区县。'],
  ],
}

/** The template workbook: the header row, one example row, and a notes sheet. */
export async function importTemplate(ctx: AppContext, actor: Actor, kind: ImportKind): Promise<Buffer> {
  const data = await loadLookupData(ctx.database.db, actor.tenantId)
  const district = actor.role === 'district_staff' ? actor.scope.id : (data.regions.find((r) => r.parentCode === data.cityCode)?.code ?? '330108')
  const districtName = data.regions.find((r) => r.code === district)?.nameZh ?? district
  const org = (body: string) => body + orgCodeCheckChar(body)
  const a = exampleUscc(district, org('MA2CX7K5'))
  const b = exampleUscc(district, org('MA2CX7K6'))
  const segment = data.segments[0]?.nameZh ?? ''
  const example =
    kind === 'enterprises'
      ? [a, '杭州示例智能科技有限公司', '', districtName, '示例路 1 号', '3974', '智能设备研发、生产', '1000', '5000', '300', '120', '2019-05-06', '专精特新；高新技术企业', segment, '', '']
      : [a, b, '供应', '35%', '10%', '', '企业年报', '2025-12-31']
  const columns = (kind === 'enterprises' ? enterpriseColumns : relationColumns).map((c) => ({
    header: c.header,
    text: c.key.toLowerCase().includes('uscc') || c.key === 'region' || c.key === 'industry',
  }))
  return writeXlsx([
    { name: kind === 'enterprises' ? '企业' : '企业关系', columns, rows: [example] },
    {
      name: '填写说明',
      columns: [
        { header: '列名', width: 32 },
        { header: '说明', width: 90 },
      ],
      rows: NOTES[kind],
    },
  ])
}

/**
 * Jobs a server restart cut off stay "validating" or "writing" for ever otherwise. Nothing of them was written
 * (a file is written in one transaction), so at start-up they fail with a row that says so, each audited. Assumes
 * one application process per database, as the in-process job scheduler does.
 */
export async function failInterruptedImports(ctx: Pick<AppContext, 'database' | 'clock'>): Promise<number> {
  return ctx.database.db.transaction(async (tx) => {
    const stopped = await tx
      .update(importJobs)
      .set({
        status: 'failed',
        errors: [rowError(null, '', 'INTERRUPTED', rowMessages.INTERRUPTED())],
        errorCount: 1,
        writtenRows: 0,
        finishedAt: ctx.clock.now(),
      })
      .where(inArray(importJobs.status, ['validating', 'writing']))
      .returning({ tenantId: importJobs.tenantId, id: importJobs.id, kind: importJobs.kind, fileName: importJobs.fileName, createdBy: importJobs.createdBy })
    for (const job of stopped) {
      await recordAudit(tx, ctx, systemActor(job.tenantId), {
        action: 'import.failed',
        entityType: 'import_job',
        entityId: job.id,
        after: { kind: job.kind, fileName: job.fileName, errorCount: 1, interrupted: true, startedBy: job.createdBy },
      })
    }
    return stopped.length
  })
}
