import { Space, Tag, type TableColumnType } from 'antd'
import type { Problem } from '../../../../../common/src/api/supervision.js'
import type { MessageKey, Translate } from '../../../lib/i18n.js'

// Columns the problem lists share: the project's problems panel and the department reviewer's page.

const statusColors = { open: 'blue', escalated: 'orange', resolved: 'green' } as const

/** The deadline, with a red "overdue" tag once it has passed. */
export const problemDeadlineColumn = (t: Translate, width: number): TableColumnType<Problem> => ({
  title: t('supervision.problem.deadline'),
  key: 'deadline',
  width,
  render: (_, p) => (
    <Space>
      {p.deadline}
      {p.overdue && <Tag color="red">{t('supervision.problem.overdue')}</Tag>}
    </Space>
  ),
})

export const problemStatusColumn = (t: Translate): TableColumnType<Problem> => ({
  title: t('supervision.problem.status'),
  key: 'status',
  width: 130,
  render: (_, p) => <Tag color={statusColors[p.status]}>{t(`supervision.status.${p.status}` as MessageKey)}</Tag>,
})
