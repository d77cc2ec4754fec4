import { ArrowLeftOutlined, DeleteOutlined, EditOutlined, MergeCellsOutlined, PlusOutlined } from '@ant-design/icons'
import {
  Alert,
  App,
  Button,
  Card,
  Col,
  Descriptions,
  Empty,
  Form,
  Input,
  InputNumber,
  Modal,
  Popconfirm,
  Result,
  Row,
  Segmented,
  Select,
  Space,
  Spin,
  Statistic,
  Table,
  Tabs,
  Tag,
  Timeline,
  Tree,
  Typography,
  type TableColumnsType,
} from 'antd'
import { useMemo, useState } from 'react'
import { Link, useNavigate, useParams } from 'react-router-dom'
import type { EnterpriseDetail, GroupNode, Relation, RelationKindValue } from '../../../../../common/src/api/enterprise.js'
import { EnterprisePicker } from '../../../components/enterprise-picker.js'
import { ApiError } from '../../../lib/api-client.js'
import { formatDateTime, formatNumber } from '../../../lib/format.js'
import { useI18n } from '../../../lib/i18n.js'
import { pickServerMessage } from '../../../lib/translate.js'
import { useCheckDuplicates } from '../api/check-duplicates.js'
import { useCreateRelation } from '../api/create-relation.js'
import { useDeleteRelation } from '../api/delete-relation.js'
import { useEnterprise } from '../api/get-enterprise.js'
import { useGraph, type GraphParams } from '../api/get-graph.js'
import { useEnterpriseGroup } from '../api/get-group.js'
import { useEnterpriseHistory } from '../api/get-history.js'
import { useCurrentUser } from '../api/get-me.js'
import { useRelations } from '../api/get-relations.js'
import { useSuppliers } from '../api/get-suppliers.js'
import { useMergeEnterprise } from '../api/merge-enterprise.js'
import { relationGraphOption } from '../graph-option.js'
import { mayEdit } from '../permissions.js'
import { EnterpriseFormDrawer } from './enterprise-form-drawer.js'
import { RelationGraph } from './relation-graph.js'

const percent = (v: number | null) => (v === null ? '-' : `${(v * 100).toFixed(1)}%`)
const show = (v: unknown): string => (v === null || v === undefined || v === '' ? '' : Array.isArray(v) ? v.join(', ') : typeof v === 'object' ? JSON.stringify(v) : String(v))

export function EnterpriseDetailPage() {
  const { id = '' } = useParams()
  const { t, errorText } = useI18n()
  const navigate = useNavigate()
  const enterprise = useEnterprise(id)
  const me = useCurrentUser()
  const [editing, setEditing] = useState(false)
  const [merging, setMerging] = useState(false)

  if (enterprise.isLoading) return <Spin style={{ display: 'block', margin: 48 }} />
  if (enterprise.isError || !enterprise.data)
    return <Result status="warning" title={errorText(enterprise.error)} extra={<Link to="/enterprises">{t('enterprise.back')}</Link>} />
  const e = enterprise.data
  const editable = e.status === 'active' && mayEdit(me.data, e.regionCode)

  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <Card
        title={
          <Space wrap>
            <Button type="text" icon={<ArrowLeftOutlined />} aria-label={t('enterprise.back')} onClick={() => navigate('/enterprises')} />
            <span>{e.name}</span>
            {e.chainLeader && <Tag color="red">{t('enterprise.field.chainLeader')}</Tag>}
            {e.status === 'merged' && <Tag>{t('enterprise.status.merged')}</Tag>}
          </Space>
        }
        extra={
          editable && (
            <Space>
              <Button icon={<MergeCellsOutlined />} onClick={() => setMerging(true)}>
                {t('enterprise.merge')}
              </Button>
              <Button type="primary" icon={<EditOutlined />} onClick={() => setEditing(true)}>
                {t('common.edit')}
              </Button>
            </Space>
          )
        }
      >
        {e.mergedInto && (
          <Alert
            type="info"
            showIcon
            style={{ marginBottom: 16 }}
            title={<Link to={`/enterprises/${e.mergedInto.id}`}>{t('enterprise.mergedInto', { name: e.mergedInto.name })}</Link>}
          />
        )}
        <Overview e={e} />
      </Card>
      <Card>
        <Tabs
          items={[
            { key: 'graph', label: t('enterprise.tab.graph'), children: <GraphTab id={e.id} /> },
            { key: 'relations', label: t('enterprise.tab.relations'), children: <RelationsTab e={e} editable={mayEdit(me.data)} /> },
            { key: 'suppliers', label: t('enterprise.tab.suppliers'), children: <SuppliersTab id={e.id} /> },
            { key: 'group', label: t('enterprise.tab.group'), children: <GroupTab id={e.id} /> },
            { key: 'history', label: t('enterprise.tab.history'), children: <HistoryTab id={e.id} /> },
          ]}
        />
      </Card>
      <EnterpriseFormDrawer mode={editing ? { kind: 'edit', enterprise: e } : null} onClose={() => setEditing(false)} />
      <MergeDialog e={e} open={merging} onClose={() => setMerging(false)} />
    </Space>
  )
}

