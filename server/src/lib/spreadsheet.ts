// Spreadsheets in and out: .xlsx (exceljs, streaming reader) and .csv (UTF-8 with or without BOM,
// UTF-16 with BOM, GB18030/GBK as Chinese Excel saves it) into `{ header, rows }` with the header row
// found by matching known column names (tolerant of a merged title row above it and of two-level
// headers); .xlsx out for templates, error reports and list exports.
//
// The pure parts (decoding, CSV parsing, header matching, number and date parsing) are exported and
// unit-tested in spreadsheet.test.ts.
import { Readable } from 'node:stream'
import ExcelJS from 'exceljs'
import { defineErrors } from '../http/app-error.js'

export const spreadsheetErrors = defineErrors({
  UNSUPPORTED_FILE: {
    status: 400,
    message: '不支持的文件格式，请上传 .xlsx 或 .csv 文件（旧版 .xls 请在 Excel 中另存为 .xlsx）',
    messageEn: 'Unsupported file type: upload .xlsx or .csv (save old .xls files as .xlsx first)',
  },
  UNREADABLE_FILE: { status: 400, message: '文件无法读取，可能已损坏', messageEn: 'The file could not be read; it may be damaged' },
  EMPTY_FILE: { status: 400, message: '文件中没有数据', messageEn: 'The file holds no data' },
  HEADER_NOT_FOUND: {
    status: 400,
    message: '没有找到表头行，请使用下载的模板（前 10 行中应有列名）',
    messageEn: 'No header row found: use the downloaded template (column names within the first 10 rows)',
  },
})

export interface SheetRow {
  /** the row number as the spreadsheet program shows it (1-based, counting the header and title rows) */
  rowNumber: number
  /** one string per header column, trimmed; '' for an empty cell */
  cells: string[]
}

export interface ColumnSpec {
  /** the program's name for the column */
  key: string
  /** the template's header text (Chinese) */
  header: string
  /** other names the same column goes by (统一社会信用代码 / 信用代码) */
  aliases?: readonly string[]
  required?: boolean
}

export interface ParsedSheet {
  /** the resolved header text per column */
  header: string[]
  /** the row number of the (lowest) header row */
  headerRowNumber: number
  /** column key → position in `cells`, for the specs that were found */
  columns: Record<string, number>
  /** required specs whose column was not found */
  missing: ColumnSpec[]
  rows: SheetRow[]
}

export interface ReadOptions {
  columns?: readonly ColumnSpec[]
  /** called every few thousand rows while reading */
  onProgress?: (rowsRead: number) => void
  /** stop with an error past this many data rows */
  maxRows?: number
}

export type SpreadsheetFormat = 'xlsx' | 'csv'

/** The file's format from its first bytes (an xlsx is a zip), then from the name. */
export function detectFormat(data: Uint8Array, fileName: string): SpreadsheetFormat | null {
  if (data[0] === 0x50 && data[1] === 0x4b) return 'xlsx'
  // OLE2 compound file: the old binary .xls
  if (data[0] === 0xd0 && data[1] === 0xcf) return null
  const lower = fileName.toLowerCase()
  if (lower.endsWith('.xlsx')) return 'xlsx'
  if (lower.endsWith('.csv') || lower.endsWith('.txt') || lower.endsWith('.tsv')) return 'csv'
  // no telling name: text that decodes is taken as CSV
  return lower.includes('.') ? null : 'csv'
}

/** Reads the first worksheet of an .xlsx or a .csv file into header and rows. */
export async function readSpreadsheet(data: Uint8Array, fileName: string, options: ReadOptions = {}): Promise<ParsedSheet> {
  const format = detectFormat(data, fileName)
  if (format === null) throw spreadsheetErrors.UNSUPPORTED_FILE()
  const grid = format === 'xlsx' ? await readXlsxGrid(data, options) : readCsvGrid(data, options)
  return gridToSheet(grid, options.columns)
}

interface GridRow {
  rowNumber: number
  cells: string[]
}

function checkMax(count: number, options: ReadOptions) {
  if (options.maxRows !== undefined && count > options.maxRows + 10) {
    throw spreadsheetErrors.UNSUPPORTED_FILE([
      {
        path: 'file',
        message: `文件超过 ${options.maxRows} 行，请拆分后导入`,
        messageEn: `The file has more than ${options.maxRows} rows; split it`,
      },
    ])
  }
}

