// The project part of the dataset: projects moving through the twelve stages, with their dated
// events (stage entries, checklist ticks, 到资, field changes), checklist rows, a few problems per
// district and the districts' annual targets. Everything derives from (seed, size, as-of day): the
// same triple gives the same rows. Dates run back from the as-of day (the load's "now"), so that
// the demo's year-to-date figures are live whatever day it is loaded.
import type { Chain, Platform } from '../../../common/src/reference.js'
import type { StageDef } from '../../../common/src/api/projects.js'
import { getTableColumns, getTableName } from 'drizzle-orm'
import type { PgTable } from 'drizzle-orm/pg-core'
import type { Database } from '../db/client.js'
import { defaultStages, projectChecklist, projectEvents, projects, projectTargets } from '../modules/projects/index.js'
import { chains, departments, hangzhouDistricts, loadRegions, platforms } from '../modules/reference/data/index.js'
import { projectProblems, runStuckProjectJob } from '../modules/supervision/index.js'
import { Random } from './random.js'

export const projectSizes = {
  tiny: { projects: 120, events: 2_400 },
  demo: { projects: 2_000, events: 40_000 },
  city: { projects: 20_000, events: 400_000 },
  province: { projects: 200_000, events: 4_000_000 },
} as const
export type ProjectDatasetSize = keyof typeof projectSizes

type ProjectRow = typeof projects.$inferInsert
type EventRow = typeof projectEvents.$inferInsert
type ChecklistRow = typeof projectChecklist.$inferInsert
type ProblemRow = typeof projectProblems.$inferInsert
type TargetRow = typeof projectTargets.$inferInsert

export interface ProjectChunk {
  projects: ProjectRow[]
  events: EventRow[]
  checklist: ChecklistRow[]
  problems: ProblemRow[]
}

export interface GenerateProjectsOptions {
  tenantId: string
  size: ProjectDatasetSize
  seed: number | string
  /** the day the data runs up to (YYYY-MM-DD) */
  asOf: string
  now: Date
  stages: readonly StageDef[]
  chains: readonly Chain[]
  platforms: readonly Platform[]
  /** district codes with a weight each */
  districts: ReadonlyArray<{ code: string; weight: number }>
  departments: readonly string[]
  chunkSize?: number
}

// Where projects land: the districts that carry the chains take the most (as with the firms).
export const PROJECT_DISTRICT_WEIGHTS: Record<string, number> = {
  '330108': 12, '330110': 14, '330109': 13, '330114': 12, '330106': 9, '330102': 6, '330105': 6,
  '330113': 8, '330111': 7, '330112': 4, '330122': 3, '330182': 3, '330127': 2,
}

const TYPES = ['manufacturing', 'service', 'headquarters', 'rnd', 'fund'] as const
const TYPE_WEIGHTS = [45, 20, 10, 15, 10]
/** where a project's history stops, by stage (a funnel: many leads, fewer at full output) */
const FINAL_STAGE_WEIGHTS = [14, 12, 11, 8, 6, 9, 7, 6, 9, 6, 7, 5]
/** median days spent in each stage before the next */
const STAGE_DAYS = [20, 30, 45, 40, 30, 25, 40, 60, 400, 120, 250, 0]
const FIELDS = ['totalInvestment', 'fixedAssetInvestment', 'landMu', 'expectedOutput', 'expectedTax', 'expectedJobs', 'responsible'] as const
const NAME_PARTS = ['智能制造基地', '研发中心', '总部', '产业园', '扩产', '新材料生产线', '数字工厂', '创新中心', '生物医药产业化', '新能源装备']

const DAY_MS = 86_400_000
const dayOf = (ms: number) => new Date(ms).toISOString().slice(0, 10)
const round = (x: number, digits = 0) => Math.round(x * 10 ** digits) / 10 ** digits

function sizeClassOf(total: number) {
  return (total >= 10_000 ? 1 : 0) + (total >= 100_000 ? 1 : 0) + (total >= 500_000 ? 1 : 0) + (total >= 1_000_000 ? 1 : 0)
}

