import { Alert, Button, Descriptions, Empty, Select, Space, Table, Tag, Typography, type TableColumnsType } from 'antd'
import { useState } from 'react'
import type { EditableChain } from '../../../../../common/src/api/chain.js'
import { formatDateTime } from '../../../lib/format.js'
import { useI18n } from '../../../lib/i18n.js'
import { useChainDiff } from '../api/get-chain-diff.js'
import { useChainVersions } from '../api/get-chain-versions.js'

interface VersionRow {
  version: number
  note: string | null
  createdAt: string
  createdBy: string
  segmentCount: number
}

const DRAFT = 0

/** Published versions of a chain and the differences between two of them (or a version and the draft). */
export function VersionsPanel({ chain }: { chain: EditableChain }) {
  const { t, errorText } = useI18n()
  const versions = useChainVersions(chain.code)
  const [from, setFrom] = useState<number | undefined>(undefined)
  const [to, setTo] = useState<number>(DRAFT)
  const [compared, setCompared] = useState<{ code: string; from: number; to?: number } | null>(null)
  const diff = useChainDiff(compared)
  const items = versions.data?.items ?? []

  const columns: TableColumnsType<VersionRow> = [
    { title: t('chain.editor.versionNo'), dataIndex: 'version', render: (v: number) => <Tag color="blue">v{v}</Tag> },
    { title: t('chain.editor.note'), dataIndex: 'note', render: (note: string | null, row) => note ?? (row.createdBy === 'seed' ? t('chain.editor.seed') : '') },
    { title: t('chain.editor.createdAt'), dataIndex: 'createdAt', render: (v: string, row) => (row.createdBy === 'seed' ? '' : formatDateTime(v)) },
    { title: t('chain.editor.createdBy'), dataIndex: 'createdBy', render: (v: string) => (v === 'seed' ? t('chain.editor.seed') : v) },
    { title: t('chain.editor.segmentCount'), dataIndex: 'segmentCount', align: 'right' },
  ]
  const versionOptions = items.map((v) => ({ value: v.version, label: `v${v.version}` }))
  const d = diff.data
  const nothing = d && d.added.length + d.removed.length + d.changed.length + d.chainFields.length === 0

  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      {versions.isError && <Alert type="error" showIcon title={errorText(versions.error)} />}
      <Table<VersionRow> rowKey="version" size="small" columns={columns} dataSource={items} pagination={false} loading={versions.isFetching} />
      <Space wrap>
        <Typography.Text>{t('chain.editor.compareFrom')}</Typography.Text>
        <Select<number> aria-label={t('chain.editor.compareFrom')} style={{ width: 100 }} value={from ?? items.at(-1)?.version} options={versionOptions} onChange={setFrom} />
        <Typography.Text>{t('chain.editor.compareTo')}</Typography.Text>
        <Select<number>
          aria-label={t('chain.editor.compareTo')}
          style={{ width: 140 }}
          value={to}
          options={[{ value: DRAFT, label: t('chain.editor.draft') }, ...versionOptions]}
          onChange={setTo}
        />
        <Button
          onClick={() => {
            const start = from ?? items.at(-1)?.version
            if (start) setCompared({ code: chain.code, from: start, ...(to === DRAFT ? {} : { to }) })
          }}
          disabled={items.length === 0}
        >
          {t('chain.editor.compare')}
        </Button>
      </Space>
      {diff.isError && <Alert type="error" showIcon title={errorText(diff.error)} />}
      {nothing && <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('chain.editor.diff.none')} />}
      {d && !nothing && (
        <Descriptions bordered size="small" column={1}>
          {d.chainFields.length > 0 && <Descriptions.Item label={t('chain.editor.diff.chainFields')}>{d.chainFields.join(', ')}</Descriptions.Item>}
          <Descriptions.Item label={t('chain.editor.diff.added')}>
            {d.added.map((s) => (
              <Tag key={s.code} color="green">
                {s.nameZh}
              </Tag>
            ))}
          </Descriptions.Item>
          <Descriptions.Item label={t('chain.editor.diff.removed')}>
            {d.removed.map((s) => (
              <Tag key={s.code} color="red">
                {s.nameZh}
              </Tag>
            ))}
          </Descriptions.Item>
          <Descriptions.Item label={t('chain.editor.diff.changed')}>
            <Space direction="vertical" size={2}>
              {d.changed.map((c) => (
                <span key={c.code}>
                  <Tag color="orange">{c.nameZh}</Tag>
                  <Typography.Text type="secondary">{c.fields.join(', ')}</Typography.Text>
                </span>
              ))}
            </Space>
          </Descriptions.Item>
        </Descriptions>
      )}
    </Space>
  )
}
