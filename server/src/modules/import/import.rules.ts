// Import rules: the template columns, how each cell is read and checked, and the messages a person
// sees for a bad row. Pure functions over the parsed sheet and lookup tables; the service queries.
import type { ImportRowError } from '../../../../common/src/api/import.js'
import { explainUsccError, usccCheckChar, USCC_ALPHABET } from '../../../../common/src/uscc.js'
import { parseDate, parseNumber, splitList, type ColumnSpec, type SheetRow } from '../../lib/spreadsheet.js'
import type { RelationKind } from '../enterprise/index.js'

// ------------------------------------------------------------------------------------ columns

export const enterpriseColumns = [
  { key: 'uscc', header: '统一社会信用代码*', aliases: ['统一社会信用代码', '信用代码', '社会信用代码', '统一代码', 'USCC'], required: true },
  { key: 'name', header: '企业名称*', aliases: ['企业名称', '名称', '公司名称', '企业全称'], required: true },
  { key: 'formerNames', header: '曾用名', aliases: ['历史名称', '原名称'] },
  { key: 'region', header: '所在地区*', aliases: ['所在地区', '所属地区', '地区', '区县', '所在区县', '行政区划', '行政区划代码'], required: true },
  { key: 'address', header: '详细地址', aliases: ['地址', '注册地址', '住所'] },
  { key: 'industry', header: '行业代码*', aliases: ['行业代码', '国民经济行业代码', '行业分类代码', '所属行业代码'], required: true },
  { key: 'businessScope', header: '经营范围' },
  { key: 'registeredCapital', header: '注册资本（万元）', aliases: ['注册资本'] },
  { key: 'revenue', header: '营业收入（万元）', aliases: ['营业收入', '营收'] },
  { key: 'tax', header: '纳税额（万元）', aliases: ['纳税额', '纳税', '税收'] },
  { key: 'employees', header: '从业人数', aliases: ['员工人数', '职工人数', '参保人数'] },
  { key: 'foundedOn', header: '成立日期', aliases: ['成立时间', '注册日期'] },
  { key: 'tags', header: '标签', aliases: ['企业标签'] },
  { key: 'segments', header: '产业链环节', aliases: ['环节', '产业链节点'] },
  { key: 'parentUscc', header: '上级企业统一社会信用代码', aliases: ['上级企业信用代码', '母公司统一社会信用代码'] },
  { key: 'actualController', header: '实际控制人' },
] as const satisfies readonly ColumnSpec[]

export const relationColumns = [
  {
    key: 'fromUscc',
    header: '供方统一社会信用代码*',
    aliases: ['供方统一社会信用代码', '供方/投资方统一社会信用代码', '投资方统一社会信用代码', '供应商统一社会信用代码'],
    required: true,
  },
  {
    key: 'toUscc',
    header: '需方/被投资方统一社会信用代码*',
    aliases: ['需方/被投资方统一社会信用代码', '需方统一社会信用代码', '被投资方统一社会信用代码', '客户统一社会信用代码'],
    required: true,
  },
  { key: 'kind', header: '关系类型*', aliases: ['关系类型', '关系'], required: true },
  { key: 'shareOfSupplierRevenue', header: '占供方收入比例' },
  { key: 'shareOfBuyerCost', header: '占需方成本比例' },
  { key: 'equityRatio', header: '持股比例' },
  { key: 'source', header: '来源*', aliases: ['来源', '数据来源'], required: true },
  { key: 'observedOn', header: '日期', aliases: ['观察日期', '数据日期'] },
] as const satisfies readonly ColumnSpec[]

export type EnterpriseColumnKey = (typeof enterpriseColumns)[number]['key']
export type RelationColumnKey = (typeof relationColumns)[number]['key']

/** Example rows for the templates (valid USCCs, a Hangzhou district, segment and industry codes). */
export function exampleUscc(region: string, body: string): string {
  const first17 = `91${region}${body}`
  return first17 + usccCheckChar(first17)
}

// ------------------------------------------------------------------------------------ messages

