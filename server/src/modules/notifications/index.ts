export { notify, type NotificationInput, type Recipients } from './notifications.service.js'
export { notificationsRoutes } from './notifications.routes.js'
export * from './notifications.table.js'
