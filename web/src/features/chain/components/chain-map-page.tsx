import { CameraOutlined, DownloadOutlined } from '@ant-design/icons'
import { Alert, Button, Card, Col, Empty, Row, Select, Space, Statistic, Table, Tag, Tooltip, Typography, type TableColumnsType } from 'antd'
import { LineChart, ScatterChart } from 'echarts/charts'
import { LegendComponent } from 'echarts/components'
import * as echarts from 'echarts/core'
import { useEffect, useMemo, useRef, useState } from 'react'
import type { ChainMap, ChainMapSegment, GapLabel, Stage } from '../../../../../common/src/api/chain.js'
import { EChart } from '../../../components/echart.js'
import { formatNumber } from '../../../lib/format.js'
import { useI18n } from '../../../lib/i18n.js'
import { pickName } from '../../../lib/translate.js'
import { useTenantReference } from '../../../api/reference/get-tenant-reference.js'
import { useChainCatalog } from '../api/get-chain-catalog.js'
import { chainMapExportUrl, useChainMap } from '../api/get-chain-map.js'
import { useSessionUser } from '../api/get-session-user.js'
import { chainMapOption, gapColors } from '../chain-map-chart.js'
import { SegmentDrawer } from './segment-drawer.js'

// the fishbone needs scatter and line series and a legend, which the shared chart component does not register
echarts.use([ScatterChart, LineChart, LegendComponent])

type Extension = ChainMap['extensions'][number]