type Message = { message: string; messageEn: string }

export const rowMessages = {
  REQUIRED: (): Message => ({ message: '必填项为空', messageEn: 'Required value is missing' }),
  USCC_INVALID: (value: string): Message => usccMessage(value),
  NAME_UNPARSABLE: (): Message => ({ message: '无法从企业名称中识别字号', messageEn: 'No trade name could be found in the enterprise name' }),
  TOO_LONG: (max: number): Message => ({ message: `内容过长（最多 ${max} 字）`, messageEn: `Too long (at most ${max} characters)` }),
  REGION_UNKNOWN: (value: string): Message => ({
    message: `未知地区“${value}”：请填写区县的行政区划代码或名称，如 330108 或 滨江区`,
    messageEn: `Unknown region "${value}": give a county-level code or name, e.g. 330108 or 滨江区`,
  }),
  REGION_AMBIGUOUS: (value: string): Message => ({
    message: `地区名称“${value}”不唯一，请写全称（如 杭州市滨江区）或代码`,
    messageEn: `Region name "${value}" is ambiguous: write it in full (e.g. 杭州市滨江区) or give its code`,
  }),
  REGION_OUT_OF_SCOPE: (district: string): Message => ({
    message: `该企业不在您的管辖范围内（只能导入 ${district} 的企业）`,
    messageEn: `This firm is outside your district (you may import firms of ${district} only)`,
  }),
  INDUSTRY_UNKNOWN: (value: string): Message => ({
    message: `未知的行业代码“${value}”（GB/T 4754-2017，如 3974）`,
    messageEn: `Unknown industry code "${value}" (GB/T 4754-2017, e.g. 3974)`,
  }),
  SEGMENT_UNKNOWN: (value: string): Message => ({
    message: `未知的产业链环节“${value}”：请填写环节代码或名称`,
    messageEn: `Unknown chain segment "${value}": give a segment code or name`,
  }),
  SEGMENT_AMBIGUOUS: (value: string): Message => ({
    message: `环节名称“${value}”属于多条产业链，请填写环节代码`,
    messageEn: `Segment name "${value}" occurs in several chains: give the segment code`,
  }),
  NUMBER_INVALID: (value: string): Message => ({ message: `不是有效的数字：“${value}”`, messageEn: `Not a number: "${value}"` }),
  NUMBER_NEGATIVE: (): Message => ({ message: '不能为负数', messageEn: 'Must not be negative' }),
  INTEGER_INVALID: (value: string): Message => ({ message: `应为整数：“${value}”`, messageEn: `Must be a whole number: "${value}"` }),
  RATIO_INVALID: (value: string): Message => ({
    message: `比例“${value}”应在 0 到 1 之间，或写成百分数（如 35%）`,
    messageEn: `Ratio "${value}" must be between 0 and 1, or a percentage (e.g. 35%)`,
  }),
  DATE_INVALID: (value: string): Message => ({
    message: `无法识别的日期“${value}”（如 2021-03-05）`,
    messageEn: `Unrecognized date "${value}" (e.g. 2021-03-05)`,
  }),
  DUPLICATE_IN_FILE: (rows: number[]): Message => ({
    message: `统一社会信用代码在文件中重复（第 ${rows.join('、')} 行）`,
    messageEn: `Credit code appears more than once in the file (rows ${rows.join(', ')})`,
  }),
  DUPLICATE_IN_DB: (name: string): Message => ({
    message: `该统一社会信用代码已存在：${name}`,
    messageEn: `This credit code already exists: ${name}`,
  }),
  PARENT_NOT_FOUND: (): Message => ({
    message: '上级企业在系统和本文件中都不存在',
    messageEn: 'The parent firm is neither in the system nor in this file',
  }),
  PARENT_CYCLE: (rows: number[]): Message => ({
    message: `上级企业关系成环（第 ${rows.join('、')} 行互为上级）`,
    messageEn: `Parent links form a loop (rows ${rows.join(', ')})`,
  }),
  PARENT_SELF: (): Message => ({ message: '上级企业不能是企业自己', messageEn: 'A firm cannot be its own parent' }),
  SIMILAR_TRADE_NAME: (name: string, uscc: string): Message => ({
    message: `字号与已有企业相同：${name}（${uscc}），请确认不是同一家企业`,
    messageEn: `Same trade name as an existing firm: ${name} (${uscc}); check it is not the same firm`,
  }),
  MISSING_COLUMN: (header: string): Message => ({ message: `缺少必填列“${header}”`, messageEn: `Required column "${header}" is missing` }),
  NO_ROWS: (): Message => ({ message: '表头下没有数据行', messageEn: 'There are no data rows below the header' }),
  TOO_MANY_ROWS: (max: number): Message => ({
    message: `文件超过 ${max} 行，请拆分后导入`,
    messageEn: `The file has more than ${max} rows; split it`,
  }),
  KIND_UNKNOWN: (value: string): Message => ({
    message: `未知的关系类型“${value}”（供应、投资、分支机构）`,
    messageEn: `Unknown relation type "${value}" (供应, 投资, 分支机构)`,
  }),
  ENTERPRISE_NOT_FOUND: (): Message => ({
    message: '系统中没有该统一社会信用代码的企业，请先导入企业',
    messageEn: 'No firm with this credit code in the system: import the firm first',
  }),
  SELF_RELATION: (): Message => ({ message: '供方和需方不能是同一家企业', messageEn: 'Both sides are the same firm' }),
  RATIO_WRONG_KIND: (kind: string): Message => ({
    message: `该比例不适用于“${kind}”关系`,
    messageEn: `This ratio does not apply to a "${kind}" relation`,
  }),
  RELATION_DUPLICATE_IN_FILE: (rows: number[]): Message => ({
    message: `同一关系在文件中重复（第 ${rows.join('、')} 行）`,
    messageEn: `The same relation appears more than once (rows ${rows.join(', ')})`,
  }),
  RELATION_EXISTS: (): Message => ({ message: '该关系已存在于系统中', messageEn: 'This relation already exists in the system' }),
  RELATION_OUT_OF_SCOPE: (district: string): Message => ({
    message: `两家企业都不在您的管辖范围内（至少一方应在 ${district}）`,
    messageEn: `Neither firm is in your district (at least one must be in ${district})`,
  }),
  FILE_ERROR: (message: string, messageEn: string): Message => ({ message, messageEn }),
  WRITE_CONFLICT: (): Message => ({
    message: '写入时数据已被他人修改（如同时导入了相同企业），未写入任何数据，请重新导入',
    messageEn: 'The data changed while writing (e.g. the same firms imported at once); nothing was written, import again',
  }),
  INTERNAL: (): Message => ({ message: '导入时发生内部错误，未写入任何数据', messageEn: 'An internal error stopped the import; nothing was written' }),
  INTERRUPTED: (): Message => ({
    message: '服务重启，导入中断，未写入任何数据；请重新上传文件',
    messageEn: 'The server restarted during the import; nothing was written. Upload the file again',
  }),
} as const