/** The projects, chunk by chunk, with their events and checklist rows. */
export function* generateProjects(options: GenerateProjectsOptions): Generator<ProjectChunk> {
  const { tenantId, stages } = options
  const n = projectSizes[options.size].projects
  const eventsPerProject = projectSizes[options.size].events / n
  const chunkSize = options.chunkSize ?? 5_000
  const random = new Random(`${options.seed}/projects/${options.size}`)
  const asOfMs = Date.parse(`${options.asOf}T00:00:00Z`)
  const districtCodes = options.districts.map((d) => d.code)
  const districtWeights = options.districts.map((d) => d.weight)
  const platformsOf = new Map<string, Platform[]>()
  for (const p of options.platforms) platformsOf.set(p.districtCode, [...(platformsOf.get(p.districtCode) ?? []), p])
  const stageCount = Math.min(stages.length, FINAL_STAGE_WEIGHTS.length)
  const signedAt = stages.findIndex((s) => s.code === 'signed')
  const startedAt = stages.findIndex((s) => s.code === 'started')
  const ecosystemOf = new Map(options.chains.map((c) => [c.code, c.ecosystem]))

  let chunk: ProjectChunk = { projects: [], events: [], checklist: [], problems: [] }
  let emitted = 0
  for (let i = 0; i < n; i++) {
    const r = random
    const id = r.uuid()
    const region = r.weighted(districtCodes, districtWeights)
    const type = r.weighted(TYPES, TYPE_WEIGHTS)
    const total = round(Math.min(3_000_000, Math.max(500, r.logNormal(Math.log(type === 'fund' ? 50_000 : 25_000), 1.35))))
    const chain = r.chance(0.82) ? r.pick(options.chains) : null
    const segment = chain && chain.segments.length > 0 ? r.pick(chain.segments).code : null
    const hostPlatforms = platformsOf.get(region) ?? []
    const platform = hostPlatforms.length > 0 && r.chance(0.78) ? r.pick(hostPlatforms).code : null
    const finalTarget = r.weighted(Array.from({ length: stageCount }, (_, k) => k), FINAL_STAGE_WEIGHTS.slice(0, stageCount))

    // walk back from the as-of day: most projects entered their current stage within its usual time (in progress);
    // about one in seven has been sitting there far longer (the stuck ones the supervision finds)
    const sitting = STAGE_DAYS[finalTarget] || 120
    let day = asOfMs - Math.round(r.float() * sitting * 0.8) * DAY_MS - (r.chance(0.14) ? r.int(150, 600) * DAY_MS : 0)
    const backwards: Array<{ stage: number; day: number }> = [{ stage: finalTarget, day }]
    for (let s = finalTarget; s >= 1; s--) {
      day -= Math.max(1, Math.round(r.logNormal(Math.log(STAGE_DAYS[s - 1]! || 30), 0.5))) * DAY_MS
      backwards.push({ stage: s - 1, day })
    }
    const entered = backwards.reverse()
    const reached = entered[entered.length - 1]!
    const signedOn = signedAt >= 0 && reached.stage >= signedAt ? dayOf(entered[signedAt]!.day) : null
    const startedOn = startedAt >= 0 && reached.stage >= startedAt ? dayOf(entered[startedAt]!.day) : null
    const createdAt = new Date(entered[0]!.day + 9 * 3600_000)
    const actor = `gen.${region}`
    const events: EventRow[] = []
    const ev = (e: Omit<EventRow, 'tenantId' | 'id' | 'projectId' | 'actorName'>) => events.push({ tenantId, id: r.uuid(), projectId: id, actorName: actor, ...e })

    ev({ kind: 'created', occurredOn: dayOf(entered[0]!.day), at: createdAt, after: { totalInvestment: total } })
    let prev: string | null = null
    for (const e of entered) {
      const code = stages[e.stage]!.code
      ev({ kind: 'stage', occurredOn: dayOf(e.day), at: new Date(e.day + 10 * 3600_000), fromStage: prev, toStage: code })
      prev = code
    }
    // checklist ticks: every item of every stage reached, done a few days before the stage
    const checklist: ChecklistRow[] = []
    for (const e of entered) {
      for (const item of stages[e.stage]!.checklist) {
        const doneMs = e.day - r.int(1, 20) * DAY_MS
        checklist.push({ tenantId, projectId: id, itemKey: item.key, done: true, doneOn: dayOf(doneMs), note: null, updatedBy: actor, updatedAt: new Date(doneMs) })
        ev({ kind: 'checklist', occurredOn: dayOf(doneMs), at: new Date(doneMs + 11 * 3600_000), field: item.key, before: false, after: true })
      }
    }
    // 到资 in instalments after signing
    let arrived = 0
    if (signedOn) {
      const signedMs = Date.parse(`${signedOn}T00:00:00Z`)
      const share = Math.min(1, (reached.stage - signedAt + 1) / (stageCount - signedAt)) * r.float()
      const instalments = Math.max(1, Math.round((asOfMs - signedMs) / (45 * DAY_MS)))
      const capped = Math.min(instalments, Math.max(1, Math.round(eventsPerProject / 3)))
      for (let k = 0; k < capped; k++) {
        const atMs = signedMs + Math.round(((k + 1) / (capped + 1)) * (asOfMs - signedMs))
        const amount = round((total * share) / capped, 1)
        if (amount <= 0) continue
        arrived = round(arrived + amount, 1)
        ev({ kind: 'arrival', occurredOn: dayOf(atMs), at: new Date(atMs + 14 * 3600_000), amount, before: round(arrived - amount, 1), after: arrived })
      }
    }
    // field changes fill the rest of the data points: the running total follows size × events per project
    const budget = Math.max(0, Math.round((i + 1) * eventsPerProject + r.normal() * 2) - emitted - events.length)
    const span = Math.max(1, asOfMs - entered[0]!.day)
    for (let k = 0; k < budget; k++) {
      const atMs = entered[0]!.day + Math.floor(r.float() * span)
      const field = r.pick(FIELDS)
      ev({ kind: 'field', occurredOn: dayOf(atMs), at: new Date(atMs + 15 * 3600_000), field, before: null, after: field === 'responsible' ? [{ name: '项目专员', role: '' }] : round(total * r.float(), 1) })
    }

    const reachedCode = stages[reached.stage]!.code
    const fields = reached.stage >= 2
    chunk.projects.push({
      tenantId,
      id,
      name: `${r.pick(NAME_PARTS)}项目（${String(i + 1).padStart(6, '0')}）`,
      enterpriseId: null,
      investorName: `演示投资方${String((i * 7919) % 99991).padStart(5, '0')}有限公司`,
      groupKey: null,
      type,
      totalInvestment: total,
      fixedAssetInvestment: type === 'manufacturing' ? round(total * (0.6 + 0.3 * r.float())) : null,
      foreignCapitalUsd: r.chance(0.08) ? round(total * 0.14 * r.float()) : null,
      landMu: fields && type === 'manufacturing' ? round(total / 300 + r.float() * 20, 1) : null,
      energyTce: fields ? round(total / 20) : null,
      expectedOutput: fields ? round(total * (1 + r.float())) : null,
      expectedTax: fields ? round(total * 0.06 * (0.5 + r.float())) : null,
      expectedJobs: fields ? Math.round(total / 200) + 10 : null,
      chainCode: chain?.code ?? null,
      segmentCode: segment,
      ecosystemCode: chain ? (ecosystemOf.get(chain.code) ?? null) : null,
      regionCode: region,
      platformCode: platform,
      sizeClass: sizeClassOf(total),
      firstTalkStatus: 'none',
      violatesFirstTalk: false,
      responsible: [{ name: `招商专员${(i % 97) + 1}`, role: '项目专员' }],
      stage: reachedCode,
      stageEnteredOn: dayOf(reached.day),
      signedOn,
      startedOn,
      arrivedInvestment: arrived,
      leadId: null,
      version: 1 + events.length - 1,
      createdAt,
      createdBy: actor,
      updatedAt: new Date(reached.day + 10 * 3600_000),
    })
    chunk.events.push(...events)
    emitted += events.length
    chunk.checklist.push(...checklist)
    // a problem on about one signed project in fifty; a third of them past their deadline
    if (signedOn && r.chance(0.02)) {
      const raisedMs = asOfMs - r.int(5, 120) * DAY_MS
      const resolved = r.chance(0.4)
      const escalated = !resolved && r.chance(0.3)
      chunk.problems.push({
        tenantId,
        id: r.uuid(),
        projectId: id,
        regionCode: region,
        title: r.pick(['用地指标未落实', '能耗指标待协调', '施工许可办理慢', '配套道路未建成', '环评审批待批复', '电力接入滞后']),
        description: null,
        departmentCode: r.pick(options.departments),
        deadline: dayOf(raisedMs + r.int(15, 150) * DAY_MS),
        status: resolved ? 'resolved' : escalated ? 'escalated' : 'open',
        escalatedOn: escalated ? dayOf(raisedMs + 10 * DAY_MS) : null,
        meeting: escalated ? '市级项目协调会' : null,
        resolution: resolved ? '已协调解决' : null,
        resolvedOn: resolved ? dayOf(Math.min(asOfMs, raisedMs + 20 * DAY_MS)) : null,
        raisedBy: actor,
        version: 1,
        createdAt: new Date(raisedMs),
        updatedAt: new Date(raisedMs),
      })
    }
    if (chunk.projects.length >= chunkSize) {
      yield chunk
      chunk = { projects: [], events: [], checklist: [], problems: [] }
    }
  }
  if (chunk.projects.length > 0) yield chunk
}

