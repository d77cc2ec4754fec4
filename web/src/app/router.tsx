import { lazy, Suspense, type ReactNode } from 'react'
import { createBrowserRouter, RouterProvider } from 'react-router-dom'
import { FullPageSpin, NotFound, PageSpin, RequireAuth, RequireModule, RouteError } from './guards.js'

// Every page is its own chunk: the login page loads without the layout, tables or echarts.
const LoginRoute = lazy(() => import('./routes/login.js'))
const AppLayout = lazy(() => import('./layout/app-layout.js'))
const HomeRoute = lazy(() => import('./routes/home.js'))
const UsersRoute = lazy(() => import('./routes/users.js'))
const AuditRoute = lazy(() => import('./routes/audit.js'))

const page = (node: ReactNode) => <Suspense fallback={<PageSpin />}>{node}</Suspense>

export const router = createBrowserRouter([
  {
    errorElement: <RouteError />,
    children: [
      {
        path: '/login',
        element: (
          <Suspense fallback={<FullPageSpin />}>
            <LoginRoute />
          </Suspense>
        ),
      },
      {
        element: <RequireAuth />,
        children: [
          {
            element: (
              <Suspense fallback={<FullPageSpin />}>
                <AppLayout />
              </Suspense>
            ),
            children: [
              { index: true, element: page(<HomeRoute />) },
              { path: 'users', element: page(<RequireModule module="users">{<UsersRoute />}</RequireModule>) },
              { path: 'audit', element: page(<RequireModule module="audit">{<AuditRoute />}</RequireModule>) },
              { path: '*', element: <NotFound /> },
            ],
          },
        ],
      },
    ],
  },
])

export function AppRouter() {
  return <RouterProvider router={router} />
}
