export { importRoutes } from './import.routes.js'
export * from './import.table.js'
