export { usersRoutes } from './users.routes.js'
export { insertUser, type NewUser } from './users.service.js'
export { users } from './users.table.js'
