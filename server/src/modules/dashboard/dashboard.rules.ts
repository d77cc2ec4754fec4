// Pure assembly of the dashboard from its aggregate rows, with the drill-down query of every figure. No I/O.
import type { Dashboard, Drill } from '../../../../common/src/api/dashboard.js'
import type { StageDef } from '../../../../common/src/api/projects.js'
import { SIGNED, STARTED } from '../../../../common/src/api/projects.js'
import type { CubeRow, MonthCellRow, Period, StageCellRow } from './dashboard.repository.js'

/** count / target, or null without a target (a share of nothing is not 0%). */
export const completion = (count: number, target: number) => (target > 0 ? count / target : null)

/**
 * The cube the dashboard assembles from, out of the cells: the stage cells give the projects now; the signed
 * month cells of the period give the year-to-date figures (as rows of no stage, so they never count in the funnel).
 */
export function cubeFromCells(stageCells: readonly StageCellRow[], monthCells: readonly MonthCellRow[]): CubeRow[] {
  const zero = {
    n: 0, investment: 0, signed_ytd_1: 0, signed_ytd_10: 0, signed_ytd_50: 0, signed_ytd_100: 0, inv_ytd_1: 0, inv_ytd_10: 0,
    inv_ytd_50: 0, inv_ytd_100: 0, signed_ytd_all: 0, inv_ytd_all: 0, on_platform_ytd_1: 0, signed_all: 0, started_all: 0,
  }
  const rows: CubeRow[] = stageCells.map((c) => ({ ...zero, region_code: c.region_code, stage: c.stage, ecosystem_code: c.ecosystem_code, n: c.n, investment: c.investment }))
  for (const c of monthCells) {
    if (c.grouping !== 'total' || c.measure !== 'signed') continue
    const size = c.size_class ?? 0
    const at = (k: number) => (size >= k ? 1 : 0)
    rows.push({
      ...zero,
      region_code: c.region_code ?? '',
      stage: '',
      ecosystem_code: c.ecosystem_code,
      signed_ytd_1: c.n * at(1),
      signed_ytd_10: c.n * at(2),
      signed_ytd_50: c.n * at(3),
      signed_ytd_100: c.n * at(4),
      inv_ytd_1: c.amount * at(1),
      inv_ytd_10: c.amount * at(2),
      inv_ytd_50: c.amount * at(3),
      inv_ytd_100: c.amount * at(4),
      signed_ytd_all: c.n,
      inv_ytd_all: c.amount,
      on_platform_ytd_1: c.on_platform ? c.n * at(1) : 0,
    })
  }
  return rows
}

/** Signed and started projects and arrivals per month of the period, every month present. */
export function monthlyFromCells(monthCells: readonly MonthCellRow[], period: Period) {
  const months: string[] = []
  for (let [y, m] = [Number(period.yearStart.slice(0, 4)), Number(period.yearStart.slice(5, 7))]; ; m === 12 ? (y++, (m = 1)) : m++) {
    const month = `${y}-${String(m).padStart(2, '0')}`
    if (month > period.until.slice(0, 7)) break
    months.push(month)
  }
  const signed = new Map<string, number>()
  const started = new Map<string, number>()
  const arrived = new Map<string, number>()
  for (const c of monthCells) {
    if (c.grouping !== 'month' || c.month === null) continue
    const into = c.measure === 'signed' ? signed : c.measure === 'started' ? started : arrived
    into.set(c.month, (into.get(c.month) ?? 0) + (c.measure === 'arrival' ? c.amount : c.n))
  }
  return {
    monthly: months.map((month) => ({ month, signed: signed.get(month) ?? 0, started: started.get(month) ?? 0 })),
    arrivals: [...arrived].map(([month, amount]) => ({ month, amount })),
  }
}

export interface DashboardInput {
  asOf: string
  year: number
  region: string | null
  regionName: string
  period: Period
  stages: readonly StageDef[]
  districts: ReadonlyArray<{ code: string; name_zh: string }>
  ecosystems: ReadonlyArray<{ code: string; name_zh: string; name_en: string }>
  cube: readonly CubeRow[]
  targets: ReadonlyArray<{ region_code: string; count_1: number; count_10: number; count_50: number; count_100: number; investment: number }>
  monthly: ReadonlyArray<{ month: string; signed: number; started: number }>
  arrivals: ReadonlyArray<{ month: string; amount: number }>
  stuck: { byNorm: ReadonlyArray<{ region_code: string; norm_key: string; n: number }>; byRegion: ReadonlyArray<{ region_code: string; n: number }> }
  problems: { unresolved: number; escalated: number; overdue: number }
}

const sum = <T>(rows: readonly T[], pick: (row: T) => number) => rows.reduce((total, row) => total + pick(row), 0)

const monthEnd = (month: string) => {
  const [y, m] = month.split('-').map(Number) as [number, number]
  return new Date(Date.UTC(y, m, 0)).toISOString().slice(0, 10)
}