async function readXlsxGrid(data: Uint8Array, options: ReadOptions): Promise<GridRow[]> {
  const grid: GridRow[] = []
  try {
    const reader = new ExcelJS.stream.xlsx.WorkbookReader(Readable.from([Buffer.from(data)]), {
      sharedStrings: 'cache',
      styles: 'cache',
      hyperlinks: 'ignore',
      worksheets: 'emit',
      entries: 'emit',
    })
    decodeUtf8Whole(reader)
    for await (const worksheet of reader) {
      for await (const row of worksheet) {
        const values = row.values as unknown[]
        const cells: string[] = []
        // row.values is 1-based (index 0 empty)
        for (let c = 1; c < values.length; c++) cells.push(cellText(values[c]))
        grid.push({ rowNumber: row.number, cells })
        if (grid.length % 5000 === 0) {
          options.onProgress?.(grid.length)
          checkMax(grid.length, options)
        }
      }
      break // the first worksheet only (a notes sheet may follow)
    }
  } catch (error) {
    if (error instanceof Error && 'code' in error && typeof (error as { status?: unknown }).status === 'number') throw error
    throw spreadsheetErrors.UNREADABLE_FILE()
  }
  return grid
}

/**
 * exceljs 4.4's streaming reader decodes each zip chunk on its own (TextDecoder without
 * `stream: true`), so a Chinese character split across two chunks turns into U+FFFD — in shared
 * strings and inline strings alike (one row in a few thousand of a large file). Its two parse steps
 * are instance methods, so this reader hands them text decoded across chunk boundaries instead.
 */
function decodeUtf8Whole(reader: object) {
  const target = reader as {
    _parseSharedStrings: (entry: AsyncIterable<Buffer | string>) => AsyncGenerator<unknown>
    _parseWorksheet: (iterator: AsyncIterable<Buffer | string>, sheetNo: string) => AsyncGenerator<unknown>
  }
  const sharedStrings = target._parseSharedStrings
  const worksheet = target._parseWorksheet
  if (typeof sharedStrings !== 'function' || typeof worksheet !== 'function') throw new Error('exceljs reader internals changed')
  target._parseSharedStrings = function (entry) {
    return sharedStrings.call(this, Readable.from(utf8Text(entry), { objectMode: true }))
  }
  target._parseWorksheet = function (iterator, sheetNo) {
    return worksheet.call(this, utf8Text(iterator), sheetNo)
  }
}

async function* utf8Text(chunks: AsyncIterable<Buffer | string>): AsyncGenerator<string> {
  const decoder = new TextDecoder('utf-8')
  for await (const chunk of chunks) {
    const text = typeof chunk === 'string' ? chunk : decoder.decode(chunk, { stream: true })
    if (text) yield text
  }
  const rest = decoder.decode()
  if (rest) yield rest
}

/** One cell's value as the user sees it: numbers without exponent or float noise, dates as YYYY-MM-DD. */
export function cellText(value: unknown): string {
  if (value === null || value === undefined) return ''
  if (typeof value === 'string') return value.trim()
  if (typeof value === 'number') return numberText(value)
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE'
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? '' : value.toISOString().slice(0, 10)
  if (typeof value === 'object') {
    const v = value as { richText?: { text: string }[]; text?: unknown; result?: unknown; error?: unknown; formula?: unknown }
    if (Array.isArray(v.richText)) return v.richText.map((r) => r.text).join('').trim()
    if ('result' in v || 'formula' in v) return cellText(v.result)
    if (v.text !== undefined) return cellText(v.text)
    if (v.error !== undefined) return ''
  }
  return String(value).trim()
}

function numberText(value: number): string {
  if (!Number.isFinite(value)) return ''
  if (Number.isInteger(value) && Math.abs(value) < 1e21) return value.toLocaleString('en-US', { useGrouping: false, maximumFractionDigits: 0 })
  // 0.1 + 0.2 style noise from formulas: 15 significant digits as Excel shows them
  return String(Number(value.toPrecision(15)))
}

// ---------------------------------------------------------------- CSV

/** Text of a CSV file: BOM first (UTF-8, UTF-16), then strict UTF-8, else GB18030 (a superset of GBK). */
export function decodeText(data: Uint8Array): string {
  if (data[0] === 0xef && data[1] === 0xbb && data[2] === 0xbf) return new TextDecoder('utf-8').decode(data.subarray(3))
  if (data[0] === 0xff && data[1] === 0xfe) return new TextDecoder('utf-16le').decode(data.subarray(2))
  if (data[0] === 0xfe && data[1] === 0xff) return new TextDecoder('utf-16be').decode(data.subarray(2))
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(data)
  } catch {
    return new TextDecoder('gb18030').decode(data)
  }
}

