import { DashboardPage } from '../../features/dashboard/components/dashboard-page.js'
import { useMe } from '../../features/auth/api/get-me.js'

export default function Route() {
  const me = useMe().data
  return <DashboardPage isCity={me?.scope.type === 'city'} />
}
