import { LockOutlined, UserOutlined } from '@ant-design/icons'
import { Alert, Button, Form, Input } from 'antd'
import type { Me } from '../../../../../common/src/api/auth.js'
import { loginRequestSchema } from '../../../../../common/src/api/auth.js'
import { zodRule } from '../../../lib/form.js'
import { useI18n } from '../../../lib/i18n.js'
import { useLogin, type LoginInput } from '../api/login.js'

export function LoginForm({ onSuccess }: { onSuccess: (me: Me) => void }) {
  const { t, errorText } = useI18n()
  const loginMutation = useLogin()
  const [form] = Form.useForm<LoginInput>()

  return (
    <Form<LoginInput>
      form={form}
      name="login"
      layout="vertical"
      requiredMark={false}
      disabled={loginMutation.isPending}
      onFinish={(values) => loginMutation.mutate(values, { onSuccess })}
      onValuesChange={() => loginMutation.isError && loginMutation.reset()}
    >
      {loginMutation.isError && (
        <Alert type="error" showIcon title={errorText(loginMutation.error)} style={{ marginBottom: 16 }} />
      )}
      <Form.Item
        label={t('auth.username')}
        name="username"
        rules={[zodRule(loginRequestSchema.shape.username, t)]}
        validateTrigger="onSubmit"
      >
        <Input prefix={<UserOutlined />} autoComplete="username" autoFocus size="large" />
      </Form.Item>
      <Form.Item
        label={t('auth.password')}
        name="password"
        rules={[zodRule(loginRequestSchema.shape.password, t)]}
        validateTrigger="onSubmit"
      >
        <Input.Password prefix={<LockOutlined />} autoComplete="current-password" size="large" />
      </Form.Item>
      <Form.Item style={{ marginBottom: 0 }}>
        <Button type="primary" htmlType="submit" block size="large" loading={loginMutation.isPending}>
          {t('auth.signIn')}
        </Button>
      </Form.Item>
    </Form>
  )
}
