import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { markReadResultSchema, notificationListSchema, unreadCountSchema } from '../../../../../common/src/api/notifications.js'
import { api } from '../../../lib/api-client.js'

/** The bell polls the unread count; the list loads when the popover opens. */
export const useUnreadCount = () =>
  useQuery({ queryKey: ['notifications', 'unread'], queryFn: () => api.get('/api/notifications/unread-count', unreadCountSchema), refetchInterval: 60_000 })

export const useNotifications = (enabled: boolean) =>
  useQuery({ queryKey: ['notifications', 'list'], queryFn: () => api.get('/api/notifications', notificationListSchema, { query: { pageSize: 20 } }), enabled })

export function useMarkRead() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (input: { ids?: string[]; all?: boolean }) => api.post('/api/notifications/read', markReadResultSchema, input),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['notifications'] }),
  })
}
