import { SlidersOutlined } from '@ant-design/icons'
import { Alert, Badge, Button, Card, Empty, Select, Space, Table, Tag, Tooltip, Typography, type TableColumnsType } from 'antd'
import { useState } from 'react'
import { gapLabels, type GapLabel } from '../../../../../common/src/api/chain.js'
import { targetingFactorKeys, type Candidate } from '../../../../../common/src/api/targeting.js'
import { useTenantReference } from '../../../api/reference/get-tenant-reference.js'
import { formatNumber } from '../../../lib/format.js'
import { useI18n } from '../../../lib/i18n.js'
import { pickName } from '../../../lib/translate.js'
import { useCandidates } from '../api/get-candidates.js'
import { useChainCatalog } from '../api/get-chain-catalog.js'
import { useSessionUser } from '../api/get-session-user.js'
import { barScale, factorColors } from '../targeting-charts.js'
import { CandidateDrawer } from './candidate-drawer.js'
import { FactorBar } from './factor-bar.js'
import { WeightsEditor } from './weights-editor.js'

export const gapColors: Record<GapLabel, string> = { missing: 'red', weak: 'orange', extension: 'blue', strong: 'green' }
const PAGE_SIZE = 20

export function TargetingPage() {
  const { t, lang, errorText } = useI18n()
  const reference = useTenantReference()
  const catalog = useChainCatalog()
  const me = useSessionUser()
  const cityCode = reference.data?.districts[0]?.parentCode ?? reference.data?.tenant.id ?? null
  const [region, setRegion] = useState<string | null>(null)
  const [chain, setChain] = useState<string | null>(null)
  const [page, setPage] = useState(1)
  const [selected, setSelected] = useState<Candidate | null>(null)
  const [editing, setEditing] = useState(false)

  // a district officer opens on the district, everyone else on the city
  const effectiveRegion = region ?? (me.data?.scope.type === 'district' ? me.data.scope.id : cityCode)
  const effectiveChain = chain ?? catalog.data?.chains[0]?.code ?? null
  const params = effectiveRegion && effectiveChain ? { region: effectiveRegion, chain: effectiveChain, limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE } : null
  const result = useCandidates(params)
  const data = result.data
  const role = me.data?.role
  const ownDistrict = me.data?.scope.type === 'district' ? me.data.scope.id : null
  const mayAdd = !!data && (role === 'city_admin' || role === 'city_staff' || (role === 'district_staff' && ownDistrict === data.region.code))

  const regionOptions = [
    ...(cityCode ? [{ value: cityCode, label: reference.data?.tenant.nameZh ?? cityCode }] : []),
    ...(reference.data?.districts ?? [])
      // a district's users rank for the city or their own district only
      .filter((d) => role === undefined || !ownDistrict || d.code === ownDistrict)
      .map((d) => ({ value: d.code, label: d.nameZh })),
  ]
  const chainOptions = (catalog.data?.ecosystems ?? []).map((e) => ({
    label: pickName(lang, e),
    options: (catalog.data?.chains ?? []).filter((c) => c.ecosystem === e.code).map((c) => ({ value: c.code, label: pickName(lang, c) })),
  }))
  const scale = barScale(data?.items ?? [])

  const columns: TableColumnsType<Candidate> = [
    { title: t('targeting.col.rank'), dataIndex: 'rank', width: 64, align: 'right' },
    {
      title: t('targeting.col.name'),
      key: 'name',
      render: (_, c) => (
        <Button type="link" size="small" style={{ padding: 0, height: 'auto', whiteSpace: 'normal', textAlign: 'left' }} onClick={() => setSelected(c)}>
          {c.name}
        </Button>
      ),
    },
    { title: t('targeting.col.region'), dataIndex: 'regionName', width: 150 },
    {
      title: t('targeting.col.segment'),
      key: 'segment',
      width: 230,
      render: (_, c) => (
        <Space size={4} wrap>
          <span>{pickName(lang, { nameZh: c.segmentNameZh, nameEn: c.segmentNameEn })}</span>
          <Tag color={gapColors[c.gap]}>{t(`targeting.gap.${c.gap}`)}</Tag>
        </Space>
      ),
    },
    {
      title: t('targeting.col.revenue'),
      dataIndex: 'revenue',
      width: 120,
      align: 'right',
      render: (v: number | null) => (v === null ? '—' : formatNumber(Math.round(v), lang)),
    },
    { title: t('targeting.col.score'), dataIndex: 'score', width: 80, align: 'right', render: (v: number) => <Typography.Text strong>{v.toFixed(1)}</Typography.Text> },
    { title: t('targeting.col.factors'), key: 'factors', width: 240, render: (_, c) => <FactorBar candidate={c} scale={scale} /> },
  ]

  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }}>
      <div>
        <Typography.Title level={3} style={{ marginBottom: 4 }}>
          {t('targeting.title')}
        </Typography.Title>
        <Typography.Text type="secondary">{t('targeting.intro')}</Typography.Text>
      </div>
      <Space wrap>
        <Typography.Text>{t('targeting.region')}</Typography.Text>
        <Select
          aria-label={t('targeting.region')}
          style={{ width: 180 }}
          value={effectiveRegion}
          options={regionOptions}
          onChange={(v) => {
            setRegion(v)
            setPage(1)
          }}
        />
        <Typography.Text>{t('targeting.chain')}</Typography.Text>
        <Select
          aria-label={t('targeting.chain')}
          style={{ width: 260 }}
          value={effectiveChain}
          options={chainOptions}
          showSearch={{ optionFilterProp: 'label' }}
          onChange={(v) => {
            setChain(v)
            setPage(1)
          }}
        />
        {data && role === 'city_admin' && (
          <Button icon={<SlidersOutlined />} onClick={() => setEditing(true)}>
            {t('targeting.weights.edit')}
          </Button>
        )}
      </Space>
      {result.isError && <Alert type="error" showIcon title={errorText(result.error)} />}
      {data && (
        <Card size="small" title={t('targeting.gaps.title')} data-testid="gap-summary">
          <Space direction="vertical" style={{ width: '100%' }}>
            <Space wrap size={[16, 8]}>
              {gapLabels.map((g) => (
                <Badge key={g} color={gapColors[g]} text={`${t(`targeting.gap.${g}`)} ${data.gaps.counts[g]}`} />
              ))}
              <Tag color={data.layout.role === 'core' ? 'purple' : data.layout.role === 'cooperating' ? 'geekblue' : 'default'} data-testid="layout-fit">
                {t('targeting.layout.title', { year: data.layout.year })}: {t(`targeting.layout.${data.layout.role ?? 'none'}`)}
              </Tag>
              <Tag>{data.weights.isDefault ? t('targeting.weights.default') : t('targeting.weights.custom')}</Tag>
              <Typography.Text type="secondary">{t('targeting.asOf', { date: data.asOf, days: data.windowDays })}</Typography.Text>
            </Space>
            <Space wrap size={[6, 6]}>
              {data.gaps.segments.map((s) => (
                <Tooltip key={s.code} title={t('targeting.gaps.segmentHint', { local: s.enterprises, candidates: s.candidates })}>
                  <Tag color={gapColors[s.gap]}>
                    {pickName(lang, s)} · {s.enterprises}/{s.candidates}
                  </Tag>
                </Tooltip>
              ))}
            </Space>
          </Space>
        </Card>
      )}
      <Card
        size="small"
        title={data ? t('targeting.list.title', { total: formatNumber(data.total, lang) }) : t('targeting.title')}
        extra={
          <Space wrap size={[12, 4]}>
            {targetingFactorKeys.map((k) => (
              <Space key={k} size={4}>
                <span style={{ display: 'inline-block', width: 10, height: 10, background: factorColors[k], borderRadius: 2 }} />
                <Typography.Text style={{ fontSize: 12 }}>{t(`targeting.factor.${k}`)}</Typography.Text>
              </Space>
            ))}
          </Space>
        }
      >
        <Table<Candidate>
          rowKey="enterpriseId"
          size="small"
          loading={result.isFetching}
          columns={columns}
          dataSource={data?.items ?? []}
          locale={{ emptyText: <Empty description={t('targeting.empty')} /> }}
          onRow={(c) => ({ onClick: () => setSelected(c), style: { cursor: 'pointer' } })}
          pagination={{ current: page, pageSize: PAGE_SIZE, total: data?.total ?? 0, showSizeChanger: false, onChange: setPage }}
        />
      </Card>
      {data && (
        <CandidateDrawer candidate={selected} region={data.region} chainCode={data.chain.code} mayAdd={mayAdd} onClose={() => setSelected(null)} />
      )}
      {data && role === 'city_admin' && (
        <WeightsEditor open={editing} onClose={() => setEditing(false)} chain={data.chain.code} chainName={pickName(lang, data.chain)} weights={data.weights} />
      )}
    </Space>
  )
}