function Overview({ e }: { e: EnterpriseDetail }) {
  const { t, lang } = useI18n()
  const money = (v: number | null) => (v === null ? '-' : formatNumber(Math.round(v), lang))
  return (
    <>
      <Row gutter={16} style={{ marginBottom: 16 }}>
        <Col xs={12} md={6}>
          <Statistic title={t('enterprise.field.revenue')} value={money(e.revenue)} />
        </Col>
        <Col xs={12} md={6}>
          <Statistic title={t('enterprise.field.tax')} value={money(e.tax)} />
        </Col>
        <Col xs={12} md={6}>
          <Statistic title={t('enterprise.field.employees')} value={e.employees === null ? '-' : formatNumber(e.employees, lang)} />
        </Col>
        <Col xs={12} md={6}>
          <Statistic title={t('enterprise.field.size')} value={e.sizeClass ? t(`enterprise.size.${e.sizeClass}`) : '-'} />
        </Col>
      </Row>
      <Descriptions bordered size="small" column={{ xs: 1, md: 2 }}>
        <Descriptions.Item label={t('enterprise.field.uscc')}>
          <Typography.Text copyable code>
            {e.uscc}
          </Typography.Text>
        </Descriptions.Item>
        <Descriptions.Item label={t('enterprise.field.tradeName')}>
          {e.tradeName} <Typography.Text type="secondary">({e.nameInitials})</Typography.Text>
        </Descriptions.Item>
        <Descriptions.Item label={t('enterprise.field.region')}>
          {e.regionName} {e.local ? <Tag color="green">{t('enterprise.field.local')}</Tag> : <Tag>{t('enterprise.region.external')}</Tag>}
        </Descriptions.Item>
        <Descriptions.Item label={t('enterprise.field.industryCode')}>
          {e.industryCode} {e.industryName}
        </Descriptions.Item>
        <Descriptions.Item label={t('enterprise.field.registeredCapital')}>{money(e.registeredCapital)}</Descriptions.Item>
        <Descriptions.Item label={t('enterprise.field.foundedOn')}>{e.foundedOn ?? '-'}</Descriptions.Item>
        <Descriptions.Item label={t('enterprise.field.parent')}>
          {e.parent ? <Link to={`/enterprises/${e.parent.id}`}>{e.parent.name}</Link> : '-'}
        </Descriptions.Item>
        <Descriptions.Item label={t('enterprise.field.actualController')}>{e.actualController ?? '-'}</Descriptions.Item>
        <Descriptions.Item label={t('enterprise.field.founderOrigin')}>{e.founderOriginName ?? '-'}</Descriptions.Item>
        <Descriptions.Item label={t('enterprise.field.tags')} span={2}>
          <Space size={[0, 4]} wrap>
            {e.tags.map((tag) => (
              <Tag key={tag} color="blue">
                {tag}
              </Tag>
            ))}
          </Space>
        </Descriptions.Item>
        <Descriptions.Item label={t('enterprise.field.segments')} span={2}>
          <Space size={[0, 4]} wrap>
            {e.segments.map((s) => (
              <Tag key={s.segmentCode} color={s.main ? 'geekblue' : undefined}>
                {s.chainName} · {s.segmentName}
                {s.main ? ` (${t('enterprise.field.mainSegment')})` : ''} · {t(`enterprise.segment.source.${s.source}`)}
              </Tag>
            ))}
          </Space>
        </Descriptions.Item>
        <Descriptions.Item label={t('enterprise.field.formerNames')} span={2}>
          {e.formerNames.length ? e.formerNames.join('; ') : '-'}
        </Descriptions.Item>
        <Descriptions.Item label={t('enterprise.field.address')} span={2}>
          {e.address ?? '-'}
        </Descriptions.Item>
        <Descriptions.Item label={t('enterprise.field.businessScope')} span={2}>
          {e.businessScope ?? '-'}
        </Descriptions.Item>
      </Descriptions>
    </>
  )
}

