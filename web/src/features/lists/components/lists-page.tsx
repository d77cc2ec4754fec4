import { Card, Tabs } from 'antd'
import { useLocation, useNavigate } from 'react-router-dom'
import { useI18n } from '../../../lib/i18n.js'
import { ChainLeadersTab } from './chain-leaders-tab.js'
import { KeySuppliersTab } from './key-suppliers-tab.js'
import { TargetsTab } from './targets-tab.js'

const tabs = ['leaders', 'key-suppliers', 'targets'] as const
type Tab = (typeof tabs)[number]

/** 三张清单: /lists/leaders, /lists/key-suppliers, /lists/targets. */
export function ListsPage() {
  const { t } = useI18n()
  const location = useLocation()
  const navigate = useNavigate()
  const segment = location.pathname.replace(/^\/lists\/?/, '').split('/')[0] ?? ''
  const active: Tab = (tabs as readonly string[]).includes(segment) ? (segment as Tab) : 'leaders'
  return (
    <Card title={t('lists.title')}>
      <Tabs
        activeKey={active}
        onChange={(key) => navigate(`/lists/${key}`)}
        destroyOnHidden
        items={[
          { key: 'leaders', label: t('lists.tab.leaders'), children: <ChainLeadersTab /> },
          { key: 'key-suppliers', label: t('lists.tab.keySuppliers'), children: <KeySuppliersTab /> },
          { key: 'targets', label: t('lists.tab.targets'), children: <TargetsTab /> },
        ]}
      />
    </Card>
  )
}
