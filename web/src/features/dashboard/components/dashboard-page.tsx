import { AimOutlined, DesktopOutlined, DownloadOutlined, FullscreenExitOutlined } from '@ant-design/icons'
import { Alert, Button, Card, Col, ConfigProvider, Row, Select, Space, Spin, Table, Typography, theme } from 'antd'
import { useMemo, useState, type CSSProperties, type ReactNode } from 'react'
import { useNavigate, useSearchParams } from 'react-router-dom'
import type { Dashboard, Drill } from '../../../../../common/src/api/dashboard.js'
import { useTenantReference } from '../../../api/reference/get-tenant-reference.js'
import { formatNumber } from '../../../lib/format.js'
import { useI18n, type MessageKey } from '../../../lib/i18n.js'
import { monthlyReportUrl, useDashboard } from '../api/get-dashboard.js'
import { DistrictTileMap } from './district-tile-map.js'
import { DrillChart } from './drill-chart.js'
import { TargetsEditor } from './targets-editor.js'

const percent = (x: number | null) => (x === null ? '—' : `${(x * 100).toFixed(1)}%`)
const yi = (wan: number) => wan / 10_000

/** One figure: a big number that lists its projects when clicked. */
function Figure({ title, value, sub, drill, onDrill, dark, accent }: { title: string; value: ReactNode; sub?: ReactNode; drill: Drill; onDrill: (d: Drill) => void; dark: boolean; accent?: string }) {
  return (
    <Card
      hoverable
      size="small"
      onClick={() => onDrill(drill)}
      role="link"
      aria-label={title}
      style={{ height: '100%', background: dark ? '#111a2c' : undefined, borderColor: dark ? '#1f2b45' : undefined }}
    >
      <div style={{ color: dark ? '#8a94a6' : '#666', fontSize: 13 }}>{title}</div>
      <div style={{ fontSize: dark ? 34 : 28, fontWeight: 600, color: accent ?? (dark ? '#e6f4ff' : undefined), lineHeight: 1.3 }}>{value}</div>
      {sub && <div style={{ color: dark ? '#8a94a6' : '#888', fontSize: 12 }}>{sub}</div>}
    </Card>
  )
}

