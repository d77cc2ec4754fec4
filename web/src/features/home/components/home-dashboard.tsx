import {
  ApartmentOutlined,
  AuditOutlined,
  BankOutlined,
  BranchesOutlined,
  CrownOutlined,
  NodeIndexOutlined,
  TeamOutlined,
} from '@ant-design/icons'
import { Alert, Card, Col, Row, Skeleton, Statistic, Typography } from 'antd'
import { lazy, Suspense, useMemo, type ReactNode } from 'react'
import { formatNumber } from '../../../lib/format.js'
import { useI18n, type MessageKey } from '../../../lib/i18n.js'
import { useHomeSummary } from '../api/get-home-summary.js'
import { districtBarOption, ecosystemPieOption } from '../charts.js'

// echarts is the biggest dependency: the numbers show first, the charts follow when their chunk arrives
const EChart = lazy(() => import('../../../components/echart.js').then((m) => ({ default: m.EChart })))

const chartSkeleton = <Skeleton.Node active style={{ width: '100%', height: 340 }} />

export interface HomeDashboardProps {
  displayName: string
  roleLabel: string
}

interface StatCard {
  key: string
  titleKey: MessageKey
  value: number
  icon: ReactNode
}

export function HomeDashboard({ displayName, roleLabel }: HomeDashboardProps) {
  const { t, lang, errorText } = useI18n()
  const summary = useHomeSummary()
  const data = summary.data

  const districtOption = useMemo(
    () => data && districtBarOption(data.enterprisesByDistrict, { series: t('home.chart.enterprises'), empty: t('common.noData') }),
    [data, t],
  )
  const ecosystemOption = useMemo(
    () =>
      data &&
      ecosystemPieOption(data.enterprisesByEcosystem, lang, { series: t('home.chart.enterprises'), empty: t('common.noData') }),
    [data, lang, t],
  )

  // a district, platform or enterprise sees one district: a one-bar chart says nothing the cards do not
  const showDistricts = (data?.enterprisesByDistrict.length ?? 0) > 1

  const cards: StatCard[] = data
    ? [
        { key: 'enterprises', titleKey: 'home.stat.enterprises', value: data.counts.enterprises, icon: <BankOutlined /> },
        { key: 'chainLeaders', titleKey: 'home.stat.chainLeaders', value: data.counts.chainLeaders, icon: <CrownOutlined /> },
        { key: 'relations', titleKey: 'home.stat.relations', value: data.counts.relations, icon: <NodeIndexOutlined /> },
        { key: 'platforms', titleKey: 'home.stat.platforms', value: data.counts.platforms, icon: <ApartmentOutlined /> },
        { key: 'chains', titleKey: 'home.stat.chains', value: data.counts.chains, icon: <BranchesOutlined /> },
        ...(data.counts.users !== null
          ? [{ key: 'users', titleKey: 'home.stat.users' as const, value: data.counts.users, icon: <TeamOutlined /> }]
          : []),
        ...(data.counts.auditToday !== null
          ? [{ key: 'auditToday', titleKey: 'home.stat.auditToday' as const, value: data.counts.auditToday, icon: <AuditOutlined /> }]
          : []),
      ]
    : []

  return (
    <div>
      <Typography.Title level={3} style={{ marginTop: 0 }}>
        {t('home.greeting', { name: displayName })}
      </Typography.Title>
      <Typography.Paragraph type="secondary">
        {t('home.scopeLine', { scope: data?.scopeName ?? '…', role: roleLabel })}
      </Typography.Paragraph>

      {summary.isError && <Alert type="error" showIcon title={errorText(summary.error)} style={{ marginBottom: 16 }} />}

      {summary.isPending ? (
        <Skeleton active paragraph={{ rows: 6 }} />
      ) : data ? (
        <>
          <div style={{ display: 'grid', gridTemplateColumns: 'repeat(auto-fit, minmax(150px, 1fr))', gap: 16 }}>
            {cards.map((card) => (
              <Card key={card.key} size="small">
                <Statistic
                  title={t(card.titleKey)}
                  value={card.value}
                  prefix={card.icon}
                  formatter={(value) => formatNumber(Number(value), lang)}
                />
              </Card>
            ))}
          </div>
          <Row gutter={[16, 16]} style={{ marginTop: 16 }}>
            {showDistricts && (
              <Col xs={24} xl={14}>
                <Card title={t('home.chart.byDistrict')} size="small">
                  <Suspense fallback={chartSkeleton}>
                    {districtOption && <EChart option={districtOption} height={340} ariaLabel={t('home.chart.byDistrict')} />}
                  </Suspense>
                </Card>
              </Col>
            )}
            <Col xs={24} xl={showDistricts ? 10 : 24}>
              <Card title={t('home.chart.byEcosystem')} size="small">
                <Suspense fallback={chartSkeleton}>
                  {ecosystemOption && <EChart option={ecosystemOption} height={340} ariaLabel={t('home.chart.byEcosystem')} />}
                </Suspense>
              </Card>
            </Col>
          </Row>
        </>
      ) : null}
    </div>
  )
}
