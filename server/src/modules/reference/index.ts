export { getTenant, scopeDistrict, scopeName, scopeNamer, tenantDistricts } from './reference.service.js'
export { referenceRoutes } from './reference.routes.js'
export { seedReferenceData } from './reference.seed.js'
export { chainSegments, chains, departments, ecosystems, platforms, regions, tenants } from './reference.table.js'
