export { enterpriseEventKinds, enterpriseEvents, type EnterpriseEventKind } from './targeting.table.js'
export { targetingRoutes } from './targeting.routes.js'
