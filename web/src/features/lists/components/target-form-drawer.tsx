import { Alert, App, Button, DatePicker, Drawer, Form, Input, Select, Space } from 'antd'
import dayjs, { type Dayjs } from 'dayjs'
import { useState } from 'react'
import { targetPriorities, targetStatuses, type Target } from '../../../../../common/src/api/lists.js'
import { EnterprisePicker } from '../../../components/enterprise-picker.js'
import { ApiError } from '../../../lib/api-client.js'
import { serverFieldErrors, showFieldErrors } from '../../../lib/form.js'
import { useI18n } from '../../../lib/i18n.js'
import { useCreateTarget } from '../api/create-target.js'
import { useUpdateTarget } from '../api/update-target.js'
import { useListContext } from './use-list-context.js'

export type TargetFormMode = { kind: 'create' } | { kind: 'edit'; target: Target }

interface FormValues {
  region?: string
  enterpriseId?: string | null
  chainCode?: string | null
  segmentCode?: string | null
  ownerName?: string
  priority?: Target['priority']
  status?: Target['status']
  nextStep?: string
  nextStepDue?: Dayjs | null
  notes?: string
  reason?: string
}

const formFields = ['region', 'enterpriseId', 'chainCode', 'segmentCode', 'ownerName', 'ownerUserId', 'priority', 'status', 'nextStep', 'nextStepDue', 'notes', 'reason']
const orNull = (s: string | undefined) => (s && s.trim() ? s.trim() : null)

export function TargetFormDrawer({ mode, onClose }: { mode: TargetFormMode | null; onClose: () => void }) {
  const { t, lang, errorText } = useI18n()
  const { message } = App.useApp()
  const ctx = useListContext()
  const [form] = Form.useForm<FormValues>()
  const [formError, setFormError] = useState<string | null>(null)
  const create = useCreateTarget()
  const update = useUpdateTarget()
  const editing = mode?.kind === 'edit' ? mode.target : null
  const chain = Form.useWatch('chainCode', form)

  const close = () => {
    setFormError(null)
    onClose()
  }

  const showServerError = (error: unknown) => {
    if (error instanceof ApiError && error.fields.length > 0) {
      const { matched, unmatched } = serverFieldErrors(error.fields, lang, formFields)
      showFieldErrors(form, matched)
      if (unmatched.length > 0 || matched.length === 0) setFormError([errorText(error), ...unmatched].join(' '))
    } else setFormError(errorText(error))
  }

  const submit = (values: FormValues) => {
    setFormError(null)
    const common = {
      chainCode: values.chainCode ?? null,
      segmentCode: values.segmentCode ?? null,
      ownerName: values.ownerName?.trim() || undefined,
      priority: values.priority,
      status: values.status,
      nextStep: orNull(values.nextStep),
      nextStepDue: values.nextStepDue ? values.nextStepDue.format('YYYY-MM-DD') : null,
      notes: orNull(values.notes),
      reason: values.reason?.trim() ?? '',
    }
    if (editing) {
      update.mutate(
        { id: editing.id, changes: { ...common, version: editing.version } },
        { onSuccess: () => { message.success(t('lists.saved')); close() }, onError: showServerError },
      )
    } else {
      if (!values.enterpriseId) return form.setFields([{ name: 'enterpriseId', errors: [t('lists.targets.pickEnterprise')] }])
      create.mutate(
        { region: values.region ?? ctx.defaultRegion, enterpriseId: values.enterpriseId, ...common },
        { onSuccess: (target) => { message.success(t('lists.targets.created', { name: target.enterpriseName })); close() }, onError: showServerError },
      )
    }
  }

  const initialValues: FormValues = editing
    ? {
        chainCode: editing.chainCode,
        segmentCode: editing.segmentCode,
        ownerName: editing.ownerName,
        priority: editing.priority,
        status: editing.status,
        nextStep: editing.nextStep ?? '',
        nextStepDue: editing.nextStepDue ? dayjs(editing.nextStepDue) : null,
        notes: editing.notes ?? '',
        reason: editing.reason,
      }
    : { region: ctx.defaultRegion, priority: 'medium', status: 'new' }

  return (
    <Drawer
      open={mode !== null}
      title={editing ? t('lists.targets.editTitle', { name: editing.enterpriseName }) : t('lists.targets.createTitle')}
      size={520}
      onClose={close}
      destroyOnHidden
      footer={
        <Space style={{ display: 'flex', justifyContent: 'flex-end' }}>
          <Button onClick={close}>{t('common.cancel')}</Button>
          <Button type="primary" loading={create.isPending || update.isPending} onClick={() => form.submit()}>
            {t('common.save')}
          </Button>
        </Space>
      }
    >
      {formError && <Alert type="error" showIcon title={formError} style={{ marginBottom: 16 }} />}
      <Form<FormValues>
        key={editing?.id ?? 'new'}
        form={form}
        layout="vertical"
        initialValues={initialValues}
        onFinish={submit}
        onValuesChange={(changed) => {
          if ('chainCode' in changed) form.setFieldValue('segmentCode', null)
        }}
      >
        {!editing && (
          <>
            <Form.Item name="region" label={t('lists.region')} rules={[{ required: true, message: t('lists.required') }]}>
              <Select options={ctx.isCity ? ctx.regionOptions : ctx.regionOptions.filter((o) => o.value === ctx.ownDistrict)} />
            </Form.Item>
            <Form.Item name="enterpriseId" label={t('lists.enterprise')} rules={[{ required: true, message: t('lists.targets.pickEnterprise') }]}>
              <EnterprisePicker placeholder={t('lists.targets.enterprisePlaceholder')} />
            </Form.Item>
          </>
        )}
        <Form.Item name="chainCode" label={t('lists.chain')}>
          <Select allowClear showSearch={{ optionFilterProp: 'label' }} options={ctx.chainOptions} />
        </Form.Item>
        <Form.Item name="segmentCode" label={t('lists.segment')}>
          <Select allowClear disabled={!chain} options={ctx.segmentOptions(chain)} />
        </Form.Item>
        <Form.Item name="ownerName" label={t('lists.targets.owner')}>
          <Input maxLength={100} placeholder={t('lists.targets.ownerPlaceholder')} />
        </Form.Item>
        <Space size={16} style={{ display: 'flex' }}>
          <Form.Item name="priority" label={t('lists.targets.priority')} style={{ width: 140 }}>
            <Select options={targetPriorities.map((p) => ({ value: p, label: t(`lists.targets.priority.${p}`) }))} />
          </Form.Item>
          <Form.Item name="status" label={t('lists.status')} style={{ width: 160 }}>
            <Select options={targetStatuses.map((s) => ({ value: s, label: t(`lists.targets.status.${s}`) }))} />
          </Form.Item>
        </Space>
        <Form.Item name="reason" label={t('lists.targets.reason')} rules={[{ required: true, whitespace: true, message: t('lists.required') }]}>
          <Input.TextArea rows={2} maxLength={1000} placeholder={t('lists.targets.reasonPlaceholder')} />
        </Form.Item>
        <Form.Item name="nextStep" label={t('lists.targets.nextStep')}>
          <Input maxLength={500} />
        </Form.Item>
        <Form.Item name="nextStepDue" label={t('lists.targets.nextStepDue')}>
          <DatePicker style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="notes" label={t('lists.note')}>
          <Input.TextArea rows={3} maxLength={2000} />
        </Form.Item>
      </Form>
    </Drawer>
  )
}
