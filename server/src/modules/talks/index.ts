export * from './talks.table.js'
