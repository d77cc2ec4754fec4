import { BellOutlined } from '@ant-design/icons'
import { Badge, Button, List, Popover, Space, Typography } from 'antd'
import { useState } from 'react'
import { useNavigate } from 'react-router-dom'
import type { Notification } from '../../../../../common/src/api/notifications.js'
import { formatDateTime } from '../../../lib/format.js'
import { useI18n } from '../../../lib/i18n.js'
import { useMarkRead, useNotifications, useUnreadCount } from '../api/notifications-api.js'

/** The bell in the header: unread count, the latest notifications, click to open what it is about. */
export function NotificationBell() {
  const { t, lang } = useI18n()
  const navigate = useNavigate()
  const [open, setOpen] = useState(false)
  const unread = useUnreadCount().data?.unread ?? 0
  const list = useNotifications(open)
  const markRead = useMarkRead()

  const openItem = (n: Notification) => {
    if (!n.readAt) markRead.mutate({ ids: [n.id] })
    setOpen(false)
    if (n.link) navigate(n.link)
  }

  const content = (
    <div style={{ width: 380 }}>
      <Space style={{ width: '100%', justifyContent: 'space-between', marginBottom: 8 }}>
        <Typography.Text strong>{t('notifications.title')}</Typography.Text>
        <Button size="small" type="link" disabled={unread === 0} onClick={() => markRead.mutate({ all: true })}>
          {t('notifications.markAllRead')}
        </Button>
      </Space>
      <List<Notification>
        size="small"
        loading={list.isFetching}
        locale={{ emptyText: t('notifications.empty') }}
        dataSource={list.data?.items ?? []}
        style={{ maxHeight: 420, overflowY: 'auto' }}
        renderItem={(n) => (
          <List.Item style={{ cursor: n.link ? 'pointer' : 'default', opacity: n.readAt ? 0.6 : 1 }} onClick={() => openItem(n)}>
            <List.Item.Meta
              title={<Typography.Text strong={!n.readAt}>{lang === 'en-US' ? n.titleEn : n.title}</Typography.Text>}
              description={
                <>
                  {(lang === 'en-US' ? n.bodyEn : n.body) && <div>{lang === 'en-US' ? n.bodyEn : n.body}</div>}
                  <Typography.Text type="secondary">{formatDateTime(n.createdAt)}</Typography.Text>
                </>
              }
            />
          </List.Item>
        )}
      />
    </div>
  )

  return (
    <Popover trigger="click" placement="bottomRight" open={open} onOpenChange={setOpen} content={content}>
      <Badge count={unread} size="small" overflowCount={99}>
        <Button type="text" shape="circle" icon={<BellOutlined />} aria-label={t('notifications.open', { count: unread })} />
      </Badge>
    </Popover>
  )
}
