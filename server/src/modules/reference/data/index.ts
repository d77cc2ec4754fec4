export { departments } from './departments.js'
export { chains, ecosystems } from './ecosystems.js'
export { industryClasses } from './industry-codes.js'
export { platforms } from './platforms.js'
export { HANGZHOU_CODE, hangzhouDistricts, loadRegions } from './regions.js'

/** Bump when the shipped reference data changes; a tenant is re-seeded once per version. */
export const REFERENCE_DATA_VERSION = '2026.1'
