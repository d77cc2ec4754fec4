import { readFileSync } from 'node:fs'
import { sql } from 'drizzle-orm'
import ExcelJS from 'exceljs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { ImportJobDetail } from '../../../../common/src/api/import.js'
import { orgCodeCheckChar, usccCheckChar } from '../../../../common/src/uscc.js'
import { cityScope, createTestContext, district, type TestContext } from '../../../test/context.js'
import { TEST_TENANT } from '../../../test/database.js'
import { readSpreadsheet, writeXlsx } from '../../lib/spreadsheet.js'
import { projectPath } from '../../paths.js'
import { enterpriseColumns, relationColumns } from './import.rules.js'
import { failInterruptedImports } from './import.service.js'

// 'MB…' organization codes: the generator only makes 'MA…' and all-digit ones, so these never collide
let serial = 0
function newUscc(region = '330108'): string {
  const n = serial++
  const alphabet = '0123456789ABCDEFGHJKLMNPQRTUWXY'
  let tail = ''
  for (let v = n, k = 0; k < 5; k++, v = Math.floor(v / 31)) tail = alphabet[v % 31]! + tail
  const body = `MBT${tail}`
  const first17 = `91${region}${body}${orgCodeCheckChar(body)}`
  return first17 + usccCheckChar(first17)
}

const H = Object.fromEntries(enterpriseColumns.map((c) => [c.key, c.header])) as Record<(typeof enterpriseColumns)[number]['key'], string>
const R = Object.fromEntries(relationColumns.map((c) => [c.key, c.header])) as Record<(typeof relationColumns)[number]['key'], string>

type Firm = Partial<Record<keyof typeof H, string>>

function firm(overrides: Firm = {}): Firm {
  const n = serial
  return {
    uscc: newUscc(),
    name: `杭州测导${'甲乙丙丁戊己庚辛壬癸'[n % 10]}${'子丑寅卯辰巳午未申酉'[Math.floor(n / 10) % 10]}科技有限公司`,
    region: '滨江区',
    industry: '3939',
    ...overrides,
  }
}

async function enterpriseXlsx(firms: Firm[], title?: string) {
  const keys = Object.keys(H) as (keyof typeof H)[]
  return writeXlsx([{ name: '企业', title, columns: keys.map((k) => ({ header: H[k] })), rows: firms.map((f) => keys.map((k) => f[k] ?? '')) }])
}

