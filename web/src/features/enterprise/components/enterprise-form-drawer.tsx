import { Alert, App, AutoComplete, Button, Drawer, Form, Input, InputNumber, List, Modal, Select, Space, Switch, Tag, Typography } from 'antd'
import { useMemo, useState } from 'react'
import {
  KNOWN_ENTERPRISE_TAGS,
  type DuplicateCandidate,
  type EnterpriseDetail,
} from '../../../../../common/src/api/enterprise.js'
import { useTenantReference } from '../../../api/reference/get-tenant-reference.js'
import { EnterprisePicker } from '../../../components/enterprise-picker.js'
import { ApiError } from '../../../lib/api-client.js'
import { serverFieldErrors, showFieldErrors } from '../../../lib/form.js'
import { useI18n } from '../../../lib/i18n.js'
import { pickName } from '../../../lib/translate.js'
import { useCheckDuplicates } from '../api/check-duplicates.js'
import { useChainCatalog } from '../api/get-chain-catalog.js'
import { useCreateEnterprise } from '../api/create-enterprise.js'
import { useUpdateEnterprise } from '../api/update-enterprise.js'
import { enterpriseChanges, toFormValues, toRequest, type EnterpriseFormValues } from '../enterprise-form.js'

export type EnterpriseFormMode = { kind: 'create' } | { kind: 'edit'; enterprise: EnterpriseDetail }

const formFields = [
  'uscc', 'name', 'regionCode', 'address', 'industryCode', 'businessScope', 'registeredCapital', 'revenue', 'tax', 'employees',
  'foundedOn', 'tags', 'chainLeader', 'parentId', 'actualController', 'founderOriginCode', 'segments', 'mainSegment', 'version',
]

