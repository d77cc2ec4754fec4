export { leadsRoutes } from './leads.routes.js'
export { runLeadTimersJob } from './leads.service.js'
export * from './leads.table.js'
