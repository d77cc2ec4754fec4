import { QueryClientProvider } from '@tanstack/react-query'
import { App as AntdApp, ConfigProvider } from 'antd'
import enUS from 'antd/locale/en_US'
import zhCN from 'antd/locale/zh_CN'
import dayjs from 'dayjs'
import 'dayjs/locale/zh-cn'
import { useEffect, type ReactNode } from 'react'
import { forgetSession } from '../features/auth/api/get-me.js'
import { setUnauthorizedHandler } from '../lib/api-client.js'
import { I18nProvider, useI18n } from '../lib/i18n.js'
import { queryClient } from '../lib/react-query.js'
import { ErrorBoundary } from './error-boundary.js'

function AntdLocale({ children }: { children: ReactNode }) {
  const { lang } = useI18n()
  // antd's pickers take month and weekday names from dayjs' global locale
  dayjs.locale(lang === 'zh-CN' ? 'zh-cn' : 'en')
  return (
    <ConfigProvider
      locale={lang === 'zh-CN' ? zhCN : enUS}
      // no automatic space between two Chinese characters: button names stay what the dictionary says
      button={{ autoInsertSpace: false }}
      theme={{ token: { colorPrimary: '#1668dc', borderRadius: 6 } }}
    >
      <AntdApp>{children}</AntdApp>
    </ConfigProvider>
  )
}

export function AppProvider({ children }: { children: ReactNode }) {
  useEffect(() => {
    // an expired session anywhere: forget everything cached; RequireAuth then sends the user to /login
    setUnauthorizedHandler(() => forgetSession(queryClient))
    return () => setUnauthorizedHandler(null)
  }, [])

  return (
    <I18nProvider>
      <AntdLocale>
        <ErrorBoundary>
          <QueryClientProvider client={queryClient}>{children}</QueryClientProvider>
        </ErrorBoundary>
      </AntdLocale>
    </I18nProvider>
  )
}
