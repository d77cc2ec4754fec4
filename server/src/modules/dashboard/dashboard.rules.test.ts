import { describe, expect, it } from 'vitest'
import { defaultStages } from '../projects/index.js'
import type { CubeRow, MonthCellRow } from './dashboard.repository.js'
import { assembleDashboard, completion, cubeFromCells, monthlyFromCells, type DashboardInput } from './dashboard.rules.js'

const row = (region: string, stage: string, ecosystem: string | null, n: number, signedYtd1 = 0): CubeRow => ({
  region_code: region,
  stage,
  ecosystem_code: ecosystem,
  n,
  investment: n * 20_000,
  signed_ytd_1: signedYtd1,
  signed_ytd_10: 0,
  signed_ytd_50: 0,
  signed_ytd_100: 0,
  inv_ytd_1: signedYtd1 * 20_000,
  inv_ytd_10: 0,
  inv_ytd_50: 0,
  inv_ytd_100: 0,
  signed_ytd_all: signedYtd1,
  inv_ytd_all: signedYtd1 * 20_000,
  on_platform_ytd_1: 0,
  signed_all: 0,
  started_all: 0,
})

const input = (region: string | null): DashboardInput => ({
  asOf: '2026-06-15',
  year: 2026,
  region,
  regionName: region ?? '全市',
  period: { yearStart: '2026-01-01', until: '2026-06-15' },
  stages: defaultStages,
  districts: [
    { code: '330106', name_zh: '西湖区' },
    { code: '330108', name_zh: '滨江区' },
  ],
  ecosystems: [{ code: 'smart_iot', name_zh: '智能物联', name_en: 'Smart IoT' }],
  cube: [row('330108', 'signed', 'smart_iot', 3, 3), row('330108', 'started', null, 2, 1), row('330106', 'lead', null, 5)],
  targets: [{ region_code: '330108', count_1: 8, count_10: 0, count_50: 0, count_100: 0, investment: 0 }],
  monthly: [{ month: '2026-05', signed: 2, started: 1 }],
  arrivals: [{ month: '2026-05', amount: 1_500 }],
  stuck: { byNorm: [{ region_code: '330108', norm_key: 'signed_to_started', n: 1 }], byRegion: [{ region_code: '330108', n: 1 }] },
  problems: { unresolved: 2, escalated: 1, overdue: 1 },
})

describe('dashboard assembly', () => {
  it('has no completion without a target', () => {
    expect(completion(3, 0)).toBeNull()
    expect(completion(3, 4)).toBe(0.75)
  })

  it('adds up the cube and compares with the targets', () => {
    const d = assembleDashboard(input(null))
    expect(d.sizeClasses[0]).toMatchObject({ count: 4, target: 8, completion: 0.5 })
    expect(d.ecosystemShare).toMatchObject({ base: 4, count: 3, share: 0.75 })
    expect(d.startRate).toMatchObject({ signed: 5, started: 2, rate: 0.4 })
    expect(d.funnel.find((f) => f.stage === 'lead')!.count).toBe(5)
    expect(d.monthly[0]).toMatchObject({ month: '2026-05', arrived: 1_500, signedDrill: { signedFrom: '2026-05-01', signedTo: '2026-05-31' } })
    expect(d.districts.map((x) => [x.code, x.signed1, x.completion])).toEqual([
      ['330106', 0, null],
      ['330108', 4, 0.5],
    ])
  })

  it('keeps the region in every drill-down of a district dashboard and shows only that district', () => {
    const d = assembleDashboard(input('330108'))
    expect(d.sizeClasses[0]!.drill).toEqual({ region: '330108', signedFrom: '2026-01-01', signedTo: '2026-06-15', sizeClassMin: '1' })
    expect(d.stuck.drill).toEqual({ region: '330108', stuck: 'true' })
    expect(d.matrix.regions.map((r) => r.code)).toEqual(['330108'])
  })
})

describe('the dashboard from its cells', () => {
  const cell = (over: Partial<MonthCellRow>): MonthCellRow => ({
    grouping: 'month', measure: 'signed', month: '2026-03', region_code: null, ecosystem_code: null, size_class: null, on_platform: null, n: 1, amount: 120_000, ...over,
  })
  const total = (over: Partial<MonthCellRow>): MonthCellRow =>
    cell({ grouping: 'total', month: null, region_code: '330108', ecosystem_code: 'smart_iot', size_class: 2, on_platform: true, ...over })
  it('lists every month up to the last day counted, with signings, starts and arrivals', () => {
    const { monthly, arrivals } = monthlyFromCells(
      [cell({}), cell({ measure: 'started', month: '2026-04', n: 2 }), cell({ measure: 'arrival', month: '2026-03', n: 3, amount: 700 }), cell({ month: '2026-03', n: 2 }), total({ n: 9 })],
      { yearStart: '2026-01-01', until: '2026-04-15' },
    )
    expect(monthly).toEqual([
      { month: '2026-01', signed: 0, started: 0 },
      { month: '2026-02', signed: 0, started: 0 },
      { month: '2026-03', signed: 3, started: 0 },
      { month: '2026-04', signed: 0, started: 2 },
    ])
    expect(arrivals).toEqual([{ month: '2026-03', amount: 700 }])
  })
  it('counts a signing in every size class up to its own, and keeps year-to-date rows out of the funnel', () => {
    const cube = cubeFromCells(
      [{ region_code: '330108', stage: 'signed', ecosystem_code: null, n: 4, investment: 9 }],
      [total({ size_class: 2, n: 2, amount: 300_000 }), total({ size_class: 0, on_platform: false, n: 5, amount: 50 }), total({ measure: 'started', n: 7 }), cell({ n: 11 })],
    )
    const sum = (key: keyof CubeRow) => cube.reduce((s, r) => s + (r[key] as number), 0)
    expect([sum('signed_ytd_1'), sum('signed_ytd_10'), sum('signed_ytd_50'), sum('signed_ytd_all')]).toEqual([2, 2, 0, 7])
    expect([sum('inv_ytd_1'), sum('inv_ytd_all'), sum('on_platform_ytd_1')]).toEqual([300_000, 300_050, 2])
    expect(sum('n')).toBe(4)
    expect(cube.filter((r) => r.stage === 'signed')).toHaveLength(1)
  })
})
