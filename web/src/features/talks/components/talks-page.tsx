import { PlusOutlined } from '@ant-design/icons'
import { Alert, App, Button, Descriptions, Drawer, Form, Input, List, Modal, Select, Space, Table, Tag, Typography, type TableColumnsType } from 'antd'
import { useState } from 'react'
import { useSearchParams } from 'react-router-dom'
import { talkReasons, talkTaskKinds, type Talk } from '../../../../../common/src/api/talks.js'
import { formatDateTime } from '../../../lib/format.js'
import { useI18n } from '../../../lib/i18n.js'
import { talkCall, useCreateTalk, useTalk, useTalkContext, useTalkMutation, useTalks } from '../api/talks-api.js'

type Summary = Omit<Talk, 'members' | 'proposal' | 'summary' | 'tasks' | 'meetings' | 'createdBy'>
const statusColors = { open: 'processing', concluded: 'green', closed: 'default' } as const
const DAY = /^\d{4}-\d{2}-\d{2}$/

function OpenTalkModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t, errorText } = useI18n()
  const { message } = App.useApp()
  const ctx = useTalkContext()
  const create = useCreateTalk()
  const [form] = Form.useForm<{ title: string; investorName: string; reason: (typeof talkReasons)[number]; assignedBy?: string; units: string[] }>()
  return (
    <Modal open={open} title={t('talks.open')} onCancel={onClose} onOk={() => form.submit()} confirmLoading={create.isPending} destroyOnHidden>
      <Form
        form={form}
        name="talkOpen"
        layout="vertical"
        initialValues={{ reason: 'cross_district', units: [] }}
        onFinish={(v) =>
          create.mutate(
            {
              title: v.title,
              investorName: v.investorName,
              reason: v.reason,
              assignedBy: v.assignedBy?.trim() || null,
              members: [
                { unit: 'city', unitName: t('talks.bureau'), name: ctx.displayName || t('talks.bureau'), role: t('talks.leaderRole') },
                ...v.units.map((u) => ({ unit: u, unitName: ctx.unitName(u), name: ctx.unitName(u), role: t('talks.memberRole') })),
              ],
            },
            { onSuccess: () => (message.success(t('talks.saved')), onClose()), onError: (e) => message.error(errorText(e)) },
          )
        }
      >
        <Form.Item name="title" label={t('talks.name')} rules={[{ required: true, min: 2, message: t('validation.required') }]}>
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item name="investorName" label={t('talks.investor')} rules={[{ required: true, message: t('validation.required') }]}>
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item name="reason" label={t('talks.reason')}>
          <Select options={talkReasons.map((r) => ({ value: r, label: t(`talks.reason.${r}`) }))} />
        </Form.Item>
        <Form.Item name="assignedBy" label={t('talks.assignedBy')}>
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item name="units" label={t('talks.members')}>
          <Select mode="multiple" options={ctx.units} optionFilterProp="label" />
        </Form.Item>
      </Form>
    </Modal>
  )
}

