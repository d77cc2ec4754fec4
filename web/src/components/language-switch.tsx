import { Button, Space } from 'antd'
import { languages, type Lang } from '../lib/translate.js'
import { useI18n, type MessageKey } from '../lib/i18n.js'

const labelKeys: Record<Lang, MessageKey> = { 'zh-CN': 'lang.zh', 'en-US': 'lang.en' }

// Two toggle buttons rather than antd Segmented/Radio: those hide their inputs at zero size, so a
// browser test could not press them by role; these are plain buttons with aria-pressed.
export function LanguageSwitch() {
  const { lang, setLang, t } = useI18n()
  return (
    <Space.Compact size="small" role="group" aria-label={t('lang.switch')}>
      {languages.map((option) => (
        <Button
          key={option}
          size="small"
          type={option === lang ? 'primary' : 'default'}
          aria-pressed={option === lang}
          onClick={() => setLang(option)}
        >
          {t(labelKeys[option])}
        </Button>
      ))}
    </Space.Compact>
  )
}
