export { enterpriseEventKinds, enterpriseEvents, targetingWeights, type EnterpriseEventKind } from './targeting.table.js'
export { targetingRoutes } from './targeting.routes.js'
