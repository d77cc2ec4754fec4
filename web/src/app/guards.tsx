import { Button, Result, Spin } from 'antd'
import { createContext, useContext, type ReactNode } from 'react'
import { Navigate, Outlet, useLocation, useNavigate, useRouteError } from 'react-router-dom'
import type { Me } from '../../../common/src/api/auth.js'
import { useMe } from '../features/auth/api/get-me.js'
import { PageFailed } from './error-boundary.js'
import { useI18n } from '../lib/i18n.js'
import { canUse, type ModuleKey } from './menu.js'

export function FullPageSpin() {
  return (
    <div style={{ display: 'flex', height: '100vh', alignItems: 'center', justifyContent: 'center' }}>
      <Spin size="large" />
    </div>
  )
}

export function PageSpin() {
  return (
    <div style={{ display: 'flex', padding: 64, justifyContent: 'center' }}>
      <Spin />
    </div>
  )
}

/** Pages below this only render for a signed-in user; anyone else goes to /login and comes back after. */
export function RequireAuth() {
  const me = useMe()
  const location = useLocation()
  const { t, errorText } = useI18n()
  if (me.isPending) return <FullPageSpin />
  if (me.isError) {
    return (
      <Result
        status="warning"
        title={errorText(me.error)}
        extra={
          <Button type="primary" onClick={() => void me.refetch()}>
            {t('common.retry')}
          </Button>
        }
      />
    )
  }
  if (!me.data) return <Navigate to="/login" replace state={{ from: `${location.pathname}${location.search}` }} />
  return (
    <SignedInUserContext.Provider value={me.data}>
      <Outlet />
    </SignedInUserContext.Provider>
  )
}

// Pages read the user from RequireAuth, not from the query: when the session ends the query turns
// null and RequireAuth redirects before any page renders without a user.
const SignedInUserContext = createContext<Me | null>(null)

/** The signed-in user, inside RequireAuth. */
export function useSignedInUser(): Me {
  const me = useContext(SignedInUserContext)
  if (!me) throw new Error('useSignedInUser outside RequireAuth')
  return me
}

/** The server refuses these calls anyway; this keeps a typed-in URL from showing an empty page. */
export function RequireModule({ module, children }: { module: ModuleKey; children: ReactNode }) {
  const me = useSignedInUser()
  if (canUse(me.role, module)) return children
  return <Forbidden />
}

export function Forbidden() {
  const { t } = useI18n()
  const navigate = useNavigate()
  return (
    <Result
      status="403"
      title={t('error.forbiddenPage')}
      subTitle={t('error.forbiddenPageHint')}
      extra={
        <Button type="primary" onClick={() => navigate('/')}>
          {t('common.backHome')}
        </Button>
      }
    />
  )
}

export function NotFound() {
  const { t } = useI18n()
  const navigate = useNavigate()
  return (
    <Result
      status="404"
      title={t('error.notFoundPage')}
      extra={
        <Button type="primary" onClick={() => navigate('/')}>
          {t('common.backHome')}
        </Button>
      }
    />
  )
}

/** What a route shows when rendering it threw (a chunk that failed to load after a deploy, a bug). */
export function RouteError() {
  console.error(useRouteError())
  return <PageFailed />
}