function GraphTab({ id }: { id: string }) {
  const { t, errorText } = useI18n()
  const navigate = useNavigate()
  const [params, setParams] = useState<GraphParams>({ depth: 1, direction: 'both' })
  const graph = useGraph(id, params)
  const option = useMemo(
    () =>
      graph.data &&
      relationGraphOption(graph.data, {
        root: t('enterprise.graph.legend.root'),
        local: t('enterprise.graph.legend.local'),
        external: t('enterprise.graph.legend.external'),
        kinds: {
          supplier: t('enterprise.relation.kind.supplier'),
          investor: t('enterprise.relation.kind.investor'),
          branch: t('enterprise.relation.kind.branch'),
        },
      }),
    [graph.data, t],
  )
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <Space wrap>
        <Typography.Text>{t('enterprise.graph.depth')}</Typography.Text>
        <Segmented value={params.depth} options={[1, 2, 3]} onChange={(depth) => setParams((p) => ({ ...p, depth: Number(depth) }))} />
        <Typography.Text>{t('enterprise.graph.direction')}</Typography.Text>
        <Segmented
          value={params.direction}
          options={(['both', 'up', 'down'] as const).map((d) => ({ value: d, label: t(`enterprise.graph.direction.${d}`) }))}
          onChange={(direction) => setParams((p) => ({ ...p, direction: direction as GraphParams['direction'] }))}
        />
        <Select
          mode="multiple"
          allowClear
          aria-label={t('enterprise.graph.kinds')}
          placeholder={t('enterprise.graph.kinds')}
          style={{ minWidth: 220 }}
          value={params.kinds ? params.kinds.split(',') : []}
          onChange={(kinds: string[]) => setParams((p) => ({ ...p, kinds: kinds.length ? kinds.join(',') : undefined }))}
          options={(['supplier', 'investor', 'branch'] as const).map((k) => ({ value: k, label: t(`enterprise.relation.kind.${k}`) }))}
        />
        <Typography.Text type="secondary">{t('enterprise.graph.hint')}</Typography.Text>
      </Space>
      {graph.isError && <Alert type="error" showIcon title={errorText(graph.error)} />}
      {graph.data?.truncated && <Alert type="warning" showIcon title={t('enterprise.graph.truncated')} />}
      {graph.data && graph.data.nodes.length <= 1 ? (
        <Empty description={t('common.noData')} />
      ) : (
        option && <RelationGraph option={option} ariaLabel={t('enterprise.tab.graph')} onNodeClick={(nodeId) => nodeId !== id && navigate(`/enterprises/${nodeId}`)} />
      )}
    </Space>
  )
}

/** How a relation reads from this firm's side. */
function directionKey(r: Relation, id: string) {
  const outgoing = r.fromId === id
  switch (r.kind) {
    case 'supplier':
      return outgoing ? ('enterprise.relation.isCustomerOf' as const) : ('enterprise.relation.isSupplierOf' as const)
    case 'investor':
      return outgoing ? ('enterprise.relation.investedBy' as const) : ('enterprise.relation.investsIn' as const)
    case 'branch':
      return outgoing ? ('enterprise.relation.headOffice' as const) : ('enterprise.relation.branchOf' as const)
  }
}

