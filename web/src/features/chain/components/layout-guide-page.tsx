import { CopyOutlined, DeleteOutlined } from '@ant-design/icons'
import { Alert, App, Button, Card, Form, Input, List, Modal, Popconfirm, Radio, Select, Space, Table, Tag, Typography, type TableColumnsType } from 'antd'
import { useMemo, useState } from 'react'
import type { LayoutEntry, LayoutRole } from '../../../../../common/src/api/chain.js'
import { useTenantReference } from '../../../api/reference/get-tenant-reference.js'
import { useI18n } from '../../../lib/i18n.js'
import { pickName } from '../../../lib/translate.js'
import { useCopyLayoutYear } from '../api/copy-layout-year.js'
import { useDeleteLayoutEntry } from '../api/delete-layout-entry.js'
import { useChainCatalog } from '../api/get-chain-catalog.js'
import { useLayoutGuide } from '../api/get-layout-guide.js'
import { useSessionUser } from '../api/get-session-user.js'
import { usePutLayoutEntry } from '../api/put-layout-entry.js'
import { cellKey, cellRole, layoutMatrix, yearChoices } from '../layout-matrix.js'

const roleColors: Record<LayoutRole, string> = { core: 'red', cooperating: 'blue' }

interface ChainRow {
  code: string
  nameZh: string
  nameEn: string
  ecosystemName: string
}

interface EditingCell {
  chain: ChainRow
  districtCode: string
  districtName: string
}

export function LayoutGuidePage() {
  const { t, lang, errorText } = useI18n()
  const { message } = App.useApp()
  const me = useSessionUser()
  const reference = useTenantReference()
  const catalog = useChainCatalog()
  const [year, setYear] = useState<number | undefined>(undefined)
  const guide = useLayoutGuide(year)
  const copy = useCopyLayoutYear()
  const [editing, setEditing] = useState<EditingCell | null>(null)
  const canEdit = me.data?.role === 'city_admin' || me.data?.role === 'city_staff'

  const shownYear = guide.data?.year ?? year ?? new Date().getFullYear()
  const cells = useMemo(() => layoutMatrix(guide.data?.entries ?? []), [guide.data])
  const districts = reference.data?.districts ?? []
  const platformName = new Map((reference.data?.platforms ?? []).map((p) => [p.code, pickName(lang, p)]))
  const roleText: Record<LayoutRole, string> = { core: t('chain.layout.role.core'), cooperating: t('chain.layout.role.cooperating') }

  const ecosystemName = new Map((catalog.data?.ecosystems ?? []).map((e) => [e.code, pickName(lang, e)]))
  const chainRows: ChainRow[] = (catalog.data?.chains ?? []).map((c) => ({
    code: c.code,
    nameZh: c.nameZh,
    nameEn: c.nameEn,
    ecosystemName: ecosystemName.get(c.ecosystem) ?? c.ecosystem,
  }))

  const columns: TableColumnsType<ChainRow> = [
    {
      title: t('chain.map.chain'),
      key: 'chain',
      fixed: 'left',
      width: 180,
      render: (_, row) => (
        <Space direction="vertical" size={0}>
          <Typography.Text strong>{pickName(lang, row)}</Typography.Text>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {row.ecosystemName}
          </Typography.Text>
        </Space>
      ),
    },
    ...districts.map((d) => ({
      title: d.nameZh,
      key: d.code,
      width: 110,
      align: 'center' as const,
      onCell: (row: ChainRow) => ({
        onClick: canEdit ? () => setEditing({ chain: row, districtCode: d.code, districtName: d.nameZh }) : undefined,
        style: canEdit ? { cursor: 'pointer' } : undefined,
        'data-cell': cellKey(row.code, d.code),
      }),
      render: (_: unknown, row: ChainRow) => {
        const entries = cells.get(cellKey(row.code, d.code))
        const role = cellRole(entries)
        if (!role) return null
        return (
          <Space direction="vertical" size={2}>
            <Tag color={roleColors[role]} style={{ marginInlineEnd: 0 }}>
              {roleText[role]}
            </Tag>
            {entries!
              .filter((e) => e.platformCode !== '')
              .map((e) => (
                <Typography.Text key={e.platformCode} style={{ fontSize: 11 }} type="secondary">
                  {platformName.get(e.platformCode) ?? e.platformCode}
                </Typography.Text>
              ))}
          </Space>
        )
      },
    })),
  ]

  const copyToNext = () =>
    copy.mutate(
      { fromYear: shownYear, toYear: shownYear + 1 },
      {
        onSuccess: (result) => {
          void message.success(t('chain.layout.copied', { count: result.copied }))
          setYear(shownYear + 1)
        },
        onError: (error) => void message.error(errorText(error)),
      },
    )

  return (
    <Card
      title={t('nav.layoutGuide')}
      extra={
        <Space>
          <Select<number>
            aria-label={t('chain.layout.year')}
            style={{ width: 110 }}
            value={shownYear}
            options={yearChoices(guide.data?.years ?? [], new Date().getFullYear()).map((y) => ({ value: y, label: String(y) }))}
            onChange={setYear}
          />
          {canEdit && (
            <Popconfirm title={t('chain.layout.copyConfirm', { from: shownYear, to: shownYear + 1 })} onConfirm={copyToNext}>
              <Button icon={<CopyOutlined />} loading={copy.isPending} disabled={(guide.data?.entries.length ?? 0) === 0}>
                {t('chain.layout.copyToNext')}
              </Button>
            </Popconfirm>
          )}
        </Space>
      }
    >
      {guide.isError && <Alert type="error" showIcon title={errorText(guide.error)} style={{ marginBottom: 16 }} />}
      <Space wrap style={{ marginBottom: 12 }}>
        <Tag color={roleColors.core}>{roleText.core}</Tag>
        <Tag color={roleColors.cooperating}>{roleText.cooperating}</Tag>
        <Typography.Text type="secondary">{canEdit ? t('chain.layout.editHint') : t('chain.layout.readOnly')}</Typography.Text>
        {guide.data && guide.data.entries.length === 0 && <Typography.Text type="warning">{t('chain.layout.empty')}</Typography.Text>}
      </Space>
      <Table<ChainRow>
        rowKey="code"
        size="small"
        bordered
        columns={columns}
        dataSource={chainRows}
        loading={guide.isFetching || catalog.isLoading}
        pagination={false}
        scroll={{ x: 'max-content' }}
      />
      {editing && (
        <CellEditor
          year={shownYear}
          cell={editing}
          entries={cells.get(cellKey(editing.chain.code, editing.districtCode)) ?? []}
          platforms={(reference.data?.platforms ?? []).filter((p) => p.districtCode === editing.districtCode)}
          onClose={() => setEditing(null)}
        />
      )}
    </Card>
  )
}

