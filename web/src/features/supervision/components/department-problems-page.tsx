import { App, Card, Input, Modal, Space, Switch, Table, Typography, Button, type TableColumnsType } from 'antd'
import { useState } from 'react'
import { useSearchParams } from 'react-router-dom'
import type { Problem } from '../../../../../common/src/api/supervision.js'
import { useI18n } from '../../../lib/i18n.js'
import { useActOnProblem } from '../api/act-on-problem.js'
import { useProblems } from '../api/get-problems.js'
import { problemDeadlineColumn, problemStatusColumn } from './problem-columns.js'

/**
 * 本部门问题: a department reviewer's problems (the server lists only those assigned to the
 * reviewer's department, unresolved first and the earliest deadline first, so overdue ones lead),
 * each closed here with its resolution.
 */
export function DepartmentProblemsPage() {
  const { t, errorText } = useI18n()
  const { message } = App.useApp()
  const [params] = useSearchParams()
  const focus = params.get('id')
  const [page, setPage] = useState(1)
  const [unresolvedOnly, setUnresolvedOnly] = useState(false)
  const problems = useProblems({ page, pageSize: 20, unresolved: unresolvedOnly ? 'true' : undefined })
  const open = useProblems({ page: 1, pageSize: 1, unresolved: 'true' }).data?.total
  const overdue = useProblems({ page: 1, pageSize: 1, overdue: 'true' }).data?.total
  const act = useActOnProblem()
  const [closing, setClosing] = useState<{ problem: Problem; resolution: string } | null>(null)

  const submit = async () => {
    if (!closing) return
    try {
      await act.mutateAsync({ id: closing.problem.id, body: { action: 'resolve', resolution: closing.resolution.trim(), version: closing.problem.version } })
      message.success(t('supervision.problem.saved'))
      setClosing(null)
    } catch (error) {
      message.error(errorText(error))
    }
  }

  const columns: TableColumnsType<Problem> = [
    {
      title: t('supervision.problem.title'),
      key: 'title',
      render: (_, p) => (
        <Space direction="vertical" size={0}>
          <Typography.Text strong>{p.title}</Typography.Text>
          {p.description && <Typography.Text type="secondary">{p.description}</Typography.Text>}
        </Space>
      ),
    },
    { title: t('supervision.problem.project'), dataIndex: 'projectName' },
    { title: t('supervision.region'), dataIndex: 'regionName', width: 100 },
    problemDeadlineColumn(t, 170),
    problemStatusColumn(t),
    {
      key: 'actions',
      width: 260,
      render: (_, p) =>
        p.status === 'resolved' ? (
          <Typography.Text type="secondary">{t('supervision.dept.resolvedInfo', { day: p.resolvedOn ?? '', resolution: p.resolution ?? '' })}</Typography.Text>
        ) : (
          <Space direction="vertical" size={4}>
            {p.meeting && <Typography.Text type="secondary">{t('supervision.dept.meetingInfo', { meeting: p.meeting })}</Typography.Text>}
            <Button size="small" type="primary" onClick={() => setClosing({ problem: p, resolution: '' })}>
              {t('supervision.problem.resolve')}
            </Button>
          </Space>
        ),
    },
  ]

  return (
    <Card title={t('supervision.dept.title')}>
      <Typography.Paragraph type="secondary">{t('supervision.dept.intro')}</Typography.Paragraph>
      <Space style={{ marginBottom: 12 }} size="large">
        {open !== undefined && overdue !== undefined && (
          <Typography.Text data-testid="dept-summary">{t('supervision.dept.summary', { open, overdue })}</Typography.Text>
        )}
        <span>
          <Switch checked={unresolvedOnly} onChange={(v) => (setUnresolvedOnly(v), setPage(1))} /> {t('supervision.dept.unresolvedOnly')}
        </span>
      </Space>
      <Table<Problem>
        rowKey="id"
        size="small"
        loading={problems.isFetching}
        dataSource={problems.data?.items ?? []}
        columns={columns}
        onRow={(p) => (p.id === focus ? { style: { background: '#fffbe6' } } : {})}
        pagination={{ current: page, pageSize: 20, total: problems.data?.total ?? 0, onChange: setPage }}
      />
      <Modal
        open={closing !== null}
        title={closing ? `${t('supervision.problem.resolve')} · ${closing.problem.title}` : ''}
        okText={t('supervision.ok')}
        cancelText={t('supervision.cancel')}
        okButtonProps={{ disabled: (closing?.resolution.trim().length ?? 0) < 2, loading: act.isPending }}
        onCancel={() => setClosing(null)}
        onOk={() => void submit()}
      >
        {closing && (
          <Input.TextArea
            aria-label={t('supervision.problem.resolution')}
            placeholder={t('supervision.problem.resolution')}
            rows={4}
            value={closing.resolution}
            onChange={(e) => setClosing({ ...closing, resolution: e.target.value })}
          />
        )}
      </Modal>
    </Card>
  )
}
