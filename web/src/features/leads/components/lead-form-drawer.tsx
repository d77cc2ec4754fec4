import { Alert, App, Button, Drawer, Form, Input, InputNumber, Select, Space } from 'antd'
import { useState } from 'react'
import { leadChannels, type CreateLead, type LeadChannel } from '../../../../../common/src/api/leads.js'
import { EnterprisePicker } from '../../../components/enterprise-picker.js'
import { ApiError } from '../../../lib/api-client.js'
import { serverFieldErrors, showFieldErrors } from '../../../lib/form.js'
import { useI18n } from '../../../lib/i18n.js'
import { pickServerMessage } from '../../../lib/translate.js'
import { useCreateLead } from '../api/leads-api.js'
import { useLeadContext } from '../api/reference.js'

interface FormValues {
  enterpriseId?: string | null
  title?: string
  channel?: LeadChannel
  sourcePerson?: string
  sourceContact?: string
  plannedInvestment?: number | null
  plannedInvestmentUsd?: number | null
  chainCode?: string | null
  segmentCode?: string | null
  intendedRegionCode?: string | null
  investorWishes?: string
}

const formFields = ['enterpriseId', 'title', 'channel', 'sourcePerson', 'sourceContact', 'plannedInvestment', 'plannedInvestmentUsd', 'chainCode', 'segmentCode', 'intendedRegionCode', 'investorWishes']
const orNull = (s: string | undefined) => (s && s.trim() ? s.trim() : null)

export function LeadFormDrawer({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t, lang, errorText } = useI18n()
  const { message } = App.useApp()
  const ctx = useLeadContext()
  const [form] = Form.useForm<FormValues>()
  const [formError, setFormError] = useState<string | null>(null)
  const [duplicates, setDuplicates] = useState<{ input: CreateLead; lines: string[] } | null>(null)
  const create = useCreateLead()
  const chain = Form.useWatch('chainCode', form)

  const close = () => {
    setFormError(null)
    setDuplicates(null)
    form.resetFields()
    onClose()
  }

  const send = (input: CreateLead) => {
    setFormError(null)
    create.mutate(input, {
      onSuccess: (lead) => {
        message.success(t('leads.created', { title: lead.title }))
        close()
      },
      onError: (error) => {
        if (error instanceof ApiError && error.code === 'DUPLICATE_LEAD') {
          setDuplicates({ input, lines: error.fields.map((f) => pickServerMessage(lang, f)) })
          return
        }
        if (error instanceof ApiError && error.fields.length > 0) {
          const { matched, unmatched } = serverFieldErrors(error.fields, lang, formFields)
          showFieldErrors(form, matched)
          if (unmatched.length > 0 || matched.length === 0) setFormError([errorText(error), ...unmatched].join(' '))
        } else setFormError(errorText(error))
      },
    })
  }

  const submit = (values: FormValues) => {
    if (!values.enterpriseId) return form.setFields([{ name: 'enterpriseId', errors: [t('leads.pickEnterprise')] }])
    setDuplicates(null)
    send({
      enterpriseId: values.enterpriseId,
      title: values.title?.trim() ?? '',
      channel: values.channel ?? 'other',
      sourcePerson: values.sourcePerson?.trim() ?? '',
      sourceContact: orNull(values.sourceContact),
      plannedInvestment: values.plannedInvestment ?? null,
      plannedInvestmentUsd: values.plannedInvestmentUsd ?? null,
      chainCode: values.chainCode ?? null,
      segmentCode: values.segmentCode ?? null,
      intendedRegionCode: values.intendedRegionCode ?? null,
      investorWishes: orNull(values.investorWishes),
    })
  }

  return (
    <Drawer
      open={open}
      title={t('leads.create')}
      size={560}
      onClose={close}
      destroyOnHidden
      footer={
        <Space style={{ display: 'flex', justifyContent: 'flex-end' }}>
          <Button onClick={close}>{t('common.cancel')}</Button>
          <Button type="primary" loading={create.isPending} onClick={() => form.submit()}>
            {t('common.save')}
          </Button>
        </Space>
      }
    >
      {formError && <Alert type="error" showIcon title={formError} style={{ marginBottom: 16 }} />}
      {duplicates && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 16 }}
          title={t('leads.duplicateTitle')}
          description={
            <>
              <ul style={{ paddingInlineStart: 18, margin: '4px 0' }}>
                {duplicates.lines.map((line) => (
                  <li key={line}>{line}</li>
                ))}
              </ul>
              <Button size="small" danger onClick={() => send({ ...duplicates.input, confirmDuplicate: true })}>
                {t('leads.confirmDuplicate')}
              </Button>
            </>
          }
        />
      )}
      <Form<FormValues> form={form} layout="vertical" onFinish={submit} initialValues={{ channel: 'fair' }}>
        <Form.Item name="enterpriseId" label={t('leads.enterprise')} required>
          <EnterprisePicker
            onChange={(_id, option) => {
              if (option && !form.getFieldValue('title')) form.setFieldValue('title', option.label)
            }}
          />
        </Form.Item>
        <Form.Item name="title" label={t('leads.leadTitle')} rules={[{ required: true, min: 2, message: t('validation.required') }]}>
          <Input maxLength={200} />
        </Form.Item>
        <Space.Compact block>
          <Form.Item name="channel" label={t('leads.channel')} style={{ width: '50%' }}>
            <Select options={leadChannels.map((c) => ({ value: c, label: t(`leads.channel.${c}`) }))} />
          </Form.Item>
          <Form.Item name="sourcePerson" label={t('leads.sourcePerson')} style={{ width: '50%' }} rules={[{ required: true, message: t('validation.required') }]}>
            <Input maxLength={100} />
          </Form.Item>
        </Space.Compact>
        <Form.Item name="sourceContact" label={t('leads.sourceContact')}>
          <Input maxLength={200} />
        </Form.Item>
        <Space.Compact block>
          <Form.Item name="plannedInvestment" label={t('leads.plannedInvestment')} style={{ width: '50%' }}>
            <InputNumber min={0} style={{ width: '100%' }} />
          </Form.Item>
          <Form.Item name="plannedInvestmentUsd" label={t('leads.plannedInvestmentUsd')} style={{ width: '50%' }}>
            <InputNumber min={0} style={{ width: '100%' }} />
          </Form.Item>
        </Space.Compact>
        <Space.Compact block>
          <Form.Item name="chainCode" label={t('leads.chain')} style={{ width: '50%' }}>
            <Select allowClear showSearch={{ optionFilterProp: 'label' }} options={ctx.chainOptions} onChange={() => form.setFieldValue('segmentCode', null)} />
          </Form.Item>
          <Form.Item name="segmentCode" label={t('leads.segment')} style={{ width: '50%' }}>
            <Select allowClear disabled={!chain} options={ctx.segmentOptions(chain)} />
          </Form.Item>
        </Space.Compact>
        <Form.Item name="intendedRegionCode" label={t('leads.intendedRegion')}>
          <Select allowClear options={ctx.districtOptions} />
        </Form.Item>
        <Form.Item name="investorWishes" label={t('leads.investorWishes')}>
          <Input.TextArea rows={3} maxLength={2000} />
        </Form.Item>
      </Form>
    </Drawer>
  )
}
