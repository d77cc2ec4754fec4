import { Alert, App, Button, Descriptions, Drawer, Form, Input, Modal, Select, Space, Tag, Timeline, Typography } from 'antd'
import { useState } from 'react'
import { timerKeys, type LeadDetail, type TimerKey } from '../../../../../common/src/api/leads.js'
import { ApiError } from '../../../lib/api-client.js'
import { formatDateTime, formatNumber } from '../../../lib/format.js'
import { useI18n, type MessageKey } from '../../../lib/i18n.js'
import { pickServerMessage } from '../../../lib/translate.js'
import { useCloseLead, useLead, useLeadStep, useReportLead } from '../api/leads-api.js'
import { useLeadContext } from '../api/reference.js'
import { TimerTags } from './timer-tags.js'

const standingColors = { holder: 'green', none: 'default', held_elsewhere: 'red' } as const

export function LeadDetailDrawer({ id, onClose }: { id: string | null; onClose: () => void }) {
  const { t, lang, errorText } = useI18n()
  const { message } = App.useApp()
  const ctx = useLeadContext()
  const lead = useLead(id)
  const step = useLeadStep()
  const closeLead = useCloseLead()
  const report = useReportLead()
  const [stepForm] = Form.useForm<{ kind: TimerKey; outcome?: 'valid' | 'invalid'; note: string }>()
  const [reportOpen, setReportOpen] = useState(false)
  const [intent, setIntent] = useState('')
  const [reportError, setReportError] = useState<string[] | null>(null)
  const [closing, setClosing] = useState(false)
  const [closeForm] = Form.useForm<{ status: 'dropped' | 'signed'; note: string }>()
  const kind = Form.useWatch('kind', stepForm)
  const data: LeadDetail | undefined = lead.data
  const open = data ? data.status === 'new' || data.status === 'valid' : false
  const money = (v: number | null) => (v === null ? '' : formatNumber(v, lang))

  const sendReport = () => {
    if (!data) return
    setReportError(null)
    report.mutate(
      { leadId: data.id, intent: intent.trim() },
      {
        onSuccess: () => {
          message.success(t('leads.reported'))
          setReportOpen(false)
          setIntent('')
        },
        onError: (error) =>
          setReportError(error instanceof ApiError && error.fields.length > 0 ? [errorText(error), ...error.fields.map((f) => pickServerMessage(lang, f))] : [errorText(error)]),
      },
    )
  }

  return (
    <Drawer open={id !== null} title={data ? data.title : t('leads.detail')} size={720} onClose={onClose} destroyOnHidden>
      {lead.isError && <Alert type="error" showIcon title={errorText(lead.error)} />}
      {data && (
        <>
          <Descriptions size="small" column={2} bordered>
            <Descriptions.Item label={t('leads.enterprise')} span={2}>
              <Typography.Link href={`/enterprises/${data.enterpriseId}`}>{data.enterpriseName}</Typography.Link>
            </Descriptions.Item>
            <Descriptions.Item label={t('leads.region')}>{data.regionName}</Descriptions.Item>
            <Descriptions.Item label={t('leads.status')}>{t(`leads.status.${data.status}`)}</Descriptions.Item>
            <Descriptions.Item label={t('leads.channel')}>{t(`leads.channel.${data.channel}`)}</Descriptions.Item>
            <Descriptions.Item label={t('leads.sourcePerson')}>{[data.sourcePerson, data.sourceContact].filter(Boolean).join(' · ')}</Descriptions.Item>
            <Descriptions.Item label={t('leads.plannedInvestment')}>{money(data.plannedInvestment)}</Descriptions.Item>
            <Descriptions.Item label={t('leads.plannedInvestmentUsd')}>{money(data.plannedInvestmentUsd)}</Descriptions.Item>
            <Descriptions.Item label={t('leads.chain')}>{ctx.chainName(data.chainCode)}</Descriptions.Item>
            <Descriptions.Item label={t('leads.intendedRegion')}>{ctx.districtOptions.find((d) => d.value === data.intendedRegionCode)?.label ?? ''}</Descriptions.Item>
            <Descriptions.Item label={t('leads.investorWishes')} span={2}>
              {data.investorWishes}
            </Descriptions.Item>
            <Descriptions.Item label={t('leads.reportStatus')}>
              {data.mustReport && <Tag color="volcano">{t('leads.mustReport')}</Tag>}
              {data.reportStatus && <Tag>{t(`registry.report.${data.reportStatus}` as MessageKey)}</Tag>}
            </Descriptions.Item>
            <Descriptions.Item label={t('leads.standing')}>
              <Tag color={standingColors[data.standing]}>{t(`leads.standing.${data.standing}`)}</Tag>
            </Descriptions.Item>
            <Descriptions.Item label={t('leads.timers')} span={2}>
              <TimerTags timers={data.timers} />
            </Descriptions.Item>
          </Descriptions>

          {ctx.canWrite && open && (
            <Space style={{ margin: '16px 0' }} wrap>
              <Button type="primary" disabled={data.reportStatus === 'pending' || data.standing === 'holder'} onClick={() => setReportOpen(true)}>
                {t('leads.report')}
              </Button>
              <Button onClick={() => setClosing(true)}>{t('leads.close')}</Button>
            </Space>
          )}

          {ctx.canWrite && open && (
            <Form
              form={stepForm}
              layout="inline"
              initialValues={{ kind: 'first_response' }}
              style={{ marginBottom: 16, rowGap: 8 }}
              onFinish={(v) =>
                step.mutate(
                  { id: data.id, kind: v.kind, note: v.note, outcome: v.kind === 'evaluation' ? v.outcome : undefined, version: data.version },
                  {
                    onSuccess: () => {
                      message.success(t('leads.stepSaved'))
                      stepForm.resetFields(['note'])
                    },
                    onError: (error) => message.error(errorText(error)),
                  },
                )
              }
            >
              <Form.Item name="kind" label={t('leads.stepKind')}>
                <Select style={{ width: 140 }} options={timerKeys.map((k) => ({ value: k, label: t(`leads.timer.${k}`) }))} />
              </Form.Item>
              {kind === 'evaluation' && (
                <Form.Item name="outcome" label={t('leads.outcome')} rules={[{ required: true, message: t('validation.required') }]}>
                  <Select style={{ width: 120 }} options={(['valid', 'invalid'] as const).map((o) => ({ value: o, label: t(`leads.outcome.${o}`) }))} />
                </Form.Item>
              )}
              <Form.Item name="note" label={t('leads.stepNote')} rules={[{ required: true, message: t('validation.required') }]}>
                <Input style={{ width: 220 }} maxLength={2000} />
              </Form.Item>
              <Button htmlType="submit" loading={step.isPending}>
                {t('leads.step')}
              </Button>
            </Form>
          )}

          <Typography.Title level={5}>{t('leads.events')}</Typography.Title>
          <Timeline
            items={data.events.map((e) => ({
              content: (
                <>
                  <Typography.Text strong>{e.kind in { created: 1, status: 1 } ? '' : t(`leads.timer.${e.kind as TimerKey}`)}</Typography.Text> {e.note}
                  <div>
                    <Typography.Text type="secondary">
                      {formatDateTime(e.at)} · {e.actorName}
                    </Typography.Text>
                  </div>
                </>
              ),
            }))}
          />

          <Modal open={reportOpen} title={t('leads.reportTitle', { title: data.title })} onCancel={() => setReportOpen(false)} onOk={sendReport} confirmLoading={report.isPending} okButtonProps={{ disabled: intent.trim().length < 2 }}>
            {reportError && (
              <Alert
                type="error"
                showIcon
                style={{ marginBottom: 12 }}
                title={t('leads.reportConflict')}
                description={
                  <ul style={{ paddingInlineStart: 18, margin: 0 }}>
                    {reportError.map((line) => (
                      <li key={line}>{line}</li>
                    ))}
                  </ul>
                }
              />
            )}
            <Typography.Text>{t('leads.reportIntent')}</Typography.Text>
            <Input.TextArea rows={4} value={intent} maxLength={2000} placeholder={t('leads.reportIntentPlaceholder')} onChange={(e) => setIntent(e.target.value)} aria-label={t('leads.reportIntent')} />
          </Modal>

          <Modal
            open={closing}
            title={t('leads.close')}
            onCancel={() => setClosing(false)}
            confirmLoading={closeLead.isPending}
            onOk={() => closeForm.submit()}
          >
            <Form
              form={closeForm}
              layout="vertical"
              initialValues={{ status: 'dropped' }}
              onFinish={(v) =>
                closeLead.mutate(
                  { id: data.id, status: v.status, note: v.note, version: data.version },
                  { onSuccess: () => (message.success(t('leads.closed')), setClosing(false)), onError: (error) => message.error(errorText(error)) },
                )
              }
            >
              <Form.Item name="status" label={t('leads.closeAs')}>
                <Select options={(['dropped', 'signed'] as const).map((s) => ({ value: s, label: t(`leads.status.${s}`) }))} />
              </Form.Item>
              <Form.Item name="note" label={t('leads.stepNote')} rules={[{ required: true, message: t('validation.required') }]}>
                <Input.TextArea rows={3} maxLength={2000} />
              </Form.Item>
            </Form>
          </Modal>
        </>
      )}
    </Drawer>
  )
}