/** Annual targets of the as-of year per district: a bit above what the district signs in a year. */
export function generateTargets(options: Pick<GenerateProjectsOptions, 'tenantId' | 'size' | 'asOf' | 'districts' | 'now'>): TargetRow[] {
  const n = projectSizes[options.size].projects
  const totalWeight = options.districts.reduce((s, d) => s + d.weight, 0)
  const year = Number(options.asOf.slice(0, 4))
  // about 49% of projects reach 签约 over ~3 years; of those ≈ 55% ≥1亿, 12% ≥10亿, 1.5% ≥50亿, 0.5% ≥100亿
  const perYear = (n * 0.49) / 3
  return options.districts.map((d) => {
    const share = (perYear * d.weight) / totalWeight
    return {
      tenantId: options.tenantId,
      year,
      regionCode: d.code,
      count1: Math.max(1, Math.round(share * 0.55 * 1.25)),
      count10: Math.max(1, Math.round(share * 0.12 * 1.25)),
      count50: Math.round(share * 0.015 * 1.25),
      count100: Math.round(share * 0.005 * 1.25),
      investment: Math.round(share * 60_000 * 1.25),
      version: 1,
      updatedAt: options.now,
      updatedBy: 'generator',
    }
  })
}

// ---- loading

/** COPYs rows of one table; columns no row sets get their database defaults, the others NULL where a row leaves them out. */
async function copyTable<T extends PgTable>(database: Database, table: T, rows: Array<T['$inferInsert']>) {
  if (rows.length === 0) return
  const columns = Object.entries(getTableColumns(table))
    .map(([key, column]) => [key, column.name, column.columnType === 'PgJsonb'] as const)
    // a column any row sets (rows of one table differ: a stage event has no amount, an arrival no stage)
    .filter(([key]) => rows.some((row) => (row as Record<string, unknown>)[key] !== undefined))
  // COPY writes a JS array as a PostgreSQL array literal: JSON values go as JSON text
  const cell = (value: unknown, json: boolean) => (json && value !== null && value !== undefined ? JSON.stringify(value) : value)
  await database.copyRows(
    getTableName(table),
    columns.map(([, name]) => name),
    rows.map((row) => columns.map(([key, , json]) => cell((row as Record<string, unknown>)[key], json))),
  )
}