export type RowErrorCode = keyof typeof rowMessages

export function rowError(row: number | null, column: string, code: RowErrorCode, message: Message, level: 'error' | 'warning' = 'error'): ImportRowError {
  return { row, column, code, ...message, level }
}

function usccMessage(value: string): Message {
  const reason = explainUsccError(value)
  switch (reason) {
    case 'length':
      return {
        message: `统一社会信用代码应为 18 位（“${value}”为 ${value.length} 位）`,
        messageEn: `A credit code has 18 characters ("${value}" has ${value.length})`,
      }
    case 'charset':
      return {
        message: `统一社会信用代码含不允许的字符（只能用数字和除 I、O、S、V、Z 外的大写字母，第 3-8 位为地区代码）`,
        messageEn: 'The credit code has characters it may not have (digits and capitals except I, O, S, V, Z; characters 3-8 are a region code)',
      }
    case 'check_char':
      return {
        message: `统一社会信用代码校验位错误（按 GB 32100-2015 第 18 位应为 ${usccCheckChar(value.slice(0, 17))}），请核对是否录入有误`,
        messageEn: `Wrong check character (by GB 32100-2015 the 18th should be ${usccCheckChar(value.slice(0, 17))}); check for a typo`,
      }
    case 'org_code_check':
      return {
        message: '统一社会信用代码中的组织机构代码（第 9-17 位）校验错误',
        messageEn: 'The organization code inside the credit code (characters 9-17) fails its check',
      }
    default:
      return { message: '', messageEn: '' }
  }
}

