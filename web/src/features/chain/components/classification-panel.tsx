import { Alert, App, Button, Popconfirm, Space, Table, Tag, Typography, type TableColumnsType } from 'antd'
import type { ClassificationPreview, EditableChain } from '../../../../../common/src/api/chain.js'
import { useI18n } from '../../../lib/i18n.js'
import { pickName } from '../../../lib/translate.js'
import { useApplyClassification } from '../api/apply-classification.js'
import { usePreviewClassification } from '../api/preview-classification.js'

type Row = ClassificationPreview['segments'][number]

/** Reclassification by the chain's rules: preview what changes per segment, then apply it in one step. */
export function ClassificationPanel({ chain }: { chain: EditableChain }) {
  const { t, lang, errorText } = useI18n()
  const { message } = App.useApp()
  const preview = usePreviewClassification()
  const apply = useApplyClassification()
  const data = preview.data?.chainCode === chain.code ? preview.data : undefined

  const columns: TableColumnsType<Row> = [
    { title: t('chain.map.col.segment'), key: 'name', render: (_, r) => pickName(lang, r) },
    { title: t('chain.cls.before'), dataIndex: 'before', align: 'right' },
    { title: t('chain.cls.added'), dataIndex: 'added', align: 'right', render: (n: number) => (n ? <Typography.Text type="success">+{n}</Typography.Text> : 0) },
    { title: t('chain.cls.removed'), dataIndex: 'removed', align: 'right', render: (n: number) => (n ? <Typography.Text type="danger">−{n}</Typography.Text> : 0) },
    { title: t('chain.cls.after'), dataIndex: 'after', align: 'right' },
    {
      title: t('chain.cls.samples'),
      key: 'samples',
      width: 420,
      render: (_, r) => (
        <Space size={[0, 4]} wrap>
          {r.addedSamples.slice(0, 3).map((e) => (
            <Tag key={`a${e.id}`} color="green">
              +{e.name}
            </Tag>
          ))}
          {r.removedSamples.slice(0, 3).map((e) => (
            <Tag key={`r${e.id}`} color="red">
              −{e.name}
            </Tag>
          ))}
        </Space>
      ),
    },
  ]

  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Alert type="info" showIcon title={t('chain.cls.rule')} />
      <Space wrap>
        <Button onClick={() => preview.mutate(chain.code)} loading={preview.isPending}>
          {t('chain.cls.preview')}
        </Button>
        <Popconfirm
          title={t('chain.cls.applyConfirm', { added: data?.added ?? 0, removed: data?.removed ?? 0 })}
          disabled={!data}
          onConfirm={() =>
            apply.mutate(chain.code, {
              onSuccess: (run) => {
                void message.success(t('chain.cls.applied', { added: run.added, removed: run.removed }))
                preview.reset()
              },
              onError: (error) => void message.error(errorText(error)),
            })
          }
        >
          <Button type="primary" danger disabled={!data} loading={apply.isPending}>
            {t('chain.cls.apply')}
          </Button>
        </Popconfirm>
        {data && <Typography.Text>{t('chain.cls.summary', { added: data.added, removed: data.removed, manual: data.manualKept })}</Typography.Text>}
      </Space>
      {preview.isError && <Alert type="error" showIcon title={errorText(preview.error)} />}
      {data && <Table<Row> rowKey="code" size="small" columns={columns} dataSource={data.segments} pagination={false} scroll={{ x: 'max-content' }} />}
    </Space>
  )
}
