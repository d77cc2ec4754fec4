import { useQuery } from '@tanstack/react-query'
import { meSchema } from '../../../../../common/src/api/auth.js'
import { chainCatalogSchema } from '../../../../../common/src/api/reference.js'
import { useTenantReference } from '../../../api/reference/get-tenant-reference.js'
import { api } from '../../../lib/api-client.js'
import { useI18n } from '../../../lib/i18n.js'

// Same endpoints and cache keys as the app's session and the lists' chain catalog.
export const useSessionUser = () => useQuery({ queryKey: ['auth', 'me'], queryFn: () => api.get('/api/auth/me', meSchema), staleTime: Infinity })
const useChainCatalog = () => useQuery({ queryKey: ['reference', 'chains'], queryFn: () => api.get('/api/reference/chains', chainCatalogSchema), staleTime: 10 * 60_000 })

/** Options and names the lead pages share, and what the signed-in user may do (the server checks again). */
export function useLeadContext() {
  const { lang } = useI18n()
  const me = useSessionUser().data
  const chains = useChainCatalog().data?.chains ?? []
  const reference = useTenantReference().data
  const districts = reference?.districts ?? []
  const isCity = me?.role === 'city_admin' || me?.role === 'city_staff'
  const chainName = (code: string | null | undefined) => {
    const chain = chains.find((c) => c.code === code)
    return chain ? (lang === 'en-US' ? chain.nameEn : chain.nameZh) : (code ?? '')
  }
  return {
    isCity,
    canWrite: isCity || me?.role === 'district_staff',
    seesAll: isCity || (me?.role === 'leader' && me.scope.type === 'city'),
    chainOptions: chains.map((c) => ({ value: c.code, label: lang === 'en-US' ? c.nameEn : c.nameZh })),
    segmentOptions: (chain: string | null | undefined) =>
      (chains.find((c) => c.code === chain)?.segments ?? []).map((s) => ({ value: s.code, label: lang === 'en-US' ? s.nameEn : s.nameZh })),
    districtOptions: districts.map((d) => ({ value: d.code, label: d.nameZh })),
    chainName,
  }
}