/** A typed credit code as compared: half-width, upper case, no spaces. */
export function normalizeUscc(text: string): string {
  return text.normalize('NFKC').replace(/\s+/g, '').toUpperCase()
}

export function isUsccShaped(text: string): boolean {
  return text.length === 18 && [...text].every((c) => USCC_ALPHABET.includes(c))
}

// ------------------------------------------------------------------------------------ lookups

export interface RegionRow {
  code: string
  nameZh: string
  level: 'province' | 'city' | 'district'
  parentCode: string | null
}

export interface RegionIndex {
  districts: Set<string>
  byName: Map<string, string[]>
  cityCode: string
  nameOf: Map<string, string>
}

const compact = (text: string) => text.normalize('NFKC').replace(/\s+/g, '')
const shortName = (name: string) => (name.length > 2 ? name.replace(/(省|市|自治区|特别行政区|壮族自治区|回族自治区|维吾尔自治区)$/, '') : name)

/**
 * County-level regions by code and by the names people write: 滨江区, 滨江, 杭州市滨江区,
 * 杭州滨江区, 浙江省杭州市滨江区. A bare name found in several places resolves to the one in the
 * tenant's city when there is one.
 */
export function buildRegionIndex(rows: readonly RegionRow[], cityCode: string): RegionIndex {
  const byCode = new Map(rows.map((r) => [r.code, r]))
  const byName = new Map<string, string[]>()
  const add = (key: string, code: string) => {
    if (!key) return
    const list = byName.get(key)
    if (!list) byName.set(key, [code])
    else if (!list.includes(code)) list.push(code)
  }
  const districts = new Set<string>()
  const nameOf = new Map<string, string>()
  for (const r of rows) {
    if (r.level !== 'district') continue
    districts.add(r.code)
    nameOf.set(r.code, r.nameZh)
    const city = r.parentCode ? byCode.get(r.parentCode) : undefined
    const province = city?.parentCode ? byCode.get(city.parentCode) : undefined
    const cityNames = city && city.nameZh !== '市辖区' && city.nameZh !== '县' ? [city.nameZh, shortName(city.nameZh)] : ['']
    const provinceNames = province ? [province.nameZh, shortName(province.nameZh), ''] : ['']
    const districtNames = [r.nameZh]
    const bare = r.nameZh.replace(/(区|县|市|旗)$/, '')
    if (bare.length >= 2) districtNames.push(bare)
    for (const d of districtNames) {
      for (const c of cityNames) for (const p of provinceNames) add(compact(p + c + d), r.code)
      // municipalities: 上海市浦东新区
      for (const p of provinceNames) add(compact(p + d), r.code)
    }
  }
  return { districts, byName, cityCode, nameOf }
}

export type Resolved = { ok: true; code: string } | { ok: false; code: 'unknown' | 'ambiguous' }

export function resolveRegion(index: RegionIndex, text: string): Resolved {
  const value = compact(text)
  if (/^\d{6}$/.test(value)) return index.districts.has(value) ? { ok: true, code: value } : { ok: false, code: 'unknown' }
  const codes = index.byName.get(value)
  if (!codes) return { ok: false, code: 'unknown' }
  if (codes.length === 1) return { ok: true, code: codes[0]! }
  const local = codes.filter((c) => c.startsWith(index.cityCode.slice(0, 4)))
  return local.length === 1 ? { ok: true, code: local[0]! } : { ok: false, code: 'ambiguous' }
}

