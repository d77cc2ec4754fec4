import { ArrowDownOutlined, ArrowUpOutlined, DeleteOutlined, EditOutlined, PlusOutlined } from '@ant-design/icons'
import { Alert, App, Button, Form, Input, Modal, Popconfirm, Select, Space, Table, Tag, Tooltip, Typography, type TableColumnsType } from 'antd'
import { useState } from 'react'
import { stages, type EditableChain, type Stage } from '../../../../../common/src/api/chain.js'
import { ApiError } from '../../../lib/api-client.js'
import { useI18n } from '../../../lib/i18n.js'
import { pickName } from '../../../lib/translate.js'
import { useCreateSegment } from '../api/create-segment.js'
import { useDeleteSegment } from '../api/delete-segment.js'
import { useUpdateSegment } from '../api/update-segment.js'
import { segmentTree, type SegmentNode } from '../segment-tree.js'

type Segment = EditableChain['segments'][number]
type FormMode = { kind: 'create'; parentCode: string | null; stage: Stage } | { kind: 'edit'; segment: Segment }

// ASCII comma, full-width comma and the enumeration comma people type between Chinese keywords
const keywordSeparators = [',', '\uff0c', '\u3001']

const stageColors: Record<Stage, string> = { upstream: 'cyan', midstream: 'geekblue', downstream: 'purple' }

export function SegmentTree({ chain }: { chain: EditableChain }) {
  const { t, lang, errorText } = useI18n()
  const { message } = App.useApp()
  const [mode, setMode] = useState<FormMode | null>(null)
  const [moving, setMoving] = useState<Segment | null>(null)
  const update = useUpdateSegment()
  const remove = useDeleteSegment()
  const tree = segmentTree(chain.segments)
  const stageText = (stage: Stage) => t(`chain.stage.${stage}`)

  const move = (segment: Segment, delta: number) =>
    update.mutate(
      { chain: chain.code, code: segment.code, changes: { position: Math.max(0, segment.position + delta) } },
      { onError: (error) => void message.error(errorText(error)) },
    )
  const tryDelete = (segment: Segment) =>
    remove.mutate(
      { chain: chain.code, code: segment.code },
      {
        onError: (error) => {
          // enterprises sit in it: ask where they go instead of failing
          if (error instanceof ApiError && error.code === 'SEGMENT_HAS_ENTERPRISES') setMoving(segment)
          else void message.error(errorText(error))
        },
      },
    )

  const columns: TableColumnsType<SegmentNode<Segment>> = [
    {
      title: t('chain.map.col.segment'),
      key: 'name',
      render: (_, s) => (
        <Space direction="vertical" size={0}>
          <Typography.Text strong>{pickName(lang, s)}</Typography.Text>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {s.code}
          </Typography.Text>
        </Space>
      ),
    },
    { title: t('chain.editor.stage'), dataIndex: 'stage', render: (stage: Stage) => <Tag color={stageColors[stage]}>{stageText(stage)}</Tag> },
    {
      title: t('chain.editor.industryCodes'),
      dataIndex: 'industryCodes',
      render: (codes: string[]) => (
        <Space size={[0, 4]} wrap>
          {codes.map((c) => (
            <Tag key={c}>{c}</Tag>
          ))}
        </Space>
      ),
    },
    {
      title: t('chain.editor.keywords'),
      dataIndex: 'keywords',
      width: 240,
      render: (keywords: string[]) => <Typography.Text ellipsis={{ tooltip: keywords.join('、') }}>{keywords.join('、')}</Typography.Text>,
    },
    { title: t('chain.editor.enterprises'), dataIndex: 'enterprises', align: 'right' },
    {
      title: t('common.actions'),
      key: 'actions',
      render: (_, s) => (
        <Space size={0}>
          <Tooltip title={t('common.edit')}>
            <Button type="link" size="small" aria-label={t('common.edit')} icon={<EditOutlined />} onClick={() => setMode({ kind: 'edit', segment: s })} />
          </Tooltip>
          <Tooltip title={t('chain.editor.addChild')}>
            <Button
              type="link"
              size="small"
              aria-label={t('chain.editor.addChild')}
              icon={<PlusOutlined />}
              onClick={() => setMode({ kind: 'create', parentCode: s.code, stage: s.stage })}
            />
          </Tooltip>
          <Tooltip title={t('chain.editor.moveUp')}>
            <Button type="link" size="small" aria-label={t('chain.editor.moveUp')} icon={<ArrowUpOutlined />} disabled={s.position === 0} onClick={() => move(s, -1)} />
          </Tooltip>
          <Tooltip title={t('chain.editor.moveDown')}>
            <Button
              type="link"
              size="small"
              aria-label={t('chain.editor.moveDown')}
              icon={<ArrowDownOutlined />}
              disabled={s.position === chain.segments.length - 1}
              onClick={() => move(s, 1)}
            />
          </Tooltip>
          <Popconfirm title={t('chain.editor.deleteConfirm', { name: pickName(lang, s) })} onConfirm={() => tryDelete(s)}>
            <Tooltip title={t('chain.editor.deleteSegment')}>
              <Button type="link" size="small" danger aria-label={t('chain.editor.deleteSegment')} icon={<DeleteOutlined />} />
            </Tooltip>
          </Popconfirm>
        </Space>
      ),
    },
  ]

  return (
    <>
      <Space style={{ marginBottom: 12 }}>
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setMode({ kind: 'create', parentCode: null, stage: 'midstream' })}>
          {t('chain.editor.addSegment')}
        </Button>
      </Space>
      <Table<SegmentNode<Segment>>
        rowKey="code"
        size="small"
        columns={columns}
        dataSource={tree}
        pagination={false}
        expandable={{ defaultExpandAllRows: true }}
        loading={update.isPending || remove.isPending}
        scroll={{ x: 'max-content' }}
      />
      {mode && <SegmentFormModal chain={chain} mode={mode} onClose={() => setMode(null)} />}
      {moving && <MoveAndDeleteModal chain={chain} segment={moving} onClose={() => setMoving(null)} />}
    </>
  )
}

