import { App, Button, DatePicker, Input, Modal, Select, Space, Switch, Table, type TableColumnsType } from 'antd'
import dayjs from 'dayjs'
import { useState } from 'react'
import { Link } from 'react-router-dom'
import type { Problem, ProblemAction } from '../../../../../common/src/api/supervision.js'
import { useTenantReference } from '../../../api/reference/get-tenant-reference.js'
import { useI18n } from '../../../lib/i18n.js'
import { useActOnProblem } from '../api/act-on-problem.js'
import { useProblems } from '../api/get-problems.js'
import { problemDeadlineColumn, problemStatusColumn } from './problem-columns.js'
import { useRaiseProblem } from '../api/raise-problem.js'

type Dialog =
  | { kind: 'raise'; title: string; departmentCode: string | null; deadline: dayjs.Dayjs | null }
  | { kind: 'escalate' | 'resolve'; problem: Problem; text: string }

/** 问题清单: of one project (on its page) or of everything the user sees (supervision). */
export function ProblemsPanel({ projectId, canRaise, canAct }: { projectId?: string; canRaise: boolean; canAct: boolean }) {
  const { t, errorText } = useI18n()
  const { message } = App.useApp()
  const [page, setPage] = useState(1)
  const [overdueOnly, setOverdueOnly] = useState(false)
  const problems = useProblems({ page, pageSize: 20, projectId, overdue: overdueOnly ? 'true' : undefined })
  const departments = useTenantReference().data?.departments ?? []
  const act = useActOnProblem()
  const raise = useRaiseProblem(projectId ?? '')
  const [dialog, setDialog] = useState<Dialog | null>(null)

  const submit = async () => {
    if (!dialog) return
    try {
      if (dialog.kind === 'raise') {
        await raise.mutateAsync({ title: dialog.title.trim(), departmentCode: dialog.departmentCode!, deadline: dialog.deadline!.format('YYYY-MM-DD') })
      } else {
        const body: ProblemAction =
          dialog.kind === 'escalate' ? { action: 'escalate', meeting: dialog.text.trim(), version: dialog.problem.version } : { action: 'resolve', resolution: dialog.text.trim(), version: dialog.problem.version }
        await act.mutateAsync({ id: dialog.problem.id, body })
      }
      message.success(t('supervision.problem.saved'))
      setDialog(null)
    } catch (error) {
      message.error(errorText(error))
    }
  }

  const columns: TableColumnsType<Problem> = [
    { title: t('supervision.problem.title'), dataIndex: 'title' },
    ...(projectId ? [] : [{ title: t('supervision.problem.project'), key: 'project', render: (_: unknown, p: Problem) => <Link to={`/projects/${p.projectId}`}>{p.projectName}</Link> }]),
    ...(projectId ? [] : [{ title: t('supervision.region'), dataIndex: 'regionName', width: 90 }]),
    { title: t('supervision.problem.department'), dataIndex: 'departmentName' },
    problemDeadlineColumn(t, 150),
    problemStatusColumn(t),
    {
      key: 'actions',
      width: 180,
      render: (_, p) =>
        canAct && p.status !== 'resolved' ? (
          <Space>
            {p.status === 'open' && (
              <Button size="small" onClick={() => setDialog({ kind: 'escalate', problem: p, text: '' })}>
                {t('supervision.problem.escalate')}
              </Button>
            )}
            <Button size="small" type="primary" onClick={() => setDialog({ kind: 'resolve', problem: p, text: '' })}>
              {t('supervision.problem.resolve')}
            </Button>
          </Space>
        ) : (
          (p.resolution ?? p.meeting ?? '')
        ),
    },
  ]

  const ready = dialog?.kind === 'raise' ? dialog.title.trim().length >= 2 && !!dialog.departmentCode && !!dialog.deadline : (dialog?.text.trim().length ?? 0) >= 2
  return (
    <>
      <Space style={{ marginBottom: 12 }}>
        {canRaise && projectId && (
          <Button type="primary" onClick={() => setDialog({ kind: 'raise', title: '', departmentCode: null, deadline: dayjs().add(15, 'day') })}>
            {t('supervision.problem.raise')}
          </Button>
        )}
        <Switch checked={overdueOnly} onChange={setOverdueOnly} /> {t('supervision.problem.onlyOverdue')}
      </Space>
      <Table<Problem>
        rowKey="id"
        size="small"
        loading={problems.isFetching}
        dataSource={problems.data?.items ?? []}
        columns={columns}
        pagination={{ current: page, pageSize: 20, total: problems.data?.total ?? 0, onChange: setPage }}
      />
      <Modal
        open={dialog !== null}
        title={dialog?.kind === 'raise' ? t('supervision.problem.raise') : dialog?.kind === 'escalate' ? t('supervision.problem.escalate') : t('supervision.problem.resolve')}
        okText={t('supervision.ok')}
        cancelText={t('supervision.cancel')}
        okButtonProps={{ disabled: !ready }}
        onCancel={() => setDialog(null)}
        onOk={() => void submit()}
      >
        {dialog?.kind === 'raise' ? (
          <Space direction="vertical" style={{ width: '100%' }}>
            <Input aria-label={t('supervision.problem.title')} placeholder={t('supervision.problem.title')} value={dialog.title} onChange={(e) => setDialog({ ...dialog, title: e.target.value })} />
            <Select
              aria-label={t('supervision.problem.department')}
              placeholder={t('supervision.problem.department')}
              style={{ width: '100%' }}
              value={dialog.departmentCode}
              options={departments.map((d) => ({ value: d.code, label: d.nameZh }))}
              onChange={(departmentCode) => setDialog({ ...dialog, departmentCode })}
            />
            <DatePicker aria-label={t('supervision.problem.deadline')} value={dialog.deadline} disabledDate={(d) => d.isBefore(dayjs(), 'day')} onChange={(deadline) => setDialog({ ...dialog, deadline })} />
          </Space>
        ) : dialog ? (
          <Input.TextArea
            aria-label={dialog.kind === 'escalate' ? t('supervision.problem.meeting') : t('supervision.problem.resolution')}
            placeholder={dialog.kind === 'escalate' ? t('supervision.problem.meeting') : t('supervision.problem.resolution')}
            value={dialog.text}
            onChange={(e) => setDialog({ ...dialog, text: e.target.value })}
          />
        ) : null}
      </Modal>
    </>
  )
}
