import { useQuery } from '@tanstack/react-query'
import { meSchema } from '../../../../../common/src/api/auth.js'
import { useTenantReference } from '../../../api/reference/get-tenant-reference.js'
import { api } from '../../../lib/api-client.js'

// Same endpoint and cache key as the app's session query.
const useSessionUser = () => useQuery({ queryKey: ['auth', 'me'], queryFn: () => api.get('/api/auth/me', meSchema), staleTime: Infinity })

export function useRegistryContext() {
  const me = useSessionUser().data
  const reference = useTenantReference().data
  const isCity = me?.role === 'city_admin' || me?.role === 'city_staff'
  return {
    isCity,
    ownDistrict: me?.scope.type === 'district' ? me.scope.id : null,
    canReport: isCity || me?.role === 'district_staff',
    districtOptions: (reference?.districts ?? []).map((d) => ({ value: d.code, label: d.nameZh })),
  }
}
