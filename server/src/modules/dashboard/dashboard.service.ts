// The one screen: scope, period, and the aggregate queries behind the dashboard and the monthly report.
import type { Dashboard, DashboardQuery } from '../../../../common/src/api/dashboard.js'
import type { AppContext } from '../../context.js'
import type { Actor } from '../auth/index.js'
import { assertQueryRegion, callerScope, chinaDay, getSettings } from '../projects/index.js'
import * as repo from './dashboard.repository.js'
import { assembleDashboard, cubeFromCells, monthlyFromCells } from './dashboard.rules.js'

/**
 * The dashboard of the city, or of one district: district users (and district leaders) always get
 * their own district, whatever they ask for; city readers pick any district or none.
 */
export async function getDashboard(ctx: AppContext, actor: Actor, query: DashboardQuery): Promise<Dashboard> {
  const db = ctx.database.db
  const scope = await callerScope(db, actor)
  assertQueryRegion(scope, query.region)
  const region = scope.read === 'all' ? (query.region ?? null) : scope.read.district
  const asOf = chinaDay(ctx.clock.now())
  const year = query.year ?? Number(asOf.slice(0, 4))
  const yearEnd = `${year}-12-31`
  const period: repo.Period = { yearStart: `${year}-01-01`, until: asOf < yearEnd ? asOf : yearEnd }
  if (period.until < period.yearStart) period.until = period.yearStart
  const [settings, districts, ecosystems, stageCells, monthCells, targets, stuck, problems] = await Promise.all([
    getSettings(db, actor.tenantId),
    repo.districts(db, scope.cityRegion),
    repo.ecosystems(db),
    repo.stageCells(db, actor.tenantId, region),
    repo.monthCells(db, actor.tenantId, region, period),
    repo.targetsOf(db, actor.tenantId, year),
    repo.stuckCounts(db, actor.tenantId, region),
    repo.problemCounts(db, actor.tenantId, region, asOf),
  ])
  const cube = cubeFromCells(stageCells, monthCells)
  const { monthly, arrivals } = monthlyFromCells(monthCells, period)
  const regionName = region ? (districts.find((d) => d.code === region)?.name_zh ?? region) : '全市'
  return assembleDashboard({ asOf, year, region, regionName, period, stages: settings.stages, districts, ecosystems, cube, targets, monthly, arrivals, stuck, problems })
}
