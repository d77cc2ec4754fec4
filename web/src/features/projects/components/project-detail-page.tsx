import { ArrowLeftOutlined } from '@ant-design/icons'
import { Alert, App, Button, Card, Checkbox, Col, DatePicker, Descriptions, Empty, Input, InputNumber, List, Modal, Row, Select, Space, Spin, Steps, Tag, Timeline, Typography } from 'antd'
import dayjs from 'dayjs'
import { useState, type ReactNode } from 'react'
import { Link } from 'react-router-dom'
import { requirableFieldLabels, type ProjectEvent, type RequirableField } from '../../../../../common/src/api/projects.js'
import { formatDateTime, formatNumber } from '../../../lib/format.js'
import { useI18n, type MessageKey } from '../../../lib/i18n.js'
import { useChecklist } from '../api/get-checklist.js'
import { useProjectEvents } from '../api/get-events.js'
import { useProject } from '../api/get-project.js'
import { useRecordArrival } from '../api/record-arrival.js'
import { useTickChecklist } from '../api/tick-checklist.js'
import { useTransitionProject } from '../api/transition-project.js'
import { useStageNames } from './use-stage-names.js'

// labels of the changeable fields a stage cannot require
const fieldLabelKeys: Record<string, MessageKey> = { name: 'projects.name', investorName: 'projects.investor', type: 'projects.type', totalInvestment: 'projects.total' }

export interface ProjectDetailPageProps {
  id: string
  /** The problem list of the project, composed in by the app (features do not import each other). */
  problems?: ReactNode
  /** Whether the signed-in user may change the project (the server checks again). */
  canEdit: boolean
}

