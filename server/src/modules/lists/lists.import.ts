// Excel / CSV import of targets: every row validated with row and column named errors, all or nothing.
import { randomUUID } from 'node:crypto'
import { targetImportColumns } from '../../../../common/src/api/lists.js'
import type { FieldError } from '../../../../common/src/api/errors.js'
import type { AppContext } from '../../context.js'
import { fieldError } from '../../http/app-error.js'
import { readSpreadsheet, writeXlsx, type ColumnSpec } from '../../lib/spreadsheet.js'
import { recordAudit } from '../audit/index.js'
import type { Actor } from '../auth/index.js'
import { listErrors } from './lists.errors.js'
import * as repo from './lists.repository.js'
import { parseDueDate, parsePriority, parseStatus } from './lists.rules.js'
import { assertListEdit, assertListRegion, listCallerScope } from './lists.service.js'
import { listChanges, targets } from './lists.table.js'

const [ENTERPRISE, PRIORITY, STATUS, OWNER, NEXT_STEP, DUE, NOTES, REASON] = targetImportColumns

export const targetImportSpecs: ColumnSpec[] = [
  { key: 'enterprise', header: ENTERPRISE, aliases: ['企业名称', '统一社会信用代码', '企业', '信用代码'], required: true },
  { key: 'priority', header: PRIORITY },
  { key: 'status', header: STATUS },
  { key: 'owner', header: OWNER },
  { key: 'nextStep', header: NEXT_STEP },
  { key: 'due', header: DUE, aliases: ['截止日期'] },
  { key: 'notes', header: NOTES },
  { key: 'reason', header: REASON, aliases: ['理由'], required: true },
]

const MAX_ROWS = 5000
const MAX_ERRORS = 500

export function targetImportTemplate() {
  return writeXlsx([
    {
      name: '目标客商',
      columns: targetImportSpecs.map((c) => ({ header: c.header, width: c.key === 'enterprise' ? 36 : 16, text: c.key === 'enterprise' })),
      rows: [['91330100MA2XXXXXXX', '高', '新建', '张三', '电话联系董秘', '2026-12-31', '', '本区视觉智能链缺少图像传感器环节']],
    },
  ])
}

interface ParsedRow {
  rowNumber: number
  enterpriseId: string
  priority: 'high' | 'medium' | 'low'
  status: 'new' | 'researching' | 'contacting' | 'negotiating' | 'converted' | 'dropped'
  ownerUserId: string | null
  ownerName: string
  nextStep: string | null
  nextStepDue: string | null
  notes: string | null
  reason: string
}

