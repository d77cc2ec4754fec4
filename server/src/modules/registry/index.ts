export {
  assertFirstTalkAllows,
  expireDueRights,
  firstTalkStanding,
  getSettings as getRegistrySettings,
  runRightsJob,
  settleAttempts,
} from './registry.service.js'
export { enterpriseFacts, type EnterpriseFacts } from './registry.repository.js'
export { addMonths, defaultRegistrySettings, groupKeyOf, mustReport, DAY_MS, type Standing } from './registry.rules.js'
export { registryRoutes } from './registry.routes.js'
export * from './registry.table.js'