function TalkRoom({ id, onClose }: { id: string | null; onClose: () => void }) {
  const { t, errorText } = useI18n()
  const { message } = App.useApp()
  const ctx = useTalkContext()
  const talk = useTalk(id)
  const data = talk.data
  const change = useTalkMutation((input: { method: 'POST' | 'PUT' | 'PATCH'; path: string; body: unknown }) => talkCall(input.method, input.path, input.body))
  const run = (method: 'POST' | 'PUT' | 'PATCH', path: string, body: unknown, done?: () => void) =>
    change.mutate({ method, path, body }, { onSuccess: () => (message.success(t('talks.saved')), done?.()), onError: (e) => message.error(errorText(e)) })
  const [followUp, setFollowUp] = useState<{ meetingId: string; decisionId: string; version: number } | null>(null)
  const [note, setNote] = useState('')
  const [taskForm] = Form.useForm()
  const [proposalForm] = Form.useForm()
  const [meetingForm] = Form.useForm()
  const memberUnits = (data?.members ?? []).filter((m) => m.unit !== 'city').map((m) => ({ value: m.unit, label: m.unitName }))
  const dateRule = { pattern: DAY, message: t('talks.dateFormat') }

  return (
    <Drawer open={id !== null} size={900} title={data ? t('talks.room', { title: data.title }) : t('talks.title')} onClose={onClose} destroyOnHidden>
      {talk.isError && <Alert type="error" showIcon title={errorText(talk.error)} />}
      {data && (
        <Space direction="vertical" size="large" style={{ width: '100%' }}>
          <Descriptions size="small" bordered column={2}>
            <Descriptions.Item label={t('talks.investor')}>{data.investorName}</Descriptions.Item>
            <Descriptions.Item label={t('talks.status')}>
              <Tag color={statusColors[data.status]}>{t(`talks.status.${data.status}`)}</Tag>
            </Descriptions.Item>
            <Descriptions.Item label={t('talks.reason')}>{t(`talks.reason.${data.reason}`)}</Descriptions.Item>
            <Descriptions.Item label={t('talks.assignedBy')}>{data.assignedBy ?? ''}</Descriptions.Item>
            <Descriptions.Item label={t('talks.members')} span={2}>
              <Space wrap>
                {data.members.map((m) => (
                  <Tag key={m.unit}>
                    {m.unitName} · {m.name} · {m.role}
                  </Tag>
                ))}
              </Space>
            </Descriptions.Item>
          </Descriptions>

          <div>
            <Typography.Title level={5}>{t('talks.tasks')}</Typography.Title>
            <Table
              rowKey="id"
              size="small"
              pagination={false}
              dataSource={data.tasks}
              columns={[
                { title: t('talks.task.kind'), key: 'kind', render: (_, r) => t(`talks.task.kind.${r.kind}`) },
                { title: t('talks.task.title'), dataIndex: 'title' },
                { title: t('talks.task.owner'), key: 'owner', render: (_, r) => `${ctx.unitName(r.ownerUnit)} · ${r.ownerName}` },
                { title: t('talks.task.due'), key: 'due', render: (_, r) => (<Space size={4}>{r.dueOn}{r.overdue && <Tag color="red">{t('talks.overdueTag')}</Tag>}</Space>) },
                { title: t('talks.status'), key: 'status', render: (_, r) => (r.status === 'done' ? <Tag color="green">{t('talks.done')}</Tag> : <Tag>{t('talks.pending')}</Tag>) },
                {
                  title: t('common.actions'),
                  key: 'actions',
                  render: (_, r) =>
                    r.status === 'open' && ctx.mayFollowUp(r.ownerUnit) ? (
                      <Button size="small" onClick={() => run('PATCH', `/api/talks/${data.id}/tasks/${r.id}`, { status: 'done', version: r.version })}>
                        {t('talks.markDone')}
                      </Button>
                    ) : null,
                },
              ]}
            />
            {ctx.isCity && (
              <Form form={taskForm} name="talkTask" layout="inline" style={{ marginTop: 8, rowGap: 8 }} initialValues={{ kind: 'investigate' }} onFinish={(v) => run('POST', `/api/talks/${data.id}/tasks`, v, () => taskForm.resetFields())}>
                <Form.Item name="kind">
                  <Select style={{ width: 100 }} aria-label={t('talks.task.kind')} options={talkTaskKinds.map((k) => ({ value: k, label: t(`talks.task.kind.${k}`) }))} />
                </Form.Item>
                <Form.Item name="title" rules={[{ required: true, min: 2, message: t('validation.required') }]}>
                  <Input placeholder={t('talks.task.title')} aria-label={t('talks.task.title')} style={{ width: 180 }} />
                </Form.Item>
                <Form.Item name="ownerUnit" rules={[{ required: true, message: t('validation.required') }]}>
                  <Select placeholder={t('talks.task.owner')} aria-label={t('talks.task.owner')} style={{ width: 130 }} options={memberUnits} />
                </Form.Item>
                <Form.Item name="ownerName" rules={[{ required: true, message: t('validation.required') }]}>
                  <Input placeholder={t('talks.task.ownerName')} aria-label={t('talks.task.ownerName')} style={{ width: 100 }} />
                </Form.Item>
                <Form.Item name="dueOn" rules={[{ required: true, message: t('validation.required') }, dateRule]}>
                  <Input placeholder={t('talks.task.due')} aria-label={t('talks.task.due')} style={{ width: 120 }} />
                </Form.Item>
                <Button htmlType="submit" icon={<PlusOutlined />} loading={change.isPending}>
                  {t('talks.task.add')}
                </Button>
              </Form>
            )}
          </div>

          <div>
            <Typography.Title level={5}>{t('talks.proposal')}</Typography.Title>
            <List size="small" bordered dataSource={data.proposal} renderItem={(p) => <List.Item>{`${ctx.unitName(p.regionCode)} · ${p.reason}`}</List.Item>} />
            {ctx.isCity && (
              <Form
                form={proposalForm}
                name="talkProposal"
                layout="inline"
                style={{ marginTop: 8 }}
                onFinish={(v: { regionCode: string; reason: string }) =>
                  run('PUT', `/api/talks/${data.id}/proposal`, { proposal: [...data.proposal, { regionCode: v.regionCode, platformCode: null, reason: v.reason }], version: data.version }, () => proposalForm.resetFields())
                }
              >
                <Form.Item name="regionCode" rules={[{ required: true, message: t('validation.required') }]}>
                  <Select showSearch={{ optionFilterProp: 'label' }} placeholder={t('talks.proposal.region')} aria-label={t('talks.proposal.region')} style={{ width: 140 }} options={ctx.districts} />
                </Form.Item>
                <Form.Item name="reason" rules={[{ required: true, min: 2, message: t('validation.required') }]}>
                  <Input placeholder={t('talks.proposal.reason')} aria-label={t('talks.proposal.reason')} style={{ width: 320 }} />
                </Form.Item>
                <Button htmlType="submit" loading={change.isPending}>
                  {t('talks.proposal.add')}
                </Button>
              </Form>
            )}
          </div>

          <div>
            <Typography.Title level={5}>{t('talks.meetings')}</Typography.Title>
            {data.meetings.map((m) => (
              <div key={m.id} style={{ marginBottom: 16 }}>
                <Typography.Text strong>
                  {m.heldOn} · {m.title}
                  {m.chair ? ` · ${m.chair}` : ''}
                </Typography.Text>
                <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginBottom: 4 }}>{m.minutes}</Typography.Paragraph>
                <Table
                  rowKey="id"
                  size="small"
                  pagination={false}
                  dataSource={m.decisions}
                  columns={[
                    { title: t('talks.decision.text'), dataIndex: 'text' },
                    { title: t('talks.decision.unit'), dataIndex: 'responsibleUnitName' },
                    { title: t('talks.decision.due'), key: 'due', render: (_, d) => (<Space size={4}>{d.dueOn}{d.overdue && <Tag color="red">{t('talks.overdueTag')}</Tag>}</Space>) },
                    { title: t('talks.followUpNote'), key: 'followUp', render: (_, d) => (<Space size={4}>{d.status === 'done' ? <Tag color="green">{t('talks.done')}</Tag> : <Tag>{t('talks.pending')}</Tag>}{d.followUp}</Space>) },
                    {
                      title: t('common.actions'),
                      key: 'actions',
                      render: (_, d) =>
                        ctx.mayFollowUp(d.responsibleUnit) ? (
                          <Button size="small" onClick={() => setFollowUp({ meetingId: m.id, decisionId: d.id, version: m.version })}>
                            {t('talks.followUp')}
                          </Button>
                        ) : null,
                    },
                  ]}
                />
              </div>
            ))}
            {ctx.isCity && (
              <Form
                form={meetingForm}
                name="talkMeeting"
                layout="vertical"
                initialValues={{ decisions: [{}] }}
                onFinish={(v: { heldOn: string; title: string; chair?: string; minutes: string; decisions: Array<{ text: string; responsibleUnit: string; dueOn: string }> }) =>
                  run(
                    'POST',
                    `/api/talks/${data.id}/meetings`,
                    { ...v, chair: v.chair?.trim() || null, decisions: (v.decisions ?? []).filter((d) => d?.text).map((d) => ({ ...d, responsibleUnitName: ctx.unitName(d.responsibleUnit) })) },
                    () => meetingForm.resetFields(),
                  )
                }
              >
                <Typography.Title level={5} style={{ fontSize: 14 }}>
                  {t('talks.meeting.add')}
                </Typography.Title>
                <Space wrap>
                  <Form.Item name="heldOn" label={t('talks.meeting.heldOn')} rules={[{ required: true, message: t('validation.required') }, dateRule]}>
                    <Input style={{ width: 130 }} />
                  </Form.Item>
                  <Form.Item name="title" label={t('talks.meeting.title')} rules={[{ required: true, min: 2, message: t('validation.required') }]}>
                    <Input style={{ width: 220 }} />
                  </Form.Item>
                  <Form.Item name="chair" label={t('talks.meeting.chair')}>
                    <Input style={{ width: 140 }} />
                  </Form.Item>
                </Space>
                <Form.Item name="minutes" label={t('talks.meeting.minutes')} rules={[{ required: true, min: 2, message: t('validation.required') }]}>
                  <Input.TextArea rows={3} />
                </Form.Item>
                <Typography.Text>{t('talks.meeting.decisions')}</Typography.Text>
                <Form.List name="decisions">
                  {(fields, { add }) => (
                    <>
                      {fields.map((field) => (
                        <Space key={field.key} wrap style={{ marginTop: 8 }}>
                          <Form.Item name={[field.name, 'text']} noStyle>
                            <Input placeholder={t('talks.decision.text')} aria-label={t('talks.decision.text')} style={{ width: 300 }} />
                          </Form.Item>
                          <Form.Item name={[field.name, 'responsibleUnit']} noStyle>
                            <Select placeholder={t('talks.decision.unit')} aria-label={t('talks.decision.unit')} style={{ width: 150 }} options={memberUnits} />
                          </Form.Item>
                          <Form.Item name={[field.name, 'dueOn']} noStyle>
                            <Input placeholder={t('talks.decision.due')} aria-label={t('talks.decision.due')} style={{ width: 120 }} />
                          </Form.Item>
                        </Space>
                      ))}
                      <div style={{ marginTop: 8 }}>
                        <Button size="small" onClick={() => add({})}>
                          {t('talks.decision.addRow')}
                        </Button>
                      </div>
                    </>
                  )}
                </Form.List>
                <Button type="primary" htmlType="submit" style={{ marginTop: 12 }} loading={change.isPending}>
                  {t('talks.meeting.add')}
                </Button>
              </Form>
            )}
          </div>

          <Modal
            open={followUp !== null}
            title={t('talks.followUp')}
            okButtonProps={{ disabled: note.trim().length < 1 }}
            onCancel={() => setFollowUp(null)}
            onOk={() =>
              followUp &&
              run('POST', `/api/talks/${data.id}/meetings/${followUp.meetingId}/decisions/${followUp.decisionId}`, { status: 'done', followUp: note.trim(), version: followUp.version }, () => {
                setFollowUp(null)
                setNote('')
              })
            }
          >
            <Input.TextArea rows={3} value={note} aria-label={t('talks.followUpNote')} placeholder={t('talks.followUpNote')} onChange={(e) => setNote(e.target.value)} />
          </Modal>
        </Space>
      )}
    </Drawer>
  )
}