export async function importTargets(ctx: AppContext, actor: Actor, input: { region: string; fileName: string; contentBase64: string }) {
  const db = ctx.database.db
  const scope = await listCallerScope(db, actor)
  await assertListRegion(db, scope, input.region)
  assertListEdit(actor, scope, input.region)
  const data = Buffer.from(input.contentBase64, 'base64')
  const sheet = await readSpreadsheet(data, input.fileName, { columns: targetImportSpecs, maxRows: MAX_ROWS })
  if (sheet.missing.length > 0) {
    throw listErrors.IMPORT_INVALID(
      sheet.missing.map((c) => fieldError(`columns.${c.header}`, `缺少列「${c.header}」`, `missing column "${c.header}"`)),
    )
  }
  const cell = (cells: string[], key: string) => {
    const at = sheet.columns[key]
    return at === undefined ? '' : (cells[at] ?? '').trim()
  }
  const rows = sheet.rows.filter((r) => r.cells.some((c) => c.trim() !== ''))
  if (rows.length === 0) throw listErrors.IMPORT_INVALID([fieldError('file', '文件中没有数据行', 'the file has no data rows')])

  const keys = [...new Set(rows.map((r) => cell(r.cells, 'enterprise')).filter((k) => k !== ''))]
  const found = await repo.enterprisesByKey(db, actor.tenantId, keys.flatMap((k) => [k, k.toUpperCase()]))
  const byKey = new Map<string, Set<string>>()
  const add = (k: string, id: string) => byKey.set(k, (byKey.get(k) ?? new Set()).add(id))
  for (const e of found) {
    add(e.uscc, e.id)
    add(e.name, e.id)
    for (const n of e.former_names ?? []) add(n, e.id)
  }
  const users = await repo.regionUsersByName(db, actor.tenantId, input.region === scope.cityRegion ? 'city' : 'district', input.region === scope.cityRegion ? actor.tenantId : input.region)
  const userByName = new Map<string, { id: string; display_name: string }>()
  for (const u of users) {
    userByName.set(u.username, u)
    userByName.set(u.display_name, u)
  }
  const existing = await repo.regionTargetEnterprises(db, actor.tenantId, input.region, [...new Set(found.map((e) => e.id))])

  const errors: FieldError[] = []
  const err = (row: number, column: string, zh: string, en: string) =>
    errors.push(fieldError(`rows.${row}.${column}`, `第 ${row} 行「${column}」：${zh}`, `row ${row}, "${column}": ${en}`))
  const parsed: ParsedRow[] = []
  const seen = new Map<string, number>()
  for (const row of rows) {
    const n = row.rowNumber
    const key = cell(row.cells, 'enterprise')
    let enterpriseId: string | null = null
    if (key === '') err(n, ENTERPRISE, '不能为空', 'required')
    else {
      const ids = byKey.get(key) ?? byKey.get(key.toUpperCase())
      if (!ids || ids.size === 0) err(n, ENTERPRISE, `找不到企业「${key}」`, `no enterprise "${key}"`)
      else if (ids.size > 1) err(n, ENTERPRISE, `「${key}」对应多家企业，请填写统一社会信用代码`, `"${key}" matches several firms; use the USCC`)
      else {
        enterpriseId = [...ids][0]!
        if (existing.has(enterpriseId)) err(n, ENTERPRISE, '该企业已在本区域的目标客商清单中', 'already on this region’s target list')
        else if (seen.has(enterpriseId)) err(n, ENTERPRISE, `与第 ${seen.get(enterpriseId)} 行重复`, `same enterprise as row ${seen.get(enterpriseId)}`)
        else seen.set(enterpriseId, n)
      }
    }
    const priority = parsePriority(cell(row.cells, 'priority'))
    if (priority === null) err(n, PRIORITY, '应为 高、中 或 低', 'expected 高, 中 or 低 (high, medium, low)')
    const status = parseStatus(cell(row.cells, 'status'))
    if (status === null) err(n, STATUS, '应为 新建、研究中、接触中、洽谈中、已转化 或 已放弃', 'expected one of 新建, 研究中, 接触中, 洽谈中, 已转化, 已放弃')
    const due = parseDueDate(cell(row.cells, 'due'))
    if (due === null) err(n, DUE, '日期格式应为 2026-07-01', 'expected a date like 2026-07-01')
    const reason = cell(row.cells, 'reason')
    if (reason === '') err(n, REASON, '不能为空', 'required')
    else if (reason.length > 1000) err(n, REASON, '不能超过 1000 字', 'at most 1000 characters')
    const ownerText = cell(row.cells, 'owner')
    const user = ownerText ? userByName.get(ownerText) : undefined
    if (ownerText.length > 100) err(n, OWNER, '不能超过 100 字', 'at most 100 characters')
    const nextStep = cell(row.cells, 'nextStep')
    if (nextStep.length > 500) err(n, NEXT_STEP, '不能超过 500 字', 'at most 500 characters')
    const notes = cell(row.cells, 'notes')
    if (notes.length > 2000) err(n, NOTES, '不能超过 2000 字', 'at most 2000 characters')
    if (enterpriseId && priority && status && due !== null && reason) {
      parsed.push({
        rowNumber: n,
        enterpriseId,
        priority,
        status,
        ownerUserId: user?.id ?? null,
        ownerName: user?.display_name ?? (ownerText || actor.displayName),
        nextStep: nextStep || null,
        nextStepDue: due ?? null,
        notes: notes || null,
        reason,
      })
    }
    if (errors.length >= MAX_ERRORS) break
  }
  if (errors.length > 0) throw listErrors.IMPORT_INVALID(errors)

  return db.transaction(async (tx) => {
    await repo.lockTargetSlot(tx, actor.tenantId, input.region)
    // a target added between the check and the lock
    const late = await repo.regionTargetEnterprises(tx, actor.tenantId, input.region, parsed.map((p) => p.enterpriseId))
    if (late.size > 0) {
      const row = parsed.find((p) => late.has(p.enterpriseId))!
      throw listErrors.IMPORT_INVALID([fieldError(`rows.${row.rowNumber}.${ENTERPRISE}`, `第 ${row.rowNumber} 行：该企业刚被加入清单`, `row ${row.rowNumber}: the enterprise was just added`)])
    }
    const now = ctx.clock.now()
    const values = parsed.map((p) => ({
      tenantId: actor.tenantId,
      id: randomUUID(),
      regionCode: input.region,
      enterpriseId: p.enterpriseId,
      ownerUserId: p.ownerUserId,
      ownerName: p.ownerName,
      priority: p.priority,
      status: p.status,
      nextStep: p.nextStep,
      nextStepDue: p.nextStepDue,
      notes: p.notes,
      reason: p.reason,
      source: 'import' as const,
      createdAt: now,
      createdBy: actor.username,
      updatedAt: now,
    }))
    for (let i = 0; i < values.length; i += 500) {
      const chunk = values.slice(i, i + 500)
      await tx.insert(targets).values(chunk)
      await tx.insert(listChanges).values(
        chunk.map((v) => ({
          tenantId: actor.tenantId,
          id: randomUUID(),
          list: 'target' as const,
          entryKey: v.id,
          at: now,
          actorName: actor.username,
          action: 'import',
          before: null,
          after: { enterpriseId: v.enterpriseId, priority: v.priority, status: v.status, ownerName: v.ownerName, reason: v.reason, file: input.fileName },
        })),
      )
    }
    await recordAudit(tx, ctx, actor, {
      action: 'lists.target.import',
      entityType: 'target',
      entityId: input.region,
      after: { fileName: input.fileName, imported: values.length, ids: values.map((v) => v.id) },
    })
    return { imported: values.length }
  })
}
