import ExcelJS from 'exceljs'
import { describe, expect, it } from 'vitest'
import {
  cellText,
  decodeText,
  detectFormat,
  excelSerialToDate,
  gridToSheet,
  matchColumn,
  normalizeHeader,
  parseCsv,
  parseDate,
  parseNumber,
  readSpreadsheet,
  splitList,
  writeLargeXlsx,
  writeXlsx,
  type ColumnSpec,
} from './spreadsheet.js'

const specs: ColumnSpec[] = [
  { key: 'uscc', header: '统一社会信用代码', aliases: ['信用代码', '社会信用代码'], required: true },
  { key: 'name', header: '企业名称', required: true },
  { key: 'capital', header: '注册资本（万元）' },
  { key: 'revenue', header: '营业收入（万元）' },
  { key: 'tax', header: '纳税额（万元）' },
]

const grid = (rows: string[][]) => rows.map((cells, i) => ({ rowNumber: i + 1, cells }))

describe('header names', () => {
  it.each([
    ['统一社会信用代码*', '统一社会信用代码'],
    [' 统一社会 信用代码 ', '统一社会信用代码'],
    ['注册资本（万元）', '注册资本(万元)'],
    ['＊企业名称（必填）', '企业名称'],
    ['ＵＳＣＣ', 'uscc'],
  ])('normalizes %j to %j', (input, expected) => {
    expect(normalizeHeader(input)).toBe(expected)
  })

  it.each([
    ['信用代码', 'uscc'],
    ['统一社会信用代码 *', 'uscc'],
    ['注册资本(万元)', 'capital'],
    ['注册资本', 'capital'],
    ['营业收入（元）', 'revenue'],
    ['法定代表人', null],
    ['', null],
  ])('matches %j to %j', (text, key) => {
    expect(matchColumn(text, specs)?.key ?? null).toBe(key)
  })
})

describe('header detection', () => {
  it('skips a merged title row above the header', () => {
    const sheet = gridToSheet(
      grid([
        ['2026年企业名录', '', '', ''],
        ['统一社会信用代码', '企业名称', '注册资本（万元）', '备注'],
        ['91330100MA2XXXXX1X', '甲公司', '100', ''],
      ]),
      specs,
    )
    expect(sheet.headerRowNumber).toBe(2)
    expect(sheet.columns).toEqual({ uscc: 0, name: 1, capital: 2 })
    expect(sheet.rows).toEqual([{ rowNumber: 3, cells: ['91330100MA2XXXXX1X', '甲公司', '100', ''] }])
    expect(sheet.missing).toEqual([])
  })

  it('reads a two-level header: cells merged down and a parent merged across', () => {
    const sheet = gridToSheet(
      grid([
        ['信用代码', '企业名称', '财务数据（万元）', '', ''],
        ['', '', '营业收入', '纳税额', '注册资本'],
        ['X', 'Y', '1', '2', '3'],
      ]),
      specs,
    )
    expect(sheet.headerRowNumber).toBe(2)
    expect(sheet.columns).toEqual({ uscc: 0, name: 1, revenue: 2, tax: 3, capital: 4 })
    expect(sheet.rows[0]!.rowNumber).toBe(3)
  })

  it('reports required columns that are missing', () => {
    const sheet = gridToSheet(grid([['企业名称', '营业收入'], ['甲', '1']]), specs)
    expect(sheet.missing.map((m) => m.key)).toEqual(['uscc'])
  })

  it('without specs takes the first wide row, not a title', () => {
    const sheet = gridToSheet(grid([['标题'], ['a', 'b', 'c'], ['1', '2', '3']]))
    expect(sheet.header).toEqual(['a', 'b', 'c'])
    expect(sheet.rows).toHaveLength(1)
  })

  it('drops empty rows and pads short ones', () => {
    const sheet = gridToSheet(grid([['统一社会信用代码', '企业名称'], ['', ''], ['A']]), specs)
    expect(sheet.rows).toEqual([{ rowNumber: 3, cells: ['A', ''] }])
  })
})

