export * from './registry.table.js'
