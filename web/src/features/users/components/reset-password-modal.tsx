import { Alert, App, Form, Modal, Typography } from 'antd'
import { useState } from 'react'
import { resetPasswordRequestSchema, type User } from '../../../../../common/src/api/users.js'
import { ApiError } from '../../../lib/api-client.js'
import { serverFieldErrors, showFieldErrors, zodFieldErrors, zodRule, type IssueOverrides } from '../../../lib/form.js'
import { useI18n } from '../../../lib/i18n.js'
import { useResetPassword } from '../api/reset-password.js'
import { PasswordInput } from './password-input.js'

const overrides: IssueOverrides = { newPassword: 'validation.passwordMix' }

/** Sets a new password, clears the lock, and makes the user change it at the next sign-in. */
export function ResetPasswordModal({ user, onClose }: { user: User | null; onClose: () => void }) {
  const { t, lang, errorText } = useI18n()
  const { message } = App.useApp()
  const [form] = Form.useForm<{ newPassword?: string }>()
  const [formError, setFormError] = useState<string | null>(null)
  const resetPassword = useResetPassword()

  const close = () => {
    setFormError(null)
    resetPassword.reset()
    onClose()
  }

  const submit = (values: { newPassword?: string }) => {
    if (!user) return
    setFormError(null)
    const request = resetPasswordRequestSchema.safeParse(values)
    if (!request.success) return showFieldErrors(form, zodFieldErrors(request.error, t, overrides))
    resetPassword.mutate(
      { id: user.id, newPassword: request.data.newPassword },
      {
        onSuccess: () => {
          message.success(t('users.resetDone', { username: user.username }))
          close()
        },
        onError: (error) => {
          if (error instanceof ApiError && error.fields.length > 0) {
            const { matched, unmatched } = serverFieldErrors(error.fields, lang, ['newPassword'])
            showFieldErrors(form, matched)
            setFormError(unmatched.length > 0 ? unmatched.join('; ') : null)
          } else setFormError(errorText(error))
        },
      },
    )
  }

  return (
    <Modal
      open={user !== null}
      title={t('users.resetTitle', { username: user?.username ?? '' })}
      okText={t('users.resetSubmit')}
      cancelText={t('common.cancel')}
      onOk={() => form.submit()}
      onCancel={close}
      confirmLoading={resetPassword.isPending}
      destroyOnHidden
    >
      <Typography.Paragraph type="secondary">{t('users.resetHint')}</Typography.Paragraph>
      {formError && <Alert type="error" showIcon title={formError} style={{ marginBottom: 16 }} />}
      <Form form={form} name="resetPassword" layout="vertical" onFinish={submit} preserve={false}>
        <Form.Item
          name="newPassword"
          label={t('users.newPassword')}
          required
          rules={[zodRule(resetPasswordRequestSchema.shape.newPassword, t, overrides, ['newPassword'])]}
          extra={t('auth.passwordRule')}
        >
          <PasswordInput />
        </Form.Item>
      </Form>
    </Modal>
  )
}
