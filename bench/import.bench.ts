// Import at the size the issue names: a 100,000-row enterprise workbook (and 100,000 relations
// between those firms), uploaded through the API and timed until the job is done.
import { performance } from 'node:perf_hooks'
import { orgCodeCheckChar, USCC_ALPHABET, usccCheckChar } from '../common/src/uscc.js'
import type { ImportJobDetail } from '../common/src/api/import.js'
import { writeLargeXlsx } from '../server/src/lib/spreadsheet.js'
import { enterpriseColumns, relationColumns } from '../server/src/modules/import/import.rules.js'
import type { BenchContext, BenchRow, BenchSuite } from './types.js'

const ROWS = 100_000
const DISTRICTS = ['上城区', '拱墅区', '西湖区', '滨江区', '萧山区', '余杭区', '临平区', '钱塘区', '富阳区', '临安区', '桐庐县', '淳安县', '建德市']
const INDUSTRIES = ['3939', '3919', '3974', '6513', '6531', '3973', '4040', '3962']
const SEGMENTS = ['visual_intelligence.camera', 'visual_intelligence.machine_vision', 'visual_intelligence.algorithm', 'visual_intelligence.display']
const SYLLABLES = '云启华辰星澜博睿恒泰嘉禾锦程智联远航鼎盛宏图卓越天成正元安信中科新锐瑞丰'

/** 'MB' organization codes: the generator only makes 'MA…' and all-digit ones, so these never collide. */
function benchUscc(i: number, region: string): string {
  let body = ''
  for (let v = i, k = 0; k < 6; k++, v = Math.floor(v / 31)) body = USCC_ALPHABET[v % 31]! + body
  body = `MB${body}`
  const first17 = `91${region}${body}${orgCodeCheckChar(body)}`
  return first17 + usccCheckChar(first17)
}

function tradeName(i: number): string {
  const n = SYLLABLES.length
  return SYLLABLES[i % n]! + SYLLABLES[Math.floor(i / n) % n]! + SYLLABLES[Math.floor(i / n / n) % n]! + SYLLABLES[Math.floor(i / n / n / n) % n]!
}

const districtCode = (i: number) => ['330102', '330105', '330106', '330108', '330109', '330110', '330113', '330114', '330111', '330112', '330122', '330127', '330182'][i % 13]!

function* enterpriseRows(): Generator<string[]> {
  for (let i = 0; i < ROWS; i++) {
    yield [
      benchUscc(i, districtCode(i)),
      `杭州${tradeName(i)}智能科技有限公司`,
      '',
      DISTRICTS[i % 13]!,
      `示例路 ${i} 号`,
      INDUSTRIES[i % INDUSTRIES.length]!,
      '智能设备研发、生产、销售',
      (1000 + (i % 5000)).toLocaleString('en-US'),
      String(500 + (i % 90_000)),
      String(i % 300),
      String(10 + (i % 2000)),
      `20${String(10 + (i % 15)).padStart(2, '0')}-0${1 + (i % 9)}-1${i % 9}`,
      i % 7 === 0 ? '专精特新；高新技术企业' : '',
      i % 3 === 0 ? `${SEGMENTS[i % 4]!}；${SEGMENTS[(i + 1) % 4]!}` : '',
      i % 10 === 5 ? benchUscc(i - 5, districtCode(i - 5)) : '',
      '',
    ]
  }
}

function* relationRows(): Generator<string[]> {
  for (let i = 0; i < ROWS; i++) {
    const j = (i * 7 + 1) % ROWS
    yield [benchUscc(i, districtCode(i)), benchUscc(j, districtCode(j)), '供应', `${i % 50}%`, '0.1', '', '企业年报', '2025-12-31']
  }
}

async function runImport(context: BenchContext, kind: string, fileName: string, data: Buffer) {
  const start = performance.now()
  const response = await context.app.inject({
    method: 'POST',
    url: `/api/import/${kind}?fileName=${fileName}`,
    headers: { cookie: context.cookie, 'content-type': 'application/octet-stream' },
    payload: data,
  })
  if (response.statusCode !== 202) throw new Error(`upload failed: ${response.statusCode} ${response.body}`)
  const jobId = response.json().jobId as string
  let writingAt: number | null = null
  for (;;) {
    await new Promise((r) => setTimeout(r, 100))
    const job = (await context.app.inject({ method: 'GET', url: `/api/import/jobs/${jobId}`, headers: { cookie: context.cookie } })).json() as ImportJobDetail
    if (job.status === 'writing' && writingAt === null) writingAt = performance.now()
    if (job.status === 'done' || job.status === 'failed') {
      const end = performance.now()
      if (job.status === 'failed') throw new Error(`import failed: ${JSON.stringify(job.errors.slice(0, 3))}`)
      return { total: end - start, validate: (writingAt ?? end) - start, write: writingAt ? end - writingAt : 0, written: job.writtenRows }
    }
  }
}

const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`
// PGlite has one connection: the poll waits while the write transaction runs, so it never sees
// the "writing" state and the two phases cannot be told apart from outside
const phases = (run: { validate: number; write: number }) =>
  run.write > 0 ? `parse + validate ${seconds(run.validate)}, write ${seconds(run.write)}` : 'phases not observable (one connection)'

export const bench: BenchSuite = async (context) => {
  const rows: BenchRow[] = []
  const genStart = performance.now()
  const firms = await writeLargeXlsx({ name: '企业', columns: enterpriseColumns.map((c) => ({ header: c.header })), rows: enterpriseRows() })
  const genMs = performance.now() - genStart
  const firmRun = await runImport(context, 'enterprises', 'bench-enterprises.xlsx', firms)
  rows.push([
    context.kind,
    `import ${ROWS.toLocaleString('en-US')} enterprises (xlsx)`,
    `${(firms.length / 1e6).toFixed(1)} MB (written in ${seconds(genMs)}); ${phases(firmRun)}; ${firmRun.written} rows`,
    seconds(firmRun.total),
  ])
  const relations = await writeLargeXlsx({ name: '关系', columns: relationColumns.map((c) => ({ header: c.header })), rows: relationRows() })
  const relationRun = await runImport(context, 'relations', 'bench-relations.xlsx', relations)
  rows.push([
    context.kind,
    `import ${ROWS.toLocaleString('en-US')} relations (xlsx)`,
    `${(relations.length / 1e6).toFixed(1)} MB; ${phases(relationRun)}; ${relationRun.written} rows`,
    seconds(relationRun.total),
  ])
  return rows
}