/** The delimiter of the first line outside quotes: comma, tab or semicolon, whichever occurs most. */
export function detectDelimiter(text: string): string {
  let inQuotes = false
  const counts: Record<string, number> = { ',': 0, '\t': 0, ';': 0 }
  for (let i = 0; i < text.length && i < 65_536; i++) {
    const ch = text[i]!
    if (ch === '"') inQuotes = !inQuotes
    else if (!inQuotes && (ch === '\n' || ch === '\r')) break
    else if (!inQuotes && ch in counts) counts[ch]!++
  }
  return Object.entries(counts).sort((a, b) => b[1] - a[1])[0]![1] > 0
    ? Object.entries(counts).sort((a, b) => b[1] - a[1])[0]![0]
    : ','
}

/**
 * RFC 4180 records: quoted fields with doubled quotes, delimiters and line breaks inside quotes.
 * Each record's number counts records (what a spreadsheet shows as the row), not physical lines.
 */
export function parseCsv(text: string, delimiter = detectDelimiter(text)): string[][] {
  const records: string[][] = []
  let record: string[] = []
  let field = ''
  let i = 0
  const n = text.length
  let quoted = false
  while (i < n) {
    const ch = text[i]!
    if (quoted) {
      if (ch === '"') {
        if (text[i + 1] === '"') {
          field += '"'
          i += 2
          continue
        }
        quoted = false
        i++
        continue
      }
      field += ch
      i++
      continue
    }
    if (ch === '"' && field.trim() === '') {
      quoted = true
      field = ''
      i++
    } else if (ch === delimiter) {
      record.push(field)
      field = ''
      i++
    } else if (ch === '\n' || ch === '\r') {
      record.push(field)
      records.push(record)
      record = []
      field = ''
      i += ch === '\r' && text[i + 1] === '\n' ? 2 : 1
    } else {
      field += ch
      i++
    }
  }
  if (field !== '' || record.length > 0) {
    record.push(field)
    records.push(record)
  }
  return records
}

function readCsvGrid(data: Uint8Array, options: ReadOptions): GridRow[] {
  const records = parseCsv(decodeText(data))
  checkMax(records.length, options)
  return records.map((cells, i) => ({ rowNumber: i + 1, cells: cells.map((c) => c.trim()) }))
}

// ---------------------------------------------------------------- header detection

/**
 * A header as compared: NFKC (full-width brackets, letters and digits to ASCII), no whitespace,
 * no required-marks (* ＊ ※, "(必填)"), lower case.
 */
export function normalizeHeader(text: string): string {
  return text
    .normalize('NFKC')
    .replace(/\s+/g, '')
    .replace(/[（]/g, '(')
    .replace(/[）]/g, ')')
    .replace(/\((必填|选填|可选|required|optional)\)/gi, '')
    .replace(/^[*※]+|[*※]+$/g, '')
    .toLowerCase()
}

/** The header without a trailing bracketed unit: 注册资本(万元) → 注册资本. */
function withoutUnit(normalized: string): string {
  return normalized.replace(/\([^()]*\)$/, '')
}

/** Which spec a header text names, if any: exact (normalized) first, then without its unit. */
export function matchColumn(text: string, columns: readonly ColumnSpec[]): ColumnSpec | null {
  const norm = normalizeHeader(text)
  if (!norm) return null
  for (const spec of columns) {
    if ([spec.header, ...(spec.aliases ?? [])].some((name) => normalizeHeader(name) === norm)) return spec
  }
  const bare = withoutUnit(norm)
  if (!bare) return null
  for (const spec of columns) {
    if ([spec.header, ...(spec.aliases ?? [])].some((name) => withoutUnit(normalizeHeader(name)) === bare)) return spec
  }
  return null
}

const HEADER_SEARCH_ROWS = 10

interface HeaderChoice {
  index: number
  header: string[]
  columns: Record<string, number>
}

/**
 * Column names for header row `r`: the cell itself; an empty cell takes the cell above it (a header
 * merged down over two rows); with specs, "parent+child" of a two-level header is tried as well
 * (a parent merged across columns is carried right).
 */
