import { Alert, App, Button, Input, Modal, Select, Space, Table, Tabs, Tag, Timeline, Typography, type TableColumnsType } from 'antd'
import { useState } from 'react'
import { useLocation, useSearchParams } from 'react-router-dom'
import { reportStatuses, rightStatuses, type Report, type Right, type Taken } from '../../../../../common/src/api/registry.js'
import { formatDateTime } from '../../../lib/format.js'
import { useI18n, type MessageKey } from '../../../lib/i18n.js'
import { useAttempts, useChangeRight, useReports, useRights, type PageParams } from '../api/registry-api.js'
import { useRegistryContext } from '../api/session.js'
import { ReviewDrawer } from './review-drawer.js'

const reportColors: Record<Report['status'], string> = { pending: 'processing', granted: 'green', rejected: 'red', redirected: 'purple', withdrawn: 'default' }
const rightColors: Record<Right['status'], string> = { active: 'green', expired: 'default', released: 'default', revoked: 'red' }

function ReportsTab() {
  const { t, errorText } = useI18n()
  const ctx = useRegistryContext()
  const [search, setSearch] = useSearchParams()
  const [params, setParams] = useState<PageParams>({ page: 1, pageSize: 20, status: ctx.isCity ? 'pending' : undefined })
  const reports = useReports(params)
  // notifications link to /registry/review?report=… and /registry/reports?id=…
  const reviewId = search.get('report') ?? search.get('id')
  const columns: TableColumnsType<Report> = [
    { title: t('registry.enterprise'), key: 'enterprise', render: (_, r) => <Typography.Link onClick={() => setSearch({ report: r.id }, { replace: true })}>{r.enterpriseName}</Typography.Link> },
    { title: t('registry.region'), dataIndex: 'regionName' },
    { title: t('registry.lead'), dataIndex: 'leadTitle' },
    { title: t('registry.chain'), key: 'chain', render: (_, r) => r.chainName ?? '' },
    { title: t('registry.status'), key: 'status', render: (_, r) => <Tag color={reportColors[r.status]}>{t(`registry.report.${r.status}`)}</Tag> },
    { title: t('registry.reportedAt'), key: 'reportedAt', render: (_, r) => `${formatDateTime(r.reportedAt)} · ${r.reportedBy}` },
    {
      title: t('common.actions'),
      key: 'actions',
      render: (_, r) => (
        <Button size="small" type={ctx.isCity && r.status === 'pending' ? 'primary' : 'default'} onClick={() => setSearch({ report: r.id }, { replace: true })}>
          {ctx.isCity && r.status === 'pending' ? t('registry.review') : t('registry.view')}
        </Button>
      ),
    },
  ]
  return (
    <>
      <Space wrap style={{ marginBottom: 16 }}>
        <Select
          aria-label={t('registry.status')}
          placeholder={t('registry.status')}
          allowClear
          style={{ width: 140 }}
          value={params.status}
          options={reportStatuses.map((s) => ({ value: s, label: t(`registry.report.${s}`) }))}
          onChange={(status) => setParams((p) => ({ ...p, status: status ?? undefined, page: 1 }))}
        />
        {ctx.isCity && (
          <Select aria-label={t('registry.region')} placeholder={t('registry.region')} allowClear style={{ width: 140 }} options={ctx.districtOptions} onChange={(region) => setParams((p) => ({ ...p, region: region ?? undefined, page: 1 }))} />
        )}
      </Space>
      {reports.isError && <Alert type="error" showIcon title={errorText(reports.error)} style={{ marginBottom: 16 }} />}
      <Table<Report>
        rowKey="id"
        size="middle"
        columns={columns}
        dataSource={reports.data?.items ?? []}
        loading={reports.isFetching}
        scroll={{ x: 'max-content' }}
        onChange={(pagination) => setParams((p) => ({ ...p, page: pagination.current ?? 1, pageSize: pagination.pageSize ?? p.pageSize }))}
        pagination={{ current: params.page, pageSize: params.pageSize, total: reports.data?.total ?? 0, showTotal: (total) => t('common.total', { total }) }}
      />
      <ReviewDrawer id={reviewId} onClose={() => setSearch({}, { replace: true })} />
    </>
  )
}

