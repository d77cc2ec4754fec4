export { talksRoutes } from './talks.routes.js'
export * from './talks.table.js'
