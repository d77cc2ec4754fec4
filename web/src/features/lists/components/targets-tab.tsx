import { DownloadOutlined, EditOutlined, HistoryOutlined, PlusOutlined, UploadOutlined } from '@ant-design/icons'
import { Alert, Button, Input, Select, Space, Table, Tag, Tooltip, Typography, type TableColumnsType } from 'antd'
import { useState } from 'react'
import { targetPriorities, targetSorts, targetStatuses, type Target } from '../../../../../common/src/api/lists.js'
import { formatDateTime } from '../../../lib/format.js'
import { useI18n } from '../../../lib/i18n.js'
import { useTargets, type TargetParams } from '../api/get-targets.js'
import { columnSortOrder, exportUrl, priorityColors, sortParams, targetStatusColors } from '../list-params.js'
import { HistoryDrawer, type HistoryEntry } from './history-drawer.js'
import { TargetFormDrawer, type TargetFormMode } from './target-form-drawer.js'
import { TargetImportModal } from './target-import-modal.js'
import { useListContext } from './use-list-context.js'

export function TargetsTab() {
  const { t, errorText } = useI18n()
  const ctx = useListContext()
  const [params, setParams] = useState<TargetParams>({ page: 1, pageSize: 20, sort: 'updatedAt', order: 'desc' })
  const [history, setHistory] = useState<HistoryEntry | null>(null)
  const [formMode, setFormMode] = useState<TargetFormMode | null>(null)
  const [importing, setImporting] = useState(false)
  const targets = useTargets(params)

  const columns: TableColumnsType<Target> = [
    { title: t('lists.region'), dataIndex: 'regionName' },
    {
      title: t('lists.enterprise'),
      key: 'enterpriseName',
      sorter: true,
      sortOrder: columnSortOrder(params, 'enterpriseName'),
      render: (_, r) => <Typography.Link href={`/enterprises/${r.enterpriseId}`}>{r.enterpriseName}</Typography.Link>,
    },
    {
      title: t('lists.chain'),
      key: 'chain',
      render: (_, r) => [ctx.chainName(r.chainCode, r.chainName), ctx.segmentName(r.segmentCode, r.segmentName)].filter(Boolean).join(' / '),
    },
    {
      title: t('lists.targets.priority'),
      key: 'priority',
      sorter: true,
      sortOrder: columnSortOrder(params, 'priority'),
      render: (_, r) => <Tag color={priorityColors[r.priority]}>{t(`lists.targets.priority.${r.priority}`)}</Tag>,
    },
    {
      title: t('lists.status'),
      key: 'status',
      sorter: true,
      sortOrder: columnSortOrder(params, 'status'),
      render: (_, r) => <Tag color={targetStatusColors[r.status]}>{t(`lists.targets.status.${r.status}`)}</Tag>,
    },
    { title: t('lists.targets.owner'), dataIndex: 'ownerName' },
    {
      title: t('lists.targets.nextStep'),
      key: 'nextStepDue',
      sorter: true,
      sortOrder: columnSortOrder(params, 'nextStepDue'),
      render: (_, r) => (r.nextStep || r.nextStepDue ? `${r.nextStep ?? ''}${r.nextStepDue ? ` (${r.nextStepDue})` : ''}` : ''),
    },
    { title: t('lists.targets.reason'), dataIndex: 'reason', ellipsis: true, width: 240 },
    { title: t('lists.targets.source'), key: 'source', render: (_, r) => t(`lists.targets.source.${r.source}`) },
    { title: t('lists.updatedAt'), key: 'updatedAt', sorter: true, sortOrder: columnSortOrder(params, 'updatedAt'), render: (_, r) => formatDateTime(r.updatedAt) },
    {
      title: t('common.actions'),
      key: 'actions',
      fixed: 'right',
      render: (_, r) => (
        <Space size={0}>
          {ctx.canEditRegion(r.regionCode) && (
            <Button type="link" size="small" icon={<EditOutlined />} onClick={() => setFormMode({ kind: 'edit', target: r })}>
              {t('common.edit')}
            </Button>
          )}
          <Tooltip title={t('lists.history')}>
            <Button type="link" size="small" aria-label={t('lists.history')} icon={<HistoryOutlined />} onClick={() => setHistory({ list: 'targets', key: r.id, title: r.enterpriseName })} />
          </Tooltip>
        </Space>
      ),
    },
  ]

  return (
    <>
      <Space wrap style={{ marginBottom: 16 }}>
        {ctx.seesAllRegions && (
          <Select
            aria-label={t('lists.region')}
            placeholder={t('lists.region')}
            allowClear
            style={{ width: 160 }}
            value={params.region}
            options={ctx.regionOptions}
            onChange={(region) => setParams((p) => ({ ...p, region: region ?? undefined, page: 1 }))}
          />
        )}
        <Select
          aria-label={t('lists.chain')}
          placeholder={t('lists.chain')}
          allowClear
          showSearch={{ optionFilterProp: 'label' }}
          style={{ width: 180 }}
          value={params.chain}
          options={ctx.chainOptions}
          onChange={(chain) => setParams((p) => ({ ...p, chain: chain ?? undefined, page: 1 }))}
        />
        <Select
          aria-label={t('lists.status')}
          placeholder={t('lists.status')}
          allowClear
          style={{ width: 130 }}
          value={params.status}
          options={targetStatuses.map((s) => ({ value: s, label: t(`lists.targets.status.${s}`) }))}
          onChange={(status) => setParams((p) => ({ ...p, status: status ?? undefined, page: 1 }))}
        />
        <Select
          aria-label={t('lists.targets.priority')}
          placeholder={t('lists.targets.priority')}
          allowClear
          style={{ width: 120 }}
          value={params.priority}
          options={targetPriorities.map((p) => ({ value: p, label: t(`lists.targets.priority.${p}`) }))}
          onChange={(priority) => setParams((p) => ({ ...p, priority: priority ?? undefined, page: 1 }))}
        />
        <Input.Search
          aria-label={t('lists.searchEnterprise')}
          placeholder={t('lists.searchEnterprise')}
          allowClear
          style={{ width: 220 }}
          onSearch={(q) => setParams((p) => ({ ...p, q: q.trim() || undefined, page: 1 }))}
        />
        {ctx.canWriteRegions && (
          <>
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setFormMode({ kind: 'create' })}>
              {t('lists.targets.create')}
            </Button>
            <Button icon={<UploadOutlined />} onClick={() => setImporting(true)}>
              {t('lists.import.open')}
            </Button>
          </>
        )}
        <Button icon={<DownloadOutlined />} href={exportUrl('targets', params)}>
          {t('lists.export')}
        </Button>
      </Space>
      {targets.isError && <Alert type="error" showIcon title={errorText(targets.error)} style={{ marginBottom: 16 }} />}
      <Table<Target>
        rowKey="id"
        size="middle"
        columns={columns}
        dataSource={targets.data?.items ?? []}
        loading={targets.isFetching}
        scroll={{ x: 'max-content' }}
        onChange={(pagination, _filters, sorter) => {
          const s = sortParams(Array.isArray(sorter) ? sorter[0] : sorter, targetSorts)
          setParams((p) => ({
            ...p,
            sort: s.sort ?? 'updatedAt',
            order: s.order ?? 'desc',
            page: pagination.pageSize === p.pageSize ? (pagination.current ?? 1) : 1,
            pageSize: pagination.pageSize ?? p.pageSize,
          }))
        }}
        pagination={{ current: params.page, pageSize: params.pageSize, total: targets.data?.total ?? 0, showSizeChanger: true, showTotal: (total) => t('common.total', { total }) }}
      />
      <TargetFormDrawer mode={formMode} onClose={() => setFormMode(null)} />
      <TargetImportModal open={importing} onClose={() => setImporting(false)} />
      <HistoryDrawer entry={history} onClose={() => setHistory(null)} />
    </>
  )
}
