import { Alert, Drawer, Empty, Spin, Timeline, Typography } from 'antd'
import type { ListName } from '../../../../../common/src/api/lists.js'
import { formatDateTime } from '../../../lib/format.js'
import { useI18n } from '../../../lib/i18n.js'
import { useListHistory } from '../api/get-list-history.js'

export interface HistoryEntry {
  list: ListName
  key: string
  title: string
}

/** Changes of one list entry, newest first, with the fields before and after. */
export function HistoryDrawer({ entry, onClose }: { entry: HistoryEntry | null; onClose: () => void }) {
  const { t, errorText } = useI18n()
  const history = useListHistory(entry ? { list: entry.list, key: entry.key } : null)
  const describe = (value: unknown) => (value === null || value === undefined ? '' : JSON.stringify(value))
  return (
    <Drawer open={entry !== null} onClose={onClose} size="large" title={t('lists.history.title', { name: entry?.title ?? '' })} destroyOnHidden>
      {history.isLoading && <Spin />}
      {history.isError && <Alert type="error" showIcon title={errorText(history.error)} />}
      {history.data && history.data.items.length === 0 && <Empty description={t('common.noData')} />}
      {history.data && history.data.items.length > 0 && (
        <Timeline
          items={history.data.items.map((item) => ({
            key: item.id,
            children: (
              <div>
                <Typography.Text strong>{t('lists.history.entry', { time: formatDateTime(item.at), actor: item.actorName, action: item.action })}</Typography.Text>
                {item.before !== null && (
                  <div>
                    <Typography.Text type="secondary">{t('lists.history.before')}</Typography.Text> <Typography.Text code>{describe(item.before)}</Typography.Text>
                  </div>
                )}
                {item.after !== null && (
                  <div>
                    <Typography.Text type="secondary">{t('lists.history.after')}</Typography.Text> <Typography.Text code>{describe(item.after)}</Typography.Text>
                  </div>
                )}
              </div>
            ),
          }))}
        />
      )}
    </Drawer>
  )
}