export interface LoadProjectsResult {
  projects: number
  projectEvents: number
  problems: number
  stuckProjects: number
}

/**
 * Generates and loads the projects of a tenant whose reference data is seeded, then runs the
 * stuck-project job once so the dashboard's stuck figures are there from the start.
 */
export async function loadProjects(database: Database, options: { tenantId: string; size: ProjectDatasetSize; seed: number | string; now: Date }): Promise<LoadProjectsResult> {
  const asOf = new Date(options.now.getTime() + 8 * 3600_000).toISOString().slice(0, 10)
  const districts = hangzhouDistricts(loadRegions()).map((d) => ({ code: d.code, weight: PROJECT_DISTRICT_WEIGHTS[d.code] ?? 1 }))
  const generatorOptions: GenerateProjectsOptions = {
    tenantId: options.tenantId,
    size: options.size,
    seed: options.seed,
    asOf,
    now: options.now,
    stages: defaultStages,
    chains,
    platforms,
    districts,
    departments: departments.map((d) => d.code),
  }
  const counts = { projects: 0, projectEvents: 0, problems: 0 }
  for (const chunk of generateProjects(generatorOptions)) {
    // events and checklist rows do not reference the project rows (no foreign keys): three COPYs at once
    await Promise.all([
      copyTable(database, projects, chunk.projects),
      copyTable(database, projectEvents, chunk.events),
      copyTable(database, projectChecklist, chunk.checklist),
      copyTable(database, projectProblems, chunk.problems),
    ])
    counts.projects += chunk.projects.length
    counts.projectEvents += chunk.events.length
    counts.problems += chunk.problems.length
  }
  await copyTable(database, projectTargets, generateTargets(generatorOptions))
  await database.pool.query('VACUUM ANALYZE projects, project_events, project_checklist, project_problems')
  const stuck = await runStuckProjectJob({ database, clock: { now: () => options.now } }, options.tenantId)
  return { ...counts, stuckProjects: stuck.stuck }
}
