import { Tooltip, Typography } from 'antd'
import type { Dashboard } from '../../../../../common/src/api/dashboard.js'
import { useI18n } from '../../../lib/i18n.js'
import { hangzhouTiles } from './district-tiles.js'

/** Completion of the ≥1亿 target → a colour from grey (no target) through red, amber to green. */
function tileColor(completion: number | null, dark: boolean): string {
  if (completion === null) return dark ? '#2a3242' : '#f0f0f0'
  if (completion >= 0.9) return '#2f9e44'
  if (completion >= 0.6) return '#94c23d'
  if (completion >= 0.3) return '#f2a93b'
  return '#e8590c'
}

export function DistrictTileMap({ districts, onPick, dark = false, selected }: { districts: Dashboard['districts']; onPick: (code: string) => void; dark?: boolean; selected?: string | null }) {
  const { t } = useI18n()
  const byCode = new Map(districts.map((d) => [d.code, d]))
  const tiles = hangzhouTiles.filter((tile) => byCode.has(tile.code))
  return (
    <div>
      <div role="list" aria-label={t('dashboard.map')} style={{ display: 'grid', gridTemplateColumns: 'repeat(5, 1fr)', gridTemplateRows: 'repeat(4, 64px)', gap: 6 }}>
        {tiles.map((tile) => {
          const d = byCode.get(tile.code)!
          const fill = tileColor(d.completion, dark)
          const light = d.completion === null && !dark
          return (
            <Tooltip key={tile.code} title={t('dashboard.map.tooltip', { name: d.nameZh, signed: d.signed1, target: d.target1, active: d.active, stuck: d.stuck })}>
              <button
                type="button"
                role="listitem"
                aria-label={d.nameZh}
                onClick={() => onPick(d.code)}
                style={{
                  gridColumn: tile.col + 1,
                  gridRow: tile.row + 1,
                  background: fill,
                  color: light ? '#333' : '#fff',
                  border: selected === d.code ? '3px solid #1677ff' : '1px solid rgba(0,0,0,0.08)',
                  borderRadius: 8,
                  cursor: 'pointer',
                  padding: 4,
                  lineHeight: 1.2,
                }}
              >
                <div style={{ fontWeight: 600, fontSize: 13 }}>{d.nameZh}</div>
                <div style={{ fontSize: 12 }}>{t('dashboard.map.tile', { signed: d.signed1, target: d.target1 })}</div>
              </button>
            </Tooltip>
          )
        })}
      </div>
      <Typography.Text type="secondary" style={{ fontSize: 12, color: dark ? '#8a94a6' : undefined }}>
        {t('dashboard.map.note')}
      </Typography.Text>
    </div>
  )
}