/**
 * GB/T 4754-2017 codes: a code in the reference table, or a four-digit class whose division (the
 * first two digits) is in it (the table carries only the classes chains use). A leading section
 * letter (C3974) is dropped; a number that lost its leading zero (111) is padded.
 */
export function resolveIndustryCode(known: ReadonlySet<string>, text: string): string | null {
  let value = compact(text).toUpperCase()
  if (/^[A-T]\d{2,4}$/.test(value)) value = value.slice(1)
  if (!/^\d{2,4}$/.test(value)) return null
  if (known.has(value)) return value
  if (value.length === 3 && known.has(`0${value}`)) return `0${value}`
  if (value.length === 3 && known.has(`0${value.slice(0, 1)}`)) return `0${value}`
  if (value.length === 4 && known.has(value.slice(0, 2))) return value
  return null
}

export interface SegmentRow {
  code: string
  nameZh: string
}

export interface SegmentIndex {
  byKey: Map<string, string[]>
}

export function buildSegmentIndex(rows: readonly SegmentRow[]): SegmentIndex {
  const byKey = new Map<string, string[]>()
  const add = (key: string, code: string) => {
    const list = byKey.get(key)
    if (!list) byKey.set(key, [code])
    else if (!list.includes(code)) list.push(code)
  }
  for (const r of rows) {
    add(compact(r.code).toLowerCase(), r.code)
    add(compact(r.nameZh).toLowerCase(), r.code)
  }
  return { byKey }
}

export function resolveSegment(index: SegmentIndex, text: string): Resolved {
  const codes = index.byKey.get(compact(text).toLowerCase())
  if (!codes) return { ok: false, code: 'unknown' }
  // a code matches itself exactly; a name shared by two chains is ambiguous
  const exact = codes.find((c) => c.toLowerCase() === compact(text).toLowerCase())
  if (exact) return { ok: true, code: exact }
  return codes.length === 1 ? { ok: true, code: codes[0]! } : { ok: false, code: 'ambiguous' }
}

const relationKindWords: Record<string, RelationKind> = {
  供应: 'supplier',
  供货: 'supplier',
  供应商: 'supplier',
  采购: 'supplier',
  supplier: 'supplier',
  投资: 'investor',
  股东: 'investor',
  持股: 'investor',
  参股: 'investor',
  控股: 'investor',
  investor: 'investor',
  分支机构: 'branch',
  分支: 'branch',
  分公司: 'branch',
  branch: 'branch',
}

export function parseRelationKind(text: string): RelationKind | null {
  return relationKindWords[compact(text).toLowerCase()] ?? null
}

export const relationKindLabel: Record<RelationKind, string> = { supplier: '供应', investor: '投资', branch: '分支机构' }

// ------------------------------------------------------------------------------------ rows

/** Reads one sheet row by column key; '' when the column is absent. */
export function cellReader<K extends string>(row: SheetRow, columns: Partial<Record<K, number>>, header: readonly string[], specs: readonly ColumnSpec[]) {
  return {
    get: (key: K) => {
      const index = columns[key]
      return index === undefined ? '' : (row.cells[index] ?? '').trim()
    },
    /** the column's header as written in the file (the template's when the column is absent) */
    column: (key: K) => {
      const index = columns[key]
      return index === undefined ? (specs.find((s) => s.key === key)?.header ?? key) : header[index] || (specs.find((s) => s.key === key)?.header ?? key)
    },
  }
}

export interface NumberRule {
  integer?: boolean
  ratio?: boolean
}

/** A non-negative number cell; pushes a row error and returns undefined when it is bad. */
export function readNumber(text: string, rule: NumberRule, report: (code: RowErrorCode, message: Message) => void): number | null | undefined {
  const parsed = parseNumber(text)
  if (!parsed.ok) {
    report('NUMBER_INVALID', rowMessages.NUMBER_INVALID(text))
    return undefined
  }
  const value = parsed.value
  if (value === null) return null
  if (value < 0) {
    report('NUMBER_NEGATIVE', rowMessages.NUMBER_NEGATIVE())
    return undefined
  }
  if (rule.integer && !Number.isInteger(value)) {
    report('INTEGER_INVALID', rowMessages.INTEGER_INVALID(text))
    return undefined
  }
  if (rule.ratio && value > 1) {
    report('RATIO_INVALID', rowMessages.RATIO_INVALID(text))
    return undefined
  }
  return value
}

