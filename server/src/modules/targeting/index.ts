export { enterpriseEventKinds, enterpriseEvents, type EnterpriseEventKind } from './targeting.table.js'
