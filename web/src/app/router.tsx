import { lazy, Suspense, type ReactNode } from 'react'
import { createBrowserRouter, RouterProvider } from 'react-router-dom'
import { FullPageSpin, NotFound, PageSpin, RequireAuth, RequireModule, RouteError } from './guards.js'

// Every page is its own chunk: the login page loads without the layout, tables or echarts.
const LoginRoute = lazy(() => import('./routes/login.js'))
const AppLayout = lazy(() => import('./layout/app-layout.js'))
const HomeRoute = lazy(() => import('./routes/home.js'))
const UsersRoute = lazy(() => import('./routes/users.js'))
const AuditRoute = lazy(() => import('./routes/audit.js'))
const EnterprisesRoute = lazy(() => import('./routes/enterprises.js'))
const EnterpriseDetailRoute = lazy(() => import('./routes/enterprise-detail.js'))
const ChainMapRoute = lazy(() => import('./routes/chain-map.js'))
const ListsRoute = lazy(() => import('./routes/lists.js'))
const LeadsRoute = lazy(() => import('./routes/leads.js'))
const RegistryRoute = lazy(() => import('./routes/registry.js'))
const TalksRoute = lazy(() => import('./routes/talks.js'))
const TargetingRoute = lazy(() => import('./routes/targeting.js'))
const LayoutGuideRoute = lazy(() => import('./routes/layout-guide.js'))
const ChainsRoute = lazy(() => import('./routes/chains.js'))
const ImportRoute = lazy(() => import('./routes/import.js'))
const DashboardRoute = lazy(() => import('./routes/dashboard.js'))
const ProjectsRoute = lazy(() => import('./routes/projects.js'))
const ProjectDetailRoute = lazy(() => import('./routes/project-detail.js'))
const SupervisionRoute = lazy(() => import('./routes/supervision.js'))
const DepartmentProblemsRoute = lazy(() => import('./routes/department-problems.js'))

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
              { path: 'enterprises', element: page(<RequireModule module="enterprises">{<EnterprisesRoute />}</RequireModule>) },
              { path: 'enterprises/:id', element: page(<RequireModule module="enterprises">{<EnterpriseDetailRoute />}</RequireModule>) },
              { path: 'chain-map', element: page(<RequireModule module="chainMap">{<ChainMapRoute />}</RequireModule>) },
              { path: 'targeting', element: page(<RequireModule module="targeting">{<TargetingRoute />}</RequireModule>) },
              { path: 'lists/*', element: page(<RequireModule module="lists">{<ListsRoute />}</RequireModule>) },
              { path: 'leads', element: page(<RequireModule module="leads">{<LeadsRoute />}</RequireModule>) },
              { path: 'registry/*', element: page(<RequireModule module="registry">{<RegistryRoute />}</RequireModule>) },
              { path: 'talks', element: page(<RequireModule module="talks">{<TalksRoute />}</RequireModule>) },
              { path: 'dashboard', element: page(<RequireModule module="dashboard">{<DashboardRoute />}</RequireModule>) },
              { path: 'projects', element: page(<RequireModule module="projects">{<ProjectsRoute />}</RequireModule>) },
              { path: 'projects/:id', element: page(<RequireModule module="projects">{<ProjectDetailRoute />}</RequireModule>) },
              { path: 'supervision/*', element: page(<RequireModule module="supervision">{<SupervisionRoute />}</RequireModule>) },
              { path: 'department-problems', element: page(<RequireModule module="deptProblems">{<DepartmentProblemsRoute />}</RequireModule>) },
              { path: 'layout-guide', element: page(<RequireModule module="layoutGuide">{<LayoutGuideRoute />}</RequireModule>) },
              { path: 'chains', element: page(<RequireModule module="chains">{<ChainsRoute />}</RequireModule>) },
              { path: 'import', element: page(<RequireModule module="import">{<ImportRoute />}</RequireModule>) },
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
