export { chainRoutes } from './chain.routes.js'
export * from './chain.table.js'
export { hostsChain, type GuideEntry } from './chain.rules.js'
export { chainMap, loadLayoutGuide } from './chain.service.js'