function RelationsTab({ e, editable }: { e: EnterpriseDetail; editable: boolean }) {
  const { t, errorText } = useI18n()
  const relations = useRelations(e.id)
  const remove = useDeleteRelation()
  const { message } = App.useApp()
  const [adding, setAdding] = useState(false)
  const columns: TableColumnsType<Relation> = [
    {
      title: t('enterprise.relation.kind'),
      dataIndex: 'kind',
      render: (kind: RelationKindValue, r) => (
        <Tag color={kind === 'supplier' ? 'blue' : kind === 'investor' ? 'green' : undefined}>
          {kind === 'supplier' && r.fromId === e.id ? t('enterprise.relation.kind.customer') : t(`enterprise.relation.kind.${kind}`)}
        </Tag>
      ),
    },
    {
      title: t('enterprise.relation.counterpart'),
      key: 'counterpart',
      render: (_, r) => {
        const other = r.fromId === e.id ? { id: r.toId, name: r.toName } : { id: r.fromId, name: r.fromName }
        return <Link to={`/enterprises/${other.id}`}>{other.name}</Link>
      },
    },
    { title: t('enterprise.relation.direction'), key: 'direction', render: (_, r) => t(directionKey(r, e.id)) },
    { title: t('enterprise.relation.shareOfBuyerCost'), dataIndex: 'shareOfBuyerCost', align: 'right', render: percent },
    { title: t('enterprise.relation.shareOfSupplierRevenue'), dataIndex: 'shareOfSupplierRevenue', align: 'right', render: percent },
    { title: t('enterprise.relation.equityRatio'), dataIndex: 'equityRatio', align: 'right', render: percent },
    { title: t('enterprise.relation.source'), dataIndex: 'source' },
    { title: t('enterprise.relation.observedOn'), dataIndex: 'observedOn', render: (v: string | null) => v ?? '-' },
    ...(editable
      ? [
          {
            title: t('common.actions'),
            key: 'actions',
            render: (_: unknown, r: Relation) => (
              <Popconfirm
                title={t('enterprise.relation.deleteConfirm')}
                onConfirm={() => remove.mutate(r.id, { onError: (error) => message.error(errorText(error)) })}
              >
                <Button type="link" size="small" danger icon={<DeleteOutlined />}>
                  {t('enterprise.relation.delete')}
                </Button>
              </Popconfirm>
            ),
          },
        ]
      : []),
  ]
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      {editable && e.status === 'active' && (
        <Button icon={<PlusOutlined />} onClick={() => setAdding(true)}>
          {t('enterprise.relation.add')}
        </Button>
      )}
      {relations.data?.truncated && <Alert type="info" showIcon title={t('enterprise.relation.truncated', { count: relations.data.items.length })} />}
      <Table<Relation> rowKey="id" size="small" columns={columns} dataSource={relations.data?.items ?? []} loading={relations.isFetching} scroll={{ x: 'max-content' }} />
      <AddRelationModal e={e} open={adding} onClose={() => setAdding(false)} />
    </Space>
  )
}

interface RelationFormValues {
  kind: RelationKindValue
  side: 'from' | 'to'
  otherId: string
  shareOfBuyerCost?: number | null
  shareOfSupplierRevenue?: number | null
  equityRatio?: number | null
  source: string
  observedOn?: string
}

