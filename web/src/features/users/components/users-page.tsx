import { KeyOutlined, PlusOutlined, EditOutlined } from '@ant-design/icons'
import { Alert, Button, Card, Input, Select, Space, Table, Tag, Tooltip, Typography, type TableColumnsType } from 'antd'
import { useState } from 'react'
import type { User } from '../../../../../common/src/api/users.js'
import { roleLabels, roles, type Role } from '../../../../../common/src/roles.js'
import { formatDateTime, isLocked } from '../../../lib/format.js'
import { useI18n } from '../../../lib/i18n.js'
import { pickLabel } from '../../../lib/translate.js'
import { useUsers, type UserListParams } from '../api/get-users.js'
import { ResetPasswordModal } from './reset-password-modal.js'
import { scopeTypeLabelKeys } from './scope-fields.js'
import { UserFormDrawer, type UserFormMode } from './user-form-drawer.js'

export function UsersPage() {
  const { t, lang, errorText } = useI18n()
  const [params, setParams] = useState<UserListParams>({ page: 1, pageSize: 20 })
  const [formMode, setFormMode] = useState<UserFormMode | null>(null)
  const [resetting, setResetting] = useState<User | null>(null)
  const users = useUsers(params)

  const columns: TableColumnsType<User> = [
    {
      title: t('users.username'),
      dataIndex: 'username',
      render: (username: string) => <Typography.Text code>{username}</Typography.Text>,
    },
    { title: t('users.displayName'), dataIndex: 'displayName' },
    { title: t('users.role'), dataIndex: 'role', render: (role: Role) => pickLabel(lang, roleLabels[role]) },
    {
      title: t('users.scope'),
      key: 'scope',
      render: (_, user) => (
        <Space size={4}>
          <Tag>{t(scopeTypeLabelKeys[user.scope.type])}</Tag>
          <span>{user.scopeName}</span>
        </Space>
      ),
    },
    {
      title: t('users.status'),
      key: 'status',
      render: (_, user) => (
        <Space size={4} wrap>
          {user.disabled ? <Tag color="default">{t('users.status.disabled')}</Tag> : <Tag color="green">{t('users.status.active')}</Tag>}
          {isLocked(user.lockedUntil) && (
            <Tooltip title={t('users.lockedUntil', { time: formatDateTime(user.lockedUntil) })}>
              <Tag color="red">{t('users.status.locked')}</Tag>
            </Tooltip>
          )}
        </Space>
      ),
    },
    {
      title: t('users.lastLoginAt'),
      dataIndex: 'lastLoginAt',
      render: (value: string | null) => (value ? formatDateTime(value) : <Typography.Text type="secondary">{t('users.neverSignedIn')}</Typography.Text>),
    },
    { title: t('users.createdAt'), dataIndex: 'createdAt', render: (value: string) => formatDateTime(value) },
    {
      title: t('common.actions'),
      key: 'actions',
      fixed: 'right',
      render: (_, user) => (
        <Space size={0}>
          <Button type="link" size="small" icon={<EditOutlined />} onClick={() => setFormMode({ kind: 'edit', user })}>
            {t('common.edit')}
          </Button>
          <Button type="link" size="small" icon={<KeyOutlined />} onClick={() => setResetting(user)}>
            {t('users.resetPassword')}
          </Button>
        </Space>
      ),
    },
  ]

  return (
    <Card
      title={t('nav.users')}
      extra={
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setFormMode({ kind: 'create' })}>
          {t('users.create')}
        </Button>
      }
    >
      <Space wrap style={{ marginBottom: 16 }}>
        <Input.Search
          aria-label={t('users.search')}
          placeholder={t('users.searchPlaceholder')}
          allowClear
          enterButton={t('common.search')}
          style={{ width: 320 }}
          onSearch={(q) => setParams((p) => ({ ...p, q: q.trim() || undefined, page: 1 }))}
        />
        <Select<Role>
          aria-label={t('users.roleFilter')}
          placeholder={t('users.roleFilter')}
          allowClear
          style={{ width: 200 }}
          value={params.role}
          onChange={(role) => setParams((p) => ({ ...p, role: role ?? undefined, page: 1 }))}
          options={roles.map((role) => ({ value: role, label: pickLabel(lang, roleLabels[role]) }))}
        />
      </Space>
      {users.isError && <Alert type="error" showIcon title={errorText(users.error)} style={{ marginBottom: 16 }} />}
      <Table<User>
        rowKey="id"
        size="middle"
        columns={columns}
        dataSource={users.data?.items ?? []}
        loading={users.isFetching}
        scroll={{ x: 'max-content' }}
        pagination={{
          current: params.page,
          pageSize: params.pageSize,
          total: users.data?.total ?? 0,
          showSizeChanger: true,
          showTotal: (total) => t('common.total', { total }),
          onChange: (page, pageSize) => setParams((p) => ({ ...p, page: pageSize === p.pageSize ? page : 1, pageSize })),
        }}
      />
      <UserFormDrawer mode={formMode} onClose={() => setFormMode(null)} />
      <ResetPasswordModal user={resetting} onClose={() => setResetting(null)} />
    </Card>
  )
}