interface CellEditorProps {
  year: number
  cell: EditingCell
  entries: LayoutEntry[]
  platforms: { code: string; nameZh: string; nameEn: string }[]
  onClose(): void
}

interface EntryForm {
  platformCode: string
  role: LayoutRole
  note?: string
}

function CellEditor({ year, cell, entries, platforms, onClose }: CellEditorProps) {
  const { t, lang, errorText } = useI18n()
  const { message } = App.useApp()
  const [form] = Form.useForm<EntryForm>()
  const put = usePutLayoutEntry()
  const remove = useDeleteLayoutEntry()
  const platformName = new Map(platforms.map((p) => [p.code, pickName(lang, p)]))
  const roleText: Record<LayoutRole, string> = { core: t('chain.layout.role.core'), cooperating: t('chain.layout.role.cooperating') }

  const save = (values: EntryForm) =>
    put.mutate(
      { year, chainCode: cell.chain.code, districtCode: cell.districtCode, platformCode: values.platformCode, role: values.role, note: values.note?.trim() || null },
      {
        onSuccess: () => {
          void message.success(t('chain.layout.saved'))
          form.resetFields()
        },
        onError: (error) => void message.error(errorText(error)),
      },
    )

  return (
    <Modal open title={t('chain.layout.editTitle', { chain: pickName(lang, cell.chain), district: cell.districtName })} onCancel={onClose} footer={null}>
      <Typography.Title level={5}>{t('chain.layout.entries')}</Typography.Title>
      <List
        size="small"
        bordered
        dataSource={entries}
        locale={{ emptyText: t('common.noData') }}
        renderItem={(e) => (
          <List.Item
            actions={[
              <Button
                key="delete"
                type="link"
                danger
                size="small"
                icon={<DeleteOutlined />}
                loading={remove.isPending}
                onClick={() =>
                  remove.mutate(
                    { year, chainCode: e.chainCode, districtCode: e.districtCode, platformCode: e.platformCode },
                    { onError: (error) => void message.error(errorText(error)) },
                  )
                }
              >
                {t('chain.layout.deleteEntry')}
              </Button>,
            ]}
          >
            <Space>
              <Tag color={roleColors[e.role]}>{roleText[e.role]}</Tag>
              <span>{e.platformCode ? (platformName.get(e.platformCode) ?? e.platformCode) : t('chain.layout.districtLevel')}</span>
              {e.note && <Typography.Text type="secondary">{e.note}</Typography.Text>}
            </Space>
          </List.Item>
        )}
      />
      <Typography.Title level={5} style={{ marginTop: 16 }}>
        {t('chain.layout.addEntry')}
      </Typography.Title>
      <Form<EntryForm> form={form} layout="vertical" initialValues={{ platformCode: '', role: 'core' }} onFinish={save}>
        <Form.Item name="platformCode" label={t('chain.layout.platform')}>
          <Select
            options={[
              { value: '', label: t('chain.layout.districtLevel') },
              ...platforms.map((p) => ({ value: p.code, label: pickName(lang, p) })),
            ]}
          />
        </Form.Item>
        <Form.Item name="role" label={t('chain.layout.role')}>
          <Radio.Group
            options={[
              { value: 'core', label: roleText.core },
              { value: 'cooperating', label: roleText.cooperating },
            ]}
          />
        </Form.Item>
        <Form.Item name="note" label={t('chain.layout.note')}>
          <Input maxLength={500} />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={put.isPending}>
          {t('common.save')}
        </Button>
      </Form>
    </Modal>
  )
}
