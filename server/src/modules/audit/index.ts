export { recordAudit, verifyAuditChain, type AuditChange } from './audit.service.js'
export { auditRoutes } from './audit.routes.js'
export { auditLog, auditHeads } from './audit.table.js'
