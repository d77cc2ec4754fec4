import { Card, Flex, Typography } from 'antd'
import { Navigate, useLocation, useNavigate } from 'react-router-dom'
import { LanguageSwitch } from '../../components/language-switch.js'
import { useMe } from '../../features/auth/api/get-me.js'
import { LoginForm } from '../../features/auth/components/login-form.js'
import { useI18n } from '../../lib/i18n.js'
import { returnPath } from '../return-path.js'

export default function LoginRoute() {
  const { t } = useI18n()
  const me = useMe()
  const location = useLocation()
  const navigate = useNavigate()
  const target = returnPath(location.state)

  if (me.data) return <Navigate to={target} replace />

  return (
    <Flex
      vertical
      align="center"
      justify="center"
      style={{ minHeight: '100vh', padding: 16, background: 'linear-gradient(160deg, #e6f0ff 0%, #f5f7fa 60%)' }}
    >
      <div style={{ position: 'absolute', top: 16, right: 16 }}>
        <LanguageSwitch />
      </div>
      <main style={{ width: '100%', maxWidth: 400 }}>
        <Typography.Title level={2} style={{ textAlign: 'center', marginBottom: 4 }}>
          {t('app.name')}
        </Typography.Title>
        <Typography.Paragraph type="secondary" style={{ textAlign: 'center', marginBottom: 24 }}>
          {t('app.tagline')}
        </Typography.Paragraph>
        <Card title={t('auth.signInTitle')}>
          <LoginForm onSuccess={() => navigate(target, { replace: true })} />
        </Card>
      </main>
    </Flex>
  )
}
