export { enterpriseRelations, enterpriseSegments, enterprises, relationKinds, type RelationKind } from './enterprise.table.js'