function AddRelationModal({ e, open, onClose }: { e: EnterpriseDetail; open: boolean; onClose: () => void }) {
  const { t, lang, errorText } = useI18n()
  const [form] = Form.useForm<RelationFormValues>()
  const create = useCreateRelation()
  const [error, setError] = useState<string | null>(null)
  const kind = Form.useWatch('kind', form) ?? 'supplier'
  const pct = (v: number | null | undefined) => (v === null || v === undefined ? null : v / 100)
  const submit = (v: RelationFormValues) => {
    setError(null)
    const fromId = v.side === 'from' ? e.id : v.otherId
    const toId = v.side === 'from' ? v.otherId : e.id
    create.mutate(
      {
        fromId,
        toId,
        kind: v.kind,
        source: v.source,
        observedOn: v.observedOn || null,
        shareOfBuyerCost: v.kind === 'supplier' ? pct(v.shareOfBuyerCost) : null,
        shareOfSupplierRevenue: v.kind === 'supplier' ? pct(v.shareOfSupplierRevenue) : null,
        equityRatio: v.kind === 'investor' ? pct(v.equityRatio) : null,
      },
      {
        onSuccess: () => {
          form.resetFields()
          onClose()
        },
        onError: (err) => setError(err instanceof ApiError && err.fields.length ? `${errorText(err)} ${err.fields.map((f) => pickServerMessage(lang, f)).join('; ')}` : errorText(err)),
      },
    )
  }
  return (
    <Modal open={open} title={t('enterprise.relation.add')} onCancel={onClose} onOk={() => form.submit()} confirmLoading={create.isPending} destroyOnHidden>
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} />}
      <Form<RelationFormValues> form={form} layout="vertical" initialValues={{ kind: 'supplier', side: 'to', source: 'manual' }} onFinish={submit}>
        <Form.Item name="kind" label={t('enterprise.relation.kind')}>
          <Select options={(['supplier', 'investor', 'branch'] as const).map((k) => ({ value: k, label: t(`enterprise.relation.kind.${k}`) }))} />
        </Form.Item>
        <Form.Item name="side" label={t('enterprise.relation.direction')}>
          <Segmented
            options={[
              { value: 'to', label: t('enterprise.relation.to') },
              { value: 'from', label: t('enterprise.relation.from') },
            ]}
          />
        </Form.Item>
        <Form.Item name="otherId" label={t('enterprise.relation.counterpart')} rules={[{ required: true, message: t('validation.required') }]}>
          <EnterprisePicker />
        </Form.Item>
        {kind === 'supplier' && (
          <Space>
            <Form.Item name="shareOfBuyerCost" label={`${t('enterprise.relation.shareOfBuyerCost')} %`}>
              <InputNumber min={0} max={100} />
            </Form.Item>
            <Form.Item name="shareOfSupplierRevenue" label={`${t('enterprise.relation.shareOfSupplierRevenue')} %`}>
              <InputNumber min={0} max={100} />
            </Form.Item>
          </Space>
        )}
        {kind === 'investor' && (
          <Form.Item name="equityRatio" label={`${t('enterprise.relation.equityRatio')} %`}>
            <InputNumber min={0} max={100} />
          </Form.Item>
        )}
        <Space>
          <Form.Item name="source" label={t('enterprise.relation.source')} rules={[{ required: true, message: t('validation.required') }]}>
            <Input maxLength={64} />
          </Form.Item>
          <Form.Item name="observedOn" label={t('enterprise.relation.observedOn')}>
            <Input placeholder="YYYY-MM-DD" />
          </Form.Item>
        </Space>
      </Form>
    </Modal>
  )
}

function SuppliersTab({ id }: { id: string }) {
  const { t } = useI18n()
  const suppliers = useSuppliers(id)
  const columns: TableColumnsType<{ relationId: string; supplier: { id: string; name: string; regionName: string }; shareOfBuyerCost: number | null; shareOfSupplierRevenue: number | null }> = [
    { title: t('enterprise.field.name'), key: 'name', render: (_, r) => <Link to={`/enterprises/${r.supplier.id}`}>{r.supplier.name}</Link> },
    { title: t('enterprise.field.region'), key: 'region', render: (_, r) => r.supplier.regionName },
    { title: t('enterprise.relation.shareOfBuyerCost'), dataIndex: 'shareOfBuyerCost', align: 'right', render: percent },
    { title: t('enterprise.relation.shareOfSupplierRevenue'), dataIndex: 'shareOfSupplierRevenue', align: 'right', render: percent },
  ]
  const data = suppliers.data
  return (
    <Row gutter={16}>
      {(['local', 'external'] as const).map((side) => (
        <Col xs={24} lg={12} key={side}>
          <Card
            size="small"
            title={t(`enterprise.suppliers.${side}`)}
            extra={data && t('enterprise.suppliers.costShare', { value: percent(side === 'local' ? data.localCostShare : data.externalCostShare) })}
          >
            <Table rowKey="relationId" size="small" columns={columns} dataSource={data?.[side] ?? []} loading={suppliers.isFetching} pagination={{ pageSize: 10 }} />
          </Card>
        </Col>
      ))}
    </Row>
  )
}

function toTreeData(node: GroupNode, currentId: string): { key: string; title: React.ReactNode; children: ReturnType<typeof toTreeData>[] } {
  return {
    key: node.id,
    title: node.id === currentId ? <Typography.Text strong>{node.name}</Typography.Text> : <Link to={`/enterprises/${node.id}`}>{node.name}</Link>,
    children: node.children.map((c) => toTreeData(c, currentId)),
  }
}

