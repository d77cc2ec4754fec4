import { Button, Result } from 'antd'
import { Component, type ReactNode } from 'react'
import { useI18n } from '../lib/i18n.js'

/** The page shown when rendering failed, for both the error boundary and the router. */
export function PageFailed() {
  const { t } = useI18n()
  return (
    <Result
      status="error"
      title={t('error.page')}
      extra={
        <Button type="primary" onClick={() => window.location.reload()}>
          {t('common.reload')}
        </Button>
      }
    />
  )
}

export class ErrorBoundary extends Component<{ children: ReactNode }, { failed: boolean }> {
  override state = { failed: false }

  static getDerivedStateFromError() {
    return { failed: true }
  }

  override componentDidCatch(error: unknown) {
    console.error(error)
  }

  override render() {
    return this.state.failed ? <PageFailed /> : this.props.children
  }
}
