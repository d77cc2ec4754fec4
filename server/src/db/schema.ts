// Every table, for Drizzle's typed queries and drizzle-kit's migration generator.
export * from '../modules/reference/reference.table.js'
export * from '../modules/users/users.table.js'
export * from '../modules/auth/auth.table.js'
export * from '../modules/audit/audit.table.js'
export * from '../modules/enterprise/enterprise.table.js'
export * from '../modules/chain/chain.table.js'
export * from '../modules/lists/lists.table.js'
export * from '../modules/import/import.table.js'