export function EnterpriseFormDrawer({ mode, onClose, onCreated }: { mode: EnterpriseFormMode | null; onClose: () => void; onCreated?: (id: string) => void }) {
  const { t, lang, errorText } = useI18n()
  const { message } = App.useApp()
  const [form] = Form.useForm<EnterpriseFormValues>()
  const [formError, setFormError] = useState<string | null>(null)
  const [duplicates, setDuplicates] = useState<DuplicateCandidate[] | null>(null)
  const reference = useTenantReference()
  const catalog = useChainCatalog()
  const create = useCreateEnterprise()
  const update = useUpdateEnterprise()
  const check = useCheckDuplicates()
  const editing = mode?.kind === 'edit' ? mode.enterprise : null
  const segments = Form.useWatch('segments', form) ?? []

  const segmentOptions = useMemo(
    () =>
      (catalog.data?.chains ?? []).map((chain) => ({
        label: pickName(lang, chain),
        title: chain.code,
        options: chain.segments.map((s) => ({ value: s.code, label: `${pickName(lang, chain)} · ${pickName(lang, s)}` })),
      })),
    [catalog.data, lang],
  )
  const segmentLabel = (code: string) => segmentOptions.flatMap((g) => g.options).find((o) => o.value === code)?.label ?? code

  const close = () => {
    setFormError(null)
    setDuplicates(null)
    form.resetFields()
    onClose()
  }

  const showServerError = (error: unknown) => {
    if (error instanceof ApiError && error.fields.length > 0) {
      const { matched, unmatched } = serverFieldErrors(
        error.fields.map((f) => ({ ...f, path: f.path.replace(/^segments\.\d+\.segmentCode$/, 'segments') })),
        lang,
        formFields,
      )
      showFieldErrors(form, matched)
      if (unmatched.length > 0) setFormError(`${errorText(error)} ${unmatched.join('; ')}`)
      else if (matched.length === 0) setFormError(errorText(error))
    } else {
      setFormError(errorText(error))
    }
  }

  const doCreate = (values: EnterpriseFormValues, confirmNotDuplicate: boolean) => {
    create.mutate(
      { ...toRequest(values), confirmNotDuplicate },
      {
        onSuccess: (created) => {
          message.success(t('enterprise.saved'))
          close()
          onCreated?.(created.id)
        },
        onError: (error) => {
          if (error instanceof ApiError && error.code === 'DUPLICATE_SUSPECTED') {
            check.mutate(
              { name: values.name, parentId: values.parentId ?? null, actualController: values.actualController || null },
              { onSuccess: (answer) => setDuplicates(answer.items), onError: showServerError },
            )
          } else showServerError(error)
        },
      },
    )
  }

  const submit = (values: EnterpriseFormValues) => {
    setFormError(null)
    if (!mode) return
    if (mode.kind === 'create') return doCreate(values, false)
    update.mutate(
      { id: mode.enterprise.id, changes: enterpriseChanges(mode.enterprise, values) },
      {
        onSuccess: () => {
          message.success(t('enterprise.saved'))
          close()
        },
        onError: showServerError,
      },
    )
  }

  const districtOptions = (reference.data?.districts ?? []).map((d) => ({ value: d.code, label: `${d.nameZh} ${d.code}` }))

  return (
    <Drawer
      open={mode !== null}
      size={640}
      title={editing ? t('enterprise.edit') : t('enterprise.create')}
      onClose={close}
      destroyOnHidden
      extra={
        <Space>
          <Button onClick={close}>{t('common.cancel')}</Button>
          <Button type="primary" loading={create.isPending || update.isPending || check.isPending} onClick={() => form.submit()}>
            {t('common.save')}
          </Button>
        </Space>
      }
    >
      {formError && <Alert type="error" showIcon title={formError} style={{ marginBottom: 16 }} />}
      <Form<EnterpriseFormValues>
        form={form}
        layout="vertical"
        initialValues={editing ? toFormValues(editing) : { tags: [], segments: [], chainLeader: false }}
        onFinish={submit}
        requiredMark
      >
        <Form.Item name="name" label={t('enterprise.field.name')} rules={[{ required: true, message: t('validation.required') }]}>
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item name="uscc" label={t('enterprise.field.uscc')} rules={[{ required: true, message: t('validation.required') }]}>
          <Input maxLength={40} style={{ fontFamily: 'monospace' }} />
        </Form.Item>
        <Space.Compact block>
          <Form.Item name="regionCode" label={t('enterprise.field.regionCode')} rules={[{ required: true, message: t('validation.required') }]} style={{ width: '50%' }}>
            <AutoComplete options={districtOptions} filterOption={(input, option) => String(option?.label ?? '').includes(input)} />
          </Form.Item>
          <Form.Item name="industryCode" label={t('enterprise.field.industryCode')} rules={[{ required: true, message: t('validation.required') }]} style={{ width: '50%' }}>
            <Input maxLength={8} />
          </Form.Item>
        </Space.Compact>
        <Form.Item name="address" label={t('enterprise.field.address')}>
          <Input maxLength={200} />
        </Form.Item>
        <Space wrap>
          <Form.Item name="registeredCapital" label={t('enterprise.field.registeredCapital')}>
            <InputNumber min={0} style={{ width: 180 }} />
          </Form.Item>
          <Form.Item name="revenue" label={t('enterprise.field.revenue')}>
            <InputNumber min={0} style={{ width: 180 }} />
          </Form.Item>
          <Form.Item name="tax" label={t('enterprise.field.tax')}>
            <InputNumber min={0} style={{ width: 180 }} />
          </Form.Item>
          <Form.Item name="employees" label={t('enterprise.field.employees')}>
            <InputNumber min={0} precision={0} style={{ width: 180 }} />
          </Form.Item>
          <Form.Item name="foundedOn" label={t('enterprise.field.foundedOn')}>
            <Input placeholder="YYYY-MM-DD" style={{ width: 180 }} />
          </Form.Item>
          <Form.Item name="chainLeader" label={t('enterprise.field.chainLeader')} valuePropName="checked">
            <Switch />
          </Form.Item>
        </Space>
        <Form.Item name="tags" label={t('enterprise.field.tags')} extra={t('enterprise.tags.free')}>
          <Select mode="tags" options={KNOWN_ENTERPRISE_TAGS.map((tag) => ({ value: tag, label: tag }))} />
        </Form.Item>
        <Form.Item name="segments" label={t('enterprise.field.segments')}>
          <Select mode="multiple" options={segmentOptions} showSearch={{ optionFilterProp: 'label' }} loading={catalog.isLoading} />
        </Form.Item>
        {segments.length > 1 && (
          <Form.Item name="mainSegment" label={t('enterprise.field.mainSegment')}>
            <Select options={segments.map((code) => ({ value: code, label: segmentLabel(code) }))} />
          </Form.Item>
        )}
        <Form.Item name="parentId" label={t('enterprise.field.parent')}>
          <EnterprisePicker initialLabel={editing?.parent?.name} />
        </Form.Item>
        <Space.Compact block>
          <Form.Item name="actualController" label={t('enterprise.field.actualController')} style={{ width: '50%' }}>
            <Input maxLength={100} />
          </Form.Item>
          <Form.Item name="founderOriginCode" label={t('enterprise.field.founderOrigin')} tooltip={t('enterprise.field.founderOriginHelp')} style={{ width: '50%' }}>
            <AutoComplete allowClear options={districtOptions} filterOption={(input, option) => String(option?.label ?? '').includes(input)} />
          </Form.Item>
        </Space.Compact>
        <Form.Item name="businessScope" label={t('enterprise.field.businessScope')}>
          <Input.TextArea rows={3} maxLength={2000} />
        </Form.Item>
      </Form>
      <Modal
        open={duplicates !== null}
        title={t('enterprise.duplicates.title')}
        onCancel={() => setDuplicates(null)}
        okText={t('enterprise.duplicates.confirm')}
        cancelText={t('common.cancel')}
        okButtonProps={{ loading: create.isPending }}
        onOk={() => {
          setDuplicates(null)
          doCreate(form.getFieldsValue(true), true)
        }}
      >
        <Typography.Paragraph>{t('enterprise.duplicates.intro')}</Typography.Paragraph>
        <List
          size="small"
          dataSource={duplicates ?? []}
          renderItem={(c) => (
            <List.Item>
              <Space orientation="vertical" size={0}>
                <Typography.Link href={`/enterprises/${c.enterprise.id}`} target="_blank">
                  {c.enterprise.name}
                </Typography.Link>
                <Space size={4} wrap>
                  {c.reasons.map((r) => (
                    <Tag key={r} color={r === 'same_uscc' ? 'red' : 'orange'}>
                      {t(`enterprise.duplicates.reason.${r}`)}
                    </Tag>
                  ))}
                  <Typography.Text type="secondary">{t('enterprise.duplicates.similarity', { value: c.similarity.toFixed(2) })}</Typography.Text>
                  <Typography.Text type="secondary">{c.enterprise.uscc}</Typography.Text>
                </Space>
              </Space>
            </List.Item>
          )}
        />
      </Modal>
    </Drawer>
  )
}
