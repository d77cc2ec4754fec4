import { Space, Tag, Tooltip } from 'antd'
import type { Timer } from '../../../../../common/src/api/leads.js'
import { formatDateTime } from '../../../lib/format.js'
import { useI18n } from '../../../lib/i18n.js'

const colors: Record<Timer['state'], string> = { done: 'green', done_late: 'orange', open: 'blue', overdue: 'red', stopped: 'default' }

/** The service timers of a lead as tags; in compact mode only those still running or overdue. */
export function TimerTags({ timers, compact = false }: { timers: Timer[]; compact?: boolean }) {
  const { t } = useI18n()
  const shown = compact ? timers.filter((x) => x.state === 'open' || x.state === 'overdue') : timers.filter((x) => x.state !== 'stopped' || x.doneAt)
  return (
    <Space size={[4, 4]} wrap>
      {shown.map((x) => (
        <Tooltip key={x.key} title={t('leads.timerDue', { timer: t(`leads.timer.${x.key}`), state: t(`leads.timerState.${x.state}`), due: formatDateTime(x.dueAt) })}>
          <Tag color={colors[x.state]}>
            {t(`leads.timer.${x.key}`)} · {t(`leads.timerState.${x.state}`)}
          </Tag>
        </Tooltip>
      ))}
    </Space>
  )
}
