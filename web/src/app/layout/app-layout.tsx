import {
  AimOutlined,
  AlertOutlined,
  DashboardOutlined,
  FileSearchOutlined,
  ProjectOutlined,
  ApartmentOutlined,
  AuditOutlined,
  BulbOutlined,
  BankOutlined,
  ClusterOutlined,
  CompassOutlined,
  HomeOutlined,
  KeyOutlined,
  LogoutOutlined,
  OrderedListOutlined,
  FlagOutlined,
  PartitionOutlined,
  SolutionOutlined,
  TeamOutlined,
  UploadOutlined,
  UserOutlined,
} from '@ant-design/icons'
import { Button, Layout, Menu, Space, Tag, Typography, theme } from 'antd'
import { useState, type ReactNode } from 'react'
import { Outlet, useLocation, useNavigate } from 'react-router-dom'
import { roleLabels } from '../../../../common/src/roles.js'
import { LanguageSwitch } from '../../components/language-switch.js'
import { useLogout } from '../../features/auth/api/logout.js'
import { ChangePasswordDialog } from '../../features/auth/components/change-password-dialog.js'
import { NotificationBell } from '../../features/notifications/components/notification-bell.js'
import { useI18n } from '../../lib/i18n.js'
import { pickLabel } from '../../lib/translate.js'
import { useSignedInUser } from '../guards.js'
import { menuFor, moduleOfPath, type ModuleKey } from '../menu.js'

const menuIcons: Record<ModuleKey, ReactNode> = {
  home: <HomeOutlined />,
  enterprises: <BankOutlined />,
  chainMap: <ApartmentOutlined />,
  targeting: <AimOutlined />,
  lists: <OrderedListOutlined />,
  leads: <BulbOutlined />,
  registry: <FlagOutlined />,
  talks: <SolutionOutlined />,
  dashboard: <DashboardOutlined />,
  projects: <ProjectOutlined />,
  supervision: <AlertOutlined />,
  deptProblems: <FileSearchOutlined />,
  layoutGuide: <CompassOutlined />,
  chains: <ClusterOutlined />,
  import: <UploadOutlined />,
  users: <TeamOutlined />,
  audit: <AuditOutlined />,
}

export default function AppLayout() {
  const me = useSignedInUser()
  const { t, lang } = useI18n()
  const navigate = useNavigate()
  const location = useLocation()
  const logout = useLogout({ onSignedOut: () => void navigate('/login', { replace: true, flushSync: true }) })
  const [collapsed, setCollapsed] = useState(false)
  const [changingPassword, setChangingPassword] = useState(false)
  const { token } = theme.useToken()

  const selected = moduleOfPath(location.pathname)
  const items = menuFor(me.role).map((m) => ({ key: m.key, icon: menuIcons[m.key], label: t(m.labelKey), path: m.path }))

  const signOut = () => logout.mutate()

  return (
    <Layout hasSider style={{ minHeight: '100vh' }}>
      <Layout.Sider
        collapsible
        collapsed={collapsed}
        onCollapse={setCollapsed}
        breakpoint="lg"
        width={208}
        theme="light"
        style={{ borderRight: `1px solid ${token.colorBorderSecondary}` }}
      >
        <div
          style={{ height: 64, display: 'flex', alignItems: 'center', justifyContent: 'center', gap: 8, color: token.colorPrimary }}
        >
          <PartitionOutlined style={{ fontSize: 24 }} aria-hidden />
          {!collapsed && <Typography.Text strong>{t('app.shortName')}</Typography.Text>}
        </div>
        <nav aria-label={t('nav.label')}>
          <Menu
            mode="inline"
            selectedKeys={selected ? [selected] : []}
            items={items.map(({ key, icon, label }) => ({ key, icon, label }))}
            onClick={({ key }) => {
              const item = items.find((i) => i.key === key)
              if (item) navigate(item.path)
            }}
            style={{ borderInlineEnd: 'none' }}
          />
        </nav>
      </Layout.Sider>
      <Layout>
        <Layout.Header
          style={{
            background: token.colorBgContainer,
            borderBottom: `1px solid ${token.colorBorderSecondary}`,
            padding: '0 24px',
            display: 'flex',
            alignItems: 'center',
            gap: 16,
          }}
        >
          <Typography.Title level={4} style={{ margin: 0, whiteSpace: 'nowrap' }}>
            {t('app.name')}
          </Typography.Title>
          <Space size="middle" style={{ marginLeft: 'auto' }} wrap={false}>
            <Space size={6}>
              <UserOutlined aria-hidden />
              {/* a long name (市发改委 赵敏) next to the English title would otherwise break over two lines */}
              <Typography.Text strong style={{ whiteSpace: 'nowrap' }}>
                {me.displayName}
              </Typography.Text>
              <Tag color="blue" style={{ marginInlineEnd: 0 }}>
                {pickLabel(lang, roleLabels[me.role])}
              </Tag>
              <Tag style={{ marginInlineEnd: 0 }}>{me.scopeName}</Tag>
            </Space>
            {me.role !== 'enterprise' && <NotificationBell />}
            <LanguageSwitch />
            <Button type="text" icon={<KeyOutlined />} onClick={() => setChangingPassword(true)}>
              {t('auth.changePassword')}
            </Button>
            <Button type="text" icon={<LogoutOutlined />} onClick={signOut} loading={logout.isPending}>
              {t('auth.signOut')}
            </Button>
          </Space>
        </Layout.Header>
        <Layout.Content style={{ margin: 24 }}>
          <Outlet />
        </Layout.Content>
      </Layout>
      <ChangePasswordDialog
        open={changingPassword || me.mustChangePassword}
        forced={me.mustChangePassword}
        onClose={() => setChangingPassword(false)}
        onSignOut={signOut}
        signingOut={logout.isPending}
      />
    </Layout>
  )
}
