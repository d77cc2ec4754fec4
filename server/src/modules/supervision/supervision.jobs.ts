// The scheduled work of supervision, registered by the server (server/src/main.ts) and by tests with a ManualClock.
import type { AppContext } from '../../context.js'
import type { JobScheduler } from '../../lib/jobs.js'
import { runOverdueProblemsJob, runRedBlackMonthEndJob, runStuckProjectJob } from './supervision.service.js'

const HOUR = 60 * 60_000

export function registerSupervisionJobs(jobs: JobScheduler, ctx: Pick<AppContext, 'database' | 'clock'>, tenantId: string): void {
  // stuck projects move by the day; four runs a day keep the supervision views fresh
  jobs.register('supervision.stuck', 6 * HOUR, () => runStuckProjectJob(ctx, tenantId))
  // an overdue problem alerts within the hour after its deadline day ends, once per deadline
  jobs.register('supervision.overdue', HOUR, () => runOverdueProblemsJob(ctx, tenantId))
  // the month that just ended keeps its red and black lists within the hour (later runs find it kept)
  jobs.register('supervision.redBlack', HOUR, () => runRedBlackMonthEndJob(ctx, tenantId))
}