function headerAt(grid: GridRow[], r: number, specs: readonly ColumnSpec[] | undefined): HeaderChoice {
  const row = grid[r]!.cells
  const above = r > 0 ? grid[r - 1]!.cells : []
  const width = Math.max(row.length, above.length)
  const header: string[] = []
  const columns: Record<string, number> = {}
  let parent = ''
  for (let c = 0; c < width; c++) {
    const own = row[c] ?? ''
    const up = above[c] ?? ''
    if (up) parent = up
    const candidates = own ? [own, parent ? parent + own : ''] : [up]
    let name = own || up
    if (specs) {
      for (const candidate of candidates) {
        const spec = candidate ? matchColumn(candidate, specs) : null
        if (spec && columns[spec.key] === undefined) {
          columns[spec.key] = c
          name = candidate
          break
        }
      }
    }
    header.push(name)
  }
  return { index: r, header, columns }
}

/**
 * Finds the header row within the first rows. With column specs: the row that names the most specs
 * (the earliest on a tie). Without: the first row that has at least two distinct non-empty cells
 * and is at least half as wide as the widest row nearby (a merged title row has one value).
 */
export function detectHeader(grid: GridRow[], specs?: readonly ColumnSpec[]): HeaderChoice | null {
  const limit = Math.min(grid.length, HEADER_SEARCH_ROWS)
  if (specs && specs.length > 0) {
    let best: HeaderChoice | null = null
    for (let r = 0; r < limit; r++) {
      const choice = headerAt(grid, r, specs)
      const found = Object.keys(choice.columns).length
      if (found > 0 && (!best || found > Object.keys(best.columns).length)) best = choice
    }
    return best
  }
  const widest = Math.max(0, ...grid.slice(0, limit).map((g) => g.cells.filter(Boolean).length))
  for (let r = 0; r < limit; r++) {
    const filled = grid[r]!.cells.filter(Boolean)
    if (new Set(filled).size >= 2 && filled.length * 2 >= widest) {
      const header = grid[r]!.cells.map((cell, c) => cell || (r > 0 ? (grid[r - 1]!.cells[c] ?? '') : ''))
      return { index: r, header, columns: {} }
    }
  }
  return null
}

/** Header detection over a grid of text cells, then the data rows below it (empty rows dropped). */
export function gridToSheet(grid: GridRow[], specs?: readonly ColumnSpec[]): ParsedSheet {
  const nonEmpty = grid.filter((g) => g.cells.some((c) => c !== ''))
  if (nonEmpty.length === 0) throw spreadsheetErrors.EMPTY_FILE()
  const choice = detectHeader(nonEmpty, specs)
  if (!choice) throw spreadsheetErrors.HEADER_NOT_FOUND()
  const width = choice.header.length
  const rows: SheetRow[] = []
  for (let r = choice.index + 1; r < nonEmpty.length; r++) {
    const source = nonEmpty[r]!
    const cells = source.cells.length === width ? source.cells : Array.from({ length: width }, (_, c) => source.cells[c] ?? '')
    rows.push({ rowNumber: source.rowNumber, cells })
  }
  return {
    header: choice.header,
    headerRowNumber: nonEmpty[choice.index]!.rowNumber,
    columns: choice.columns,
    missing: (specs ?? []).filter((s) => s.required && choice.columns[s.key] === undefined),
    rows,
  }
}

// ---------------------------------------------------------------- values

export type Parsed<T> = { ok: true; value: T } | { ok: false }

/**
 * A number typed by a person or stored as text: full-width digits, thousands separators, spaces and
 * a leading currency sign are accepted; "" is null. A trailing % divides by 100.
 */
export function parseNumber(text: string): Parsed<number | null> {
  const trimmed = text.normalize('NFKC').replace(/[\s,，]/g, '').replace(/^[¥￥$]/, '')
  if (trimmed === '' || trimmed === '-') return { ok: true, value: null }
  const percent = trimmed.endsWith('%')
  const body = percent ? trimmed.slice(0, -1) : trimmed
  if (!/^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i.test(body)) return { ok: false }
  const value = Number(body)
  if (!Number.isFinite(value)) return { ok: false }
  return { ok: true, value: percent ? value / 100 : value }
}

/** Excel's day numbers (1900 date system, with its phantom 29 Feb 1900) to YYYY-MM-DD. */
export function excelSerialToDate(serial: number): string | null {
  if (!Number.isFinite(serial) || serial < 1 || serial > 2_958_465) return null
  const days = Math.floor(serial) - (serial >= 61 ? 25_569 : 25_568)
  return new Date(days * 86_400_000).toISOString().slice(0, 10)
}

