export * from './supervision.table.js'
export { supervisionRoutes } from './supervision.routes.js'
export { runStuckProjectJob } from './supervision.service.js'