export function ProjectDetailPage({ id, problems, canEdit }: ProjectDetailPageProps) {
  const { t, lang, errorText } = useI18n()
  const { message } = App.useApp()
  const detail = useProject(id)
  const events = useProjectEvents(id)
  const checklist = useChecklist(id)
  const { stages, stageName } = useStageNames()
  const transition = useTransitionProject(id)
  const tick = useTickChecklist(id)
  const arrival = useRecordArrival(id)
  const [back, setBack] = useState<{ stage: string | null; reason: string } | null>(null)
  const [amount, setAmount] = useState<number | null>(null)
  const [arrivedOn, setArrivedOn] = useState<dayjs.Dayjs | null>(dayjs())

  if (detail.isLoading) return <Spin />
  if (detail.error || !detail.data) return <Alert type="error" message={errorText(detail.error)} />
  const { project: p, nextStage, missingForNext, timeline } = detail.data
  const money = (x: number | null) => (x === null ? '—' : formatNumber(x, lang))
  const current = timeline.findIndex((s) => s.current)
  const move = async (toStage: string, reason?: string) => {
    try {
      await transition.mutateAsync({ toStage, version: p.version, ...(reason ? { reason } : {}) })
      message.success(t('projects.moved', { stage: stageName(toStage) }))
      return true
    } catch (error) {
      message.error(errorText(error))
      return false
    }
  }
  const eventText = (e: ProjectEvent) => {
    switch (e.kind) {
      case 'stage':
        return t('projects.event.stage', { from: stageName(e.fromStage) || '—', to: stageName(e.toStage) })
      case 'arrival':
        return t('projects.event.arrival', { amount: money(e.amount) })
      case 'created':
        return t('projects.event.created')
      case 'checklist': {
        const item = stages.flatMap((s) => s.checklist).find((c) => c.key === e.field)
        return t('projects.event.checklist', { field: item ? (lang === 'en-US' ? item.nameEn : item.nameZh) : (e.field ?? '') })
      }
      case 'field': {
        const key = fieldLabelKeys[e.field ?? '']
        const label = requirableFieldLabels[e.field as RequirableField]
        return t('projects.event.field', { field: key ? t(key) : label ? (lang === 'en-US' ? label.en : label.zh) : (e.field ?? '') })
      }
      default:
        return t(`projects.event.${e.kind}` as MessageKey, { field: e.field ?? '' })
    }
  }

  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Link to="/projects">
        <ArrowLeftOutlined /> {t('projects.back')}
      </Link>
      <Card
        title={
          <Space>
            {p.name}
            <Tag color="blue">{stageName(p.stage)}</Tag>
            {p.violatesFirstTalk && <Tag color="red">{t('projects.violates')}</Tag>}
          </Space>
        }
      >
        <Descriptions size="small" column={{ xs: 1, md: 3 }}>
          <Descriptions.Item label={t('projects.investor')}>{p.investorName}</Descriptions.Item>
          <Descriptions.Item label={t('projects.type')}>{t(`projects.type.${p.type}` as MessageKey)}</Descriptions.Item>
          <Descriptions.Item label={t('projects.region')}>{p.regionName}</Descriptions.Item>
          <Descriptions.Item label={t('projects.platform')}>{p.platformName ?? '—'}</Descriptions.Item>
          <Descriptions.Item label={t('projects.chain')}>{p.chainName ?? '—'}</Descriptions.Item>
          <Descriptions.Item label={t('projects.sizeClass')}>{t(`projects.sizeClass.${p.sizeClass}` as MessageKey)}</Descriptions.Item>
          <Descriptions.Item label={t('projects.total')}>{money(p.totalInvestment)}</Descriptions.Item>
          <Descriptions.Item label={t('projects.fixedAsset')}>{money(p.fixedAssetInvestment)}</Descriptions.Item>
          <Descriptions.Item label={t('projects.arrived')}>{money(p.arrivedInvestment)}</Descriptions.Item>
          <Descriptions.Item label={t('projects.land')}>{money(p.landMu)}</Descriptions.Item>
          <Descriptions.Item label={t('projects.output')}>{money(p.expectedOutput)}</Descriptions.Item>
          <Descriptions.Item label={t('projects.jobs')}>{p.expectedJobs ?? '—'}</Descriptions.Item>
          <Descriptions.Item label={t('projects.signedOn')}>{p.signedOn ?? '—'}</Descriptions.Item>
          <Descriptions.Item label={t('projects.startedOn')}>{p.startedOn ?? '—'}</Descriptions.Item>
          <Descriptions.Item label={t('projects.firstTalk')}>{t(`projects.firstTalk.${p.firstTalkStatus}` as MessageKey)}</Descriptions.Item>
          <Descriptions.Item label={t('projects.responsible')}>{p.responsible.map((r) => r.name).join('、') || '—'}</Descriptions.Item>
        </Descriptions>
      </Card>

      <Card title={t('projects.timeline')}>
        <Steps
          size="small"
          current={current}
          labelPlacement="vertical"
          items={timeline.map((s) => ({ title: stageName(s.stage), description: s.enteredOn ?? '', status: s.current ? 'process' : s.reached ? 'finish' : 'wait' }))}
        />
        {nextStage && (
          <div style={{ marginTop: 16 }}>
            {missingForNext.length > 0 ? (
              <Alert
                type="warning"
                showIcon
                message={t('projects.next.missing', { stage: stageName(nextStage) })}
                description={
                  <Space wrap>
                    {missingForNext.map((m) => (
                      <Tag key={`${m.stage}.${m.key}`} color={m.kind === 'field' ? 'orange' : 'gold'}>
                        {t(m.kind === 'field' ? 'projects.field.missing' : 'projects.item.missing', { name: lang === 'en-US' ? m.nameEn : m.nameZh })}
                      </Tag>
                    ))}
                  </Space>
                }
              />
            ) : (
              <Alert type="success" showIcon message={t('projects.next.ready', { stage: stageName(nextStage) })} />
            )}
          </div>
        )}
        {canEdit && (
          <Space style={{ marginTop: 12 }}>
            {nextStage && (
              <Button type="primary" loading={transition.isPending} onClick={() => void move(nextStage)}>
                {t('projects.next', { stage: stageName(nextStage) })}
              </Button>
            )}
            {current > 0 && <Button onClick={() => setBack({ stage: null, reason: '' })}>{t('projects.moveBack')}</Button>}
          </Space>
        )}
      </Card>

      <Row gutter={16}>
        <Col xs={24} lg={10}>
          <Card title={t('projects.checklist')} size="small">
            <List
              size="small"
              dataSource={checklist.data?.items ?? []}
              renderItem={(item) => (
                <List.Item extra={item.doneOn ?? ''}>
                  <Checkbox checked={item.done} disabled={!canEdit || tick.isPending} onChange={(e) => tick.mutate({ key: item.key, done: e.target.checked }, { onError: (error) => message.error(errorText(error)) })}>
                    <Typography.Text type="secondary">{stageName(item.stage)} · </Typography.Text>
                    {lang === 'en-US' ? item.nameEn : item.nameZh}
                  </Checkbox>
                </List.Item>
              )}
            />
          </Card>
          {p.signedOn && canEdit && (
            <Card title={t('projects.arrival')} size="small" style={{ marginTop: 16 }}>
              <Space wrap>
                <InputNumber aria-label={t('projects.arrival.amount')} placeholder={t('projects.arrival.amount')} min={0.1} value={amount} onChange={(v) => setAmount(v)} style={{ width: 160 }} />
                <DatePicker aria-label={t('projects.arrival.date')} value={arrivedOn} onChange={setArrivedOn} disabledDate={(d) => d.isAfter(dayjs())} />
                <Button
                  disabled={!amount || !arrivedOn}
                  loading={arrival.isPending}
                  onClick={() =>
                    arrival.mutate(
                      { amount: amount!, occurredOn: arrivedOn!.format('YYYY-MM-DD'), version: p.version },
                      { onSuccess: () => (message.success(t('projects.arrival.saved')), setAmount(null)), onError: (error) => message.error(errorText(error)) },
                    )
                  }
                >
                  {t('projects.arrival')}
                </Button>
              </Space>
            </Card>
          )}
        </Col>
        <Col xs={24} lg={14}>
          <Card title={t('projects.events')} size="small" styles={{ body: { maxHeight: 460, overflow: 'auto' } }}>
            {(events.data?.items.length ?? 0) === 0 ? (
              <Empty />
            ) : (
              <Timeline
                items={(events.data?.items ?? []).map((e) => ({
                  color: e.kind === 'stage' ? 'blue' : e.kind === 'arrival' ? 'green' : e.kind === 'problem' ? 'red' : 'gray',
                  children: (
                    <div>
                      <Typography.Text strong>{e.occurredOn}</Typography.Text> {eventText(e)}
                      {e.note && <Typography.Text type="secondary"> — {e.note}</Typography.Text>}
                      <div>
                        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                          {e.actorName} · {formatDateTime(e.at)}
                        </Typography.Text>
                      </div>
                    </div>
                  ),
                }))}
              />
            )}
          </Card>
        </Col>
      </Row>

      {problems && <Card title={t('projects.problems')}>{problems}</Card>}

      <Modal
        open={back !== null}
        title={t('projects.moveBack.title')}
        okText={t('projects.ok')}
        cancelText={t('projects.cancel')}
        okButtonProps={{ disabled: !back?.stage || (back?.reason.trim().length ?? 0) < 2, loading: transition.isPending }}
        onCancel={() => setBack(null)}
        onOk={async () => {
          if (back?.stage && (await move(back.stage, back.reason.trim()))) setBack(null)
        }}
      >
        <Space direction="vertical" style={{ width: '100%' }}>
          <Select
            aria-label={t('projects.moveBack.stage')}
            placeholder={t('projects.moveBack.stage')}
            style={{ width: '100%' }}
            value={back?.stage ?? null}
            options={stages.slice(0, Math.max(0, current)).map((s) => ({ value: s.code, label: stageName(s.code) }))}
            onChange={(stage) => setBack((b) => ({ stage, reason: b?.reason ?? '' }))}
          />
          <Input.TextArea
            aria-label={t('projects.moveBack.reason')}
            placeholder={t('projects.moveBack.reason')}
            value={back?.reason ?? ''}
            onChange={(e) => setBack((b) => ({ stage: b?.stage ?? null, reason: e.target.value }))}
            maxLength={500}
          />
        </Space>
      </Modal>
    </Space>
  )
}
