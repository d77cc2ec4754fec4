import { describe, expect, it } from 'vitest'
import { defaultStages } from '../modules/projects/index.js'
import { chains, departments, hangzhouDistricts, loadRegions, platforms } from '../modules/reference/data/index.js'
import { generateProjects, generateTargets, PROJECT_DISTRICT_WEIGHTS, projectSizes, type GenerateProjectsOptions } from './projects.js'

const options: GenerateProjectsOptions = {
  tenantId: '330100',
  size: 'demo',
  seed: 42,
  asOf: '2026-11-23',
  now: new Date('2026-11-23T02:00:00Z'),
  stages: defaultStages,
  chains,
  platforms,
  districts: hangzhouDistricts(loadRegions()).map((d) => ({ code: d.code, weight: PROJECT_DISTRICT_WEIGHTS[d.code] ?? 1 })),
  departments: departments.map((d) => d.code),
}

describe('project generator', () => {
  const chunks = [...generateProjects(options)]
  const projects = chunks.flatMap((c) => c.projects)
  const events = chunks.flatMap((c) => c.events)

  it('makes the size’s projects and about twenty data points each', () => {
    expect(projects).toHaveLength(projectSizes.demo.projects)
    expect(Math.abs(events.length / projectSizes.demo.events - 1)).toBeLessThan(0.05)
  })

  it('is deterministic for a seed and as-of day', () => {
    const again = [...generateProjects(options)].flatMap((c) => c.projects)
    expect(again.map((p) => `${p.id}:${p.stage}:${p.totalInvestment}`)).toEqual(projects.map((p) => `${p.id}:${p.stage}:${p.totalInvestment}`))
  })

  it('keeps the anchor days consistent with the stage, and no day after the as-of day', () => {
    const at = (code: string) => defaultStages.findIndex((s) => s.code === code)
    for (const p of projects) {
      const i = at(p.stage)
      expect(i).toBeGreaterThanOrEqual(0)
      expect(p.signedOn !== null).toBe(i >= at('signed'))
      expect(p.startedOn !== null).toBe(i >= at('started'))
      expect(p.stageEnteredOn <= options.asOf).toBe(true)
    }
    expect(events.every((e) => e.occurredOn <= options.asOf)).toBe(true)
  })

  it('spreads projects over every stage, with fewer the further on', () => {
    const count = (code: string) => projects.filter((p) => p.stage === code).length
    for (const s of defaultStages) expect(count(s.code)).toBeGreaterThan(0)
    expect(count('lead')).toBeGreaterThan(count('full_production'))
  })

  it('sets a target for every district', () => {
    const targets = generateTargets(options)
    expect(targets).toHaveLength(13)
    expect(targets.every((t) => t.count1! >= 1 && t.year === 2026)).toBe(true)
  })
})
