import { describe, expect, it } from 'vitest'
import { defaultStages, anchorDays, checkTransition, mayEditProject, missingFor, notYetStage, projectReadScope, sizeClassOf } from './projects.rules.js'

const full = {
  responsible: [{ name: '张三', role: '' }],
  chainCode: 'visual_intelligence',
  landMu: 50,
  energyTce: 1000,
  expectedOutput: 100_000,
  expectedTax: 5_000,
  fixedAssetInvestment: 80_000,
  expectedJobs: 300,
  segmentCode: 'visual_intelligence.camera',
  enterpriseId: '00000000-0000-4000-8000-000000000001',
  platformCode: 'binjiang_hi_tech',
}
const allItems = new Set(defaultStages.flatMap((s) => s.checklist.map((c) => c.key)))

describe('size classes', () => {
  it.each([
    [0, 0],
    [9_999.99, 0],
    [10_000, 1],
    [99_999, 1],
    [100_000, 2],
    [499_999, 2],
    [500_000, 3],
    [1_000_000, 4],
    [5_000_000, 4],
  ])('%d 万元 → class %d', (amount, size) => expect(sizeClassOf(amount)).toBe(size))
})

describe('transitions', () => {
  it('has the twelve reference stages in order', () => {
    expect(defaultStages.map((s) => s.nameZh).join('')).toBe('线索接洽洽谈研判决策签约注册供地开工竣工投产达产')
  })

  it('lets a complete project move one stage on', () => {
    expect(checkTransition(defaultStages, 'lead', 'contact', full, allItems, undefined)).toEqual({ ok: true, direction: 'forward' })
  })

  it('refuses 开工 without the five permits and names each', () => {
    const done = new Set([...allItems].filter((k) => !['eia', 'construction_permit'].includes(k)))
    const check = checkTransition(defaultStages, 'land', 'started', full, done, undefined)
    expect(check).toMatchObject({ ok: false, reason: 'missing' })
    if (check.ok || check.reason !== 'missing') throw new Error('expected missing')
    expect(check.missing.map((m) => m.nameZh)).toEqual(['环评', '施工许可'])
    expect(check.missing.every((m) => m.stage === 'started' && m.kind === 'checklist')).toBe(true)
  })

  it('refuses a jump forward that would skip a stage’s requirements', () => {
    const check = checkTransition(defaultStages, 'lead', 'signed', { ...full, landMu: null, responsible: [] }, allItems, undefined)
    if (check.ok || check.reason !== 'missing') throw new Error('expected missing')
    expect(check.missing.map((m) => `${m.stage}.${m.key}`)).toEqual(['contact.responsible', 'evaluation.landMu'])
  })

  it('treats blank strings and empty lists as missing, zero as filled', () => {
    const missing = missingFor(defaultStages, 'decision', 'signed', { fixedAssetInvestment: 0, expectedJobs: 0, segmentCode: '  ' }, new Set(['contract']))
    expect(missing.map((m) => m.key)).toEqual(['segmentCode'])
  })

  it('needs a reason to move back, and then ignores requirements', () => {
    expect(checkTransition(defaultStages, 'signed', 'negotiation', {}, new Set(), undefined)).toEqual({ ok: false, reason: 'reason_required' })
    expect(checkTransition(defaultStages, 'signed', 'negotiation', {}, new Set(), ' ')).toEqual({ ok: false, reason: 'reason_required' })
    expect(checkTransition(defaultStages, 'signed', 'negotiation', {}, new Set(), '投资方暂缓')).toEqual({ ok: true, direction: 'back' })
  })

  it('refuses unknown and same stages', () => {
    expect(checkTransition(defaultStages, 'lead', 'nowhere', full, allItems, undefined)).toEqual({ ok: false, reason: 'unknown_stage' })
    expect(checkTransition(defaultStages, 'lead', 'lead', full, allItems, undefined)).toEqual({ ok: false, reason: 'same_stage' })
  })

  it('keeps the first signing and start days, and clears them below the anchor', () => {
    expect(anchorDays(defaultStages, 'signed', '2026-03-01', { signedOn: null, startedOn: null })).toEqual({ signedOn: '2026-03-01', startedOn: null })
    expect(anchorDays(defaultStages, 'started', '2026-09-01', { signedOn: '2026-03-01', startedOn: null })).toEqual({ signedOn: '2026-03-01', startedOn: '2026-09-01' })
    expect(anchorDays(defaultStages, 'land', '2026-10-01', { signedOn: '2026-03-01', startedOn: '2026-09-01' })).toEqual({ signedOn: '2026-03-01', startedOn: null })
    expect(anchorDays(defaultStages, 'decision', '2026-10-01', { signedOn: '2026-03-01', startedOn: null })).toEqual({ signedOn: null, startedOn: null })
  })
})

describe('the six not-yets', () => {
  it('lists the stage just before the named one', () => {
    expect(notYetStage(defaultStages, 'registered')).toBe('signed')
    expect(notYetStage(defaultStages, 'started')).toBe('land')
    expect(notYetStage(defaultStages, 'full_production')).toBe('production')
    expect(notYetStage(defaultStages.filter((s) => s.code !== 'land' && s.code !== 'lead'), 'land')).toBeNull()
  })
})

describe('scope', () => {
  it('gives city roles and city leaders everything, others their district', () => {
    expect(projectReadScope('city_staff', 'city', null)).toBe('all')
    expect(projectReadScope('leader', 'city', null)).toBe('all')
    expect(projectReadScope('leader', 'district', '330108')).toEqual({ district: '330108' })
    expect(projectReadScope('district_staff', 'district', '330108')).toEqual({ district: '330108' })
    expect(projectReadScope('department_reviewer', 'department', null)).toEqual({ district: null })
  })
  it('lets only city staff and the own district edit', () => {
    expect(mayEditProject('city_admin', null, '330108')).toBe(true)
    expect(mayEditProject('district_staff', '330108', '330108')).toBe(true)
    expect(mayEditProject('district_staff', '330106', '330108')).toBe(false)
    expect(mayEditProject('leader', '330108', '330108')).toBe(false)
    expect(mayEditProject('platform_staff', '330108', '330108')).toBe(false)
  })
})
