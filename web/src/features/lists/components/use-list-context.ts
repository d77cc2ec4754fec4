import { useMemo } from 'react'
import { useTenantReference } from '../../../api/reference/get-tenant-reference.js'
import { useI18n } from '../../../lib/i18n.js'
import { useChainCatalog } from '../api/get-chain-catalog.js'
import { useSessionUser } from '../api/get-session-user.js'

/**
 * What the three tabs share: chain and region options, names in the current language, and what the
 * signed-in user may do (the server checks again; this only hides buttons that would be refused).
 */
export function useListContext() {
  const { lang } = useI18n()
  const me = useSessionUser().data
  const catalog = useChainCatalog().data
  const reference = useTenantReference().data
  return useMemo(() => {
    const cityRegion = reference?.tenant.id ?? ''
    const chains = catalog?.chains ?? []
    const chainNames = new Map(chains.map((c) => [c.code, lang === 'en-US' ? c.nameEn : c.nameZh]))
    const segmentNames = new Map(chains.flatMap((c) => c.segments.map((s) => [s.code, lang === 'en-US' ? s.nameEn : s.nameZh] as const)))
    const districts = reference?.districts ?? []
    const role = me?.role
    const isCity = role === 'city_admin' || role === 'city_staff'
    const ownDistrict = me?.scope.type === 'district' ? me.scope.id : null
    return {
      cityRegion,
      chains,
      chainOptions: chains.map((c) => ({ value: c.code, label: chainNames.get(c.code)! })),
      segmentOptions: (chain: string | null | undefined) =>
        (chains.find((c) => c.code === chain)?.segments ?? []).map((s) => ({ value: s.code, label: segmentNames.get(s.code)! })),
      chainName: (code: string | null | undefined, fallback?: string | null) => (code ? (chainNames.get(code) ?? fallback ?? code) : ''),
      segmentName: (code: string | null | undefined, fallback?: string | null) => (code ? (segmentNames.get(code) ?? fallback ?? code) : ''),
      districtOptions: districts.map((d) => ({ value: d.code, label: d.nameZh })),
      /** the city itself and its districts: where a list row may belong */
      regionOptions: [
        ...(reference ? [{ value: cityRegion, label: reference.tenant.nameZh }] : []),
        ...districts.map((d) => ({ value: d.code, label: d.nameZh })),
      ],
      isCity,
      ownDistrict,
      /** the region new rows go to by default: a district officer's district, else the city */
      defaultRegion: ownDistrict && role === 'district_staff' ? ownDistrict : cityRegion,
      canEditRegion: (region: string) => isCity || (role === 'district_staff' && ownDistrict === region),
      canWriteRegions: isCity || role === 'district_staff',
      /** district-scoped readers see only their district: no region picker for them */
      seesAllRegions: isCity || role === 'department_reviewer' || (role === 'leader' && me?.scope.type === 'city'),
    }
  }, [catalog, reference, me, lang])
}