export function TalksPage() {
  const { t, errorText } = useI18n()
  const ctx = useTalkContext()
  const talks = useTalks()
  const [search, setSearch] = useSearchParams()
  const [opening, setOpening] = useState(false)
  const columns: TableColumnsType<Summary> = [
    { title: t('talks.name'), key: 'title', render: (_, r) => <Typography.Link onClick={() => setSearch({ id: r.id }, { replace: true })}>{r.title}</Typography.Link> },
    { title: t('talks.investor'), dataIndex: 'investorName' },
    { title: t('talks.reason'), key: 'reason', render: (_, r) => t(`talks.reason.${r.reason}`) },
    { title: t('talks.status'), key: 'status', render: (_, r) => <Tag color={statusColors[r.status]}>{t(`talks.status.${r.status}`)}</Tag> },
    { title: t('talks.openTasks'), dataIndex: 'openTasks', align: 'right' },
    { title: t('talks.overdue'), key: 'overdue', align: 'right', render: (_, r) => (r.overdueItems > 0 ? <Tag color="red">{r.overdueItems}</Tag> : 0) },
    { title: t('talks.meetingCount'), dataIndex: 'meetingCount', align: 'right' },
    { title: t('talks.updatedAt'), key: 'updatedAt', render: (_, r) => formatDateTime(r.updatedAt) },
  ]
  return (
    <>
      <Typography.Title level={3}>{t('talks.title')}</Typography.Title>
      {ctx.isCity && (
        <Button type="primary" icon={<PlusOutlined />} style={{ marginBottom: 16 }} onClick={() => setOpening(true)}>
          {t('talks.open')}
        </Button>
      )}
      {talks.isError && <Alert type="error" showIcon title={errorText(talks.error)} style={{ marginBottom: 16 }} />}
      <Table<Summary> rowKey="id" size="middle" columns={columns} dataSource={talks.data?.items ?? []} loading={talks.isFetching} pagination={false} />
      <OpenTalkModal open={opening} onClose={() => setOpening(false)} />
      <TalkRoom id={search.get('id')} onClose={() => setSearch({}, { replace: true })} />
    </>
  )
}
