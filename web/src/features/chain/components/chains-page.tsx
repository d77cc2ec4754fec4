import { CloudUploadOutlined, EditOutlined, PlusOutlined } from '@ant-design/icons'
import { Alert, App, Button, Card, Checkbox, Form, Input, Modal, Select, Space, Tabs, Tag, Typography } from 'antd'
import { useState } from 'react'
import type { EditableChain } from '../../../../../common/src/api/chain.js'
import { useI18n } from '../../../lib/i18n.js'
import { pickName } from '../../../lib/translate.js'
import { useCreateChain } from '../api/create-chain.js'
import { useChainCatalog } from '../api/get-chain-catalog.js'
import { useEditableChain } from '../api/get-editable-chain.js'
import { usePublishChain } from '../api/publish-chain.js'
import { useUpdateChain } from '../api/update-chain.js'
import { ClassificationPanel } from './classification-panel.js'
import { SegmentTree } from './segment-tree.js'
import { VersionsPanel } from './versions-panel.js'

type Dialog = 'create' | 'rename' | 'publish' | null

export function ChainsPage() {
  const { t, lang, errorText } = useI18n()
  const catalog = useChainCatalog()
  const [selected, setSelected] = useState<string | null>(null)
  const [dialog, setDialog] = useState<Dialog>(null)
  const code = selected ?? catalog.data?.chains[0]?.code ?? null
  const chain = useEditableChain(code)

  const chainOptions = (catalog.data?.ecosystems ?? []).map((e) => ({
    label: pickName(lang, e),
    options: (catalog.data?.chains ?? []).filter((c) => c.ecosystem === e.code).map((c) => ({ value: c.code, label: pickName(lang, c) })),
  }))

  return (
    <Card
      title={t('chain.title')}
      extra={
        <Space wrap>
          <Select
            aria-label={t('chain.editor.chain')}
            style={{ width: 240 }}
            value={code ?? undefined}
            options={chainOptions}
            onChange={(value: string) => setSelected(value)}
            showSearch={{ optionFilterProp: 'label' }}
            loading={catalog.isLoading}
          />
          <Button icon={<PlusOutlined />} onClick={() => setDialog('create')}>
            {t('chain.editor.newChain')}
          </Button>
        </Space>
      }
    >
      {chain.isError && <Alert type="error" showIcon title={errorText(chain.error)} style={{ marginBottom: 16 }} />}
      {chain.data && (
        <>
          <Space wrap style={{ marginBottom: 16 }}>
            <Typography.Title level={4} style={{ margin: 0 }}>
              {chain.data.nameZh}
            </Typography.Title>
            <Typography.Text type="secondary">{chain.data.nameEn}</Typography.Text>
            <Tag color="blue">{chain.data.version > 0 ? t('chain.editor.version', { version: chain.data.version }) : t('chain.editor.unpublished')}</Tag>
            {chain.data.draftChanged && <Tag color="orange">{t('chain.editor.draftChanged')}</Tag>}
            <Button size="small" icon={<EditOutlined />} onClick={() => setDialog('rename')}>
              {t('chain.editor.renameChain')}
            </Button>
            <Button type="primary" size="small" icon={<CloudUploadOutlined />} disabled={!chain.data.draftChanged} onClick={() => setDialog('publish')}>
              {t('chain.editor.publish')}
            </Button>
          </Space>
          <Tabs
            items={[
              { key: 'tree', label: t('chain.editor.tab.tree'), children: <SegmentTree chain={chain.data} /> },
              { key: 'versions', label: t('chain.editor.tab.versions'), children: <VersionsPanel chain={chain.data} /> },
              { key: 'classification', label: t('chain.editor.tab.classification'), children: <ClassificationPanel chain={chain.data} /> },
            ]}
          />
        </>
      )}
      {dialog === 'create' && (
        <CreateChainModal
          ecosystems={(catalog.data?.ecosystems ?? []).map((e) => ({ value: e.code, label: pickName(lang, e) }))}
          onClose={(created) => {
            setDialog(null)
            if (created) setSelected(created)
          }}
        />
      )}
      {dialog === 'rename' && chain.data && <RenameChainModal chain={chain.data} onClose={() => setDialog(null)} />}
      {dialog === 'publish' && chain.data && <PublishModal chain={chain.data} onClose={() => setDialog(null)} />}
    </Card>
  )
}

