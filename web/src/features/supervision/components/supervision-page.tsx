import { Button, Card, Col, DatePicker, Row, Space, Statistic, Table, Tabs, Tag, Typography, App } from 'antd'
import dayjs from 'dayjs'
import { useState } from 'react'
import { Link, useLocation, useNavigate } from 'react-router-dom'
import { redBlackReasonLabels } from '../../../../../common/src/api/supervision.js'
import { notYetLabels } from '../../../../../common/src/api/projects.js'
import { formatDateTime, formatNumber } from '../../../lib/format.js'
import { useI18n } from '../../../lib/i18n.js'
import { useNotYet } from '../api/get-not-yet.js'
import { useRedBlack } from '../api/get-red-black.js'
import { useStageNames } from '../api/get-stage-names.js'
import { useStuck } from '../api/get-stuck.js'
import { useRunStuckCheck } from '../api/run-stuck-check.js'
import { ProblemsPanel } from './problems-panel.js'

const tabs = ['stuck', 'not-yet', 'problems', 'red-black'] as const
type Tab = (typeof tabs)[number]
const percent = (x: number | null) => (x === null ? '—' : `${(x * 100).toFixed(1)}%`)

function StuckTab({ canRun }: { canRun: boolean }) {
  const { t, errorText } = useI18n()
  const { message } = App.useApp()
  const stageName = useStageNames()
  const [page, setPage] = useState(1)
  const stuck = useStuck({ page, pageSize: 20 })
  const run = useRunStuckCheck()
  return (
    <>
      <Space style={{ marginBottom: 12 }}>
        <Typography.Text type="secondary">
          {stuck.data?.lastRunAt ? t('supervision.stuck.lastRun', { time: formatDateTime(stuck.data.lastRunAt) }) : t('supervision.stuck.neverRun')}
        </Typography.Text>
        {canRun && (
          <Button
            loading={run.isPending}
            onClick={() => run.mutate(undefined, { onSuccess: (r) => message.success(t('supervision.stuck.ran', { checked: r.checked, stuck: r.stuck })), onError: (e) => message.error(errorText(e)) })}
          >
            {t('supervision.stuck.run')}
          </Button>
        )}
      </Space>
      <Table
        rowKey={(r) => `${r.projectId}:${r.normKey}`}
        size="small"
        loading={stuck.isFetching}
        dataSource={stuck.data?.items ?? []}
        pagination={{ current: page, pageSize: 20, total: stuck.data?.total ?? 0, onChange: setPage }}
        columns={[
          { title: t('supervision.problem.project'), key: 'p', render: (_, r) => <Link to={`/projects/${r.projectId}`}>{r.projectName}</Link> },
          { title: t('supervision.region'), dataIndex: 'regionName', width: 90 },
          { title: t('supervision.stage'), key: 's', width: 90, render: (_, r) => <Tag>{stageName(r.stage)}</Tag> },
          { title: t('supervision.stuck.norm'), dataIndex: 'normKey' },
          { title: t('supervision.stuck.since'), dataIndex: 'since', width: 110 },
          { title: t('supervision.stuck.limit'), dataIndex: 'limitDays', width: 100 },
          { title: t('supervision.stuck.over'), key: 'o', width: 100, render: (_, r) => <Typography.Text type="danger">{r.daysOver}</Typography.Text> },
        ]}
      />
    </>
  )
}

function NotYetTab() {
  const { t, lang } = useI18n()
  const navigate = useNavigate()
  const items = useNotYet().data?.items ?? []
  return (
    <Row gutter={[16, 16]}>
      {items.map((item) => {
        const label = notYetLabels[item.key as keyof typeof notYetLabels]
        return (
          <Col key={item.key} xs={12} md={8} xl={4}>
            <Card hoverable onClick={() => navigate(`/projects?notYet=${item.key}`)} size="small">
              <Statistic title={lang === 'en-US' ? label.en : label.zh} value={item.count} />
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {t('supervision.notYet.investment', { amount: formatNumber(Math.round(item.investment), lang) })}
              </Typography.Text>
            </Card>
          </Col>
        )
      })}
    </Row>
  )
}

function RedBlackTab() {
  const { t, lang } = useI18n()
  const [month, setMonth] = useState(dayjs().format('YYYY-MM'))
  const lists = useRedBlack(month)
  return (
    <>
      <Space style={{ marginBottom: 12 }}>
        {t('supervision.redBlack.month')}
        <DatePicker picker="month" allowClear={false} value={dayjs(`${month}-01`)} onChange={(d) => d && setMonth(d.format('YYYY-MM'))} />
      </Space>
      <Table
        rowKey="regionCode"
        size="small"
        loading={lists.isFetching}
        pagination={false}
        dataSource={lists.data?.items ?? []}
        columns={[
          { title: t('supervision.region'), dataIndex: 'regionName' },
          {
            title: '',
            key: 'list',
            width: 90,
            render: (_, r) => (r.list === 'red' ? <Tag color="red">{t('supervision.redBlack.red')}</Tag> : r.list === 'black' ? <Tag color="#262626">{t('supervision.redBlack.black')}</Tag> : t('supervision.redBlack.none')),
          },
          { title: t('supervision.redBlack.signed'), key: 's', render: (_, r) => `${r.signed1} / ${r.target1}` },
          { title: t('supervision.redBlack.pace'), key: 'p', render: (_, r) => percent(r.pace) },
          { title: t('supervision.redBlack.startRate'), key: 'r', render: (_, r) => percent(r.startRate) },
          { title: t('supervision.redBlack.overdue'), dataIndex: 'overdueProblems' },
          { title: t('supervision.redBlack.stuck'), dataIndex: 'stuck' },
          {
            title: t('supervision.redBlack.reasons'),
            key: 'why',
            render: (_, r) => r.reasons.map((k) => (lang === 'en-US' ? redBlackReasonLabels[k]?.en : redBlackReasonLabels[k]?.zh) ?? k).join('、'),
          },
        ]}
      />
    </>
  )
}

/** 督办: /supervision/stuck, /supervision/not-yet, /supervision/problems, /supervision/red-black. */
export function SupervisionPage({ isCity, canAct }: { isCity: boolean; canAct: boolean }) {
  const { t } = useI18n()
  const location = useLocation()
  const navigate = useNavigate()
  const segment = location.pathname.replace(/^\/supervision\/?/, '').split('/')[0] ?? ''
  const active: Tab = (tabs as readonly string[]).includes(segment) ? (segment as Tab) : 'stuck'
  return (
    <Card title={t('supervision.title')}>
      <Tabs
        activeKey={active}
        onChange={(key) => navigate(`/supervision/${key}`)}
        destroyOnHidden
        items={[
          { key: 'stuck', label: t('supervision.tab.stuck'), children: <StuckTab canRun={isCity} /> },
          { key: 'not-yet', label: t('supervision.tab.notYet'), children: <NotYetTab /> },
          { key: 'problems', label: t('supervision.tab.problems'), children: <ProblemsPanel canRaise={false} canAct={canAct} /> },
          { key: 'red-black', label: t('supervision.tab.redBlack'), children: <RedBlackTab /> },
        ]}
      />
    </Card>
  )
}