export function readDate(text: string, report: (code: RowErrorCode, message: Message) => void): string | null | undefined {
  const parsed = parseDate(text)
  if (!parsed.ok) {
    report('DATE_INVALID', rowMessages.DATE_INVALID(text))
    return undefined
  }
  return parsed.value
}

export interface EnterpriseDraft {
  rowNumber: number
  uscc: string
  name: string
  formerNames: string[]
  regionCode: string
  address: string | null
  industryCode: string
  businessScope: string | null
  registeredCapital: number | null
  revenue: number | null
  tax: number | null
  employees: number | null
  foundedOn: string | null
  tags: string[]
  segments: string[]
  parentUscc: string | null
  actualController: string | null
}

export interface EnterpriseLookups {
  regions: RegionIndex
  industryCodes: ReadonlySet<string>
  segments: SegmentIndex
  /** district_staff: the one district it may import into; null for city roles */
  district: string | null
}

const LIMITS = { name: 200, address: 300, businessScope: 4000, actualController: 200, tag: 30, source: 200 } as const

/** Checks one enterprise row; returns the draft when the row is good, and the row's errors. */
export function validateEnterpriseRow(
  row: SheetRow,
  columns: Partial<Record<EnterpriseColumnKey, number>>,
  header: readonly string[],
  lookups: EnterpriseLookups,
): { draft: EnterpriseDraft | null; errors: ImportRowError[] } {
  const errors: ImportRowError[] = []
  const cells = cellReader<EnterpriseColumnKey>(row, columns, header, enterpriseColumns)
  const reporter = (key: EnterpriseColumnKey) => (code: RowErrorCode, message: Message) =>
    errors.push(rowError(row.rowNumber, cells.column(key), code, message))
  const required = (key: EnterpriseColumnKey) => {
    const value = cells.get(key)
    if (!value) reporter(key)('REQUIRED', rowMessages.REQUIRED())
    return value
  }
  const text = (key: 'address' | 'businessScope' | 'actualController' | 'name', max: number) => {
    const value = cells.get(key)
    if (value.length > max) reporter(key)('TOO_LONG', rowMessages.TOO_LONG(max))
    return value || null
  }

  const uscc = normalizeUscc(required('uscc'))
  if (uscc && explainUsccError(uscc)) reporter('uscc')('USCC_INVALID', rowMessages.USCC_INVALID(uscc))

  const name = required('name')
  text('name', LIMITS.name)

  let regionCode = ''
  const regionText = required('region')
  if (regionText) {
    const resolved = resolveRegion(lookups.regions, regionText)
    if (!resolved.ok) {
      reporter('region')(
        resolved.code === 'ambiguous' ? 'REGION_AMBIGUOUS' : 'REGION_UNKNOWN',
        resolved.code === 'ambiguous' ? rowMessages.REGION_AMBIGUOUS(regionText) : rowMessages.REGION_UNKNOWN(regionText),
      )
    } else if (lookups.district && resolved.code !== lookups.district) {
      reporter('region')('REGION_OUT_OF_SCOPE', rowMessages.REGION_OUT_OF_SCOPE(lookups.regions.nameOf.get(lookups.district) ?? lookups.district))
    } else {
      regionCode = resolved.code
    }
  }

  let industryCode = ''
  const industryText = required('industry')
  if (industryText) {
    industryCode = resolveIndustryCode(lookups.industryCodes, industryText) ?? ''
    if (!industryCode) reporter('industry')('INDUSTRY_UNKNOWN', rowMessages.INDUSTRY_UNKNOWN(industryText))
  }

  const segments: string[] = []
  for (const item of splitList(cells.get('segments'))) {
    const resolved = resolveSegment(lookups.segments, item)
    if (resolved.ok) {
      if (!segments.includes(resolved.code)) segments.push(resolved.code)
    } else {
      reporter('segments')(
        resolved.code === 'ambiguous' ? 'SEGMENT_AMBIGUOUS' : 'SEGMENT_UNKNOWN',
        resolved.code === 'ambiguous' ? rowMessages.SEGMENT_AMBIGUOUS(item) : rowMessages.SEGMENT_UNKNOWN(item),
      )
    }
  }

  const tags = splitList(cells.get('tags'))
  if (tags.some((t) => t.length > LIMITS.tag)) reporter('tags')('TOO_LONG', rowMessages.TOO_LONG(LIMITS.tag))

  const parentText = cells.get('parentUscc')
  const parentUscc = parentText ? normalizeUscc(parentText) : null
  if (parentUscc) {
    if (explainUsccError(parentUscc)) reporter('parentUscc')('USCC_INVALID', rowMessages.USCC_INVALID(parentUscc))
    else if (parentUscc === uscc) reporter('parentUscc')('PARENT_SELF', rowMessages.PARENT_SELF())
  }

  const draft: EnterpriseDraft = {
    rowNumber: row.rowNumber,
    uscc,
    name,
    formerNames: splitList(cells.get('formerNames')),
    regionCode,
    address: text('address', LIMITS.address),
    industryCode,
    businessScope: text('businessScope', LIMITS.businessScope),
    registeredCapital: readNumber(cells.get('registeredCapital'), {}, reporter('registeredCapital')) ?? null,
    revenue: readNumber(cells.get('revenue'), {}, reporter('revenue')) ?? null,
    tax: readNumber(cells.get('tax'), {}, reporter('tax')) ?? null,
    employees: readNumber(cells.get('employees'), { integer: true }, reporter('employees')) ?? null,
    foundedOn: readDate(cells.get('foundedOn'), reporter('foundedOn')) ?? null,
    tags,
    segments,
    parentUscc,
    actualController: text('actualController', LIMITS.actualController),
  }
  return { draft: errors.length === 0 ? draft : null, errors }
}

