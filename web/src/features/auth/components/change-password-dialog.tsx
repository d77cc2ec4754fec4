import { Alert, App, Button, Form, Input, Modal, Typography } from 'antd'
import { useState } from 'react'
import { changePasswordRequestSchema, passwordSchema } from '../../../../../common/src/api/auth.js'
import { ApiError } from '../../../lib/api-client.js'
import { serverFieldErrors, showFieldErrors, zodFieldErrors, zodRule, type IssueOverrides } from '../../../lib/form.js'
import { useI18n } from '../../../lib/i18n.js'
import { useChangePassword } from '../api/change-password.js'

interface Values {
  currentPassword: string
  newPassword: string
  confirmPassword: string
}

const overrides: IssueOverrides = { newPassword: 'validation.passwordMix' }
const formFields = ['currentPassword', 'newPassword']

/**
 * Own password change. `forced` is the first sign-in with a password an administrator set
 * (mustChangePassword): the dialog cannot be dismissed, only completed or left by signing out.
 */
export function ChangePasswordDialog({
  open,
  forced,
  onClose,
  onSignOut,
  signingOut,
}: {
  open: boolean
  forced: boolean
  onClose: () => void
  onSignOut: () => void
  signingOut: boolean
}) {
  const { t, lang, errorText } = useI18n()
  const { message } = App.useApp()
  const [form] = Form.useForm<Values>()
  const [formError, setFormError] = useState<string | null>(null)
  const changePassword = useChangePassword()

  const close = () => {
    form.resetFields()
    setFormError(null)
    changePassword.reset()
    onClose()
  }

  const submit = (values: Values) => {
    setFormError(null)
    const request = changePasswordRequestSchema.safeParse({
      currentPassword: values.currentPassword,
      newPassword: values.newPassword,
    })
    if (!request.success) {
      showFieldErrors(form, zodFieldErrors(request.error, t, overrides))
      return
    }
    changePassword.mutate(request.data, {
      onSuccess: () => {
        message.success(t('auth.passwordChanged'))
        close()
      },
      onError: (error) => {
        if (error instanceof ApiError && error.fields.length > 0) {
          const { matched, unmatched } = serverFieldErrors(error.fields, lang, formFields)
          showFieldErrors(form, matched)
          setFormError(unmatched.length > 0 ? unmatched.join('; ') : null)
        } else if (error instanceof ApiError && error.code === 'WRONG_CURRENT_PASSWORD') {
          form.setFields([{ name: ['currentPassword'], errors: [errorText(error)] }])
        } else {
          setFormError(errorText(error))
        }
      },
    })
  }

  const footer = [
    forced ? (
      <Button key="logout" onClick={onSignOut} loading={signingOut}>
        {t('auth.signOut')}
      </Button>
    ) : (
      <Button key="cancel" onClick={close}>
        {t('common.cancel')}
      </Button>
    ),
    <Button key="submit" type="primary" loading={changePassword.isPending} onClick={() => form.submit()}>
      {t('auth.changePassword.submit')}
    </Button>,
  ]

  return (
    <Modal
      open={open}
      title={t('auth.changePassword.title')}
      closable={!forced}
      mask={{ closable: !forced }}
      keyboard={!forced}
      onCancel={forced ? undefined : close}
      footer={footer}
      destroyOnHidden
    >
      {forced && <Alert type="warning" showIcon title={t('auth.changePassword.forced')} style={{ marginBottom: 16 }} />}
      {formError && <Alert type="error" showIcon title={formError} style={{ marginBottom: 16 }} />}
      <Form<Values> form={form} name="change-password" layout="vertical" onFinish={submit} preserve={false}>
        <Form.Item
          label={t('auth.currentPassword')}
          name="currentPassword"
          required
          rules={[zodRule(changePasswordRequestSchema.shape.currentPassword, t)]}
        >
          <Input.Password autoComplete="current-password" />
        </Form.Item>
        <Form.Item
          label={t('auth.newPassword')}
          name="newPassword"
          required
          rules={[zodRule(passwordSchema, t, overrides, ['newPassword'])]}
          extra={<Typography.Text type="secondary">{t('auth.passwordRule')}</Typography.Text>}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <Form.Item
          label={t('auth.confirmPassword')}
          name="confirmPassword"
          required
          dependencies={['newPassword']}
          rules={[
            ({ getFieldValue }) => ({
              validator: async (_rule, value: unknown) => {
                if (!value) throw new Error(t('validation.required'))
                if (value !== getFieldValue('newPassword')) throw new Error(t('auth.passwordMismatch'))
              },
            }),
          ]}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
      </Form>
    </Modal>
  )
}
