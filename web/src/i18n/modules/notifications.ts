// Messages of the notification bell; keys start with 'notifications.'. en has the same keys.
export const notificationsZh = {
  'notifications.title': '通知',
  'notifications.open': '打开通知（{count} 条未读）',
  'notifications.markAllRead': '全部标为已读',
  'notifications.empty': '暂无通知',
  'notifications.unreadOnly': '只看未读',
} as const satisfies Record<string, string>

export const notificationsEn: Record<keyof typeof notificationsZh, string> = {
  'notifications.title': 'Notifications',
  'notifications.open': 'Open notifications ({count} unread)',
  'notifications.markAllRead': 'Mark all read',
  'notifications.empty': 'No notifications',
  'notifications.unreadOnly': 'Unread only',
}
