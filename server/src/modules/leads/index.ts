export * from './leads.table.js'