describe('values', () => {
  it.each([
    ['1,234.5', 1234.5],
    [' 100 ', 100],
    ['１２３', 123],
    ['35%', 0.35],
    ['¥5000', 5000],
    ['1e3', 1000],
    ['', null],
    ['-', null],
  ])('parses number %j', (text, value) => {
    expect(parseNumber(text)).toEqual({ ok: true, value })
  })

  it.each(['abc', '12万', '1.2.3', '--5'])('rejects number %j', (text) => {
    expect(parseNumber(text).ok).toBe(false)
  })

  it.each([
    ['2021-03-05', '2021-03-05'],
    ['2021/3/5', '2021-03-05'],
    ['2021.3.5', '2021-03-05'],
    ['2021年3月5日', '2021-03-05'],
    ['20210305', '2021-03-05'],
    ['44260', '2021-03-05'],
    ['2021-03-05 00:00:00', '2021-03-05'],
    ['', null],
  ])('parses date %j', (text, value) => {
    expect(parseDate(text)).toEqual({ ok: true, value })
  })

  it.each(['2021-02-30', '2021-13-01', '明天', '3/5/2021'])('rejects date %j', (text) => {
    expect(parseDate(text).ok).toBe(false)
  })

  it('converts Excel serials with the 1900 leap-year quirk', () => {
    expect(excelSerialToDate(1)).toBe('1900-01-01')
    expect(excelSerialToDate(59)).toBe('1900-02-28')
    expect(excelSerialToDate(61)).toBe('1900-03-01')
    expect(excelSerialToDate(45000)).toBe('2023-03-15')
    expect(excelSerialToDate(0)).toBeNull()
  })

  it('splits lists on Chinese and ASCII separators', () => {
    expect(splitList('上市；专精特新、高新技术企业,上市')).toEqual(['上市', '专精特新', '高新技术企业'])
    expect(splitList('')).toEqual([])
  })

  it('shows cells as text', () => {
    expect(cellText(91330100)).toBe('91330100')
    expect(cellText(123456789012345680000)).toBe('123456789012345680000')
    expect(cellText(0.1 + 0.2)).toBe('0.3')
    expect(cellText(new Date(Date.UTC(2020, 0, 2)))).toBe('2020-01-02')
    expect(cellText({ richText: [{ text: '海康' }, { text: '威视' }] })).toBe('海康威视')
    expect(cellText({ formula: 'A1+1', result: 5 })).toBe('5')
    expect(cellText({ text: '链接', hyperlink: 'http://x' })).toBe('链接')
    expect(cellText({ error: '#N/A' })).toBe('')
  })
})

describe('CSV', () => {
  it('handles quotes, doubled quotes, delimiters and line breaks inside quotes, CRLF', () => {
    const text = 'a,b,c\r\n"x, y","say ""hi""","line1\nline2"\r\n1,,3\n'
    expect(parseCsv(text)).toEqual([
      ['a', 'b', 'c'],
      ['x, y', 'say "hi"', 'line1\nline2'],
      ['1', '', '3'],
    ])
  })

  it('detects tab and semicolon delimiters', () => {
    expect(parseCsv('a\tb\n1\t2')).toEqual([
      ['a', 'b'],
      ['1', '2'],
    ])
    expect(parseCsv('a;b\n1;2')).toEqual([
      ['a', 'b'],
      ['1', '2'],
    ])
  })

  it('decodes UTF-8 with and without BOM, UTF-16 with BOM and GBK', () => {
    const text = '企业名称,杭州'
    expect(decodeText(Buffer.from(text, 'utf8'))).toBe(text)
    expect(decodeText(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, 'utf8')]))).toBe(text)
    expect(decodeText(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]))).toBe(text)
    // 企业名称,杭州 in GBK
    const gbk = Buffer.from([0xc6, 0xf3, 0xd2, 0xb5, 0xc3, 0xfb, 0xb3, 0xc6, 0x2c, 0xba, 0xbc, 0xd6, 0xdd])
    expect(decodeText(gbk)).toBe(text)
  })

  it('reads a GBK CSV with row numbers by record', async () => {
    // 信用代码,企业名称 / "A\nB",甲 / C,乙  (GBK bytes for the Chinese)
    const header = Buffer.from([0xd0, 0xc5, 0xd3, 0xc3, 0xb4, 0xfa, 0xc2, 0xeb, 0x2c, 0xc6, 0xf3, 0xd2, 0xb5, 0xc3, 0xfb, 0xb3, 0xc6])
    const body = Buffer.concat([
      Buffer.from('\r\n"A\nB",'),
      Buffer.from([0xbc, 0xd7]), // 甲
      Buffer.from('\r\nC,'),
      Buffer.from([0xd2, 0xd2]), // 乙
      Buffer.from('\r\n'),
    ])
    const sheet = await readSpreadsheet(Buffer.concat([header, body]), 'firms.csv', { columns: specs })
    expect(sheet.columns).toEqual({ uscc: 0, name: 1 })
    expect(sheet.rows).toEqual([
      { rowNumber: 2, cells: ['A\nB', '甲'] },
      { rowNumber: 3, cells: ['C', '乙'] },
    ])
  })
})