type RightRow = Right | Taken
const rowKey = (r: RightRow) => (r.visibility === 'full' ? r.id : `taken-${r.enterpriseId}-${r.regionCode}`)

function RightsTab() {
  const { t, errorText } = useI18n()
  const { message } = App.useApp()
  const ctx = useRegistryContext()
  const [params, setParams] = useState<PageParams>({ page: 1, pageSize: 20, status: 'active' })
  const rights = useRights(params)
  const change = useChangeRight()
  const [pendingChange, setPendingChange] = useState<{ right: Right; change: 'renew' | 'release' | 'revoke' } | null>(null)
  const [reason, setReason] = useState('')

  const columns: TableColumnsType<RightRow> = [
    { title: t('registry.enterprise'), dataIndex: 'enterpriseName' },
    { title: t('registry.holder'), dataIndex: 'regionName' },
    {
      title: t('registry.status'),
      key: 'status',
      render: (_, r) => (r.visibility === 'taken' ? <Tag color="orange">{t('registry.right.taken')}</Tag> : <Tag color={rightColors[r.status]}>{t(`registry.right.${r.status}`)}</Tag>),
    },
    { title: t('registry.grantedAt'), key: 'grantedAt', render: (_, r) => (r.visibility === 'full' ? formatDateTime(r.grantedAt) : '') },
    {
      title: t('registry.expiresAt'),
      key: 'expiresAt',
      render: (_, r) => (
        <Space size={4}>
          {r.expiresAt.slice(0, 10)}
          {r.visibility === 'full' && r.daysLeft !== null && <Tag color={r.daysLeft <= 14 ? 'red' : 'blue'}>{t('registry.daysLeft', { days: r.daysLeft })}</Tag>}
        </Space>
      ),
    },
    { title: t('registry.renewals'), key: 'renewals', render: (_, r) => (r.visibility === 'full' ? r.renewals : '') },
    {
      title: t('common.actions'),
      key: 'actions',
      render: (_, r) =>
        r.visibility === 'full' && r.status === 'active' ? (
          <Space size={0}>
            {ctx.isCity && (
              <Button type="link" size="small" onClick={() => setPendingChange({ right: r, change: 'renew' })}>
                {t('registry.renew')}
              </Button>
            )}
            {(ctx.isCity || ctx.ownDistrict === r.regionCode) && (
              <Button type="link" size="small" onClick={() => setPendingChange({ right: r, change: 'release' })}>
                {t('registry.release')}
              </Button>
            )}
            {ctx.isCity && (
              <Button type="link" size="small" danger onClick={() => setPendingChange({ right: r, change: 'revoke' })}>
                {t('registry.revoke')}
              </Button>
            )}
          </Space>
        ) : null,
    },
  ]

  return (
    <>
      <Space wrap style={{ marginBottom: 16 }}>
        <Select
          aria-label={t('registry.status')}
          placeholder={t('registry.status')}
          allowClear
          style={{ width: 140 }}
          value={params.status}
          options={rightStatuses.map((s) => ({ value: s, label: t(`registry.right.${s}`) }))}
          onChange={(status) => setParams((p) => ({ ...p, status: status ?? undefined, page: 1 }))}
        />
        {!ctx.isCity && <Typography.Text type="secondary">{t('registry.takenNote')}</Typography.Text>}
      </Space>
      {rights.isError && <Alert type="error" showIcon title={errorText(rights.error)} style={{ marginBottom: 16 }} />}
      <Table<RightRow>
        rowKey={rowKey}
        size="middle"
        columns={columns}
        dataSource={rights.data?.items ?? []}
        loading={rights.isFetching}
        scroll={{ x: 'max-content' }}
        expandable={{
          rowExpandable: (r) => r.visibility === 'full',
          expandedRowRender: (r) =>
            r.visibility === 'full' ? (
              <Timeline
                style={{ marginTop: 8 }}
                items={r.events.map((e) => ({
                  content: `${formatDateTime(e.at)} · ${t(`registry.event.${e.kind}` as MessageKey)} · ${e.actorName}${(e.detail as { reason?: string } | null)?.reason ? ` · ${(e.detail as { reason: string }).reason}` : ''}`,
                }))}
              />
            ) : null,
        }}
        onChange={(pagination) => setParams((p) => ({ ...p, page: pagination.current ?? 1, pageSize: pagination.pageSize ?? p.pageSize }))}
        pagination={{ current: params.page, pageSize: params.pageSize, total: rights.data?.total ?? 0, showTotal: (total) => t('common.total', { total }) }}
      />
      <Modal
        open={pendingChange !== null}
        title={pendingChange ? `${t(`registry.${pendingChange.change}`)} · ${pendingChange.right.enterpriseName}` : ''}
        okButtonProps={{ disabled: reason.trim().length < 2, danger: pendingChange?.change === 'revoke' }}
        confirmLoading={change.isPending}
        onCancel={() => setPendingChange(null)}
        onOk={() =>
          change.mutate(
            { id: pendingChange!.right.id, change: pendingChange!.change, version: pendingChange!.right.version, reason: reason.trim() },
            {
              onSuccess: () => {
                message.success(t('registry.decided'))
                setPendingChange(null)
                setReason('')
              },
              onError: (error) => message.error(errorText(error)),
            },
          )
        }
      >
        <Input.TextArea rows={3} value={reason} maxLength={1000} placeholder={t('registry.reason')} aria-label={t('registry.reason')} onChange={(e) => setReason(e.target.value)} />
      </Modal>
    </>
  )
}

