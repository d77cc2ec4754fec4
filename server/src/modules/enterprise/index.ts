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
export { sizeClass, SIZE_THRESHOLDS, usccMessage } from './enterprise.rules.js'
export {
  findDuplicateCandidates,
  mayEditRegion,
  registerEnterpriseMergeStep,
  type EnterpriseMergeStep,
} from './enterprise.service.js'
export type { DuplicateHit } from './enterprise.repository.js'
