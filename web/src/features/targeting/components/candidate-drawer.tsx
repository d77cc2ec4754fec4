import { AimOutlined, ExportOutlined, FlagOutlined } from '@ant-design/icons'
import { Alert, App, Button, Descriptions, Drawer, Empty, Input, InputNumber, List, Modal, Select, Space, Spin, Tag, Typography } from 'antd'
import { GraphChart } from 'echarts/charts'
import { LegendComponent } from 'echarts/components'
import * as echarts from 'echarts/core'
import { useMemo, useState } from 'react'
import { Link } from 'react-router-dom'
import { leadChannels, type LeadChannel } from '../../../../../common/src/api/leads.js'
import { targetingFactorKeys, type Candidate } from '../../../../../common/src/api/targeting.js'
import { EChart } from '../../../components/echart.js'
import { useI18n } from '../../../lib/i18n.js'
import { pickName } from '../../../lib/translate.js'
import { useCandidatePaths } from '../api/get-candidate-paths.js'
import { useAddCandidateToTargets } from '../api/create-target.js'
import { useOpenLeadFromTarget } from '../api/open-lead.js'
import { factorColors, nodeColors, nodeRoles, priorityOf, reachGraphOption, reasonFactors } from '../targeting-charts.js'
import { factorFact } from './factor-facts.js'

// the reach graph needs the graph series and a legend, which the shared chart component does not register
echarts.use([GraphChart, LegendComponent])

interface Props {
  candidate: Candidate | null
  region: { code: string; nameZh: string }
  chainCode: string
  mayAdd: boolean
  onClose: () => void
}

