import { Button, Card, Col, DatePicker, Row, Space, Statistic, Table, Tabs, Tag, Typography, App } from 'antd'
import dayjs from 'dayjs'
import { cloneElement, isValidElement, useState, type CSSProperties } from 'react'
import { Link, useLocation, useNavigate } from 'react-router-dom'
import { redBlackReasonLabels } from '../../../../../common/src/api/supervision.js'
import { notYetLabels } from '../../../../../common/src/api/projects.js'
import { formatDateTime, formatNumber } from '../../../lib/format.js'
import { useI18n } from '../../../lib/i18n.js'
import { useNotYet } from '../api/get-not-yet.js'
import { useGenerateRedBlack } from '../api/generate-red-black.js'
import { useRedBlack } from '../api/get-red-black.js'
import { useRedBlackMonths } from '../api/get-red-black-months.js'
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
            onClick={() => run.mutate(undefined, { onSuccess: (r) => message.success(t('supervision.stuck.ran', { checked: r.checked, stuck: r.stuck }) + t('supervision.stuck.alerted', { alerted: r.overdueAlerted })), onError: (e) => message.error(errorText(e)) })}
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

function RedBlackTab({ canGenerate }: { canGenerate: boolean }) {
  const { t, lang, errorText } = useI18n()
  const { message, modal } = App.useApp()
  const thisMonth = dayjs().format('YYYY-MM')
  const [month, setMonth] = useState(thisMonth)
  const lists = useRedBlack(month)
  const months = useRedBlackMonths().data?.items ?? []
  const generate = useGenerateRedBlack()
  const kept = new Set(months.map((m) => m.month))
  const data = lists.data
  const onGenerate = () =>
    modal.confirm({
      title: kept.has(month) ? t('supervision.redBlack.regenerate') : t('supervision.redBlack.generate'),
      content: t('supervision.redBlack.generateConfirm', { month }),
      okText: t('supervision.ok'),
      cancelText: t('supervision.cancel'),
      onOk: () =>
        generate.mutateAsync(month).then(
          () => void message.success(t('supervision.redBlack.generated', { month })),
          (e) => void message.error(errorText(e)),
        ),
    })
  return (
    <>
      <Space style={{ marginBottom: 8 }} wrap>
        {t('supervision.redBlack.month')}
        <DatePicker
          aria-label={t('supervision.redBlack.month')}
          picker="month"
          allowClear={false}
          value={dayjs(`${month}-01`)}
          disabledDate={(d) => d.format('YYYY-MM') > thisMonth}
          cellRender={(current, info) => {
            if (info.type !== 'month' || typeof current === 'number' || typeof current === 'string') return info.originNode
            const key = current.format('YYYY-MM')
            // a kept month is marked in the picker
            return kept.has(key) && isValidElement<{ style?: CSSProperties }>(info.originNode)
              ? cloneElement(info.originNode, { style: { ...info.originNode.props.style, fontWeight: 600, textDecoration: 'underline' } })
              : info.originNode
          }}
          onChange={(d) => d && setMonth(d.format('YYYY-MM'))}
        />
        {data && (
          <Tag color={data.source === 'snapshot' ? 'green' : 'blue'} data-testid="red-black-source">
            {data.source === 'snapshot'
              ? t('supervision.redBlack.kept', { asOf: data.asOf, by: data.generatedBy ?? '', time: formatDateTime(data.generatedAt) })
              : month < thisMonth
                ? t('supervision.redBlack.liveUnkept', { asOf: data.asOf })
                : t('supervision.redBlack.live', { asOf: data.asOf })}
          </Tag>
        )}
        {canGenerate && (
          <Button loading={generate.isPending} onClick={onGenerate}>
            {kept.has(month) ? t('supervision.redBlack.regenerate') : t('supervision.redBlack.generate')}
          </Button>
        )}
      </Space>
      <div style={{ marginBottom: 12 }}>
        <Typography.Text type="secondary">{t('supervision.redBlack.keptMonths')}</Typography.Text>
        {months.length === 0 ? (
          <Typography.Text type="secondary">{t('supervision.redBlack.noKept')}</Typography.Text>
        ) : (
          months.slice(0, 12).map((m) => (
            <Tag key={m.month} color={m.month === month ? 'processing' : undefined} style={{ cursor: 'pointer' }} onClick={() => setMonth(m.month)}>
              {t('supervision.redBlack.keptMonth', { month: m.month, red: m.red, black: m.black })}
            </Tag>
          ))
        )}
      </div>
      <Table
        rowKey="regionCode"
        size="small"
        loading={lists.isFetching}
        pagination={false}
        dataSource={data?.items ?? []}
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
            render: (_, r) => r.reasons.map((k) => (lang === 'en-US' ? redBlackReasonLabels[k]?.en : redBlackReasonLabels[k]?.zh) ?? k).join(lang === 'en-US' ? ', ' : '、'),
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
          { key: 'red-black', label: t('supervision.tab.redBlack'), children: <RedBlackTab canGenerate={isCity} /> },
        ]}
      />
    </Card>
  )
}
