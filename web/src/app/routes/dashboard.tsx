import { DashboardPage } from '../../features/dashboard/components/dashboard-page.js'
import { useMe } from '../../features/auth/api/get-me.js'

export default function Route() {
  const me = useMe().data
  const cityBureau = me?.role === 'city_admin' || me?.role === 'city_staff'
  return <DashboardPage isCity={me?.scope.type === 'city'} canEditTargets={cityBureau} />
}
