export { importRoutes } from './import.routes.js'
export { waitForImports } from './import.service.js'
export * from './import.table.js'