function CreateChainModal({ ecosystems, onClose }: { ecosystems: { value: string; label: string }[]; onClose(created?: string): void }) {
  const { t, errorText } = useI18n()
  const [form] = Form.useForm<{ code: string; ecosystem: string; nameZh: string; nameEn: string; future: boolean }>()
  const create = useCreateChain()
  return (
    <Modal open title={t('chain.editor.newChain')} onCancel={() => onClose()} onOk={() => form.submit()} confirmLoading={create.isPending} okText={t('common.save')}>
      {create.isError && <Alert type="error" showIcon title={errorText(create.error)} style={{ marginBottom: 16 }} />}
      <Form
        form={form}
        layout="vertical"
        initialValues={{ future: false }}
        onFinish={(values) => create.mutate(values, { onSuccess: (chain) => onClose(chain.code) })}
      >
        <Form.Item name="ecosystem" label={t('chain.editor.ecosystem')} rules={[{ required: true, message: t('validation.required') }]}>
          <Select options={ecosystems} />
        </Form.Item>
        <Form.Item name="code" label={t('chain.editor.code')} rules={[{ required: true, pattern: /^[a-z][a-z0-9_]{1,40}$/, message: t('validation.format') }]}>
          <Input />
        </Form.Item>
        <Form.Item name="nameZh" label={t('chain.editor.nameZh')} rules={[{ required: true, message: t('validation.required') }]}>
          <Input maxLength={60} />
        </Form.Item>
        <Form.Item name="nameEn" label={t('chain.editor.nameEn')} rules={[{ required: true, message: t('validation.required') }]}>
          <Input maxLength={120} />
        </Form.Item>
        <Form.Item name="future" valuePropName="checked">
          <Checkbox>{t('chain.editor.future')}</Checkbox>
        </Form.Item>
      </Form>
    </Modal>
  )
}

function RenameChainModal({ chain, onClose }: { chain: EditableChain; onClose(): void }) {
  const { t, errorText } = useI18n()
  const [form] = Form.useForm<{ nameZh: string; nameEn: string; future: boolean }>()
  const update = useUpdateChain()
  return (
    <Modal open title={t('chain.editor.renameChain')} onCancel={onClose} onOk={() => form.submit()} confirmLoading={update.isPending} okText={t('common.save')}>
      {update.isError && <Alert type="error" showIcon title={errorText(update.error)} style={{ marginBottom: 16 }} />}
      <Form
        form={form}
        layout="vertical"
        initialValues={{ nameZh: chain.nameZh, nameEn: chain.nameEn, future: chain.future }}
        onFinish={(changes) => update.mutate({ chain: chain.code, changes }, { onSuccess: onClose })}
      >
        <Form.Item name="nameZh" label={t('chain.editor.nameZh')} rules={[{ required: true, message: t('validation.required') }]}>
          <Input maxLength={60} />
        </Form.Item>
        <Form.Item name="nameEn" label={t('chain.editor.nameEn')} rules={[{ required: true, message: t('validation.required') }]}>
          <Input maxLength={120} />
        </Form.Item>
        <Form.Item name="future" valuePropName="checked">
          <Checkbox>{t('chain.editor.future')}</Checkbox>
        </Form.Item>
      </Form>
    </Modal>
  )
}

function PublishModal({ chain, onClose }: { chain: EditableChain; onClose(): void }) {
  const { t, errorText } = useI18n()
  const { message } = App.useApp()
  const [form] = Form.useForm<{ note: string }>()
  const publish = usePublishChain()
  return (
    <Modal open title={t('chain.editor.publish')} onCancel={onClose} onOk={() => form.submit()} confirmLoading={publish.isPending} okText={t('chain.editor.publish')}>
      {publish.isError && <Alert type="error" showIcon title={errorText(publish.error)} style={{ marginBottom: 16 }} />}
      <Form
        form={form}
        layout="vertical"
        onFinish={({ note }) =>
          publish.mutate(
            { chain: chain.code, note },
            {
              onSuccess: (v) => {
                void message.success(t('chain.editor.published', { version: v.version }))
                onClose()
              },
            },
          )
        }
      >
        <Form.Item name="note" label={t('chain.editor.publishNote')} rules={[{ required: true, message: t('validation.required') }]}>
          <Input.TextArea rows={3} maxLength={500} />
        </Form.Item>
      </Form>
    </Modal>
  )
}
