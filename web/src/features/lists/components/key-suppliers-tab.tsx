import { DownloadOutlined, EditOutlined, HistoryOutlined, PlusOutlined, SyncOutlined } from '@ant-design/icons'
import { Alert, App, Button, Form, Input, Modal, Popconfirm, Select, Space, Switch, Table, Tag, Tooltip, Typography, type TableColumnsType } from 'antd'
import { useEffect, useState } from 'react'
import { keySupplierSorts, keySupplierStatuses, type KeySupplier, type RefreshResult } from '../../../../../common/src/api/lists.js'
import { useI18n } from '../../../lib/i18n.js'
import { useKeySuppliers, type KeySupplierParams } from '../api/get-key-suppliers.js'
import { useKeySupplierToTarget } from '../api/key-supplier-to-target.js'
import { useRefreshKeySuppliers } from '../api/refresh-key-suppliers.js'
import { useUpdateKeySupplier } from '../api/update-key-supplier.js'
import { columnSortOrder, exportUrl, formatShare, sortParams, supplierStatusColors } from '../list-params.js'
import { HistoryDrawer, type HistoryEntry } from './history-drawer.js'
import { useListContext } from './use-list-context.js'

type SupplierStatus = KeySupplier['status']

export function KeySuppliersTab() {
  const { t, errorText } = useI18n()
  const { message } = App.useApp()
  const ctx = useListContext()
  const [params, setParams] = useState<KeySupplierParams>({ page: 1, pageSize: 20, sort: 'dependence', order: 'desc' })
  const [history, setHistory] = useState<HistoryEntry | null>(null)
  const [editing, setEditing] = useState<KeySupplier | null>(null)
  const [refreshed, setRefreshed] = useState<RefreshResult | null>(null)
  const [form] = Form.useForm<{ status: SupplierStatus; note?: string }>()
  const suppliers = useKeySuppliers(params)
  const refresh = useRefreshKeySuppliers()
  const update = useUpdateKeySupplier()
  const toTarget = useKeySupplierToTarget()

  // district readers see their district; everyone else starts on the city's list
  useEffect(() => {
    if (params.region === undefined && (ctx.ownDistrict || ctx.cityRegion)) {
      setParams((p) => ({ ...p, region: ctx.seesAllRegions ? ctx.cityRegion || undefined : (ctx.ownDistrict ?? undefined) }))
    }
  }, [ctx.ownDistrict, ctx.cityRegion, ctx.seesAllRegions, params.region])

  const region = params.region
  const canRefresh = Boolean(region && params.chain && ctx.canEditRegion(region))

  const runRefresh = () => {
    if (!region || !params.chain) return
    refresh.mutate(
      { region, chain: params.chain },
      { onSuccess: (r) => setRefreshed(r), onError: (error) => message.error(errorText(error)) },
    )
  }

  const saveEdit = (values: { status: SupplierStatus; note?: string }) => {
    if (!editing) return
    update.mutate(
      { id: editing.id, changes: { status: values.status, note: values.note?.trim() || null, version: editing.version } },
      {
        onSuccess: () => {
          message.success(t('lists.saved'))
          setEditing(null)
        },
        onError: (error) => message.error(errorText(error)),
      },
    )
  }

  const addToTargets = (row: KeySupplier) =>
    toTarget.mutate(
      { id: row.id, priority: 'high' },
      { onSuccess: (target) => message.success(t('lists.suppliers.addedToTargets', { name: target.enterpriseName })), onError: (error) => message.error(errorText(error)) },
    )

  const columns: TableColumnsType<KeySupplier> = [
    {
      title: t('lists.segment'),
      key: 'segment',
      sorter: true,
      sortOrder: columnSortOrder(params, 'segment'),
      render: (_, r) => (r.segmentCode ? ctx.segmentName(r.segmentCode, r.segmentName) : <Typography.Text type="secondary">{t('lists.suppliers.noSegment')}</Typography.Text>),
    },
    {
      title: t('lists.suppliers.supplier'),
      key: 'supplierName',
      sorter: true,
      sortOrder: columnSortOrder(params, 'supplierName'),
      render: (_, r) => (
        <Space size={4}>
          <Typography.Link href={`/enterprises/${r.supplierId}`}>{r.supplierName}</Typography.Link>
          {r.vanished && <Tag>{t('lists.suppliers.vanished')}</Tag>}
        </Space>
      ),
    },
    { title: t('lists.suppliers.location'), dataIndex: 'supplierRegionName' },
    { title: t('lists.suppliers.dependence'), key: 'dependence', sorter: true, sortOrder: columnSortOrder(params, 'dependence'), render: (_, r) => formatShare(r.dependence) },
    {
      title: t('lists.suppliers.dependents'),
      key: 'dependents',
      render: (_, r) => (
        <Space size={[4, 4]} wrap style={{ maxWidth: 360 }}>
          {r.dependents.map((d) => (
            <Tag key={d.enterpriseId}>
              {d.enterpriseName} · {formatShare(d.shareOfBuyerCost)}
            </Tag>
          ))}
        </Space>
      ),
    },
    { title: t('lists.status'), key: 'status', render: (_, r) => <Tag color={supplierStatusColors[r.status]}>{t(`lists.suppliers.status.${r.status}`)}</Tag> },
    { title: t('lists.note'), dataIndex: 'note', render: (v: string | null) => v ?? '' },
    {
      title: t('common.actions'),
      key: 'actions',
      fixed: 'right',
      render: (_, r) => (
        <Space size={0}>
          {ctx.canEditRegion(r.regionCode) && (
            <>
              <Button type="link" size="small" icon={<EditOutlined />} onClick={() => { form.setFieldsValue({ status: r.status, note: r.note ?? '' }); setEditing(r) }}>
                {t('common.edit')}
              </Button>
              <Popconfirm title={t('lists.suppliers.addToTargetsConfirm', { name: r.supplierName })} okText={t('lists.suppliers.addToTargets')} cancelText={t('common.cancel')} onConfirm={() => addToTargets(r)}>
                <Button type="link" size="small" icon={<PlusOutlined />}>
                  {t('lists.suppliers.addToTargets')}
                </Button>
              </Popconfirm>
            </>
          )}
          <Tooltip title={t('lists.history')}>
            <Button type="link" size="small" aria-label={t('lists.history')} icon={<HistoryOutlined />} onClick={() => setHistory({ list: 'key-suppliers', key: r.id, title: r.supplierName })} />
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
            style={{ width: 160 }}
            value={params.region}
            options={ctx.regionOptions}
            onChange={(value) => { setRefreshed(null); setParams((p) => ({ ...p, region: value, page: 1 })) }}
          />
        )}
        <Select
          aria-label={t('lists.chain')}
          placeholder={t('lists.chain')}
          allowClear
          showSearch={{ optionFilterProp: 'label' }}
          style={{ width: 200 }}
          value={params.chain}
          options={ctx.chainOptions}
          onChange={(chain) => { setRefreshed(null); setParams((p) => ({ ...p, chain: chain ?? undefined, segment: undefined, page: 1 })) }}
        />
        <Select
          aria-label={t('lists.segment')}
          placeholder={t('lists.segment')}
          allowClear
          disabled={!params.chain}
          style={{ width: 200 }}
          value={params.segment}
          options={ctx.segmentOptions(params.chain)}
          onChange={(segment) => setParams((p) => ({ ...p, segment: segment ?? undefined, page: 1 }))}
        />
        <Select
          aria-label={t('lists.status')}
          placeholder={t('lists.status')}
          allowClear
          style={{ width: 140 }}
          value={params.status}
          options={keySupplierStatuses.map((s) => ({ value: s, label: t(`lists.suppliers.status.${s}`) }))}
          onChange={(status) => setParams((p) => ({ ...p, status: status ?? undefined, page: 1 }))}
        />
        <Input.Search
          aria-label={t('lists.searchEnterprise')}
          placeholder={t('lists.searchEnterprise')}
          allowClear
          style={{ width: 220 }}
          onSearch={(q) => setParams((p) => ({ ...p, q: q.trim() || undefined, page: 1 }))}
        />
        <Space size={4}>
          <Switch size="small" aria-label={t('lists.suppliers.showVanished')} checked={params.includeVanished === 'true'} onChange={(on) => setParams((p) => ({ ...p, includeVanished: on ? 'true' : 'false', page: 1 }))} />
          <Typography.Text>{t('lists.suppliers.showVanished')}</Typography.Text>
        </Space>
        {ctx.canWriteRegions && (
          <Tooltip title={canRefresh ? undefined : t('lists.suppliers.pickRegionChain')}>
            <Button type="primary" icon={<SyncOutlined />} disabled={!canRefresh} loading={refresh.isPending} onClick={runRefresh}>
              {t('lists.suppliers.refresh')}
            </Button>
          </Tooltip>
        )}
        <Button icon={<DownloadOutlined />} href={exportUrl('key-suppliers', params)}>
          {t('lists.export')}
        </Button>
      </Space>
      {refreshed && (
        <Alert
          type="success"
          showIcon
          closable={{ onClose: () => setRefreshed(null) }}
          style={{ marginBottom: 16 }}
          title={t('lists.suppliers.refreshed', { leaders: refreshed.leaders, found: refreshed.found, added: refreshed.added, updated: refreshed.updated, vanished: refreshed.vanished })}
        />
      )}
      {suppliers.isError && <Alert type="error" showIcon title={errorText(suppliers.error)} style={{ marginBottom: 16 }} />}
      <Table<KeySupplier>
        rowKey="id"
        size="middle"
        columns={columns}
        dataSource={suppliers.data?.items ?? []}
        loading={suppliers.isFetching}
        scroll={{ x: 'max-content' }}
        onChange={(pagination, _filters, sorter) => {
          const s = sortParams(Array.isArray(sorter) ? sorter[0] : sorter, keySupplierSorts)
          setParams((p) => ({
            ...p,
            sort: s.sort ?? 'dependence',
            order: s.order ?? 'desc',
            page: pagination.pageSize === p.pageSize ? (pagination.current ?? 1) : 1,
            pageSize: pagination.pageSize ?? p.pageSize,
          }))
        }}
        pagination={{ current: params.page, pageSize: params.pageSize, total: suppliers.data?.total ?? 0, showSizeChanger: true, showTotal: (total) => t('common.total', { total }) }}
      />
      <Modal
        open={editing !== null}
        title={editing ? t('lists.suppliers.editTitle', { name: editing.supplierName }) : ''}
        onCancel={() => setEditing(null)}
        onOk={() => form.submit()}
        okText={t('common.save')}
        cancelText={t('common.cancel')}
        okButtonProps={{ loading: update.isPending }}
        forceRender
      >
        <Form form={form} layout="vertical" onFinish={saveEdit}>
          <Form.Item name="status" label={t('lists.status')} rules={[{ required: true }]}>
            <Select options={keySupplierStatuses.map((s) => ({ value: s, label: t(`lists.suppliers.status.${s}`) }))} />
          </Form.Item>
          <Form.Item name="note" label={t('lists.note')}>
            <Input.TextArea rows={3} maxLength={1000} />
          </Form.Item>
        </Form>
      </Modal>
      <HistoryDrawer entry={history} onClose={() => setHistory(null)} />
    </>
  )
}