describe('xlsx', () => {
  it('detects formats by content and name', () => {
    expect(detectFormat(Buffer.from('PK\x03\x04'), 'x.csv')).toBe('xlsx')
    expect(detectFormat(Buffer.from([0xd0, 0xcf, 0x11, 0xe0]), 'x.xls')).toBeNull()
    expect(detectFormat(Buffer.from('a,b'), 'x.csv')).toBe('csv')
    expect(detectFormat(Buffer.from('a,b'), 'x.pdf')).toBeNull()
  })

  it('reads back what it writes, with a merged title row, numbers stored as text and real dates', async () => {
    const data = await writeXlsx([
      {
        name: '企业',
        title: '企业导入',
        columns: [{ header: '统一社会信用代码', text: true }, { header: '企业名称' }, { header: '注册资本（万元）' }],
        rows: [
          ['91330100MA2XXXXX1X', '甲公司', '1,000'],
          ['91330100MA2YYYYY2Y', '乙公司', 250.5],
        ],
      },
      { name: '说明', columns: [{ header: '说明' }], rows: [['第二个工作表不读']] },
    ])
    const sheet = await readSpreadsheet(data, 'firms.xlsx', { columns: specs })
    expect(sheet.headerRowNumber).toBe(2)
    expect(sheet.rows).toEqual([
      { rowNumber: 3, cells: ['91330100MA2XXXXX1X', '甲公司', '1,000'] },
      { rowNumber: 4, cells: ['91330100MA2YYYYY2Y', '乙公司', '250.5'] },
    ])
  })

  it('turns date cells into YYYY-MM-DD', async () => {
    const workbook = new ExcelJS.Workbook()
    const sheet = workbook.addWorksheet('s')
    sheet.addRow(['企业名称', '成立日期'])
    sheet.addRow(['甲', new Date(Date.UTC(2019, 4, 6))])
    sheet.getCell('B2').numFmt = 'yyyy-mm-dd'
    const data = Buffer.from(await workbook.xlsx.writeBuffer())
    const parsed = await readSpreadsheet(data, 'x.xlsx')
    expect(parsed.rows[0]!.cells).toEqual(['甲', '2019-05-06'])
  })

  it('streams large sheets out and reads them back', async () => {
    const rows = Array.from({ length: 3000 }, (_, i) => [`U${i}`, `名称${i}`, i])
    const data = await writeLargeXlsx({ name: 's', columns: [{ header: '信用代码' }, { header: '企业名称' }, { header: '营业收入' }], rows })
    let progress = 0
    const parsed = await readSpreadsheet(data, 'big.xlsx', { columns: specs, onProgress: (n) => (progress = n) })
    expect(parsed.rows).toHaveLength(3000)
    expect(parsed.rows[2999]).toEqual({ rowNumber: 3001, cells: ['U2999', '名称2999', '2999'] })
    expect(progress).toBe(0) // fewer than 5000 rows: no progress callback
  })

  it('keeps Chinese characters that straddle zip chunk boundaries (exceljs streaming decode bug)', async () => {
    const rows = Array.from({ length: 8000 }, (_, i) => [`U${i}`, `杭州西湖区某某智能科技有限公司${i}`, '西湖区'])
    const columns = [{ header: '信用代码' }, { header: '企业名称' }, { header: '地区' }]
    for (const data of [await writeLargeXlsx({ name: 's', columns, rows }), await writeXlsx([{ name: 's', columns, rows }])]) {
      const parsed = await readSpreadsheet(data, 'x.xlsx')
      expect(parsed.rows.filter((r) => r.cells.join('').includes('\ufffd'))).toEqual([])
      expect(parsed.rows[7999]!.cells).toEqual(['U7999', '杭州西湖区某某智能科技有限公司7999', '西湖区'])
    }
  })

  it('rejects a damaged xlsx with a 400', async () => {
    await expect(readSpreadsheet(Buffer.from('PK\x03\x04garbage'), 'x.xlsx')).rejects.toMatchObject({ code: 'UNREADABLE_FILE', status: 400 })
  })
})
