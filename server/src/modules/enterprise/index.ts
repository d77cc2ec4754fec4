export { normalizeTradeName, parseEnterpriseName, pinyinInitials, tradeNameKey } from './enterprise-name.rules.js'
export {
  enterpriseChanges,
  enterpriseRelations,
  enterpriseSegmentExclusions,
  enterpriseSegments,
  enterprises,
  relationKinds,
  type RelationKind,
} from './enterprise.table.js'
export { enterpriseRoutes } from './enterprise.routes.js'
