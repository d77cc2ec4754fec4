import type { Candidate, TargetingFactorKey } from '../../../../../common/src/api/targeting.js'
import { formatNumber } from '../../../lib/format.js'
import type { Translate } from '../../../lib/i18n.js'
import { pickName, type Lang } from '../../../lib/translate.js'

/** The raw fact behind one factor of a candidate, in words. */
export function factorFact(key: TargetingFactorKey, c: Candidate, t: Translate, lang: Lang): string {
  const f = c.facts
  switch (key) {
    case 'gap':
      return `${pickName(lang, { nameZh: c.segmentNameZh, nameEn: c.segmentNameEn })} · ${t(`targeting.gap.${c.gap}`)}`
    case 'scale':
      return c.revenue === null ? t('targeting.fact.unknownRevenue') : t('targeting.fact.revenue', { revenue: formatNumber(Math.round(c.revenue), lang) })
    case 'signals':
      return t('targeting.fact.signals', { financing: f.financing.toFixed(2), branches: f.newBranches.toFixed(2), capacity: f.capacityExpansions.toFixed(2) })
    case 'customers':
      return t('targeting.fact.customers', { n: f.customersInRegion, leaders: f.leaderCustomersInRegion })
    case 'suppliers':
      return t('targeting.fact.suppliers', { n: f.suppliersInRegion })
    case 'layout':
      return t(c.factors.layout >= 1 ? 'targeting.layout.core' : c.factors.layout > 0 ? 'targeting.layout.cooperating' : 'targeting.layout.none')
    case 'reach':
      return f.assetDistance === 1 ? t('targeting.fact.reach1') : f.assetDistance === 2 ? t('targeting.fact.reach2') : t('targeting.fact.reachNone')
  }
}