export function assembleDashboard(input: DashboardInput): Dashboard {
  const { cube, period, stages, region } = input
  // every drill-down keeps the dashboard's region
  const drill = (extra: Drill): Drill => ({ ...(region ? { region } : {}), ...extra })
  const ytd = { signedFrom: period.yearStart, signedTo: period.until }
  const shownDistricts = region ? input.districts.filter((d) => d.code === region) : input.districts
  const targets = input.targets.filter((t) => (region ? t.region_code === region : shownDistricts.some((d) => d.code === t.region_code)))
  const targetOf = (key: 'count_1' | 'count_10' | 'count_50' | 'count_100' | 'investment') => sum(targets, (t) => t[key])

  const classes = [
    { sizeClass: 1, count: sum(cube, (r) => r.signed_ytd_1), investment: sum(cube, (r) => r.inv_ytd_1), target: targetOf('count_1') },
    { sizeClass: 2, count: sum(cube, (r) => r.signed_ytd_10), investment: sum(cube, (r) => r.inv_ytd_10), target: targetOf('count_10') },
    { sizeClass: 3, count: sum(cube, (r) => r.signed_ytd_50), investment: sum(cube, (r) => r.inv_ytd_50), target: targetOf('count_50') },
    { sizeClass: 4, count: sum(cube, (r) => r.signed_ytd_100), investment: sum(cube, (r) => r.inv_ytd_100), target: targetOf('count_100') },
  ].map((c) => ({ ...c, completion: completion(c.count, c.target), drill: drill({ ...ytd, sizeClassMin: String(c.sizeClass) }) }))

  const base = classes[0]!.count
  const inEcosystem = sum(cube.filter((r) => r.ecosystem_code !== null), (r) => r.signed_ytd_1)
  const onPlatform = sum(cube, (r) => r.on_platform_ytd_1)
  const investmentYtd = sum(cube, (r) => r.inv_ytd_all)

  const stageOrder = new Map(stages.map((s, i) => [s.code, i]))
  const signedAt = stageOrder.get(SIGNED) ?? 0
  const startedAt = stageOrder.get(STARTED) ?? 0
  const signedAll = sum(cube.filter((r) => (stageOrder.get(r.stage) ?? -1) >= signedAt), (r) => r.n)
  const startedAll = sum(cube.filter((r) => (stageOrder.get(r.stage) ?? -1) >= startedAt), (r) => r.n)

  const cells = new Map<string, number>()
  for (const r of cube) cells.set(`${r.region_code}|${r.stage}`, (cells.get(`${r.region_code}|${r.stage}`) ?? 0) + r.n)

  const stuckByRegion = new Map(input.stuck.byRegion.map((r) => [r.region_code, r.n]))
  const byNorm = new Map<string, number>()
  for (const r of input.stuck.byNorm) byNorm.set(r.norm_key, (byNorm.get(r.norm_key) ?? 0) + r.n)
  const arrivals = new Map(input.arrivals.map((a) => [a.month, a.amount]))

  return {
    asOf: input.asOf,
    year: input.year,
    region,
    regionName: input.regionName,
    sizeClasses: classes,
    signedYtd: { value: sum(cube, (r) => r.signed_ytd_all), drill: drill(ytd) },
    investmentYtd: { value: investmentYtd, target: targetOf('investment'), completion: completion(investmentYtd, targetOf('investment')), drill: drill(ytd) },
    arrivedYtd: sum(input.arrivals, (a) => a.amount),
    ecosystemShare: { base, count: inEcosystem, share: completion(inEcosystem, base), drill: drill({ ...ytd, sizeClassMin: '1', inEcosystem: 'true' }) },
    platformShare: { base, count: onPlatform, share: completion(onPlatform, base), drill: drill({ ...ytd, sizeClassMin: '1', onPlatform: 'true' }) },
    byEcosystem: input.ecosystems.map((e) => {
      const rows = cube.filter((r) => r.ecosystem_code === e.code)
      return { code: e.code, nameZh: e.name_zh, nameEn: e.name_en, count: sum(rows, (r) => r.signed_ytd_1), investment: sum(rows, (r) => r.inv_ytd_1), drill: drill({ ...ytd, sizeClassMin: '1', ecosystem: e.code }) }
    }),
    funnel: stages.map((s) => {
      const rows = cube.filter((r) => r.stage === s.code)
      return { stage: s.code, nameZh: s.nameZh, nameEn: s.nameEn, count: sum(rows, (r) => r.n), investment: sum(rows, (r) => r.investment), drill: drill({ stages: s.code }) }
    }),
    matrix: {
      regions: shownDistricts.map((d) => ({ code: d.code, nameZh: d.name_zh })),
      cells: shownDistricts.flatMap((d) => stages.map((s) => ({ region: d.code, stage: s.code, count: cells.get(`${d.code}|${s.code}`) ?? 0, drill: { region: d.code, stages: s.code } }))),
    },
    startRate: { signed: signedAll, started: startedAll, rate: completion(startedAll, signedAll), drill: drill({ stageFrom: SIGNED }), startedDrill: drill({ stageFrom: STARTED }) },
    stuck: { count: sum(input.stuck.byRegion, (r) => r.n), drill: drill({ stuck: 'true' }), byNorm: [...byNorm].map(([normKey, count]) => ({ normKey, count })) },
    problems: { ...input.problems, drill: drill({ openProblems: 'true' }) },
    monthly: input.monthly.map((m) => ({
      month: m.month,
      signed: m.signed,
      started: m.started,
      arrived: arrivals.get(m.month) ?? 0,
      signedDrill: drill({ signedFrom: `${m.month}-01`, signedTo: monthEnd(m.month) }),
      startedDrill: drill({ startedFrom: `${m.month}-01`, startedTo: monthEnd(m.month) }),
    })),
    districts: shownDistricts.map((d) => {
      const rows = cube.filter((r) => r.region_code === d.code)
      const target1 = input.targets.find((t) => t.region_code === d.code)?.count_1 ?? 0
      const signed1 = sum(rows, (r) => r.signed_ytd_1)
      return {
        code: d.code,
        nameZh: d.name_zh,
        signed1,
        target1,
        completion: completion(signed1, target1),
        active: sum(rows, (r) => r.n),
        investment: sum(rows, (r) => r.investment),
        stuck: stuckByRegion.get(d.code) ?? 0,
        drill: { region: d.code },
      }
    }),
  }
}
