import { Tooltip } from 'antd'
import type { Candidate } from '../../../../../common/src/api/targeting.js'
import { useI18n } from '../../../lib/i18n.js'
import { factorColors, factorSegments } from '../targeting-charts.js'
import { factorFact } from './factor-facts.js'

/** A candidate's score as a stacked bar: one segment per positive contribution, the raw facts in each tooltip. */
export function FactorBar({ candidate, scale }: { candidate: Candidate; scale: number }) {
  const { t, lang } = useI18n()
  const segments = factorSegments(candidate.contributions, scale)
  return (
    <div data-testid="factor-bar" style={{ display: 'flex', width: '100%', minWidth: 160, height: 14, background: '#f5f5f5', borderRadius: 3, overflow: 'hidden' }}>
      {segments.map((s) => (
        <Tooltip
          key={s.key}
          title={
            <div>
              <div>
                {t('targeting.factorTip', {
                  factor: t(`targeting.factor.${s.key}`),
                  value: s.value.toFixed(2),
                  raw: candidate.factors[s.key].toFixed(2),
                })}
              </div>
              <div>{factorFact(s.key, candidate, t, lang)}</div>
            </div>
          }
        >
          <div style={{ width: `${s.width}%`, background: factorColors[s.key], height: '100%' }} />
        </Tooltip>
      ))}
    </div>
  )
}
