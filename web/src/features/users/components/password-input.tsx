import { Button, Input, Space } from 'antd'
import { useI18n } from '../../../lib/i18n.js'
import { generatePassword } from '../user-form.js'

/** A password field with a "generate" button, for passwords an administrator hands over. */
export function PasswordInput({ id, value, onChange }: { id?: string; value?: string; onChange?: (value: string) => void }) {
  const { t } = useI18n()
  return (
    <Space.Compact style={{ width: '100%' }}>
      <Input.Password id={id} value={value} onChange={(e) => onChange?.(e.target.value)} autoComplete="new-password" />
      <Button onClick={() => onChange?.(generatePassword())}>{t('users.generatePassword')}</Button>
    </Space.Compact>
  )
}
