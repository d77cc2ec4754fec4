// Excel / CSV import of leads: every row validated (row and column named), all or nothing.
import { leadImportColumns, type LeadChannel } from '../../../../common/src/api/leads.js'
import type { FieldError } from '../../../../common/src/api/errors.js'
import type { AppContext } from '../../context.js'
import { fieldError } from '../../http/app-error.js'
import { parseNumber, readSpreadsheet, writeXlsx, type ColumnSpec } from '../../lib/spreadsheet.js'
import { recordAudit } from '../audit/index.js'
import type { Actor } from '../auth/index.js'
import { enterpriseFacts, firstTalkStanding } from '../registry/index.js'
import { leadErrors } from './leads.errors.js'
import * as repo from './leads.repository.js'
import { parseChannel } from './leads.rules.js'
import { leadScope } from './leads.service.js'
import { leadEvents, leads } from './leads.table.js'
import { randomUUID } from 'node:crypto'

const [ENTERPRISE, TITLE, CHANNEL, SOURCE, CONTACT, INVESTMENT, USD, CHAIN, INTENDED, WISHES] = leadImportColumns

export const leadImportSpecs: ColumnSpec[] = [
  { key: 'enterprise', header: ENTERPRISE, aliases: ['企业名称', '统一社会信用代码', '企业', '投资方'], required: true },
  { key: 'title', header: TITLE, aliases: ['项目名称', '线索'], required: true },
  { key: 'channel', header: CHANNEL, aliases: ['来源渠道', '招商渠道'] },
  { key: 'source', header: SOURCE, aliases: ['来源人', '信息来源'], required: true },
  { key: 'contact', header: CONTACT, aliases: ['联系电话'] },
  { key: 'investment', header: INVESTMENT, aliases: ['计划投资', '计划总投资（万元）', '总投资（万元）'] },
  { key: 'usd', header: USD, aliases: ['外资', '外资金额（万美元）'] },
  { key: 'chain', header: CHAIN },
  { key: 'intended', header: INTENDED, aliases: ['意向落地区县', '意向区域'] },
  { key: 'wishes', header: WISHES, aliases: ['诉求', '投资方意愿'] },
]

const MAX_ROWS = 2000
const MAX_ERRORS = 500

export function leadImportTemplate() {
  return writeXlsx([
    {
      name: '线索',
      columns: leadImportSpecs.map((c) => ({ header: c.header, width: c.key === 'enterprise' || c.key === 'wishes' ? 36 : 16, text: c.key === 'enterprise' })),
      rows: [['91330100MA2XXXXXXX', '新能源电池模组项目', '展会推介', '张三', '138xxxxxxxx', '120000', '', '新能源汽车', '建德市', '需要 300 亩工业用地']],
    },
  ])
}

interface ParsedRow {
  enterpriseId: string
  groupKey: string
  title: string
  channel: LeadChannel
  sourcePerson: string
  sourceContact: string | null
  plannedInvestment: number | null
  plannedInvestmentUsd: number | null
  chainCode: string | null
  intendedRegionCode: string | null
  investorWishes: string | null
}