export function ChainMapPage() {
  const { t, lang, errorText } = useI18n()
  const reference = useTenantReference()
  const catalog = useChainCatalog()
  const me = useSessionUser()
  const cityCode = reference.data?.districts[0]?.parentCode ?? reference.data?.tenant.id ?? null
  const [region, setRegion] = useState<string | null>(null)
  const [chain, setChain] = useState<string | null>(null)
  const [drawerSegment, setDrawerSegment] = useState<ChainMapSegment | null>(null)
  const chartBox = useRef<HTMLDivElement>(null)

  // a district officer's map opens on the district, everyone else's on the city
  const effectiveRegion = region ?? (me.data?.scope.type === 'district' ? me.data.scope.id : cityCode)
  const effectiveChain = chain ?? catalog.data?.chains[0]?.code ?? null
  const params = effectiveRegion && effectiveChain ? { chain: effectiveChain, region: effectiveRegion } : null
  const map = useChainMap(params)
  const data = map.data

  const stageLabels: Record<Stage, string> = {
    upstream: t('chain.stage.upstream'),
    midstream: t('chain.stage.midstream'),
    downstream: t('chain.stage.downstream'),
  }
  const gapText: Record<GapLabel, string> = {
    missing: t('chain.gap.missing'),
    weak: t('chain.gap.weak'),
    extension: t('chain.gap.extension'),
    strong: t('chain.gap.strong'),
  }
  const option = useMemo(
    () =>
      data &&
      chainMapOption(data, lang, {
        stages: stageLabels,
        gaps: gapText,
        enterprises: t('chain.map.enterprises'),
        strength: t('chain.map.col.strength'),
        leaders: t('chain.map.col.leaders'),
      }),
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [data, lang],
  )

  const chartInstance = () => {
    const element = chartBox.current?.querySelector('[role="img"]')
    return element instanceof HTMLElement ? echarts.getInstanceByDom(element) : undefined
  }
  // a click on a segment's circle opens its enterprises
  useEffect(() => {
    const instance = chartInstance()
    if (!instance || !data) return
    const onClick = (p: { data?: unknown }) => {
      const code = (p.data as { code?: string } | undefined)?.code
      const segment = code ? data.segments.find((s) => s.code === code) : undefined
      if (segment) setDrawerSegment(segment)
    }
    instance.on('click', onClick)
    return () => {
      instance.off('click', onClick)
    }
  }, [data, option])

  const saveImage = () => {
    const instance = chartInstance()
    if (!instance || !data) return
    const link = document.createElement('a')
    link.href = instance.getDataURL({ type: 'png', pixelRatio: 2, backgroundColor: '#ffffff' })
    link.download = `${data.region.nameZh}-${pickName(lang, data.chain)}.png`
    link.click()
  }

  const regionOptions = [
    ...(cityCode ? [{ value: cityCode, label: reference.data?.tenant.nameZh ?? cityCode }] : []),
    ...(reference.data?.districts ?? []).map((d) => ({ value: d.code, label: d.nameZh })),
  ]
  const chainOptions = (catalog.data?.ecosystems ?? []).map((e) => ({
    label: pickName(lang, e),
    options: (catalog.data?.chains ?? []).filter((c) => c.ecosystem === e.code).map((c) => ({ value: c.code, label: pickName(lang, c) })),
  }))
  const segmentNames = new Map((data?.segments ?? []).map((s) => [s.code, pickName(lang, s)]))

  const columns: TableColumnsType<ChainMapSegment> = [
    {
      title: t('chain.map.col.segment'),
      key: 'name',
      render: (_, s) => (
        <Space size={4}>
          {s.parentCode && <Typography.Text type="secondary">{segmentNames.get(s.parentCode)} /</Typography.Text>}
          <Button type="link" size="small" style={{ padding: 0 }} onClick={() => setDrawerSegment(s)}>
            {pickName(lang, s)}
          </Button>
        </Space>
      ),
    },
    { title: t('chain.map.col.stage'), dataIndex: 'stage', render: (stage: Stage) => stageLabels[stage] },
    { title: t('chain.map.enterprises'), dataIndex: 'enterprises', align: 'right' },
    {
      title: (
        <Tooltip title={t('chain.map.strengthHint')}>
          <span>{t('chain.map.col.strength')}</span>
        </Tooltip>
      ),
      dataIndex: 'strength',
      align: 'right',
      render: (v: number | null) => (v === null ? '—' : v.toFixed(2)),
    },
    {
      title: (
        <Tooltip title={t('chain.gap.hint')}>
          <span>{t('chain.map.col.gap')}</span>
        </Tooltip>
      ),
      dataIndex: 'gap',
      render: (gap: GapLabel) => <Tag color={gapColors[gap]}>{gapText[gap]}</Tag>,
    },
    { title: t('chain.map.revenue'), dataIndex: 'revenue', align: 'right', render: (v: number) => formatNumber(Math.round(v), lang) },
    { title: t('chain.map.employees'), dataIndex: 'employees', align: 'right', render: (v: number) => formatNumber(v, lang) },
    {
      title: t('chain.map.col.leaders'),
      dataIndex: 'leaders',
      render: (leaders: string[]) => (
        <Space size={[0, 4]} wrap>
          {leaders.map((name) => (
            <Tag key={name} color="gold">
              {name}
            </Tag>
          ))}
        </Space>
      ),
    },
    { title: t('chain.map.benchmarkFirms'), dataIndex: 'benchmarkEnterprises', align: 'right' },
  ]
  const extensionColumns: TableColumnsType<Extension> = [
    { title: t('chain.map.col.segment'), key: 'name', render: (_, e) => pickName(lang, e) },
    { title: t('chain.map.col.otherChain'), key: 'chain', render: (_, e) => (lang === 'en-US' ? e.chainNameEn : e.chainNameZh) },
    { title: t('chain.map.col.links'), dataIndex: 'links', align: 'right' },
    { title: t('chain.map.enterprises'), dataIndex: 'localEnterprises', align: 'right' },
  ]

  return (
    <Card
      title={t('nav.chainMap')}
      extra={
        <Space wrap>
          <Select
            aria-label={t('chain.map.region')}
            style={{ width: 160 }}
            value={effectiveRegion ?? undefined}
            options={regionOptions}
            onChange={(value: string) => setRegion(value)}
            loading={reference.isLoading}
          />
          <Select
            aria-label={t('chain.map.chain')}
            style={{ width: 220 }}
            placeholder={t('chain.map.pickChain')}
            value={effectiveChain ?? undefined}
            options={chainOptions}
            onChange={(value: string) => setChain(value)}
            loading={catalog.isLoading}
            showSearch={{ optionFilterProp: 'label' }}
          />
          <Button icon={<DownloadOutlined />} href={params ? chainMapExportUrl(params) : undefined} disabled={!params}>
            {t('chain.map.export')}
          </Button>
          <Button icon={<CameraOutlined />} onClick={saveImage} disabled={!data}>
            {t('chain.map.saveImage')}
          </Button>
        </Space>
      }
    >
      {map.isError && <Alert type="error" showIcon title={errorText(map.error)} style={{ marginBottom: 16 }} />}
      {data && (
        <Space direction="vertical" size="large" style={{ width: '100%' }}>
          <Row gutter={16}>
            <Col xs={12} md={6}>
              <Statistic title={t('chain.map.enterprises')} value={data.totals.enterprises} />
            </Col>
            <Col xs={12} md={6}>
              <Statistic title={t('chain.map.revenue')} value={formatNumber(Math.round(data.totals.revenue), lang)} />
            </Col>
            <Col xs={12} md={6}>
              <Statistic title={t('chain.map.employees')} value={formatNumber(data.totals.employees, lang)} />
            </Col>
            <Col xs={12} md={6}>
              <Statistic
                title={t(data.benchmark === 'city' ? 'chain.map.benchmark.city' : 'chain.map.benchmark.national')}
                value={data.totals.benchmarkEnterprises}
                suffix={<Typography.Text type="secondary">{t('chain.map.version', { version: data.chain.version })}</Typography.Text>}
              />
            </Col>
          </Row>
          <div ref={chartBox}>
            {option && <EChart option={option} height={460} ariaLabel={t('chain.map.chartLabel', { chain: pickName(lang, data.chain) })} />}
          </div>
          <Table<ChainMapSegment>
            rowKey="code"
            size="small"
            columns={columns}
            dataSource={data.segments}
            pagination={false}
            loading={map.isFetching}
            scroll={{ x: 'max-content' }}
          />
          <div>
            <Typography.Title level={5}>
              <Tag color={gapColors.extension}>{gapText.extension}</Tag>
              {t('chain.map.extensions')}
            </Typography.Title>
            <Typography.Paragraph type="secondary">{t('chain.map.extensionsHint')}</Typography.Paragraph>
            <Table<Extension>
              rowKey="segmentCode"
              size="small"
              columns={extensionColumns}
              dataSource={data.extensions}
              pagination={false}
              locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('chain.map.noExtensions')} /> }}
            />
          </div>
        </Space>
      )}
      {params && drawerSegment && (
        <SegmentDrawer chain={params.chain} region={params.region} segment={drawerSegment} onClose={() => setDrawerSegment(null)} />
      )}
    </Card>
  )
}
