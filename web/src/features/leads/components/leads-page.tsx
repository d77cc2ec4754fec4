import { DownloadOutlined, PlusOutlined, UploadOutlined } from '@ant-design/icons'
import { Alert, App, Button, Checkbox, Input, Modal, Select, Space, Table, Tabs, Tag, Typography, Upload, type TableColumnsType } from 'antd'
import { useState } from 'react'
import { useSearchParams } from 'react-router-dom'
import { leadChannels, leadStatuses, type Lead } from '../../../../../common/src/api/leads.js'
import { ApiError } from '../../../lib/api-client.js'
import { formatDateTime, formatNumber } from '../../../lib/format.js'
import { useI18n, type MessageKey } from '../../../lib/i18n.js'
import { pickServerMessage } from '../../../lib/translate.js'
import { useFunnel, useImportLeads, useLeads, type LeadParams } from '../api/leads-api.js'
import { useLeadContext } from '../api/reference.js'
import { LeadDetailDrawer } from './lead-detail-drawer.js'
import { LeadFormDrawer } from './lead-form-drawer.js'
import { TimerTags } from './timer-tags.js'

const statusColors: Record<Lead['status'], string> = { new: 'blue', valid: 'green', invalid: 'default', signed: 'gold', dropped: 'default' }
const standingColors = { holder: 'green', none: 'default', held_elsewhere: 'red' } as const

function InboxTab() {
  const { t, lang, errorText } = useI18n()
  const ctx = useLeadContext()
  const [search, setSearch] = useSearchParams()
  const [params, setParams] = useState<LeadParams>({ page: 1, pageSize: 20 })
  const [creating, setCreating] = useState(false)
  const [importing, setImporting] = useState(false)
  const leads = useLeads(params)
  const openId = search.get('id')
  const setOpenId = (id: string | null) => setSearch(id ? { id } : {}, { replace: true })

  const columns: TableColumnsType<Lead> = [
    {
      title: t('leads.leadTitle'),
      key: 'title',
      render: (_, r) => (
        <>
          <Typography.Link onClick={() => setOpenId(r.id)}>{r.title}</Typography.Link>
          <div>
            <Typography.Text type="secondary">{r.enterpriseName}</Typography.Text>
          </div>
        </>
      ),
    },
    ...(ctx.seesAll ? [{ title: t('leads.region'), dataIndex: 'regionName' }] : []),
    { title: t('leads.channel'), key: 'channel', render: (_, r) => t(`leads.channel.${r.channel}`) },
    { title: t('leads.plannedInvestment'), key: 'investment', align: 'right', render: (_, r) => (r.plannedInvestment === null ? '' : formatNumber(r.plannedInvestment, lang)) },
    { title: t('leads.status'), key: 'status', render: (_, r) => <Tag color={statusColors[r.status]}>{t(`leads.status.${r.status}`)}</Tag> },
    {
      title: t('leads.timers'),
      key: 'timers',
      render: (_, r) => (
        <Space direction="vertical" size={2}>
          {r.overdue > 0 && <Tag color="red">{t('leads.overdueCount', { count: r.overdue })}</Tag>}
          <TimerTags timers={r.timers} compact />
        </Space>
      ),
    },
    {
      title: t('leads.reportStatus'),
      key: 'report',
      render: (_, r) => (
        <Space size={4}>
          {r.mustReport && !r.reportStatus && (r.status === 'new' || r.status === 'valid') && <Tag color="volcano">{t('leads.mustReport')}</Tag>}
          {r.reportStatus && <Tag>{t(`registry.report.${r.reportStatus}` as MessageKey)}</Tag>}
        </Space>
      ),
    },
    { title: t('leads.standing'), key: 'standing', render: (_, r) => <Tag color={standingColors[r.standing]}>{t(`leads.standing.${r.standing}`)}</Tag> },
    { title: t('leads.receivedAt'), key: 'receivedAt', render: (_, r) => formatDateTime(r.receivedAt) },
  ]

  return (
    <>
      <Space wrap style={{ marginBottom: 16 }}>
        {ctx.seesAll && (
          <Select
            aria-label={t('leads.region')}
            placeholder={t('leads.region')}
            allowClear
            style={{ width: 140 }}
            options={ctx.districtOptions}
            onChange={(region) => setParams((p) => ({ ...p, region: region ?? undefined, page: 1 }))}
          />
        )}
        <Select
          aria-label={t('leads.status')}
          placeholder={t('leads.status')}
          allowClear
          style={{ width: 120 }}
          options={leadStatuses.map((s) => ({ value: s, label: t(`leads.status.${s}`) }))}
          onChange={(status) => setParams((p) => ({ ...p, status: status ?? undefined, page: 1 }))}
        />
        <Select
          aria-label={t('leads.channel')}
          placeholder={t('leads.channel')}
          allowClear
          style={{ width: 160 }}
          options={leadChannels.map((c) => ({ value: c, label: t(`leads.channel.${c}`) }))}
          onChange={(channel) => setParams((p) => ({ ...p, channel: channel ?? undefined, page: 1 }))}
        />
        <Checkbox onChange={(e) => setParams((p) => ({ ...p, overdue: e.target.checked ? 'true' : undefined, page: 1 }))}>{t('leads.overdueOnly')}</Checkbox>
        <Input.Search aria-label={t('leads.search')} placeholder={t('leads.search')} allowClear style={{ width: 220 }} onSearch={(q) => setParams((p) => ({ ...p, q: q.trim() || undefined, page: 1 }))} />
        {ctx.canWrite && (
          <>
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
              {t('leads.create')}
            </Button>
            <Button icon={<UploadOutlined />} onClick={() => setImporting(true)}>
              {t('leads.import')}
            </Button>
          </>
        )}
      </Space>
      {leads.isError && <Alert type="error" showIcon title={errorText(leads.error)} style={{ marginBottom: 16 }} />}
      <Table<Lead>
        rowKey="id"
        size="middle"
        columns={columns}
        dataSource={leads.data?.items ?? []}
        loading={leads.isFetching}
        scroll={{ x: 'max-content' }}
        rowClassName={(r) => (r.overdue > 0 ? 'lead-overdue' : '')}
        onChange={(pagination) => setParams((p) => ({ ...p, page: pagination.current ?? 1, pageSize: pagination.pageSize ?? p.pageSize }))}
        pagination={{ current: params.page, pageSize: params.pageSize, total: leads.data?.total ?? 0, showSizeChanger: true, showTotal: (total) => t('common.total', { total }) }}
      />
      <LeadFormDrawer open={creating} onClose={() => setCreating(false)} />
      <ImportModal open={importing} onClose={() => setImporting(false)} />
      <LeadDetailDrawer id={openId} onClose={() => setOpenId(null)} />
    </>
  )
}

function ImportModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t, lang, errorText } = useI18n()
  const { message } = App.useApp()
  const importLeads = useImportLeads()
  const [problems, setProblems] = useState<string[] | null>(null)

  const upload = async (file: File) => {
    setProblems(null)
    const bytes = new Uint8Array(await file.arrayBuffer())
    let binary = ''
    for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000))
    importLeads.mutate(
      { fileName: file.name, contentBase64: btoa(binary) },
      {
        onSuccess: (result) => {
          message.success(t('leads.importDone', { count: result.imported }))
          onClose()
        },
        onError: (error) => setProblems(error instanceof ApiError && error.fields.length ? [errorText(error), ...error.fields.map((f) => pickServerMessage(lang, f))] : [errorText(error)]),
      },
    )
    return false
  }

  return (
    <Modal open={open} title={t('leads.import')} footer={null} onCancel={onClose} destroyOnHidden>
      <Typography.Paragraph>{t('leads.importHint')}</Typography.Paragraph>
      <Space style={{ marginBottom: 12 }}>
        <Upload accept=".xlsx,.csv" showUploadList={false} beforeUpload={upload}>
          <Button icon={<UploadOutlined />} loading={importLeads.isPending}>
            {t('leads.importFile')}
          </Button>
        </Upload>
        <Button icon={<DownloadOutlined />} href="/api/leads/import/template.xlsx">
          {t('leads.importTemplate')}
        </Button>
      </Space>
      {problems && (
        <Alert
          type="error"
          showIcon
          title={problems[0]}
          description={
            <ul style={{ paddingInlineStart: 18, margin: 0, maxHeight: 240, overflowY: 'auto' }}>
              {problems.slice(1).map((p) => (
                <li key={p}>{p}</li>
              ))}
            </ul>
          }
        />
      )}
    </Modal>
  )
}

function FunnelTab() {
  const { t, lang, errorText } = useI18n()
  const funnel = useFunnel()
  const rows = funnel.data
  const columns: TableColumnsType<{ key: string; name: string; leads: number; valid: number; reported: number; granted: number; signed: number }> = [
    { title: t('leads.funnel.group'), key: 'name', render: (_, r) => (r.key === 'total' ? t('leads.funnel.total') : r.name) },
    ...(['leads', 'valid', 'reported', 'granted', 'signed'] as const).map((k) => ({
      title: t(`leads.funnel.${k}`),
      dataIndex: k,
      align: 'right' as const,
      render: (v: number) => formatNumber(v, lang),
    })),
  ]
  if (funnel.isError) return <Alert type="error" showIcon title={errorText(funnel.error)} />
  return (
    <>
      <Typography.Title level={5}>{t('leads.funnel.byChannel')}</Typography.Title>
      <Table rowKey="key" size="small" pagination={false} loading={funnel.isFetching} columns={columns} dataSource={rows ? [...rows.byChannel, rows.total] : []} />
      <Typography.Title level={5} style={{ marginTop: 24 }}>
        {t('leads.funnel.byRegion')}
      </Typography.Title>
      <Table rowKey="key" size="small" pagination={false} loading={funnel.isFetching} columns={columns} dataSource={rows?.byRegion ?? []} />
      <Typography.Paragraph type="secondary" style={{ marginTop: 12 }}>
        {t('leads.funnel.signedNote')}
      </Typography.Paragraph>
    </>
  )
}

export function LeadsPage() {
  const { t } = useI18n()
  return (
    <>
      <Typography.Title level={3}>{t('leads.title')}</Typography.Title>
      <Tabs
        items={[
          { key: 'inbox', label: t('leads.tab.inbox'), children: <InboxTab /> },
          { key: 'funnel', label: t('leads.tab.funnel'), children: <FunnelTab /> },
        ]}
      />
    </>
  )
}
