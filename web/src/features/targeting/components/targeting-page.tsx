import { Typography } from 'antd'
import { useI18n } from '../../../lib/i18n.js'

export function TargetingPage() {
  const { t } = useI18n()
  return <Typography.Title level={3}>{t('targeting.title')}</Typography.Title>
}