function GroupTab({ id }: { id: string }) {
  const { t } = useI18n()
  const group = useEnterpriseGroup(id)
  if (!group.data) return <Spin />
  const g = group.data
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      {g.truncated && <Alert type="info" showIcon title={t('enterprise.group.truncated')} />}
      <Tree treeData={[toTreeData(g.root, id)]} defaultExpandedKeys={g.path} showLine selectable={false} />
      {g.sameController.length > 0 && (
        <Card size="small" title={t('enterprise.group.sameController')}>
          <Space wrap>
            {g.sameController.map((f) => (
              <Link key={f.id} to={`/enterprises/${f.id}`}>
                {f.name}
              </Link>
            ))}
          </Space>
        </Card>
      )}
    </Space>
  )
}

function HistoryTab({ id }: { id: string }) {
  const { t } = useI18n()
  const history = useEnterpriseHistory(id)
  const fieldLabel = (field: string) => {
    const key = `enterprise.field.${field}`
    const text = t(key as never)
    return text === key ? field : text
  }
  if (!history.data) return <Spin />
  return (
    <Timeline
      items={history.data.items.map((h) => ({
        key: h.id,
        color: h.kind === 'create' ? 'green' : h.kind.startsWith('merge') ? 'red' : 'blue',
        children: (
          <Space orientation="vertical" size={0}>
            <Typography.Text type="secondary">
              {formatDateTime(h.at)} · {h.actorName} · {t(`enterprise.history.${h.kind}` as never)}
            </Typography.Text>
            {h.field && (
              <Typography.Text>
                {t('enterprise.history.change', {
                  field: fieldLabel(h.field),
                  before: show(h.before) || t('enterprise.history.empty'),
                  after: show(h.after) || t('enterprise.history.empty'),
                })}
              </Typography.Text>
            )}
            {!h.field && h.kind === 'merge_in' && <Typography.Text>{show((h.after as { name?: string })?.name)}</Typography.Text>}
          </Space>
        ),
      }))}
    />
  )
}

function MergeDialog({ e, open, onClose }: { e: EnterpriseDetail; open: boolean; onClose: () => void }) {
  const { t, errorText } = useI18n()
  const { message } = App.useApp()
  const [duplicateId, setDuplicateId] = useState<string | null>(null)
  const merge = useMergeEnterprise()
  const check = useCheckDuplicates()
  const [error, setError] = useState<string | null>(null)
  const candidates = check.data?.items ?? []
  return (
    <Modal
      open={open}
      title={t('enterprise.merge')}
      okText={t('enterprise.merge.ok')}
      okButtonProps={{ danger: true, disabled: !duplicateId }}
      confirmLoading={merge.isPending}
      onCancel={onClose}
      afterOpenChange={(visible) => visible && check.mutate({ name: e.name, parentId: e.parent?.id ?? null, actualController: e.actualController, excludeId: e.id })}
      onOk={() =>
        duplicateId &&
        merge.mutate(
          { id: e.id, duplicateId },
          {
            onSuccess: () => {
              message.success(t('enterprise.merge.done'))
              setDuplicateId(null)
              onClose()
            },
            onError: (err) => setError(errorText(err)),
          },
        )
      }
    >
      <Typography.Paragraph>{t('enterprise.merge.intro')}</Typography.Paragraph>
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} />}
      {candidates.length > 0 && (
        <Space orientation="vertical" style={{ marginBottom: 12 }}>
          <Typography.Text strong>{t('enterprise.merge.candidates')}</Typography.Text>
          <Space wrap>
            {candidates.map((c) => (
              <Tag.CheckableTag key={c.enterprise.id} checked={duplicateId === c.enterprise.id} onChange={() => setDuplicateId(c.enterprise.id)}>
                {c.enterprise.name} ({c.similarity.toFixed(2)})
              </Tag.CheckableTag>
            ))}
          </Space>
        </Space>
      )}
      <Form layout="vertical">
        <Form.Item label={t('enterprise.merge.duplicate')}>
          <EnterprisePicker value={duplicateId} onChange={(value) => setDuplicateId(value)} />
        </Form.Item>
      </Form>
    </Modal>
  )
}