interface SegmentFormValues {
  code: string
  parentCode: string | null
  nameZh: string
  nameEn: string
  stage: Stage
  industryCodes: string[]
  keywords: string[]
}

function SegmentFormModal({ chain, mode, onClose }: { chain: EditableChain; mode: FormMode; onClose(): void }) {
  const { t, lang, errorText } = useI18n()
  const [form] = Form.useForm<SegmentFormValues>()
  const create = useCreateSegment()
  const update = useUpdateSegment()
  const pending = create.isPending || update.isPending
  const error = create.error ?? update.error
  const editing = mode.kind === 'edit' ? mode.segment : null
  const initial: Partial<SegmentFormValues> = editing
    ? { ...editing }
    : { parentCode: mode.kind === 'create' ? mode.parentCode : null, stage: mode.kind === 'create' ? mode.stage : 'midstream', industryCodes: [], keywords: [] }
  const parentOptions = [
    { value: '', label: t('chain.editor.noParent') },
    ...chain.segments.filter((s) => s.code !== editing?.code).map((s) => ({ value: s.code, label: pickName(lang, s) })),
  ]

  const submit = (values: SegmentFormValues) => {
    const parentCode = values.parentCode || null
    const fields = { ...values, parentCode, industryCodes: values.industryCodes ?? [], keywords: values.keywords ?? [] }
    if (editing) {
      const { code: _code, ...changes } = fields
      update.mutate({ chain: chain.code, code: editing.code, changes }, { onSuccess: onClose })
    } else {
      create.mutate({ chain: chain.code, segment: fields }, { onSuccess: onClose })
    }
  }

  return (
    <Modal
      open
      width={640}
      title={editing ? t('chain.editor.editSegment') : t('chain.editor.addSegment')}
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={pending}
      okText={t('common.save')}
    >
      {error && <Alert type="error" showIcon title={errorText(error)} style={{ marginBottom: 16 }} />}
      <Form<SegmentFormValues> form={form} layout="vertical" initialValues={{ ...initial, parentCode: initial.parentCode ?? '' }} onFinish={submit}>
        {!editing && (
          <Form.Item
            name="code"
            label={t('chain.editor.code')}
            extra={`${chain.code}.…`}
            rules={[{ required: true, pattern: /^[a-z][a-z0-9_]{1,40}$/, message: t('validation.format') }]}
          >
            <Input />
          </Form.Item>
        )}
        <Form.Item name="nameZh" label={t('chain.editor.nameZh')} rules={[{ required: true, message: t('validation.required') }]}>
          <Input maxLength={60} />
        </Form.Item>
        <Form.Item name="nameEn" label={t('chain.editor.nameEn')} rules={[{ required: true, message: t('validation.required') }]}>
          <Input maxLength={120} />
        </Form.Item>
        <Space size="large" wrap>
          <Form.Item name="parentCode" label={t('chain.editor.parent')}>
            <Select style={{ width: 260 }} options={parentOptions} />
          </Form.Item>
          <Form.Item name="stage" label={t('chain.editor.stage')}>
            <Select style={{ width: 160 }} options={stages.map((s) => ({ value: s, label: t(`chain.stage.${s}`) }))} />
          </Form.Item>
        </Space>
        <Form.Item
          name="industryCodes"
          label={t('chain.editor.industryCodes')}
          rules={[{ validator: (_, v: string[] | undefined) => ((v ?? []).every((c) => /^\d{4}$/.test(c)) ? Promise.resolve() : Promise.reject(new Error(t('validation.format')))) }]}
        >
          <Select mode="tags" tokenSeparators={[',', ' ']} open={false} />
        </Form.Item>
        <Form.Item name="keywords" label={t('chain.editor.keywords')}>
          <Select mode="tags" tokenSeparators={keywordSeparators} open={false} />
        </Form.Item>
      </Form>
    </Modal>
  )
}

function MoveAndDeleteModal({ chain, segment, onClose }: { chain: EditableChain; segment: Segment; onClose(): void }) {
  const { t, lang, errorText } = useI18n()
  const remove = useDeleteSegment()
  const [target, setTarget] = useState<string | undefined>(undefined)
  return (
    <Modal
      open
      title={t('chain.editor.deleteConfirm', { name: pickName(lang, segment) })}
      onCancel={onClose}
      okText={t('chain.editor.moveAndDelete')}
      okButtonProps={{ danger: true, disabled: !target }}
      confirmLoading={remove.isPending}
      onOk={() => target && remove.mutate({ chain: chain.code, code: segment.code, moveTo: target }, { onSuccess: onClose })}
    >
      <Alert type="warning" showIcon title={`${segment.enterprises} · ${t('chain.editor.enterprises')}`} style={{ marginBottom: 16 }} />
      {remove.isError && <Alert type="error" showIcon title={errorText(remove.error)} style={{ marginBottom: 16 }} />}
      <Typography.Text>{t('chain.editor.moveTo')}</Typography.Text>
      <Select
        aria-label={t('chain.editor.moveTo')}
        style={{ width: '100%', marginTop: 8 }}
        value={target}
        onChange={setTarget}
        options={chain.segments.filter((s) => s.code !== segment.code).map((s) => ({ value: s.code, label: pickName(lang, s) }))}
      />
    </Modal>
  )
}
