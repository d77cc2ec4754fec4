import { Alert, App, Button, Drawer, Form, Input, Select, Space, Switch, Typography } from 'antd'
import { useState } from 'react'
import { createUserRequestSchema, updateUserRequestSchema, type User } from '../../../../../common/src/api/users.js'
import { roleLabels, roles, type Role } from '../../../../../common/src/roles.js'
import { useTenantReference } from '../../../api/reference/get-tenant-reference.js'
import { ApiError } from '../../../lib/api-client.js'
import { serverFieldErrors, showFieldErrors, zodFieldErrors, zodRule, type IssueOverrides } from '../../../lib/form.js'
import { useI18n } from '../../../lib/i18n.js'
import { pickLabel } from '../../../lib/translate.js'
import { useCreateUser } from '../api/create-user.js'
import { useUpdateUser } from '../api/update-user.js'
import { scopeForRole, userChanges, type EditUserValues, type ScopeValue } from '../user-form.js'
import { PasswordInput } from './password-input.js'
import { ScopeFields } from './scope-fields.js'

export type UserFormMode = { kind: 'create' } | { kind: 'edit'; user: User }

interface FormValues {
  username?: string
  displayName?: string
  role?: Role
  scope?: ScopeValue
  password?: string
  disabled?: boolean
}

const overrides: IssueOverrides = { username: 'validation.username', password: 'validation.passwordMix' }
const formFields = ['username', 'displayName', 'role', 'scope.type', 'scope.id', 'password', 'disabled']
const shape = createUserRequestSchema.shape

export function UserFormDrawer({ mode, onClose }: { mode: UserFormMode | null; onClose: () => void }) {
  const { t, lang, errorText } = useI18n()
  const { message } = App.useApp()
  const [form] = Form.useForm<FormValues>()
  const [formError, setFormError] = useState<string | null>(null)
  const reference = useTenantReference()
  const tenantId = reference.data?.tenant.id
  const createUser = useCreateUser()
  const updateUser = useUpdateUser()
  const pending = createUser.isPending || updateUser.isPending
  const editing = mode?.kind === 'edit' ? mode.user : null

  const close = () => {
    setFormError(null)
    onClose()
  }

  const initialValues: FormValues = editing
    ? { displayName: editing.displayName, role: editing.role, scope: editing.scope, disabled: editing.disabled }
    : {}

  const onValuesChange = (changed: FormValues, all: FormValues) => {
    if (changed.role) form.setFieldValue('scope', scopeForRole(changed.role, all.scope, tenantId))
    else if (changed.scope?.type) form.setFieldValue('scope', scopeForRole(all.role ?? 'enterprise', { type: changed.scope.type }, tenantId))
  }

  const showServerError = (error: unknown) => {
    if (error instanceof ApiError && error.fields.length > 0) {
      const { matched, unmatched } = serverFieldErrors(error.fields, lang, formFields)
      showFieldErrors(form, matched)
      // the fields carry their own messages; the alert is for what no field shows
      if (unmatched.length > 0) setFormError(`${errorText(error)} ${unmatched.join('; ')}`)
      else if (matched.length === 0) setFormError(errorText(error))
    } else {
      setFormError(errorText(error))
    }
  }

  const submit = (values: FormValues) => {
    setFormError(null)
    if (!mode) return
    const scope = values.scope?.type === 'city' ? { type: 'city' as const, id: tenantId } : values.scope
    if (mode.kind === 'create') {
      const request = createUserRequestSchema.safeParse({ ...values, scope })
      if (!request.success) return showFieldErrors(form, zodFieldErrors(request.error, t, overrides))
      createUser.mutate(request.data, {
        onSuccess: (user) => {
          message.success(t('users.created', { username: user.username }))
          close()
        },
        onError: showServerError,
      })
      return
    }
    const changes = userChanges(mode.user, values as EditUserValues, tenantId ?? '')
    const request = updateUserRequestSchema.safeParse(changes)
    if (!request.success) return showFieldErrors(form, zodFieldErrors(request.error, t, overrides))
    if (Object.keys(request.data).length === 0) {
      message.info(t('users.noChanges'))
      close()
      return
    }
    updateUser.mutate(
      { id: mode.user.id, changes: request.data },
      {
        onSuccess: () => {
          message.success(t('users.updated', { username: mode.user.username }))
          close()
        },
        onError: showServerError,
      },
    )
  }

  const title = editing ? t('users.editTitle', { username: editing.username }) : t('users.createTitle')

  return (
    <Drawer
      open={mode !== null}
      title={title}
      size={480}
      onClose={close}
      destroyOnHidden
      footer={
        <Space style={{ display: 'flex', justifyContent: 'flex-end' }}>
          <Button onClick={close}>{t('common.cancel')}</Button>
          <Button type="primary" loading={pending} onClick={() => form.submit()}>
            {editing ? t('common.save') : t('users.submitCreate')}
          </Button>
        </Space>
      }
    >
      {formError && <Alert type="error" showIcon title={formError} style={{ marginBottom: 16 }} />}
      <Form<FormValues>
        key={editing?.id ?? 'new'}
        form={form}
        name={editing ? 'editUser' : 'createUser'}
        initialValues={initialValues}
        preserve={false}
        layout="vertical"
        onFinish={submit}
        onValuesChange={onValuesChange}
        disabled={pending}
      >
        {editing ? (
          <Form.Item label={t('users.username')}>
            <Typography.Text code>{editing.username}</Typography.Text>
          </Form.Item>
        ) : (
          <Form.Item
            name="username"
            label={t('users.username')}
            required
            rules={[zodRule(shape.username, t, overrides, ['username'])]}
            extra={t('users.usernameHint')}
          >
            <Input autoComplete="off" />
          </Form.Item>
        )}
        <Form.Item name="displayName" label={t('users.displayName')} required rules={[zodRule(shape.displayName, t)]}>
          <Input autoComplete="off" />
        </Form.Item>
        <Form.Item name="role" label={t('users.role')} required rules={[zodRule(shape.role, t)]}>
          <Select
            placeholder={t('common.select')}
            options={roles.map((role) => ({ value: role, label: pickLabel(lang, roleLabels[role]) }))}
          />
        </Form.Item>
        <ScopeFields form={form} reference={reference.data} />
        {!editing && (
          <Form.Item
            name="password"
            label={t('users.initialPassword')}
            required
            rules={[zodRule(shape.password, t, overrides, ['password'])]}
            extra={t('users.initialPasswordHint')}
          >
            <PasswordInput />
          </Form.Item>
        )}
        {editing && (
          <Form.Item name="disabled" label={t('users.disabled')} valuePropName="checked" extra={t('users.disabledHint')}>
            <Switch />
          </Form.Item>
        )}
      </Form>
    </Drawer>
  )
}