export async function importLeads(ctx: AppContext, actor: Actor, input: { region?: string | undefined; fileName: string; contentBase64: string }) {
  const db = ctx.database.db
  const scope = await leadScope(db, actor)
  const region = scope.all ? (input.region ?? scope.cityRegion) : scope.district
  if (!region || (!scope.all && input.region && input.region !== scope.district)) throw leadErrors.REGION_NOT_FOUND([fieldError('region', '只能导入本区域的线索', 'import into your own region only')])
  const data = Buffer.from(input.contentBase64, 'base64')
  const sheet = await readSpreadsheet(data, input.fileName, { columns: leadImportSpecs, maxRows: MAX_ROWS })
  if (sheet.missing.length > 0) throw leadErrors.IMPORT_INVALID(sheet.missing.map((c) => fieldError(`columns.${c.header}`, `缺少列「${c.header}」`, `missing column "${c.header}"`)))
  const cell = (cells: string[], key: string) => {
    const at = sheet.columns[key]
    return at === undefined ? '' : (cells[at] ?? '').trim()
  }
  const rows = sheet.rows.filter((r) => r.cells.some((c) => c.trim() !== ''))
  if (rows.length === 0) throw leadErrors.IMPORT_INVALID([fieldError('file', '文件中没有数据行', 'the file has no data rows')])

  const keys = [...new Set(rows.map((r) => cell(r.cells, 'enterprise')).filter((k) => k !== ''))]
  const found = await repo.enterprisesByKey(db, actor.tenantId, keys.flatMap((k) => [k, k.toUpperCase()]))
  const byKey = new Map<string, Set<string>>()
  const add = (k: string, id: string) => byKey.set(k, (byKey.get(k) ?? new Set()).add(id))
  for (const e of found) {
    add(e.uscc, e.id)
    add(e.name, e.id)
    for (const n of e.former_names ?? []) add(n, e.id)
  }
  const { chains, regions } = await repo.chainsAndDistricts(db, actor.tenantId, scope.cityRegion)
  const chainBy = new Map<string, string>()
  for (const c of chains) chainBy.set(c.code, c.code).set(c.name_zh, c.code)
  const regionBy = new Map<string, string>()
  for (const r of regions) regionBy.set(r.code, r.code).set(r.name_zh, r.code)

  const errors: FieldError[] = []
  const err = (row: number, column: string, zh: string, en: string) => errors.push(fieldError(`rows.${row}.${column}`, `第 ${row} 行「${column}」：${zh}`, `row ${row}, "${column}": ${en}`))
  const parsed: Array<ParsedRow & { rowNumber: number }> = []
  const seen = new Map<string, number>()
  const now = ctx.clock.now()
  for (const row of rows) {
    const n = row.rowNumber
    const key = cell(row.cells, 'enterprise')
    let enterpriseId: string | null = null
    let groupKey = ''
    if (key === '') err(n, ENTERPRISE, '不能为空', 'required')
    else {
      const ids = byKey.get(key) ?? byKey.get(key.toUpperCase())
      if (!ids || ids.size === 0) err(n, ENTERPRISE, `找不到企业「${key}」，请先在企业库中登记`, `no enterprise "${key}"; register it in the enterprise base first`)
      else if (ids.size > 1) err(n, ENTERPRISE, `「${key}」对应多家企业，请填写统一社会信用代码`, `"${key}" matches several firms; use the USCC`)
      else {
        enterpriseId = [...ids][0]!
        const facts = await enterpriseFacts(db, actor.tenantId, enterpriseId)
        groupKey = facts?.groupKey ?? `enterprise:${enterpriseId}`
        if (seen.has(enterpriseId)) err(n, ENTERPRISE, `与第 ${seen.get(enterpriseId)} 行是同一企业`, `same enterprise as row ${seen.get(enterpriseId)}`)
        else seen.set(enterpriseId, n)
        if (!scope.all && (await firstTalkStanding(db, actor.tenantId, enterpriseId, region, now)) === 'held_elsewhere') {
          err(n, ENTERPRISE, '该企业的首谈资格由其他区县持有', 'another district holds the first-talk right for this firm')
        } else if ((await repo.openLeadsOn(db, actor.tenantId, [enterpriseId], 'none:', region)).length > 0) {
          err(n, ENTERPRISE, '本区域已有该企业的在办线索', 'your region already has an open lead for this firm')
        }
      }
    }
    const title = cell(row.cells, 'title')
    if (title.length < 2 || title.length > 200) err(n, TITLE, '应为 2–200 字', '2 to 200 characters')
    const channel = parseChannel(cell(row.cells, 'channel'))
    if (channel === null) err(n, CHANNEL, '应为 驻点招商、市场化招商、以商引商、基金招商、展会推介、乡贤、国企驻外 或 其他', 'expected one of the channels (驻点招商, 市场化招商, 以商引商, 基金招商, 展会推介, 乡贤, 国企驻外, 其他)')
    const source = cell(row.cells, 'source')
    if (source === '' || source.length > 100) err(n, SOURCE, '不能为空，且不超过 100 字', 'required, at most 100 characters')
    const investment = parseNumber(cell(row.cells, 'investment'))
    if (!investment.ok || (investment.value !== null && investment.value < 0)) err(n, INVESTMENT, '应为不小于 0 的数字（万元）', 'a number ≥ 0 (万元)')
    const usd = parseNumber(cell(row.cells, 'usd'))
    if (!usd.ok || (usd.value !== null && usd.value < 0)) err(n, USD, '应为不小于 0 的数字（万美元）', 'a number ≥ 0 (万美元)')
    const chainText = cell(row.cells, 'chain')
    const chainCode = chainText ? (chainBy.get(chainText) ?? null) : null
    if (chainText && !chainCode) err(n, CHAIN, `找不到产业链「${chainText}」`, `unknown chain "${chainText}"`)
    const intendedText = cell(row.cells, 'intended')
    const intended = intendedText ? (regionBy.get(intendedText) ?? null) : null
    if (intendedText && !intended) err(n, INTENDED, `「${intendedText}」不是本市区县`, `"${intendedText}" is not a district of this city`)
    const wishes = cell(row.cells, 'wishes')
    if (wishes.length > 2000) err(n, WISHES, '不能超过 2000 字', 'at most 2000 characters')
    const contact = cell(row.cells, 'contact')
    if (contact.length > 200) err(n, CONTACT, '不能超过 200 字', 'at most 200 characters')
    if (errors.length >= MAX_ERRORS) break
    if (enterpriseId && channel && investment.ok && usd.ok) {
      parsed.push({
        rowNumber: n,
        enterpriseId,
        groupKey,
        title,
        channel,
        sourcePerson: source,
        sourceContact: contact || null,
        plannedInvestment: investment.value,
        plannedInvestmentUsd: usd.value,
        chainCode,
        intendedRegionCode: intended,
        investorWishes: wishes || null,
      })
    }
  }
  if (errors.length > 0) throw leadErrors.IMPORT_INVALID(errors)

  return db.transaction(async (tx) => {
    await repo.lockLeadSlot(tx, actor.tenantId, region)
    const values = parsed.map((p) => ({
      tenantId: actor.tenantId,
      id: randomUUID(),
      regionCode: region,
      title: p.title,
      enterpriseId: p.enterpriseId,
      groupKey: p.groupKey,
      channel: p.channel,
      sourcePerson: p.sourcePerson,
      sourceContact: p.sourceContact,
      plannedInvestment: p.plannedInvestment,
      plannedInvestmentUsd: p.plannedInvestmentUsd,
      chainCode: p.chainCode,
      intendedRegionCode: p.intendedRegionCode,
      investorWishes: p.investorWishes,
      status: 'new' as const,
      origin: 'import' as const,
      receivedAt: now,
      createdAt: now,
      createdBy: actor.username,
      updatedAt: now,
    }))
    for (let i = 0; i < values.length; i += 500) {
      const chunk = values.slice(i, i + 500)
      await tx.insert(leads).values(chunk)
      await tx.insert(leadEvents).values(chunk.map((v) => ({ tenantId: actor.tenantId, id: randomUUID(), leadId: v.id, kind: 'created' as const, at: now, actorName: actor.username, note: `导入：${input.fileName}` })))
    }
    await recordAudit(tx, ctx, actor, { action: 'leads.import', entityType: 'lead', entityId: region, after: { fileName: input.fileName, imported: values.length, ids: values.map((v) => v.id) } })
    return { imported: values.length }
  })
}