function AttemptsTab() {
  const { t, errorText } = useI18n()
  const [page, setPage] = useState(1)
  const attempts = useAttempts({ page, pageSize: 20 }, true)
  if (attempts.isError) return <Alert type="error" showIcon title={errorText(attempts.error)} />
  return (
    <Table
      rowKey="id"
      size="middle"
      loading={attempts.isFetching}
      dataSource={attempts.data?.items ?? []}
      onChange={(p) => setPage(p.current ?? 1)}
      pagination={{ current: page, pageSize: 20, total: attempts.data?.total ?? 0 }}
      columns={[
        { title: t('registry.attempt.at'), key: 'at', render: (_, a) => formatDateTime(a.at) },
        { title: t('registry.attempt.actor'), key: 'actor', render: (_, a) => `${a.actorName}${a.regionName ? ` · ${a.regionName}` : ''}` },
        { title: t('registry.attempt.action'), key: 'action', render: (_, a) => t(`registry.action.${a.action}` as MessageKey) },
        { title: t('registry.enterprise'), dataIndex: 'enterpriseName' },
        {
          title: t('registry.attempt.blockedBy'),
          key: 'conflict',
          render: (_, a) => {
            const c = a.conflict as { regionCode?: string; reason?: string; expiresAt?: string | null }
            return `${c.regionCode ?? ''}${c.reason ? ` · ${t(`registry.conflictReason.${c.reason}` as MessageKey)}` : ''}${c.expiresAt ? ` · ${c.expiresAt.slice(0, 10)}` : ''}`
          },
        },
      ]}
    />
  )
}

export function RegistryPage() {
  const { t } = useI18n()
  const ctx = useRegistryContext()
  const [search, setSearch] = useSearchParams()
  const { pathname } = useLocation()
  const fromPath = pathname.split('/')[2]
  const tab = search.get('tab') ?? (fromPath === 'rights' || fromPath === 'attempts' ? fromPath : 'reports')
  return (
    <>
      <Typography.Title level={3}>{t('registry.title')}</Typography.Title>
      <Tabs
        activeKey={tab}
        onChange={(key) => setSearch({ tab: key }, { replace: true })}
        items={[
          { key: 'reports', label: ctx.isCity ? t('registry.tab.reports') : t('registry.tab.myReports'), children: <ReportsTab /> },
          { key: 'rights', label: t('registry.tab.rights'), children: <RightsTab /> },
          ...(ctx.isCity ? [{ key: 'attempts', label: t('registry.tab.attempts'), children: <AttemptsTab /> }] : []),
        ]}
      />
    </>
  )
}
