export { chainRoutes } from './chain.routes.js'
export * from './chain.table.js'