describe('import', () => {
  let t: TestContext
  let staff: string
  let binjiang: string
  let existing: { uscc: string; id: string; name: string }

  beforeAll(async () => {
    t = await createTestContext({ demoData: 'tiny' })
    staff = (await t.newUser('city_staff', cityScope)).cookie
    binjiang = (await t.newUser('district_staff', district('330108'))).cookie
    const rows = await t.database.db.execute<{ uscc: string; id: string; name: string }>(
      sql`select uscc, id, name from enterprises where tenant_id = ${TEST_TENANT} order by uscc limit 1`,
    )
    existing = rows.rows[0]!
  })
  afterAll(() => t?.close())

  async function upload(cookie: string, kind: string, fileName: string, body: Buffer, contentType = 'application/octet-stream') {
    return t.app.inject({
      method: 'POST',
      url: `/api/import/${kind}?fileName=${encodeURIComponent(fileName)}`,
      headers: { cookie, 'content-type': contentType },
      payload: body,
    })
  }

  async function finished(cookie: string, jobId: string): Promise<ImportJobDetail> {
    for (let i = 0; i < 600; i++) {
      const response = await t.app.inject({ method: 'GET', url: `/api/import/jobs/${jobId}`, headers: { cookie } })
      expect(response.statusCode).toBe(200)
      const job = response.json() as ImportJobDetail
      if (job.status === 'done' || job.status === 'failed') return job
      await new Promise((r) => setTimeout(r, 50))
    }
    throw new Error('import did not finish')
  }

  async function run(cookie: string, kind: string, fileName: string, body: Buffer, contentType?: string) {
    const response = await upload(cookie, kind, fileName, body, contentType)
    expect(response.statusCode, response.body).toBe(202)
    return finished(cookie, response.json().jobId)
  }

  const count = async (table: string) =>
    (await t.database.db.execute<{ n: number }>(sql`select count(*)::int as n from ${sql.raw(table)} where tenant_id = ${TEST_TENANT}`)).rows[0]!.n

  it('imports firms with segments, tags, parents (in the file and in the database), history and one audit entry', async () => {
    const parent = firm({
      name: '杭州澜图视觉科技有限公司',
      segments: 'visual_intelligence.camera；机器视觉',
      tags: '专精特新、高新技术企业',
      registeredCapital: '1,000',
      revenue: '5200.5',
      employees: '120',
      foundedOn: '43586',
      formerNames: '杭州澜图电子有限公司',
    })
    const child = firm({ name: '澜图视觉科技（杭州）有限公司萧山分公司', parentUscc: parent.uscc, region: '330108', industry: 'C3939' })
    const subsidiary = firm({ name: '杭州澄泓数据有限公司', parentUscc: existing.uscc, region: '杭州市滨江区', actualController: '王某' })
    const before = await count('enterprises')
    const auditBefore = await count('audit_log')
    const job = await run(staff, 'enterprises', '企业.xlsx', await enterpriseXlsx([child, parent, subsidiary], '2026 年企业名录'))
    expect(job).toMatchObject({ status: 'done', totalRows: 3, processedRows: 3, writtenRows: 3, errorCount: 0 })
    expect(await count('enterprises')).toBe(before + 3)
    expect(await count('audit_log')).toBe(auditBefore + 1)

    const rows = await t.database.db.execute<Record<string, unknown>>(sql`
      select e.uscc, e.trade_name, e.trade_name_key, e.name_initials, e.region_code, e.industry_code, e.registered_capital, e.revenue,
        e.employees, e.founded_on::text, e.tags, e.former_names, e.actual_controller, p.uscc as parent_uscc,
        (select string_agg(segment_code || ':' || main || ':' || source, ',' order by main desc) from enterprise_segments s
          where s.tenant_id = e.tenant_id and s.enterprise_id = e.id) as segments,
        (select count(*)::int from enterprise_changes c where c.tenant_id = e.tenant_id and c.enterprise_id = e.id and c.kind = 'import') as history
      from enterprises e left join enterprises p on p.tenant_id = e.tenant_id and p.id = e.parent_id
      where e.tenant_id = ${TEST_TENANT} and e.uscc in (${parent.uscc}, ${child.uscc}, ${subsidiary.uscc}) order by e.uscc`)
    const byUscc = new Map(rows.rows.map((r) => [r.uscc, r]))
    expect(byUscc.get(parent.uscc!)).toMatchObject({
      trade_name: '澜图',
      trade_name_key: '澜图',
      name_initials: 'lt',
      region_code: '330108',
      registered_capital: 1000,
      revenue: 5200.5,
      employees: 120,
      founded_on: '2019-05-01',
      tags: ['专精特新', '高新技术企业'],
      former_names: ['杭州澜图电子有限公司'],
      parent_uscc: null,
      segments: 'visual_intelligence.camera:true:manual,visual_intelligence.machine_vision:false:manual',
      history: 1,
    })
    expect(byUscc.get(child.uscc!)).toMatchObject({ parent_uscc: parent.uscc, industry_code: '3939', trade_name: '澜图' })
    expect(byUscc.get(subsidiary.uscc!)).toMatchObject({ parent_uscc: existing.uscc, actual_controller: '王某' })

    const audit = await t.database.db.execute<{ action: string; entity_id: string }>(
      sql`select action, entity_id from audit_log where tenant_id = ${TEST_TENANT} order by seq desc limit 1`,
    )
    expect(audit.rows[0]).toEqual({ action: 'import.enterprises', entity_id: job.id })

    const list = await t.app.inject({ method: 'GET', url: '/api/import/jobs', headers: { cookie: staff } })
    expect(list.json().items[0]).toMatchObject({ id: job.id, status: 'done', writtenRows: 3, fileName: '企业.xlsx' })
  })

  it('writes nothing when one row among good ones is bad, and names its row and column', async () => {
    const before = await count('enterprises')
    const changes = await count('enterprise_changes')
    const firms = [firm(), firm(), firm({ revenue: '十二万' }), firm()]
    const job = await run(staff, 'enterprises', 'one-bad.xlsx', await enterpriseXlsx(firms, '标题行'))
    expect(job.status).toBe('failed')
    expect(job.errorCount).toBe(1)
    // title row 1, header row 2, data from row 3: the third firm is on row 5
    expect(job.errors).toEqual([
      expect.objectContaining({ row: 5, column: '营业收入（万元）', code: 'NUMBER_INVALID', level: 'error', message: '不是有效的数字：“十二万”' }),
    ])
    expect(job.writtenRows).toBe(0)
    expect(await count('enterprises')).toBe(before)
    expect(await count('enterprise_changes')).toBe(changes)
  })

  it('says why a credit code is wrong', async () => {
    const good = newUscc()
    const typo = good.slice(0, 17) + (good[17] === '0' ? '1' : '0')
    const job = await run(staff, 'enterprises', 'bad-uscc.xlsx', await enterpriseXlsx([firm({ uscc: typo }), firm({ uscc: '9133010812345' }), firm({ uscc: 'abcdefghijklmnopqr' })]))
    expect(job.status).toBe('failed')
    const byRow = new Map(job.errors.map((e) => [e.row, e]))
    expect(byRow.get(2)).toMatchObject({ code: 'USCC_INVALID', column: '统一社会信用代码*' })
    expect(byRow.get(2)!.message).toContain(`第 18 位应为 ${good[17]}`)
    expect(byRow.get(3)!.message).toContain('应为 18 位')
    expect(byRow.get(3)!.messageEn).toContain('has 13')
    expect(byRow.get(4)!.message).toContain('不允许的字符')
  })

  it('reports unknown regions, industries and segments, bad dates, and missing values, all rows at once', async () => {
    const job = await run(
      staff,
      'enterprises',
      'unknown.xlsx',
      await enterpriseXlsx([
        firm({ region: '火星区' }),
        firm({ industry: '9999' }),
        firm({ segments: '不存在的环节' }),
        firm({ foundedOn: '2021-02-30' }),
        firm({ name: '' }),
        firm({ region: '鼓楼区' }),
        firm({ segments: '核心部件' }),
      ]),
    )
    expect(job.status).toBe('failed')
    expect(job.errors.map((e) => [e.row, e.column, e.code])).toEqual([
      [2, '所在地区*', 'REGION_UNKNOWN'],
      [3, '行业代码*', 'INDUSTRY_UNKNOWN'],
      [4, '产业链环节', 'SEGMENT_UNKNOWN'],
      [5, '成立日期', 'DATE_INVALID'],
      [6, '企业名称*', 'REQUIRED'],
      [7, '所在地区*', 'REGION_AMBIGUOUS'],
      [8, '产业链环节', 'SEGMENT_AMBIGUOUS'],
    ])
    expect(job.errors[0]!.message).toContain('火星区')
  })

  it('reports a code twice in the file (both rows) and a code already in the database', async () => {
    const twice = firm()
    const job = await run(staff, 'enterprises', 'dup.xlsx', await enterpriseXlsx([twice, firm(), { ...firm(), uscc: twice.uscc }, firm({ uscc: existing.uscc })]))
    expect(job.status).toBe('failed')
    expect(job.errors.map((e) => [e.row, e.code])).toEqual([
      [2, 'DUPLICATE_IN_FILE'],
      [4, 'DUPLICATE_IN_FILE'],
      [5, 'DUPLICATE_IN_DB'],
    ])
    expect(job.errors[0]!.message).toContain('第 2、4 行')
    expect(job.errors[2]!.message).toContain(existing.name)
  })

  it('reports a parent that exists nowhere', async () => {
    const job = await run(staff, 'enterprises', 'parent.xlsx', await enterpriseXlsx([firm({ parentUscc: newUscc() })]))
    expect(job.errors.map((e) => [e.row, e.column, e.code])).toEqual([[2, '上级企业统一社会信用代码', 'PARENT_NOT_FOUND']])
  })

  it('warns about a trade name that exists already but imports anyway', async () => {
    const job = await run(staff, 'enterprises', 'similar.xlsx', await enterpriseXlsx([firm({ name: '澜图视觉科技（宁波）有限公司' })]))
    expect(job).toMatchObject({ status: 'done', writtenRows: 1, errorCount: 0, warningCount: 1 })
    expect(job.errors[0]).toMatchObject({ level: 'warning', code: 'SIMILAR_TRADE_NAME', row: 2 })
  })

  it('keeps district staff to their own district and their own jobs', async () => {
    const outside = await run(binjiang, 'enterprises', 'xihu.xlsx', await enterpriseXlsx([firm(), firm({ region: '西湖区' })]))
    expect(outside.status).toBe('failed')
    expect(outside.errors).toEqual([expect.objectContaining({ row: 3, column: '所在地区*', code: 'REGION_OUT_OF_SCOPE' })])
    expect(outside.errors[0]!.message).toContain('滨江区')
    const own = await run(binjiang, 'enterprises', 'binjiang.xlsx', await enterpriseXlsx([firm()]))
    expect(own).toMatchObject({ status: 'done', writtenRows: 1 })

    const cityJobs = (await t.app.inject({ method: 'GET', url: '/api/import/jobs', headers: { cookie: staff } })).json().items as { id: string }[]
    const districtJobs = (await t.app.inject({ method: 'GET', url: '/api/import/jobs', headers: { cookie: binjiang } })).json().items as { id: string }[]
    expect(districtJobs.map((j) => j.id).sort()).toEqual([outside.id, own.id].sort())
    const cityJob = cityJobs.find((j) => !districtJobs.some((d) => d.id === j.id))!
    const peek = await t.app.inject({ method: 'GET', url: `/api/import/jobs/${cityJob.id}`, headers: { cookie: binjiang } })
    expect(peek.statusCode).toBe(404)
  })

  it('imports relations between firms in the database, and checks kind, ratios and duplicates', async () => {
    const a = firm()
    const b = firm({ region: '西湖区' })
    expect((await run(staff, 'enterprises', 'ab.xlsx', await enterpriseXlsx([a, b]))).status).toBe('done')
    const keys = Object.keys(R) as (keyof typeof R)[]
    const sheet = (rows: Partial<Record<keyof typeof R, string>>[]) =>
      writeXlsx([{ name: '关系', columns: keys.map((k) => ({ header: R[k] })), rows: rows.map((r) => keys.map((k) => r[k] ?? '')) }])
    const before = await count('enterprise_relations')

    const bad = await run(
      staff,
      'relations',
      'bad-relations.xlsx',
      await sheet([
        { fromUscc: a.uscc, toUscc: b.uscc, kind: '供应', shareOfSupplierRevenue: '35%', source: '年报' },
        { fromUscc: a.uscc, toUscc: newUscc(), kind: '供应', source: '年报' },
        { fromUscc: a.uscc, toUscc: b.uscc, kind: '合作', source: '年报' },
        { fromUscc: a.uscc, toUscc: b.uscc, kind: '供应', equityRatio: '0.2', source: '年报' },
        { fromUscc: a.uscc, toUscc: b.uscc, kind: '供应', source: '走访' },
        { fromUscc: a.uscc, toUscc: a.uscc, kind: '投资', source: '年报' },
      ]),
    )
    expect(bad.status).toBe('failed')
    expect(bad.errors.map((e) => [e.row, e.code])).toEqual([
      [2, 'RELATION_DUPLICATE_IN_FILE'],
      [3, 'ENTERPRISE_NOT_FOUND'],
      [4, 'KIND_UNKNOWN'],
      [5, 'RATIO_WRONG_KIND'],
      [6, 'RELATION_DUPLICATE_IN_FILE'],
      [7, 'SELF_RELATION'],
    ])
    expect(await count('enterprise_relations')).toBe(before)

    const good = await run(
      staff,
      'relations',
      'relations.xlsx',
      await sheet([
        { fromUscc: a.uscc, toUscc: b.uscc, kind: '供应', shareOfSupplierRevenue: '35%', shareOfBuyerCost: '0.1', source: '年报', observedOn: '2025-12-31' },
        { fromUscc: existing.uscc, toUscc: a.uscc, kind: '投资', equityRatio: '51%', source: '工商登记' },
      ]),
    )
    expect(good).toMatchObject({ status: 'done', writtenRows: 2 })
    const rows = await t.database.db.execute<Record<string, unknown>>(sql`
      select r.kind, r.share_of_supplier_revenue, r.share_of_buyer_cost, r.equity_ratio, r.source, r.observed_on::text
      from enterprise_relations r join enterprises f on f.tenant_id = r.tenant_id and f.id = r.from_id
      where r.tenant_id = ${TEST_TENANT} and r.to_id in (select id from enterprises where tenant_id = ${TEST_TENANT} and uscc in (${a.uscc}, ${b.uscc}))
      order by r.kind`)
    expect(rows.rows).toEqual([
      { kind: 'investor', share_of_supplier_revenue: null, share_of_buyer_cost: null, equity_ratio: 0.51, source: '工商登记', observed_on: null },
      { kind: 'supplier', share_of_supplier_revenue: 0.35, share_of_buyer_cost: 0.1, equity_ratio: null, source: '年报', observed_on: '2025-12-31' },
    ])

    const again = await run(staff, 'relations', 'again.xlsx', await sheet([{ fromUscc: a.uscc, toUscc: b.uscc, kind: '供货', source: '年报' }]))
    expect(again.errors.map((e) => e.code)).toEqual(['RELATION_EXISTS'])

    // district staff: at least one side in the district
    const outside = await run(binjiang, 'relations', 'x.xlsx', await sheet([{ fromUscc: b.uscc, toUscc: existing.uscc, kind: '投资', source: '年报' }]))
    const existingRegion = (await t.database.db.execute<{ r: string }>(sql`select region_code as r from enterprises where tenant_id = ${TEST_TENANT} and uscc = ${existing.uscc}`)).rows[0]!.r
    expect(outside.errors.map((e) => e.code)).toEqual(existingRegion === '330108' ? ['RELATION_EXISTS'].slice(1) : ['RELATION_OUT_OF_SCOPE'])
  })

  it('imports a file written by LibreOffice (merged title row, numbers stored as text, a real date)', async () => {
    const data = readFileSync(projectPath('server/src/modules/import/fixtures/libreoffice-enterprises.xlsx'))
    const job = await run(staff, 'enterprises', 'libreoffice-enterprises.xlsx', data, 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
    expect(job).toMatchObject({ status: 'done', writtenRows: 2 })
    const rows = await t.database.db.execute<Record<string, unknown>>(sql`
      select e.uscc, e.registered_capital, e.employees, e.founded_on::text, p.uscc as parent
      from enterprises e left join enterprises p on p.tenant_id = e.tenant_id and p.id = e.parent_id
      where e.tenant_id = ${TEST_TENANT} and e.uscc like '91330108MBLE%' order by e.uscc`)
    expect(rows.rows).toEqual([
      { uscc: '91330108MBLE0001XW', registered_capital: 1000, employees: 120, founded_on: '2019-05-06', parent: null },
      { uscc: '91330108MBLE00028W', registered_capital: null, employees: 35, founded_on: '2021-03-05', parent: '91330108MBLE0001XW' },
    ])
  })

  it('imports a GBK CSV as Chinese Excel saves it', async () => {
    const f = firm({ name: '杭州赣榆测试科技有限公司', revenue: '1,234' })
    const text = `${H.uscc},${H.name},${H.region},${H.industry},${H.revenue}\r\n${f.uscc},${f.name},${f.region},${f.industry},"${f.revenue}"\r\n`
    const gbk = await gbkEncode(text)
    const job = await run(staff, 'enterprises', 'firms.csv', gbk, 'text/csv')
    expect(job).toMatchObject({ status: 'done', writtenRows: 1 })
    const row = await t.database.db.execute<{ name: string; revenue: number }>(
      sql`select name, revenue from enterprises where tenant_id = ${TEST_TENANT} and uscc = ${f.uscc}`,
    )
    expect(row.rows[0]).toEqual({ name: '杭州赣榆测试科技有限公司', revenue: 1234 })
  })

  it('serves templates that read back with their example row, and imports the enterprise example as is', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/api/import/templates/enterprises.xlsx', headers: { cookie: staff } })
    expect(response.statusCode).toBe(200)
    expect(response.headers['content-type']).toContain('spreadsheetml')
    expect(response.headers['content-disposition']).toContain("filename*=UTF-8''")
    const parsed = await readSpreadsheet(response.rawPayload, 'template.xlsx', { columns: enterpriseColumns })
    expect(parsed.missing).toEqual([])
    expect(parsed.rows).toHaveLength(1)
    const workbook = new ExcelJS.Workbook()
    await workbook.xlsx.load(response.rawPayload as unknown as ArrayBuffer)
    expect(workbook.worksheets.map((w) => w.name)).toEqual(['企业', '填写说明'])
    const job = await run(staff, 'enterprises', 'template.xlsx', response.rawPayload)
    expect(job).toMatchObject({ status: 'done', writtenRows: 1 })

    const relations = await t.app.inject({ method: 'GET', url: '/api/import/templates/relations.xlsx', headers: { cookie: binjiang } })
    expect(relations.statusCode).toBe(200)
    expect((await readSpreadsheet(relations.rawPayload, 'r.xlsx', { columns: relationColumns })).missing).toEqual([])
    const unknown = await t.app.inject({ method: 'GET', url: '/api/import/templates/people.xlsx', headers: { cookie: staff } })
    expect(unknown.statusCode).toBe(400)
  })

  it('offers the problems as a workbook', async () => {
    const job = await run(staff, 'enterprises', '问题.xlsx', await enterpriseXlsx([firm({ region: '火星区' })]))
    const response = await t.app.inject({ method: 'GET', url: `/api/import/jobs/${job.id}/errors.xlsx`, headers: { cookie: staff } })
    expect(response.statusCode).toBe(200)
    const parsed = await readSpreadsheet(response.rawPayload, 'e.xlsx')
    expect(parsed.header).toEqual(['行号', '列', '级别', '问题说明', 'Problem'])
    expect(parsed.rows[0]!.cells.slice(0, 3)).toEqual(['2', '所在地区*', '错误'])
    expect(response.headers['content-disposition']).toContain(encodeURIComponent('问题-errors.xlsx'))
  })

  it('fails the jobs a restart cut off, saying so, and leaves finished ones alone', async () => {
    const now = new Date()
    const ids = ['00000000-0000-4000-8000-0000000f0001', '00000000-0000-4000-8000-0000000f0002', '00000000-0000-4000-8000-0000000f0003']
    for (const [i, status] of (['validating', 'writing', 'done'] as const).entries()) {
      await t.database.db.execute(sql`
        insert into import_jobs (tenant_id, id, kind, file_name, status, total_rows, created_by, created_at)
        values (${TEST_TENANT}, ${ids[i]!}, 'enterprises', ${`cut-${status}.xlsx`}, ${status}, 10, 'city.staff', ${now})`)
    }
    expect(await failInterruptedImports(t.ctx)).toBe(2)
    const jobs = (await t.database.db.execute<{ id: string; status: string; errors: Array<{ code: string; messageEn: string }> }>(sql`
      select id, status, errors from import_jobs where tenant_id = ${TEST_TENANT} and id in (${sql.join(ids.map((id) => sql`${id}`), sql`, `)}) order by id`)).rows
    expect(jobs.map((j) => j.status)).toEqual(['failed', 'failed', 'done'])
    expect(jobs[0]!.errors[0]).toMatchObject({ code: 'INTERRUPTED', messageEn: expect.stringMatching(/nothing was written/) })
    const audited = await t.database.db.execute<{ n: number }>(sql`
      select count(*)::int as n from audit_log where tenant_id = ${TEST_TENANT} and action = 'import.failed' and entity_id in (${ids[0]!}, ${ids[1]!})`)
    expect(audited.rows[0]!.n).toBe(2)
    expect(await failInterruptedImports(t.ctx)).toBe(0)
  })

  it('refuses files it cannot read before starting, and fails jobs whose file lacks required columns', async () => {
    const xls = await upload(staff, 'enterprises', 'old.xls', Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0, 0, 0, 0]))
    expect(xls.statusCode).toBe(400)
    expect(xls.json().code).toBe('UNSUPPORTED_FILE')
    const empty = await upload(staff, 'enterprises', 'empty.csv', Buffer.alloc(0))
    expect(empty.statusCode).toBe(400)
    const badKind = await upload(staff, 'people', 'x.csv', Buffer.from('a,b'))
    expect(badKind.statusCode).toBe(400)
    const json = await t.app.inject({ method: 'POST', url: '/api/import/enterprises?fileName=x.csv', headers: { cookie: staff }, payload: { a: 1 } })
    expect(json.statusCode).toBe(400)

    const job = await run(staff, 'enterprises', 'cols.csv', Buffer.from('企业名称,地区\n甲,滨江区\n'))
    expect(job.status).toBe('failed')
    expect(job.errors.map((e) => [e.row, e.column, e.code])).toEqual([
      [1, '统一社会信用代码*', 'MISSING_COLUMN'],
      [1, '行业代码*', 'MISSING_COLUMN'],
    ])
    const none = await run(staff, 'enterprises', 'none.csv', Buffer.from('统一社会信用代码,企业名称,所在地区,行业代码\n'))
    expect(none.errors.map((e) => e.code)).toEqual(['NO_ROWS'])
  })
})

/** GBK bytes through LibreOffice-free means: iconv is not available, so build them from a GB18030 round trip table. */
async function gbkEncode(text: string): Promise<Buffer> {
  // TextEncoder only writes UTF-8; Node's 'latin1' cannot hold Chinese. Encode each Chinese character by
  // searching the two-byte GBK range once (fast enough for a short test string) and caching the table.
  const decoder = new TextDecoder('gb18030')
  const table = new Map<string, number[]>()
  for (let hi = 0x81; hi <= 0xfe; hi++) {
    for (let lo = 0x40; lo <= 0xfe; lo++) {
      if (lo === 0x7f) continue
      const ch = decoder.decode(Uint8Array.of(hi, lo))
      if (ch.length === 1 && !table.has(ch)) table.set(ch, [hi, lo])
    }
  }
  const bytes: number[] = []
  for (const ch of text) {
    if (ch.charCodeAt(0) < 0x80) bytes.push(ch.charCodeAt(0))
    else {
      const code = table.get(ch)
      if (!code) throw new Error(`no GBK code for ${ch}`)
      bytes.push(...code)
    }
  }
  return Buffer.from(bytes)
}
