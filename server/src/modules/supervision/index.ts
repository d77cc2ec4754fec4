export * from './supervision.table.js'
export { supervisionRoutes } from './supervision.routes.js'
export { generateRedBlackSnapshot, runOverdueProblemsJob, runRedBlackMonthEndJob, runStuckProjectJob } from './supervision.service.js'
export { registerSupervisionJobs } from './supervision.jobs.js'
