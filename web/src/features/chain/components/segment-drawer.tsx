import { Alert, Drawer, Space, Table, Tag, type TableColumnsType } from 'antd'
import { useState } from 'react'
import type { ChainMapSegment, SegmentEnterprise } from '../../../../../common/src/api/chain.js'
import { formatNumber } from '../../../lib/format.js'
import { useI18n } from '../../../lib/i18n.js'
import { pickName } from '../../../lib/translate.js'
import { useSegmentEnterprises } from '../api/get-segment-enterprises.js'

export interface SegmentDrawerProps {
  chain: string
  region: string
  segment: ChainMapSegment
  onClose(): void
}

/** The region's enterprises of one segment, biggest revenue first (the drill-down of the chain map). */
export function SegmentDrawer({ chain, region, segment, onClose }: SegmentDrawerProps) {
  const { t, lang, errorText } = useI18n()
  const [page, setPage] = useState({ page: 1, pageSize: 20 })
  const firms = useSegmentEnterprises({ chain, region, segment: segment.code, ...page })

  const columns: TableColumnsType<SegmentEnterprise> = [
    {
      title: t('chain.drawer.name'),
      dataIndex: 'name',
      render: (name: string, firm) => (
        <Space size={4} wrap>
          <span>{name}</span>
          {firm.chainLeader && <Tag color="gold">{t('chain.drawer.leader')}</Tag>}
          {firm.main && <Tag color="blue">{t('chain.drawer.main')}</Tag>}
          {firm.source === 'manual' && <Tag>{t('chain.drawer.manual')}</Tag>}
        </Space>
      ),
    },
    { title: t('chain.drawer.region'), dataIndex: 'regionName' },
    { title: t('chain.drawer.industry'), dataIndex: 'industryCode' },
    {
      title: t('chain.map.revenue'),
      dataIndex: 'revenue',
      align: 'right',
      render: (v: number | null) => (v === null ? '' : formatNumber(Math.round(v), lang)),
    },
    { title: t('chain.map.employees'), dataIndex: 'employees', align: 'right', render: (v: number | null) => (v === null ? '' : formatNumber(v, lang)) },
  ]

  return (
    <Drawer open size="large" title={t('chain.drawer.title', { segment: pickName(lang, segment) })} onClose={onClose}>
      {firms.isError && <Alert type="error" showIcon title={errorText(firms.error)} style={{ marginBottom: 16 }} />}
      <Table<SegmentEnterprise>
        rowKey="id"
        size="small"
        columns={columns}
        dataSource={firms.data?.items ?? []}
        loading={firms.isFetching}
        pagination={{
          current: page.page,
          pageSize: page.pageSize,
          total: firms.data?.total ?? 0,
          showTotal: (total) => t('common.total', { total }),
          onChange: (p, pageSize) => setPage({ page: pageSize === page.pageSize ? p : 1, pageSize }),
        }}
      />
    </Drawer>
  )
}
