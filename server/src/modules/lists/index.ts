export { listsRoutes } from './lists.routes.js'
export * from './lists.table.js'