export function CandidateDrawer({ candidate, region, chainCode, mayAdd, onClose }: Props) {
  const { t, lang, errorText } = useI18n()
  const { message } = App.useApp()
  const paths = useCandidatePaths(candidate?.enterpriseId ?? null, candidate ? region.code : null)
  const create = useAddCandidateToTargets()
  const [adding, setAdding] = useState(false)
  const [priority, setPriority] = useState<'high' | 'medium' | 'low'>('medium')
  const [reason, setReason] = useState('')
  // the target list entry made from this candidate in this drawer: a lead can be opened from it
  const [added, setAdded] = useState<{ enterpriseId: string; targetId: string } | null>(null)
  const openLead = useOpenLeadFromTarget()
  const [leadOpen, setLeadOpen] = useState(false)
  const [leadFor, setLeadFor] = useState<string | null>(null)
  const [lead, setLead] = useState<{ channel: LeadChannel; sourcePerson: string; plannedInvestment: number | null; investorWishes: string }>({
    channel: 'other',
    sourcePerson: '',
    plannedInvestment: null,
    investorWishes: '',
  })
  const addedHere = added !== null && candidate !== null && added.enterpriseId === candidate.enterpriseId
  const confirmLead = async () => {
    if (!added) return
    try {
      await openLead.mutateAsync({
        targetId: added.targetId,
        channel: lead.channel,
        sourcePerson: lead.sourcePerson,
        plannedInvestment: lead.plannedInvestment,
        investorWishes: lead.investorWishes || null,
      })
      message.success(t('targeting.lead.done'))
      setLeadOpen(false)
      setLeadFor(added.enterpriseId)
    } catch (error) {
      message.error(errorText(error))
    }
  }

  const option = useMemo(
    () =>
      paths.data &&
      reachGraphOption(paths.data.paths, {
        roles: Object.fromEntries(nodeRoles.map((r) => [r, t(`targeting.node.${r}`)])) as Record<(typeof nodeRoles)[number], string>,
        edges: { supplier: t('targeting.edge.supplier'), investor: t('targeting.edge.investor'), branch: t('targeting.edge.branch') },
      }),
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [paths.data, lang],
  )

  const openAdd = () => {
    if (!candidate) return
    const factors = reasonFactors(candidate.contributions).map((k) => t(`targeting.factor.${k}`))
    setReason(t('targeting.reason', { factors: factors.join(t('targeting.reasonSeparator')), score: candidate.score.toFixed(1) }))
    setPriority(priorityOf(candidate.score))
    setAdding(true)
  }
  const confirmAdd = async () => {
    if (!candidate) return
    try {
      const target = await create.mutateAsync({ enterpriseId: candidate.enterpriseId, body: { region: region.code, chain: chainCode, priority, reason } })
      setAdded({ enterpriseId: candidate.enterpriseId, targetId: target.id })
      message.success(t('targeting.add.done'))
      setAdding(false)
    } catch (error) {
      message.error(errorText(error))
    }
  }

  return (
    <Drawer
      open={candidate !== null}
      onClose={onClose}
      size={760}
      title={candidate ? t('targeting.drawer.title', { name: candidate.name, rank: candidate.rank }) : ''}
      extra={
        candidate && (
          <Space>
            <Link to={`/enterprises/${candidate.enterpriseId}`}>
              <Button icon={<ExportOutlined />}>{t('targeting.action.openEnterprise')}</Button>
            </Link>
            {mayAdd && !addedHere && (
              <Button type="primary" icon={<AimOutlined />} onClick={openAdd}>
                {t('targeting.action.addTarget')}
              </Button>
            )}
            {mayAdd && addedHere && leadFor !== candidate.enterpriseId && (
              <Button type="primary" icon={<FlagOutlined />} onClick={() => setLeadOpen(true)}>
                {t('targeting.action.openLead')}
              </Button>
            )}
            {leadFor === candidate.enterpriseId && (
              <Link to="/leads">
                <Button icon={<FlagOutlined />}>{t('targeting.action.viewLeads')}</Button>
              </Link>
            )}
          </Space>
        )
      }
    >
      {candidate && (
        <>
          <Typography.Title level={5}>
            {t('targeting.drawer.facts')} <Tag color="blue">{t('targeting.drawer.score', { score: candidate.score.toFixed(1) })}</Tag>
          </Typography.Title>
          <Descriptions size="small" column={1} bordered>
            <Descriptions.Item label={t('targeting.col.region')}>{candidate.regionName}</Descriptions.Item>
            {targetingFactorKeys.map((k) => (
              <Descriptions.Item
                key={k}
                label={
                  <Space size={6}>
                    <span style={{ display: 'inline-block', width: 10, height: 10, background: factorColors[k], borderRadius: 2 }} />
                    {t(`targeting.factor.${k}`)}
                  </Space>
                }
              >
                <Space size={12}>
                  <Typography.Text strong>{candidate.contributions[k].toFixed(2)}</Typography.Text>
                  <Typography.Text type="secondary">{factorFact(k, candidate, t, lang)}</Typography.Text>
                </Space>
              </Descriptions.Item>
            ))}
          </Descriptions>

          <Typography.Title level={5} style={{ marginTop: 20 }}>
            {t('targeting.drawer.paths')}
          </Typography.Title>
          {paths.isPending && <Spin />}
          {paths.isError && <Alert type="error" showIcon title={errorText(paths.error)} />}
          {paths.data && paths.data.paths.length === 0 && <Empty description={t('targeting.drawer.noPaths')} />}
          {paths.data && paths.data.paths.length > 0 && option && (
            <>
              <div data-testid="reach-graph">
                <EChart option={option} height={Math.max(220, paths.data.paths.length * 90 + 90)} ariaLabel={t('targeting.drawer.graphLabel')} />
              </div>
              <List
                size="small"
                dataSource={paths.data.paths}
                renderItem={(p, k) => (
                  <List.Item>
                    <Space direction="vertical" size={2}>
                      <Space size={6}>
                        <Typography.Text strong>{t('targeting.drawer.pathN', { n: k + 1 })}</Typography.Text>
                        {p.nodes.at(-1)?.asset && (
                          <Tag color={nodeColors[p.nodes.at(-1)!.asset!]}>{t(`targeting.node.${p.nodes.at(-1)!.asset!}`)}</Tag>
                        )}
                      </Space>
                      {p.steps.length === 0 && p.nodes[0]?.asset && (
                        <Typography.Text>{t(`targeting.drawer.selfAsset.${p.nodes[0].asset}`, { name: p.nodes[0].name })}</Typography.Text>
                      )}
                      {p.steps.map((s, j) => (
                        <Typography.Text key={j}>{lang === 'en-US' ? s.textEn : s.textZh}</Typography.Text>
                      ))}
                    </Space>
                  </List.Item>
                )}
              />
            </>
          )}

          <Modal
            open={leadOpen}
            title={t('targeting.lead.title', { name: candidate.name })}
            okText={t('targeting.lead.ok')}
            onOk={confirmLead}
            okButtonProps={{ disabled: lead.sourcePerson.trim() === '' }}
            confirmLoading={openLead.isPending}
            onCancel={() => setLeadOpen(false)}
          >
            <Space direction="vertical" style={{ width: '100%' }}>
              <Typography.Text type="secondary">{t('targeting.lead.hint')}</Typography.Text>
              <Typography.Text>{t('leads.channel')}</Typography.Text>
              <Select
                value={lead.channel}
                onChange={(channel) => setLead({ ...lead, channel })}
                style={{ width: 220 }}
                options={leadChannels.map((c) => ({ value: c, label: t(`leads.channel.${c}`) }))}
              />
              <Typography.Text>{t('leads.sourcePerson')}</Typography.Text>
              <Input value={lead.sourcePerson} onChange={(e) => setLead({ ...lead, sourcePerson: e.target.value })} maxLength={100} aria-label={t('leads.sourcePerson')} />
              <Typography.Text>{t('leads.plannedInvestment')}</Typography.Text>
              <InputNumber min={0} value={lead.plannedInvestment} onChange={(v) => setLead({ ...lead, plannedInvestment: v })} style={{ width: 220 }} />
              <Typography.Text>{t('leads.investorWishes')}</Typography.Text>
              <Input.TextArea value={lead.investorWishes} onChange={(e) => setLead({ ...lead, investorWishes: e.target.value })} rows={2} maxLength={2000} />
            </Space>
          </Modal>

          <Modal
            open={adding}
            title={t('targeting.add.title')}
            okText={t('targeting.add.ok')}
            onOk={confirmAdd}
            confirmLoading={create.isPending}
            onCancel={() => setAdding(false)}
          >
            <Space direction="vertical" style={{ width: '100%' }}>
              <Typography.Text>
                {candidate.name} · {pickName(lang, { nameZh: candidate.segmentNameZh, nameEn: candidate.segmentNameEn })}
              </Typography.Text>
              <Typography.Text type="secondary">{t('targeting.add.region', { region: region.nameZh })}</Typography.Text>
              <Typography.Text>{t('targeting.add.priority')}</Typography.Text>
              <Select
                value={priority}
                onChange={setPriority}
                style={{ width: 160 }}
                options={(['high', 'medium', 'low'] as const).map((p) => ({ value: p, label: t(`targeting.priority.${p}`) }))}
              />
              <Typography.Text>{t('targeting.add.reason')}</Typography.Text>
              <Input.TextArea value={reason} onChange={(e) => setReason(e.target.value)} rows={3} maxLength={1000} aria-label={t('targeting.add.reason')} />
            </Space>
          </Modal>
        </>
      )}
    </Drawer>
  )
}
