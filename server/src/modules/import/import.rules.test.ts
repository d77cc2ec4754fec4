import { describe, expect, it } from 'vitest'
import { orgCodeCheckChar, usccCheckChar } from '../../../../common/src/uscc.js'
import {
  buildRegionIndex,
  buildSegmentIndex,
  capErrors,
  duplicates,
  enterpriseColumns,
  orderByParent,
  parseRelationKind,
  resolveIndustryCode,
  resolveRegion,
  resolveSegment,
  rowMessages,
  validateEnterpriseRow,
  validateRelationRow,
  type RegionRow,
} from './import.rules.js'

const regionRows: RegionRow[] = [
  { code: '330000', nameZh: '浙江省', level: 'province', parentCode: null },
  { code: '330100', nameZh: '杭州市', level: 'city', parentCode: '330000' },
  { code: '330108', nameZh: '滨江区', level: 'district', parentCode: '330100' },
  { code: '330106', nameZh: '西湖区', level: 'district', parentCode: '330100' },
  { code: '360000', nameZh: '江西省', level: 'province', parentCode: null },
  { code: '360100', nameZh: '南昌市', level: 'city', parentCode: '360000' },
  { code: '360103', nameZh: '西湖区', level: 'district', parentCode: '360100' },
  { code: '320000', nameZh: '江苏省', level: 'province', parentCode: null },
  { code: '320100', nameZh: '南京市', level: 'city', parentCode: '320000' },
  { code: '320106', nameZh: '鼓楼区', level: 'district', parentCode: '320100' },
  { code: '350000', nameZh: '福建省', level: 'province', parentCode: null },
  { code: '350100', nameZh: '福州市', level: 'city', parentCode: '350000' },
  { code: '350102', nameZh: '鼓楼区', level: 'district', parentCode: '350100' },
  { code: '310000', nameZh: '上海市', level: 'province', parentCode: null },
  { code: '310100', nameZh: '市辖区', level: 'city', parentCode: '310000' },
  { code: '310115', nameZh: '浦东新区', level: 'district', parentCode: '310100' },
]
const regions = buildRegionIndex(regionRows, '330100')

function uscc(region: string, body: string) {
  const first17 = `91${region}${body}${orgCodeCheckChar(body)}`
  return first17 + usccCheckChar(first17)
}

describe('regions', () => {
  it.each([
    ['330108', '330108'],
    ['滨江区', '330108'],
    ['滨江', '330108'],
    ['杭州市滨江区', '330108'],
    ['杭州滨江区', '330108'],
    ['浙江省杭州市滨江区', '330108'],
    [' 滨江 区 ', '330108'],
    ['西湖区', '330106'], // Hangzhou's, not Nanchang's: the tenant's city wins
    ['南昌市西湖区', '360103'],
    ['南京市鼓楼区', '320106'],
    ['上海市浦东新区', '310115'],
    ['浦东新区', '310115'],
  ])('resolves %j to %s', (text, code) => {
    expect(resolveRegion(regions, text)).toEqual({ ok: true, code })
  })

  it.each([
    ['鼓楼区', 'ambiguous'],
    ['火星区', 'unknown'],
    ['330100', 'unknown'], // a city, not a county-level region
    ['999999', 'unknown'],
  ])('refuses %j as %s', (text, code) => {
    expect(resolveRegion(regions, text)).toEqual({ ok: false, code })
  })
})

describe('industry codes and segments', () => {
  const known = new Set(['01', '011', '0111', '39', '3939'])
  it.each([
    ['3939', '3939'],
    ['C3939', '3939'],
    ['3919', '3919'], // a class whose division is known
    ['111', '0111'], // lost its leading zero in Excel
    ['39', '39'],
    ['4040', null], // division 40 unknown here
    ['abc', null],
    ['39391', null],
  ])('resolves %j to %j', (text, code) => {
    expect(resolveIndustryCode(known, text)).toBe(code)
  })

  const segments = buildSegmentIndex([
    { code: 'vi.camera', nameZh: '智能摄像机' },
    { code: 'a.core', nameZh: '核心部件' },
    { code: 'b.core', nameZh: '核心部件' },
  ])
  it('resolves segments by code or name, refusing a name two chains share', () => {
    expect(resolveSegment(segments, 'vi.camera')).toEqual({ ok: true, code: 'vi.camera' })
    expect(resolveSegment(segments, '智能摄像机')).toEqual({ ok: true, code: 'vi.camera' })
    expect(resolveSegment(segments, 'a.core')).toEqual({ ok: true, code: 'a.core' })
    expect(resolveSegment(segments, '核心部件')).toEqual({ ok: false, code: 'ambiguous' })
    expect(resolveSegment(segments, '整车')).toEqual({ ok: false, code: 'unknown' })
  })

  it.each([
    ['供应', 'supplier'],
    ['供货', 'supplier'],
    ['投资', 'investor'],
    ['股东', 'investor'],
    ['分支机构', 'branch'],
    ['分公司', 'branch'],
    ['合作', null],
  ])('reads relation kind %j', (text, kind) => {
    expect(parseRelationKind(text)).toBe(kind)
  })
})

