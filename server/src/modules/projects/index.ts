export * from './projects.table.js'
export { defaultNorms, defaultRedBlackRules, defaultStages, mayReadRegion, projectReadScope, stageIndex } from './projects.rules.js'
