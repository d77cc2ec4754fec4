export { createTargetFromDiscovery } from './lists.service.js'
export { listsRoutes } from './lists.routes.js'
export * from './lists.table.js'
