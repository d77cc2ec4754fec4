import { SafetyCertificateOutlined, SearchOutlined } from '@ant-design/icons'
import { Alert, Button, Card, Col, DatePicker, Form, Input, Row, Select, Space, Table, Tag, Tooltip, Typography, type TableColumnsType } from 'antd'
import type { Dayjs } from 'dayjs'
import { useState } from 'react'
import type { AuditEntry } from '../../../../../common/src/api/audit.js'
import { formatDateTime } from '../../../lib/format.js'
import { useI18n } from '../../../lib/i18n.js'
import { useAuditActions } from '../api/get-audit-actions.js'
import { useAudit } from '../api/get-audit.js'
import { useVerifyAudit } from '../api/verify-audit.js'
import { auditQueryFrom, hashPrefix, prettyJson, type AuditFilterValues } from '../audit-filters.js'

interface FilterFormValues extends Omit<AuditFilterValues, 'range'> {
  range?: [Dayjs | null, Dayjs | null] | null
}

function Snapshot({ label, value }: { label: string; value: unknown }) {
  const { t } = useI18n()
  const text = prettyJson(value)
  return (
    <div style={{ flex: 1, minWidth: 0 }}>
      <Typography.Text strong>{label}</Typography.Text>
      {text ? (
        <pre style={{ margin: '4px 0 0', padding: 8, background: '#fafafa', border: '1px solid #f0f0f0', borderRadius: 6, maxHeight: 320, overflow: 'auto', fontSize: 12 }}>
          {text}
        </pre>
      ) : (
        <div>
          <Typography.Text type="secondary">{t('audit.none')}</Typography.Text>
        </div>
      )}
    </div>
  )
}

export function AuditPage() {
  const { t, errorText } = useI18n()
  const [form] = Form.useForm<FilterFormValues>()
  const [filters, setFilters] = useState<AuditFilterValues>({})
  const [paging, setPaging] = useState({ page: 1, pageSize: 20 })
  const audit = useAudit(auditQueryFrom(filters, paging.page, paging.pageSize))
  const actions = useAuditActions()
  const verify = useVerifyAudit()

  const applyFilters = (values: FilterFormValues) => {
    const [from, to] = values.range ?? []
    setFilters({
      actor: values.actor,
      action: values.action,
      entityType: values.entityType,
      entityId: values.entityId,
      range: from || to ? [from?.format('YYYY-MM-DD') ?? null, to?.format('YYYY-MM-DD') ?? null] : null,
    })
    setPaging((p) => ({ ...p, page: 1 }))
  }

  const columns: TableColumnsType<AuditEntry> = [
    { title: t('audit.seq'), dataIndex: 'seq', width: 80 },
    { title: t('audit.at'), dataIndex: 'at', width: 180, render: (at: string) => formatDateTime(at) },
    { title: t('audit.actor'), dataIndex: 'actorName' },
    { title: t('audit.action'), dataIndex: 'action', render: (action: string) => <Tag color="blue">{action}</Tag> },
    {
      title: t('audit.entity'),
      key: 'entity',
      render: (_, entry) => (
        <Space size={4}>
          <Tag>{entry.entityType}</Tag>
          <Typography.Text copyable={{ text: entry.entityId }} style={{ fontSize: 12 }}>
            {entry.entityId}
          </Typography.Text>
        </Space>
      ),
    },
    {
      title: t('audit.hash'),
      dataIndex: 'hash',
      render: (hash: string) => (
        <Tooltip title={hash}>
          <Typography.Text code>{hashPrefix(hash)}</Typography.Text>
        </Tooltip>
      ),
    },
  ]

  const verification = verify.data
  return (
    <Card
      title={t('nav.audit')}
      extra={
        <Button icon={<SafetyCertificateOutlined />} loading={verify.isPending} onClick={() => verify.mutate()}>
          {t('audit.verify')}
        </Button>
      }
    >
      {verify.isError && (
        <Alert type="error" showIcon closable={{ onClose: () => verify.reset() }} title={errorText(verify.error)} style={{ marginBottom: 16 }} />
      )}
      {verification && (
        <Alert
          type={verification.ok ? 'success' : 'error'}
          showIcon
          closable={{ onClose: () => verify.reset() }}
          title={
            verification.ok
              ? t('audit.verifyOk', { checked: verification.checked })
              : t('audit.verifyBroken', { seq: verification.brokenAt ?? '?', checked: verification.checked })
          }
          style={{ marginBottom: 16 }}
        />
      )}

      <Form<FilterFormValues> form={form} name="auditFilter" layout="vertical" onFinish={applyFilters}>
        <Row gutter={16}>
          <Col xs={24} sm={12} lg={6} xl={4}>
            <Form.Item name="actor" label={t('audit.actor')}>
              <Input allowClear autoComplete="off" />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12} lg={6} xl={4}>
            <Form.Item name="action" label={t('audit.action')}>
              <Select
                allowClear
                showSearch
                placeholder={t('common.all')}
                loading={actions.isPending}
                options={(actions.data ?? []).map((a) => ({ value: a, label: a }))}
              />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12} lg={6} xl={4}>
            <Form.Item name="entityType" label={t('audit.entityType')}>
              <Input allowClear autoComplete="off" />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12} lg={6} xl={4}>
            <Form.Item name="entityId" label={t('audit.entityId')}>
              <Input allowClear autoComplete="off" />
            </Form.Item>
          </Col>
          <Col xs={24} sm={16} lg={12} xl={8}>
            <Form.Item name="range" label={t('audit.range')}>
              <DatePicker.RangePicker style={{ width: '100%' }} allowEmpty={[true, true]} />
            </Form.Item>
          </Col>
        </Row>
        <Space style={{ marginBottom: 16 }}>
          <Button type="primary" htmlType="submit" icon={<SearchOutlined />}>
            {t('common.search')}
          </Button>
          <Button
            onClick={() => {
              form.resetFields()
              applyFilters({})
            }}
          >
            {t('common.reset')}
          </Button>
        </Space>
      </Form>

      {audit.isError && <Alert type="error" showIcon title={errorText(audit.error)} style={{ marginBottom: 16 }} />}
      <Table<AuditEntry>
        rowKey="seq"
        size="middle"
        columns={columns}
        dataSource={audit.data?.items ?? []}
        loading={audit.isFetching}
        scroll={{ x: 'max-content' }}
        expandable={{
          expandedRowRender: (entry) => (
            <div style={{ display: 'flex', gap: 16 }}>
              <Snapshot label={t('audit.before')} value={entry.before} />
              <Snapshot label={t('audit.after')} value={entry.after} />
            </div>
          ),
        }}
        pagination={{
          current: paging.page,
          pageSize: paging.pageSize,
          total: audit.data?.total ?? 0,
          showSizeChanger: true,
          showTotal: (total) => t('common.total', { total }),
          onChange: (page, pageSize) => setPaging((p) => ({ page: pageSize === p.pageSize ? page : 1, pageSize })),
        }}
      />
    </Card>
  )
}
