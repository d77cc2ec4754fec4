import { CheckOutlined, CloseOutlined, DownloadOutlined, HistoryOutlined, ThunderboltOutlined } from '@ant-design/icons'
import { Alert, App, Button, Input, Modal, Select, Space, Table, Tag, Tooltip, Typography, type TableColumnsType } from 'antd'
import { useState } from 'react'
import { chainLeaderSorts, chainLeaderStatuses, type ChainLeader } from '../../../../../common/src/api/lists.js'
import { formatDateTime } from '../../../lib/format.js'
import { useI18n } from '../../../lib/i18n.js'
import { useChainLeaders, type ChainLeaderParams } from '../api/get-chain-leaders.js'
import { useDecideChainLeader } from '../api/decide-chain-leader.js'
import { useProposeChainLeaders } from '../api/propose-chain-leaders.js'
import { columnSortOrder, exportUrl, leaderStatusColors, sortParams } from '../list-params.js'
import { HistoryDrawer, type HistoryEntry } from './history-drawer.js'
import { useListContext } from './use-list-context.js'

type Decision = { leader: ChainLeader; decision: 'confirm' | 'reject' }

export function ChainLeadersTab() {
  const { t, errorText } = useI18n()
  const { message } = App.useApp()
  const ctx = useListContext()
  const [params, setParams] = useState<ChainLeaderParams>({ page: 1, pageSize: 20, sort: 'score', order: 'desc' })
  const [history, setHistory] = useState<HistoryEntry | null>(null)
  const [deciding, setDeciding] = useState<Decision | null>(null)
  const [note, setNote] = useState('')
  const leaders = useChainLeaders(params)
  const propose = useProposeChainLeaders()
  const decide = useDecideChainLeader()

  const runPropose = () => {
    if (!params.chain) return
    propose.mutate(params.chain, {
      onSuccess: (r) => message.success(t('lists.leaders.proposed', { considered: r.considered, proposed: r.proposed, inserted: r.inserted, updated: r.updated, kept: r.kept })),
      onError: (error) => message.error(errorText(error)),
    })
  }

  const submitDecision = () => {
    if (!deciding) return
    decide.mutate(
      { key: deciding.leader.key, decision: { decision: deciding.decision, note: note.trim() || undefined, version: deciding.leader.version } },
      {
        onSuccess: () => {
          message.success(t(deciding.decision === 'confirm' ? 'lists.leaders.confirmed' : 'lists.leaders.rejected', { name: deciding.leader.enterpriseName }))
          setDeciding(null)
        },
        onError: (error) => message.error(errorText(error)),
      },
    )
  }

  const columns: TableColumnsType<ChainLeader> = [
    { title: t('lists.chain'), key: 'chain', render: (_, r) => ctx.chainName(r.chainCode, r.chainName) },
    {
      title: t('lists.enterprise'),
      key: 'enterpriseName',
      sorter: true,
      sortOrder: columnSortOrder(params, 'enterpriseName'),
      render: (_, r) => <Typography.Link href={`/enterprises/${r.enterpriseId}`}>{r.enterpriseName}</Typography.Link>,
    },
    { title: t('lists.district'), dataIndex: 'regionName' },
    {
      title: t('lists.status'),
      key: 'status',
      sorter: true,
      sortOrder: columnSortOrder(params, 'status'),
      render: (_, r) => <Tag color={leaderStatusColors[r.status]}>{t(`lists.leaders.status.${r.status}`)}</Tag>,
    },
    { title: t('lists.leaders.score'), key: 'score', sorter: true, sortOrder: columnSortOrder(params, 'score'), render: (_, r) => r.score.toFixed(1) },
    {
      title: t('lists.leaders.factors'),
      key: 'factors',
      render: (_, r) => (
        <Typography.Text type="secondary">
          {t('lists.leaders.factorText', {
            rank: r.criteria.revenueRank ?? '—',
            firms: r.criteria.firmsInChain ?? '—',
            suppliers: r.criteria.localSuppliers ?? '—',
            customers: r.criteria.localCustomers ?? '—',
          })}
          {(r.criteria.tags ?? []).map((tag) => (
            <Tag key={tag} style={{ marginLeft: 4 }}>
              {tag}
            </Tag>
          ))}
        </Typography.Text>
      ),
    },
    { title: t('lists.note'), dataIndex: 'note', render: (v: string | null) => v ?? '' },
    { title: t('lists.updatedAt'), key: 'updatedAt', sorter: true, sortOrder: columnSortOrder(params, 'updatedAt'), render: (_, r) => formatDateTime(r.updatedAt) },
    {
      title: t('common.actions'),
      key: 'actions',
      fixed: 'right',
      render: (_, r) => (
        <Space size={0}>
          {ctx.isCity && r.status !== 'confirmed' && (
            <Button type="link" size="small" icon={<CheckOutlined />} onClick={() => { setNote(r.note ?? ''); setDeciding({ leader: r, decision: 'confirm' }) }}>
              {t('lists.leaders.confirm')}
            </Button>
          )}
          {ctx.isCity && r.status !== 'rejected' && (
            <Button type="link" size="small" danger icon={<CloseOutlined />} onClick={() => { setNote(r.note ?? ''); setDeciding({ leader: r, decision: 'reject' }) }}>
              {t('lists.leaders.reject')}
            </Button>
          )}
          <Tooltip title={t('lists.history')}>
            <Button type="link" size="small" aria-label={t('lists.history')} icon={<HistoryOutlined />} onClick={() => setHistory({ list: 'chain-leaders', key: r.key, title: r.enterpriseName })} />
          </Tooltip>
        </Space>
      ),
    },
  ]

  return (
    <>
      <Space wrap style={{ marginBottom: 16 }}>
        <Select
          aria-label={t('lists.chain')}
          placeholder={t('lists.chain')}
          allowClear
          showSearch={{ optionFilterProp: 'label' }}
          style={{ width: 200 }}
          value={params.chain}
          options={ctx.chainOptions}
          onChange={(chain) => setParams((p) => ({ ...p, chain: chain ?? undefined, page: 1 }))}
        />
        <Select
          aria-label={t('lists.status')}
          placeholder={t('lists.status')}
          allowClear
          style={{ width: 140 }}
          value={params.status}
          options={chainLeaderStatuses.map((s) => ({ value: s, label: t(`lists.leaders.status.${s}`) }))}
          onChange={(status) => setParams((p) => ({ ...p, status: status ?? undefined, page: 1 }))}
        />
        <Select
          aria-label={t('lists.district')}
          placeholder={t('lists.district')}
          allowClear
          style={{ width: 160 }}
          value={params.district}
          options={ctx.districtOptions}
          onChange={(district) => setParams((p) => ({ ...p, district: district ?? undefined, page: 1 }))}
        />
        <Input.Search
          aria-label={t('lists.searchEnterprise')}
          placeholder={t('lists.searchEnterprise')}
          allowClear
          style={{ width: 240 }}
          onSearch={(q) => setParams((p) => ({ ...p, q: q.trim() || undefined, page: 1 }))}
        />
        {ctx.isCity && (
          <Tooltip title={params.chain ? undefined : t('lists.leaders.pickChainFirst')}>
            <Button type="primary" icon={<ThunderboltOutlined />} disabled={!params.chain} loading={propose.isPending} onClick={runPropose}>
              {t('lists.leaders.propose')}
            </Button>
          </Tooltip>
        )}
        <Button icon={<DownloadOutlined />} href={exportUrl('chain-leaders', params)}>
          {t('lists.export')}
        </Button>
      </Space>
      {leaders.isError && <Alert type="error" showIcon title={errorText(leaders.error)} style={{ marginBottom: 16 }} />}
      <Table<ChainLeader>
        rowKey="key"
        size="middle"
        columns={columns}
        dataSource={leaders.data?.items ?? []}
        loading={leaders.isFetching}
        scroll={{ x: 'max-content' }}
        onChange={(pagination, _filters, sorter) => {
          const s = sortParams(Array.isArray(sorter) ? sorter[0] : sorter, chainLeaderSorts)
          setParams((p) => ({
            ...p,
            sort: s.sort ?? 'score',
            order: s.order ?? 'desc',
            page: pagination.pageSize === p.pageSize ? (pagination.current ?? 1) : 1,
            pageSize: pagination.pageSize ?? p.pageSize,
          }))
        }}
        pagination={{ current: params.page, pageSize: params.pageSize, total: leaders.data?.total ?? 0, showSizeChanger: true, showTotal: (total) => t('common.total', { total }) }}
      />
      <Modal
        open={deciding !== null}
        title={deciding ? t(deciding.decision === 'confirm' ? 'lists.leaders.confirmTitle' : 'lists.leaders.rejectTitle', { name: deciding.leader.enterpriseName }) : ''}
        onCancel={() => setDeciding(null)}
        onOk={submitDecision}
        okText={deciding?.decision === 'reject' ? t('lists.leaders.reject') : t('lists.leaders.confirm')}
        okButtonProps={{ danger: deciding?.decision === 'reject', loading: decide.isPending }}
        cancelText={t('common.cancel')}
        destroyOnHidden
      >
        <Input.TextArea aria-label={t('lists.note')} placeholder={t('lists.leaders.notePlaceholder')} rows={3} maxLength={500} value={note} onChange={(e) => setNote(e.target.value)} />
      </Modal>
      <HistoryDrawer entry={history} onClose={() => setHistory(null)} />
    </>
  )
}
