import { useMe } from '../../features/auth/api/get-me.js'
import { SupervisionPage } from '../../features/supervision/components/supervision-page.js'

export default function Route() {
  const me = useMe().data
  const isCity = me?.role === 'city_admin' || me?.role === 'city_staff'
  return <SupervisionPage isCity={isCity} canAct={isCity || me?.role === 'district_staff'} />
}
