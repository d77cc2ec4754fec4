export { importRoutes } from './import.routes.js'
export { failInterruptedImports, waitForImports } from './import.service.js'
export * from './import.table.js'