export interface RelationDraft {
  rowNumber: number
  fromUscc: string
  toUscc: string
  kind: RelationKind
  shareOfSupplierRevenue: number | null
  shareOfBuyerCost: number | null
  equityRatio: number | null
  source: string
  observedOn: string | null
}

export function validateRelationRow(
  row: SheetRow,
  columns: Partial<Record<RelationColumnKey, number>>,
  header: readonly string[],
): { draft: RelationDraft | null; errors: ImportRowError[] } {
  const errors: ImportRowError[] = []
  const cells = cellReader<RelationColumnKey>(row, columns, header, relationColumns)
  const reporter = (key: RelationColumnKey) => (code: RowErrorCode, message: Message) =>
    errors.push(rowError(row.rowNumber, cells.column(key), code, message))
  const required = (key: RelationColumnKey) => {
    const value = cells.get(key)
    if (!value) reporter(key)('REQUIRED', rowMessages.REQUIRED())
    return value
  }
  const uscc = (key: 'fromUscc' | 'toUscc') => {
    const value = normalizeUscc(required(key))
    if (value && explainUsccError(value)) reporter(key)('USCC_INVALID', rowMessages.USCC_INVALID(value))
    return value
  }
  const fromUscc = uscc('fromUscc')
  const toUscc = uscc('toUscc')
  if (fromUscc && fromUscc === toUscc) reporter('toUscc')('SELF_RELATION', rowMessages.SELF_RELATION())

  const kindText = required('kind')
  const kind = kindText ? parseRelationKind(kindText) : null
  if (kindText && !kind) reporter('kind')('KIND_UNKNOWN', rowMessages.KIND_UNKNOWN(kindText))

  const ratio = (key: 'shareOfSupplierRevenue' | 'shareOfBuyerCost' | 'equityRatio', appliesTo: RelationKind) => {
    const value = readNumber(cells.get(key), { ratio: true }, reporter(key)) ?? null
    if (value !== null && kind && kind !== appliesTo) reporter(key)('RATIO_WRONG_KIND', rowMessages.RATIO_WRONG_KIND(relationKindLabel[kind]))
    return value
  }
  const shareOfSupplierRevenue = ratio('shareOfSupplierRevenue', 'supplier')
  const shareOfBuyerCost = ratio('shareOfBuyerCost', 'supplier')
  const equityRatio = ratio('equityRatio', 'investor')
  const source = required('source')
  if (source.length > LIMITS.source) reporter('source')('TOO_LONG', rowMessages.TOO_LONG(LIMITS.source))
  const observedOn = readDate(cells.get('observedOn'), reporter('observedOn')) ?? null

  if (errors.length > 0 || !kind) return { draft: null, errors }
  return {
    draft: { rowNumber: row.rowNumber, fromUscc, toUscc, kind, shareOfSupplierRevenue, shareOfBuyerCost, equityRatio, source, observedOn },
    errors,
  }
}

