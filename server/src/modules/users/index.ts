export { usersRoutes } from './users.routes.js'
export { users } from './users.table.js'
