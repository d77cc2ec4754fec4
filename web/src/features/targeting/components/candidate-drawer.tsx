import { AimOutlined, ExportOutlined } from '@ant-design/icons'
import { Alert, App, Button, Descriptions, Drawer, Empty, Input, List, Modal, Select, Space, Spin, Tag, Typography } from 'antd'
import { GraphChart } from 'echarts/charts'
import { LegendComponent } from 'echarts/components'
import * as echarts from 'echarts/core'
import { useMemo, useState } from 'react'
import { Link } from 'react-router-dom'
import { targetingFactorKeys, type Candidate } from '../../../../../common/src/api/targeting.js'
import { EChart } from '../../../components/echart.js'
import { useI18n } from '../../../lib/i18n.js'
import { pickName } from '../../../lib/translate.js'
import { useCandidatePaths } from '../api/get-candidate-paths.js'
import { useAddCandidateToTargets } from '../api/create-target.js'
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
      await create.mutateAsync({ enterpriseId: candidate.enterpriseId, body: { region: region.code, chain: chainCode, priority, reason } })
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
            {mayAdd && (
              <Button type="primary" icon={<AimOutlined />} onClick={openAdd}>
                {t('targeting.action.addTarget')}
              </Button>
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
