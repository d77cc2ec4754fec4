export * from './notifications.table.js'
