import { describe, expect, it } from 'vitest'
import type { Conflict } from '../../../../common/src/api/registry.js'
import {
  addMonths,
  daysLeft,
  defaultRegistrySettings,
  groupKeyOf,
  mustReport,
  needsExpiryWarning,
  projectConflict,
  rankFits,
  registryReader,
  rightStatusAt,
  standingOf,
} from './registry.rules.js'

const d = (s: string) => new Date(s)

describe('which leads must be reported (首报)', () => {
  const s = defaultRegistrySettings
  it('at 1亿 planned investment, 1000万 USD foreign capital, or a key chain', () => {
    expect(mustReport({ plannedInvestment: 10_000, plannedInvestmentUsd: null, chainCode: null }, s)).toEqual({ required: true, reasons: ['planned_investment'] })
    expect(mustReport({ plannedInvestment: 9_999, plannedInvestmentUsd: 999, chainCode: 'ic' }, s)).toEqual({ required: false, reasons: [] })
    expect(mustReport({ plannedInvestment: null, plannedInvestmentUsd: 1_000, chainCode: null }, s).reasons).toEqual(['foreign_capital'])
    const keyed = { ...s, reportThresholds: { ...s.reportThresholds, keyChains: ['ic'] } }
    expect(mustReport({ plannedInvestment: 50_000, plannedInvestmentUsd: 2_000, chainCode: 'ic' }, keyed).reasons).toEqual(['planned_investment', 'foreign_capital', 'key_chain'])
  })
})

describe('right dates', () => {
  it('adds calendar months, clamping to the month end', () => {
    expect(addMonths(d('2026-06-01T08:00:00Z'), 6).toISOString()).toBe('2026-12-01T08:00:00.000Z')
    expect(addMonths(d('2026-08-31T00:00:00Z'), 6).toISOString()).toBe('2027-02-28T00:00:00.000Z')
    expect(addMonths(d('2027-08-31T00:00:00Z'), 6).toISOString()).toBe('2028-02-29T00:00:00.000Z')
  })
  it('an active right past its expiry reads as expired; ended rights keep their status', () => {
    const right = { status: 'active' as const, expiresAt: d('2026-12-01T00:00:00Z') }
    expect(rightStatusAt(right, d('2026-11-30T23:59:59Z'))).toBe('active')
    expect(rightStatusAt(right, d('2026-12-01T00:00:00Z'))).toBe('expired')
    expect(rightStatusAt({ ...right, status: 'released' }, d('2026-01-01T00:00:00Z'))).toBe('released')
    expect(daysLeft(right, d('2026-11-29T12:00:00Z'))).toBe(2)
    expect(daysLeft(right, d('2026-12-02T00:00:00Z'))).toBeNull()
  })
  it('warns once inside the window', () => {
    const right = { status: 'active' as const, expiresAt: d('2026-12-15T00:00:00Z'), warnedAt: null }
    expect(needsExpiryWarning(right, d('2026-11-30T00:00:00Z'), 14)).toBe(false)
    expect(needsExpiryWarning(right, d('2026-12-01T00:00:00Z'), 14)).toBe(true)
    expect(needsExpiryWarning({ ...right, warnedAt: d('2026-12-01T00:00:00Z') }, d('2026-12-02T00:00:00Z'), 14)).toBe(false)
  })
})

describe('groups and standing', () => {
  it('the group is the root firm, or its actual controller', () => {
    expect(groupKeyOf({ id: 'r1', actualController: null })).toBe('enterprise:r1')
    expect(groupKeyOf({ id: 'r1', actualController: ' 王某 ' })).toBe('controller:王某')
  })
  it('holder / held elsewhere / none, ignoring expired rights', () => {
    const now = d('2026-06-01T00:00:00Z')
    const rights = [{ regionCode: '330108', status: 'active' as const, expiresAt: d('2026-12-01T00:00:00Z') }]
    expect(standingOf(rights, '330108', now)).toBe('holder')
    expect(standingOf(rights, '330106', now)).toBe('held_elsewhere')
    expect(standingOf(rights, null, now)).toBe('held_elsewhere')
    expect(standingOf(rights, '330106', d('2027-01-01T00:00:00Z'))).toBe('none')
    expect(standingOf([], '330106', now)).toBe('none')
  })
})

describe('visibility projection', () => {
  const conflict: Conflict = {
    kind: 'right',
    reason: 'similar_trade_name',
    regionCode: '330108',
    regionName: '滨江区',
    expiresAt: '2026-12-01T00:00:00.000Z',
    id: 'r1',
    enterpriseId: 'e1',
    enterpriseName: '海康威视数字技术股份有限公司',
    similarity: 0.7,
  }
  it('another district sees only the holder and the expiry', () => {
    const seen = projectConflict(conflict, registryReader('district_staff', 'district', '330106'))
    expect(seen).toEqual({ ...conflict, id: null, enterpriseId: null, enterpriseName: null, similarity: null })
  })
  it('the holder district and the city see it in full', () => {
    expect(projectConflict(conflict, registryReader('district_staff', 'district', '330108'))).toEqual(conflict)
    expect(projectConflict(conflict, registryReader('city_staff', 'city', null))).toEqual(conflict)
    expect(projectConflict(conflict, registryReader('leader', 'city', null))).toEqual(conflict)
    expect(projectConflict(conflict, registryReader('department_reviewer', 'department', null)).enterpriseName).toBeNull()
  })
})

describe('layout-guide fit', () => {
  const input = {
    regions: [
      { code: '330106', name: '西湖区', mountainCounty: false },
      { code: '330108', name: '滨江区', mountainCounty: false },
      { code: '330127', name: '淳安县', mountainCounty: true },
      { code: '330182', name: '建德市', mountainCounty: true },
    ],
    guide: [
      { districtCode: '330108', platformCode: '', role: 'core' as const },
      { districtCode: '330182', platformCode: 'jiande_edz', role: 'cooperating' as const },
    ],
    platforms: [{ code: 'jiande_edz', name: '建德经开区', districtCode: '330182', chainCodes: ['ev'] }],
    chainCode: 'ev',
    plannedInvestment: 200_000,
    wishedRegion: '330106',
    reportingRegion: '330108',
  }
  it('reporting district first, then mountain counties that host the chain for a major project, the wished district, the rest', () => {
    const fits = rankFits(input)
    expect(fits.map((f) => f.regionCode)).toEqual(['330108', '330182', '330106', '330127'])
    expect(fits[0]).toMatchObject({ guideRole: 'core', preferred: false })
    expect(fits[1]).toMatchObject({ guideRole: 'cooperating', preferred: true, platforms: [{ code: 'jiande_edz', name: '建德经开区' }] })
    expect(fits[2]).toMatchObject({ wished: true, guideRole: 'none' })
    expect(fits[3]).toMatchObject({ mountainCounty: true, preferred: false })
  })
  it('a small project is not steered to the mountain counties', () => {
    expect(rankFits({ ...input, plannedInvestment: 5_000 }).some((f) => f.preferred)).toBe(false)
  })
})