/** Keys that occur on more than one row: key → the row numbers (in file order). */
export function duplicates<T>(items: readonly T[], key: (item: T) => string, rowOf: (item: T) => number): Map<string, number[]> {
  const seen = new Map<string, number[]>()
  for (const item of items) {
    const k = key(item)
    if (!k) continue
    const rows = seen.get(k)
    if (rows) rows.push(rowOf(item))
    else seen.set(k, [rowOf(item)])
  }
  for (const [k, rows] of seen) if (rows.length < 2) seen.delete(k)
  return seen
}

/**
 * Insert order for firms whose parent is in the same file: every parent before its children
 * (depth 0 = no parent in the file), so each row's parent_id foreign key holds when it is written.
 * Rows on a loop of parent links (A under B under A) are returned as `cycles` instead.
 */
export function orderByParent<T extends { uscc: string; parentUscc: string | null; rowNumber: number }>(
  rows: readonly T[],
): { ordered: T[]; cycles: number[][] } {
  const byUscc = new Map(rows.map((r) => [r.uscc, r]))
  const depth = new Map<string, number>()
  const cycles: number[][] = []
  const onCycle = new Set<string>()
  for (const start of rows) {
    if (depth.has(start.uscc) || onCycle.has(start.uscc)) continue
    // walk up until a known depth, a parent outside the file, or a repeat (a loop)
    const path: T[] = []
    const seen = new Set<string>()
    let node: T | undefined = start
    while (node && !depth.has(node.uscc) && !onCycle.has(node.uscc) && !seen.has(node.uscc)) {
      seen.add(node.uscc)
      path.push(node)
      node = node.parentUscc ? byUscc.get(node.parentUscc) : undefined
    }
    let base: number
    if (node && seen.has(node.uscc)) {
      const loopStart = path.indexOf(node)
      const loop = path.splice(loopStart)
      for (const r of loop) onCycle.add(r.uscc)
      cycles.push(loop.map((r) => r.rowNumber).sort((a, b) => a - b))
      base = Number.NaN
    } else {
      base = node ? (onCycle.has(node.uscc) ? Number.NaN : depth.get(node.uscc)!) : -1
    }
    for (let i = path.length - 1; i >= 0; i--) {
      base = base + 1
      if (Number.isNaN(base)) onCycle.add(path[i]!.uscc)
      else depth.set(path[i]!.uscc, base)
    }
  }
  const ordered = rows.filter((r) => depth.has(r.uscc)).sort((a, b) => depth.get(a.uscc)! - depth.get(b.uscc)!)
  return { ordered, cycles }
}

/** Errors first, warnings after, each in row order; at most `cap` kept. */
export function capErrors(list: readonly ImportRowError[], cap: number): ImportRowError[] {
  const order = (e: ImportRowError) => (e.level === 'error' ? 0 : 1)
  return [...list].sort((a, b) => order(a) - order(b) || (a.row ?? 0) - (b.row ?? 0)).slice(0, cap)
}