/**
 * A date as people write it in a Chinese sheet: 2021-03-05, 2021/3/5, 2021.3.5, 2021年3月5日,
 * 20210305, or an Excel day number stored as text; "" is null. Impossible dates fail.
 */
export function parseDate(text: string): Parsed<string | null> {
  const trimmed = text.normalize('NFKC').trim()
  if (trimmed === '') return { ok: true, value: null }
  let y: number, m: number, d: number
  let match = /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?(?:[ T]\d{1,2}:\d{2}(:\d{2})?)?$/.exec(trimmed)
  if (match) {
    ;[y, m, d] = [Number(match[1]), Number(match[2]), Number(match[3])]
  } else if ((match = /^(\d{4})(\d{2})(\d{2})$/.exec(trimmed))) {
    ;[y, m, d] = [Number(match[1]), Number(match[2]), Number(match[3])]
  } else if (/^\d{1,5}(\.\d+)?$/.test(trimmed)) {
    const value = excelSerialToDate(Number(trimmed))
    return value ? { ok: true, value } : { ok: false }
  } else {
    return { ok: false }
  }
  const date = new Date(Date.UTC(y, m - 1, d))
  if (y < 1800 || y > 2200 || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return { ok: false }
  return { ok: true, value: date.toISOString().slice(0, 10) }
}

/** A list typed in one cell: separated by ；;，,、 or line breaks; blanks dropped, order kept, no repeats. */
export function splitList(text: string): string[] {
  const items = text
    .split(/[;；,，、\n\r|]+/)
    .map((s) => s.trim())
    .filter(Boolean)
  return [...new Set(items)]
}

// ---------------------------------------------------------------- writing

export interface SheetColumn {
  header: string
  width?: number
  /** keep as text (USCCs, codes): Excel must not turn them into numbers */
  text?: boolean
}

export interface SheetSpec {
  name: string
  columns: SheetColumn[]
  rows: readonly (readonly (string | number | null | undefined)[])[]
  /** a title row merged across the columns above the header */
  title?: string
}

/** An .xlsx with one worksheet per spec: bold frozen header, text-formatted code columns. */
export async function writeXlsx(sheets: readonly SheetSpec[]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook()
  workbook.creator = 'chainboard'
  for (const spec of sheets) {
    const sheet = workbook.addWorksheet(spec.name)
    let headerRow = 1
    if (spec.title) {
      sheet.addRow([spec.title])
      sheet.mergeCells(1, 1, 1, Math.max(1, spec.columns.length))
      sheet.getRow(1).font = { bold: true, size: 14 }
      headerRow = 2
    }
    sheet.addRow(spec.columns.map((c) => c.header))
    sheet.getRow(headerRow).font = { bold: true }
    sheet.views = [{ state: 'frozen', ySplit: headerRow }]
    spec.columns.forEach((column, i) => {
      const col = sheet.getColumn(i + 1)
      col.width = column.width ?? Math.min(40, Math.max(10, column.header.length * 2 + 2))
      if (column.text) col.numFmt = '@'
    })
    for (const row of spec.rows) sheet.addRow(row.map((v) => (v === undefined ? null : v)))
  }
  return Buffer.from(await workbook.xlsx.writeBuffer())
}

/** An .xlsx built with the streaming writer, for exports of many rows (tens of thousands and more). */
export async function writeLargeXlsx(spec: Omit<SheetSpec, 'rows'> & { rows: Iterable<readonly (string | number | null | undefined)[]> }): Promise<Buffer> {
  const { PassThrough } = await import('node:stream')
  const out = new PassThrough()
  const chunks: Buffer[] = []
  out.on('data', (chunk: Buffer) => chunks.push(chunk))
  const done = new Promise<void>((resolve, reject) => {
    out.on('end', resolve)
    out.on('error', reject)
  })
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false })
  const sheet = workbook.addWorksheet(spec.name, { views: [{ state: 'frozen', ySplit: 1 }] })
  sheet.columns = spec.columns.map((c, i) => ({
    key: String(i),
    width: c.width ?? Math.min(40, Math.max(10, c.header.length * 2 + 2)),
    ...(c.text ? { style: { numFmt: '@' } } : {}),
  }))
  const header = sheet.addRow(spec.columns.map((c) => c.header))
  header.font = { bold: true }
  header.commit()
  for (const row of spec.rows) sheet.addRow(row.map((v) => (v === undefined ? null : v))).commit()
  sheet.commit()
  await workbook.commit()
  await done
  return Buffer.concat(chunks)
}
