import { PlusOutlined } from '@ant-design/icons'
import { Alert, Button, Card, Input, Select, Space, Table, Tag, Typography, type TableColumnsType } from 'antd'
import type { SorterResult } from 'antd/es/table/interface'
import { useState } from 'react'
import { Link, useNavigate } from 'react-router-dom'
import {
  enterpriseSortKeys,
  KNOWN_ENTERPRISE_TAGS,
  sizeClasses,
  type EnterpriseListQuery,
  type EnterpriseSummary,
} from '../../../../../common/src/api/enterprise.js'
import { useTenantReference } from '../../../api/reference/get-tenant-reference.js'
import { formatNumber } from '../../../lib/format.js'
import { useI18n } from '../../../lib/i18n.js'
import { pickName } from '../../../lib/translate.js'
import { useChainCatalog } from '../api/get-chain-catalog.js'
import { useEnterprises } from '../api/get-enterprises.js'
import { useCurrentUser } from '../api/get-me.js'
import { mayEdit } from '../permissions.js'
import { EnterpriseFormDrawer, type EnterpriseFormMode } from './enterprise-form-drawer.js'

type SortKey = (typeof enterpriseSortKeys)[number]

export function EnterprisesPage() {
  const { t, lang, errorText } = useI18n()
  const navigate = useNavigate()
  const [params, setParams] = useState<EnterpriseListQuery>({ page: 1, pageSize: 20, sort: 'revenue', order: 'desc' })
  const [formMode, setFormMode] = useState<EnterpriseFormMode | null>(null)
  const list = useEnterprises(params)
  const reference = useTenantReference()
  const catalog = useChainCatalog()
  const me = useCurrentUser()
  const set = (patch: Partial<EnterpriseListQuery>) => setParams((p) => ({ ...p, ...patch, page: 1 }))
  const chain = catalog.data?.chains.find((c) => c.code === params.chain)

  const sortOrder = (key: SortKey) => (params.sort === key ? (params.order === 'asc' ? 'ascend' : 'descend') : null)
  const columns: TableColumnsType<EnterpriseSummary> = [
    {
      title: t('enterprise.field.name'),
      dataIndex: 'name',
      key: 'name',
      sorter: true,
      sortOrder: sortOrder('name'),
      render: (name: string, e) => (
        <Space orientation="vertical" size={0}>
          <Link to={`/enterprises/${e.id}`}>{name}</Link>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {e.uscc}
          </Typography.Text>
        </Space>
      ),
    },
    {
      title: t('enterprise.field.region'),
      dataIndex: 'regionName',
      render: (name: string, e) => (e.local ? name : <Tag>{name}</Tag>),
    },
    { title: t('enterprise.field.industryCode'), dataIndex: 'industryCode' },
    {
      title: t('enterprise.field.revenue'),
      dataIndex: 'revenue',
      key: 'revenue',
      align: 'right',
      sorter: true,
      sortOrder: sortOrder('revenue'),
      render: (v: number | null) => (v === null ? '-' : formatNumber(Math.round(v), lang)),
    },
    {
      title: t('enterprise.field.employees'),
      dataIndex: 'employees',
      key: 'employees',
      align: 'right',
      sorter: true,
      sortOrder: sortOrder('employees'),
      render: (v: number | null) => (v === null ? '-' : formatNumber(v, lang)),
    },
    { title: t('enterprise.field.foundedOn'), dataIndex: 'foundedOn', key: 'founded', sorter: true, sortOrder: sortOrder('founded') },
    { title: t('enterprise.field.size'), dataIndex: 'sizeClass', render: (s: EnterpriseSummary['sizeClass']) => (s ? t(`enterprise.size.${s}`) : '-') },
    {
      title: t('enterprise.field.tags'),
      dataIndex: 'tags',
      render: (tags: string[], e) => (
        <Space size={[0, 4]} wrap>
          {e.chainLeader && <Tag color="red">{t('enterprise.field.chainLeader')}</Tag>}
          {tags.map((tag) => (
            <Tag key={tag} color={KNOWN_ENTERPRISE_TAGS.includes(tag as never) ? 'blue' : undefined}>
              {tag}
            </Tag>
          ))}
        </Space>
      ),
    },
  ]

  return (
    <Card
      title={t('enterprise.title')}
      extra={
        mayEdit(me.data) && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setFormMode({ kind: 'create' })}>
            {t('enterprise.create')}
          </Button>
        )
      }
    >
      <Space wrap style={{ marginBottom: 16 }}>
        <Input.Search
          aria-label={t('enterprise.search.placeholder')}
          placeholder={t('enterprise.search.placeholder')}
          allowClear
          enterButton={t('common.search')}
          style={{ width: 440 }}
          onSearch={(q) => set({ q: q.trim() || undefined })}
        />
        <Select
          aria-label={t('enterprise.filter.region')}
          placeholder={t('enterprise.filter.region')}
          allowClear
          style={{ width: 160 }}
          value={params.region}
          onChange={(region) => set({ region: region ?? undefined })}
          options={[
            { value: 'local', label: t('enterprise.region.local') },
            { value: 'external', label: t('enterprise.region.external') },
            ...(reference.data?.districts ?? []).map((d) => ({ value: d.code, label: d.nameZh })),
          ]}
        />
        <Select
          aria-label={t('enterprise.filter.chain')}
          placeholder={t('enterprise.filter.chain')}
          allowClear
          showSearch={{ optionFilterProp: 'label' }}
          style={{ width: 170 }}
          value={params.chain}
          onChange={(code) => set({ chain: code ?? undefined, segment: undefined })}
          options={(catalog.data?.chains ?? []).map((c) => ({ value: c.code, label: pickName(lang, c) }))}
        />
        <Select
          aria-label={t('enterprise.filter.segment')}
          placeholder={t('enterprise.filter.segment')}
          allowClear
          disabled={!chain}
          style={{ width: 180 }}
          value={params.segment}
          onChange={(code) => set({ segment: code ?? undefined })}
          options={(chain?.segments ?? []).map((s) => ({ value: s.code, label: pickName(lang, s) }))}
        />
        <Select
          aria-label={t('enterprise.filter.tag')}
          placeholder={t('enterprise.filter.tag')}
          allowClear
          style={{ width: 140 }}
          value={params.tag}
          onChange={(tag) => set({ tag: tag ?? undefined })}
          options={KNOWN_ENTERPRISE_TAGS.map((tag) => ({ value: tag, label: tag }))}
        />
        <Select
          aria-label={t('enterprise.filter.size')}
          placeholder={t('enterprise.filter.size')}
          allowClear
          style={{ width: 110 }}
          value={params.size}
          onChange={(size) => set({ size: size ?? undefined })}
          options={sizeClasses.map((s) => ({ value: s, label: t(`enterprise.size.${s}`) }))}
        />
        <Select
          aria-label={t('enterprise.filter.chainLeader')}
          placeholder={t('enterprise.filter.chainLeader')}
          allowClear
          style={{ width: 120 }}
          value={params.chainLeader}
          onChange={(v) => set({ chainLeader: v ?? undefined })}
          options={[
            { value: 'true', label: t('enterprise.yes') },
            { value: 'false', label: t('enterprise.no') },
          ]}
        />
      </Space>
      {list.isError && <Alert type="error" showIcon title={errorText(list.error)} style={{ marginBottom: 16 }} />}
      <Table<EnterpriseSummary>
        rowKey="id"
        size="middle"
        columns={columns}
        dataSource={list.data?.items ?? []}
        loading={list.isFetching}
        scroll={{ x: 'max-content' }}
        onChange={(pagination, _filters, sorter) => {
          const s = (Array.isArray(sorter) ? sorter[0] : sorter) as SorterResult<EnterpriseSummary> | undefined
          const key = (s?.columnKey as SortKey | undefined) ?? undefined
          setParams((p) => {
            const sort = s?.order && key ? key : 'revenue'
            const order = s?.order === 'ascend' ? 'asc' : 'desc'
            const sortChanged = sort !== p.sort || order !== p.order
            const pageSize = pagination.pageSize ?? p.pageSize
            return { ...p, sort, order, pageSize, page: sortChanged || pageSize !== p.pageSize ? 1 : (pagination.current ?? 1) }
          })
        }}
        pagination={{
          current: params.page,
          pageSize: params.pageSize,
          total: list.data?.total ?? 0,
          showSizeChanger: true,
          showTotal: (total) => (list.data?.totalCapped ? t('enterprise.totalCapped', { total }) : t('common.total', { total })),
        }}
      />
      <EnterpriseFormDrawer mode={formMode} onClose={() => setFormMode(null)} onCreated={(id) => navigate(`/enterprises/${id}`)} />
    </Card>
  )
}