describe('enterprise rows', () => {
  const header = enterpriseColumns.map((c) => c.header)
  const columns = Object.fromEntries(enterpriseColumns.map((c, i) => [c.key, i]))
  const lookups = { regions, industryCodes: new Set(['39', '3939']), segments: buildSegmentIndex([{ code: 'vi.camera', nameZh: '智能摄像机' }]), district: null }
  const row = (values: Record<string, string>) => ({ rowNumber: 7, cells: enterpriseColumns.map((c) => values[c.key] ?? '') })
  const good = { uscc: uscc('330108', 'MB0000001'.slice(0, 8)), name: '杭州澜图科技有限公司', region: '滨江区', industry: '3939' }

  it('turns a good row into a draft with parsed numbers, dates, lists', () => {
    const result = validateEnterpriseRow(
      row({ ...good, registeredCapital: '1,000', employees: '12', foundedOn: '2020/1/2', tags: '上市、专精特新', segments: '智能摄像机', uscc: good.uscc.toLowerCase() }),
      columns,
      header,
      lookups,
    )
    expect(result.errors).toEqual([])
    expect(result.draft).toMatchObject({
      uscc: good.uscc,
      regionCode: '330108',
      registeredCapital: 1000,
      employees: 12,
      foundedOn: '2020-01-02',
      tags: ['上市', '专精特新'],
      segments: ['vi.camera'],
      rowNumber: 7,
    })
  })

  it('reports every problem of a row with its column header', () => {
    const result = validateEnterpriseRow(
      row({ ...good, uscc: good.uscc.slice(0, 17) + 'Y', employees: '1.5', revenue: '-3', parentUscc: good.uscc.slice(0, 17) + 'Y' }),
      columns,
      header,
      lookups,
    )
    expect(result.draft).toBeNull()
    expect(result.errors.map((e) => [e.row, e.column, e.code])).toEqual([
      [7, '统一社会信用代码*', 'USCC_INVALID'],
      [7, '上级企业统一社会信用代码', 'USCC_INVALID'],
      [7, '营业收入（万元）', 'NUMBER_NEGATIVE'],
      [7, '从业人数', 'INTEGER_INVALID'],
    ])
  })

  it('keeps district staff to their district', () => {
    const result = validateEnterpriseRow(row({ ...good, region: '西湖区' }), columns, header, { ...lookups, district: '330108' })
    expect(result.errors.map((e) => e.code)).toEqual(['REGION_OUT_OF_SCOPE'])
    expect(result.errors[0]!.message).toContain('滨江区')
  })

  it('names the right check character for a typo', () => {
    const code = good.uscc
    const typo = code.slice(0, 17) + (code[17] === 'A' ? 'B' : 'A')
    expect(rowMessages.USCC_INVALID(typo).message).toContain(`第 18 位应为 ${code[17]}`)
  })
})

describe('relation rows', () => {
  const a = uscc('330108', 'MB000001')
  const b = uscc('330106', 'MB000002')
  const header = ['供方统一社会信用代码*', '需方/被投资方统一社会信用代码*', '关系类型*', '占供方收入比例', '占需方成本比例', '持股比例', '来源*', '日期']
  const columns = { fromUscc: 0, toUscc: 1, kind: 2, shareOfSupplierRevenue: 3, shareOfBuyerCost: 4, equityRatio: 5, source: 6, observedOn: 7 }
  const check = (cells: string[]) => validateRelationRow({ rowNumber: 3, cells }, columns, header)

  it('reads ratios as fractions or percentages', () => {
    expect(check([a, b, '供应', '35%', '0.2', '', '年报', '2025-01-01']).draft).toMatchObject({
      kind: 'supplier',
      shareOfSupplierRevenue: 0.35,
      shareOfBuyerCost: 0.2,
      equityRatio: null,
      observedOn: '2025-01-01',
    })
  })

  it('refuses ratios above 1, ratios of the wrong kind, self relations', () => {
    expect(check([a, b, '供应', '35', '', '', '年报', '']).errors.map((e) => e.code)).toEqual(['RATIO_INVALID'])
    expect(check([a, b, '投资', '0.3', '', '', '年报', '']).errors.map((e) => [e.column, e.code])).toEqual([['占供方收入比例', 'RATIO_WRONG_KIND']])
    expect(check([a, a, '投资', '', '', '0.3', '年报', '']).errors.map((e) => e.code)).toEqual(['SELF_RELATION'])
    expect(check(['', b, '', '', '', '', '', '']).errors.map((e) => [e.column, e.code])).toEqual([
      ['供方统一社会信用代码*', 'REQUIRED'],
      ['关系类型*', 'REQUIRED'],
      ['来源*', 'REQUIRED'],
    ])
  })
})

describe('file-wide checks', () => {
  it('finds keys on several rows', () => {
    const rows = [
      { k: 'a', r: 2 },
      { k: 'b', r: 3 },
      { k: 'a', r: 4 },
      { k: '', r: 5 },
      { k: '', r: 6 },
    ]
    expect([...duplicates(rows, (x) => x.k, (x) => x.r)]).toEqual([['a', [2, 4]]])
  })

  it('orders parents before children and finds loops', () => {
    const r = (uscc: string, parentUscc: string | null, rowNumber: number) => ({ uscc, parentUscc, rowNumber })
    const { ordered, cycles } = orderByParent([r('C', 'B', 2), r('B', 'A', 3), r('A', 'X', 4), r('D', null, 5)])
    expect(ordered.map((x) => x.uscc)).toEqual(['A', 'D', 'B', 'C'])
    expect(cycles).toEqual([])
    const loop = orderByParent([r('A', 'B', 2), r('B', 'A', 3), r('C', 'A', 4), r('D', null, 5), r('E', 'E', 6)])
    expect(loop.cycles).toEqual([[2, 3], [6]])
    expect(loop.ordered.map((x) => x.uscc)).toEqual(['D'])
  })

  it('keeps errors before warnings, in row order, capped', () => {
    const e = (row: number, level: 'error' | 'warning') => ({ row, column: '', code: 'X', message: '', messageEn: '', level })
    expect(capErrors([e(5, 'warning'), e(9, 'error'), e(2, 'error'), e(1, 'warning')], 3).map((x) => [x.row, x.level])).toEqual([
      [2, 'error'],
      [9, 'error'],
      [1, 'warning'],
    ])
  })
})