export function DashboardPage({ isCity, canEditTargets = false }: { isCity: boolean; canEditTargets?: boolean }) {
  const { t, lang, errorText } = useI18n()
  const navigate = useNavigate()
  const [search, setSearch] = useSearchParams()
  const region = search.get('region') ?? undefined
  const year = search.get('year') ? Number(search.get('year')) : undefined
  const big = search.get('screen') === 'big'
  const [editingTargets, setEditingTargets] = useState(false)
  const dashboard = useDashboard({ region, year })
  const districts = useTenantReference().data?.districts ?? []
  const d = dashboard.data
  const drillTo = (drill: Drill) => navigate(`/projects?${new URLSearchParams(drill)}`)
  const set = (key: string, value: string | undefined) => {
    const next = new URLSearchParams(search)
    if (value) next.set(key, value)
    else next.delete(key)
    setSearch(next)
  }
  const stageName = (s: Dashboard['funnel'][number]) => (lang === 'en-US' ? s.nameEn : s.nameZh)
  const text = big ? '#c9d4e5' : '#555'

  const funnelOption = useMemo(
    () =>
      d && {
        tooltip: { trigger: 'axis' },
        grid: { left: 60, right: 30, top: 10, bottom: 24 },
        xAxis: { type: 'value', axisLabel: { color: text } },
        yAxis: { type: 'category', inverse: true, data: d.funnel.map(stageName), axisLabel: { color: text } },
        series: [{ type: 'bar', data: d.funnel.map((f) => f.count), itemStyle: { color: '#1677ff' }, label: { show: true, position: 'right', color: text } }],
      },
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [d, lang, big],
  )
  const monthlyOption = useMemo(
    () =>
      d && {
        tooltip: { trigger: 'axis' },
        legend: { top: 0, textStyle: { color: text } },
        grid: { left: 40, right: 50, top: 40, bottom: 28 },
        xAxis: { type: 'category', data: d.monthly.map((m) => m.month.slice(5)), axisLabel: { color: text } },
        yAxis: [
          { type: 'value', axisLabel: { color: text } },
          { type: 'value', axisLabel: { color: text }, splitLine: { show: false } },
        ],
        series: [
          { name: t('dashboard.monthly.signed'), type: 'bar', data: d.monthly.map((m) => m.signed), itemStyle: { color: '#1677ff' } },
          { name: t('dashboard.monthly.started'), type: 'bar', data: d.monthly.map((m) => m.started), itemStyle: { color: '#52c41a' } },
          { name: t('dashboard.monthly.arrived'), type: 'line', yAxisIndex: 1, data: d.monthly.map((m) => Math.round(yi(m.arrived) * 10) / 10), itemStyle: { color: '#faad14' } },
        ],
      },
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [d, lang, big],
  )
  const ecosystemOption = useMemo(
    () =>
      d && {
        tooltip: { trigger: 'item' },
        series: [
          {
            type: 'pie',
            radius: ['35%', '58%'],
            label: { color: text, formatter: '{b}\n{c}', overflow: 'none' },
            data: d.byEcosystem.filter((e) => e.count > 0).map((e) => ({ name: lang === 'en-US' ? e.nameEn : e.nameZh, value: e.count })),
          },
        ],
      },
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [d, lang, big],
  )

  if (dashboard.error) return <Alert type="error" message={errorText(dashboard.error)} />
  if (!d || !funnelOption || !monthlyOption || !ecosystemOption) return <Spin />

  const title = t('dashboard.titleOf', { region: d.region ? d.regionName : t('dashboard.city') })
  const panel = (heading: string, body: ReactNode, extra?: ReactNode) => (
    <Card size="small" title={heading} extra={extra} style={{ height: '100%', background: big ? '#111a2c' : undefined, borderColor: big ? '#1f2b45' : undefined }}>
      {body}
    </Card>
  )
  const classLabel = (n: number) => t(`projects.sizeClass.${n}` as MessageKey)
  const matrixRows = d.matrix.regions.map((r) => ({ key: r.code, name: r.nameZh, cells: d.matrix.cells.filter((c) => c.region === r.code) }))

  const content = (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Row justify="space-between" align="middle">
        <Col>
          <Typography.Title level={big ? 2 : 4} style={{ margin: 0, color: big ? '#e6f4ff' : undefined }}>
            {title}
          </Typography.Title>
          <Typography.Text type="secondary" style={{ color: big ? '#8a94a6' : undefined }}>
            {t('dashboard.asOf', { day: d.asOf })} · {t('dashboard.drill')}
          </Typography.Text>
        </Col>
        <Col>
          <Space wrap>
            {isCity && (
              <Select
                aria-label={t('dashboard.region')}
                style={{ width: 140 }}
                value={region ?? ''}
                options={[{ value: '', label: t('dashboard.city') }, ...districts.map((x) => ({ value: x.code, label: x.nameZh }))]}
                onChange={(v) => set('region', v || undefined)}
              />
            )}
            <Select
              aria-label={t('dashboard.year')}
              style={{ width: 100 }}
              value={d.year}
              options={[0, 1, 2].map((k) => ({ value: Number(d.asOf.slice(0, 4)) - k, label: String(Number(d.asOf.slice(0, 4)) - k) }))}
              onChange={(v) => set('year', String(v))}
            />
            {canEditTargets && !big && (
              <Button icon={<AimOutlined />} onClick={() => setEditingTargets(true)}>
                {t('dashboard.targets')}
              </Button>
            )}
            <Button icon={<DownloadOutlined />} href={monthlyReportUrl({ region, year })}>
              {t('dashboard.report')}
            </Button>
            <Button icon={big ? <FullscreenExitOutlined /> : <DesktopOutlined />} onClick={() => set('screen', big ? undefined : 'big')}>
              {big ? t('dashboard.exitBigScreen') : t('dashboard.bigScreen')}
            </Button>
          </Space>
        </Col>
      </Row>

      <Row gutter={[12, 12]}>
        {d.sizeClasses.map((c) => (
          <Col key={c.sizeClass} xs={12} md={8} xl={big ? 4 : 6} xxl={4}>
            <Figure
              dark={big}
              title={t('dashboard.signedClass', { label: classLabel(c.sizeClass) })}
              value={formatNumber(c.count, lang)}
              sub={c.target > 0 ? t('dashboard.ofTarget', { target: c.target, rate: percent(c.completion) }) : t('dashboard.noTarget')}
              drill={c.drill}
              onDrill={drillTo}
            />
          </Col>
        ))}
        <Col xs={12} md={8} xl={big ? 4 : 6} xxl={4}>
          <Figure
            dark={big}
            title={t('dashboard.investment')}
            value={formatNumber(Math.round(yi(d.investmentYtd.value)), lang)}
            sub={t('dashboard.arrived', { amount: formatNumber(Math.round(yi(d.arrivedYtd)), lang) })}
            drill={d.investmentYtd.drill}
            onDrill={drillTo}
          />
        </Col>
        <Col xs={12} md={8} xl={big ? 4 : 6} xxl={4}>
          <Figure dark={big} title={t('dashboard.startRate')} value={percent(d.startRate.rate)} sub={t('dashboard.startRateOf', { started: d.startRate.started, signed: d.startRate.signed })} drill={d.startRate.startedDrill} onDrill={drillTo} accent="#52c41a" />
        </Col>
        <Col xs={12} md={8} xl={big ? 4 : 6} xxl={4}>
          <Figure dark={big} title={t('dashboard.ecosystemShare')} value={percent(d.ecosystemShare.share)} sub={t('dashboard.shareOf', { count: d.ecosystemShare.count, base: d.ecosystemShare.base })} drill={d.ecosystemShare.drill} onDrill={drillTo} />
        </Col>
        <Col xs={12} md={8} xl={big ? 4 : 6} xxl={4}>
          <Figure dark={big} title={t('dashboard.platformShare')} value={percent(d.platformShare.share)} sub={t('dashboard.shareOf', { count: d.platformShare.count, base: d.platformShare.base })} drill={d.platformShare.drill} onDrill={drillTo} />
        </Col>
        <Col xs={12} md={8} xl={big ? 4 : 6} xxl={4}>
          <Figure dark={big} title={t('dashboard.stuck')} value={formatNumber(d.stuck.count, lang)} drill={d.stuck.drill} onDrill={drillTo} accent="#ff7a45" />
        </Col>
        <Col xs={12} md={8} xl={big ? 4 : 6} xxl={4}>
          <Figure dark={big} title={t('dashboard.problems')} value={formatNumber(d.problems.unresolved, lang)} sub={t('dashboard.problemsOf', { overdue: d.problems.overdue, escalated: d.problems.escalated })} drill={d.problems.drill} onDrill={drillTo} accent="#ff4d4f" />
        </Col>
      </Row>

      <Row gutter={[12, 12]}>
        <Col xs={24} xl={8}>
          {panel(t('dashboard.funnel'), <DrillChart ariaLabel={t('dashboard.funnel')} option={funnelOption} height={big ? 360 : 320} onPick={(_, i) => drillTo(d.funnel[i]!.drill)} />)}
        </Col>
        <Col xs={24} xl={8}>
          {panel(t('dashboard.map'), <DistrictTileMap districts={d.districts} dark={big} selected={d.region} onPick={(code) => drillTo(d.districts.find((x) => x.code === code)!.drill)} />)}
        </Col>
        <Col xs={24} xl={8}>
          {panel(t('dashboard.byEcosystem'), <DrillChart ariaLabel={t('dashboard.byEcosystem')} option={ecosystemOption} height={big ? 360 : 320} onPick={(_, i) => drillTo(d.byEcosystem.filter((e) => e.count > 0)[i]!.drill)} />)}
        </Col>
      </Row>

      <Row gutter={[12, 12]}>
        <Col xs={24} xl={10}>
          {panel(
            t('dashboard.monthly'),
            <DrillChart
              ariaLabel={t('dashboard.monthly')}
              option={monthlyOption}
              height={big ? 340 : 300}
              onPick={(series, i) => drillTo(series === 1 ? d.monthly[i]!.startedDrill : d.monthly[i]!.signedDrill)}
            />,
          )}
        </Col>
        <Col xs={24} xl={14}>
          {panel(
            t('dashboard.matrix'),
            <Table
              size="small"
              pagination={false}
              scroll={{ x: true }}
              dataSource={matrixRows}
              columns={[
                { title: t('dashboard.region'), dataIndex: 'name', fixed: 'left', width: 80 },
                ...d.funnel.map((s, i) => ({
                  title: stageName(s),
                  key: s.stage,
                  align: 'right' as const,
                  render: (_: unknown, row: (typeof matrixRows)[number]) => {
                    const cell = row.cells[i]
                    return cell && cell.count > 0 ? <a onClick={() => drillTo(cell.drill)}>{cell.count}</a> : <span style={{ color: '#bbb' }}>0</span>
                  },
                })),
              ]}
            />,
          )}
        </Col>
      </Row>
    </Space>
  )

  if (!big)
    return (
      <>
        {content}
        {canEditTargets && <TargetsEditor year={d.year} open={editingTargets} onClose={() => setEditingTargets(false)} />}
      </>
    )
  const screen: CSSProperties = { position: 'fixed', inset: 0, zIndex: 1000, overflow: 'auto', background: '#0b1220', padding: 24 }
  return (
    <ConfigProvider theme={{ algorithm: theme.darkAlgorithm }}>
      <div style={screen} data-testid="big-screen">
        {content}
      </div>
    </ConfigProvider>
  )
}
