// The fishbone (鱼骨图) of a chain map as a pure ECharts option: the spine runs upstream → downstream,
// top-level segments sit on bones alternating above and below it, their children further out on the same
// bone; colour = gap label, size = local enterprise count.
import type { LineSeriesOption, ScatterSeriesOption } from 'echarts/charts'
import type { GraphicComponentOption, GridComponentOption, LegendComponentOption, TooltipComponentOption } from 'echarts/components'
import type { ComposeOption } from 'echarts/core'
import type { ChainMap, ChainMapSegment, GapLabel, Stage } from '../../../../common/src/api/chain.js'
import { gapLabels, stages } from '../../../../common/src/api/chain.js'
import { pickName, type Lang } from '../../lib/translate.js'

export type ChainMapChartOption = ComposeOption<
  ScatterSeriesOption | LineSeriesOption | GridComponentOption | TooltipComponentOption | LegendComponentOption | GraphicComponentOption
>

export const gapColors: Record<GapLabel, string> = {
  missing: '#ff4d4f',
  weak: '#faad14',
  extension: '#1677ff',
  strong: '#52c41a',
}

export interface ChainMapChartLabels {
  stages: Record<Stage, string>
  gaps: Record<GapLabel, string>
  enterprises: string
  strength: string
  leaders: string
}

export interface FishbonePoint {
  code: string
  x: number
  y: number
  /** The bone's top-level segment (itself for a top-level one). */
  bone: string
}

const BONE_Y = 1.2
const CHILD_STEP = 0.9
const CHILD_SLANT = 0.07

/** Places every segment: stage columns of width 1 along x, bones alternating up and down. */
export function fishboneLayout(segments: readonly Pick<ChainMapSegment, 'code' | 'parentCode' | 'stage' | 'position'>[]): FishbonePoint[] {
  const known = new Set(segments.map((s) => s.code))
  const parentOf = new Map(segments.map((s) => [s.code, s.parentCode && known.has(s.parentCode) ? s.parentCode : null]))
  const topOf = (code: string) => {
    let c = code
    for (let p = parentOf.get(c); p; p = parentOf.get(c)) c = p
    return c
  }
  const ordered = [...segments].sort((a, b) => a.position - b.position)
  const points: FishbonePoint[] = []
  let side = 1
  for (const [s, stage] of stages.entries()) {
    const tops = ordered.filter((seg) => seg.stage === stage && parentOf.get(seg.code) === null)
    tops.forEach((top, i) => {
      const x = s + (i + 0.5) / tops.length
      const y = side * BONE_Y
      points.push({ code: top.code, x, y, bone: top.code })
      const children = ordered.filter((seg) => seg.code !== top.code && topOf(seg.code) === top.code)
      children.forEach((child, j) => {
        points.push({ code: child.code, x: x - CHILD_SLANT * (j + 1), y: side * (BONE_Y + CHILD_STEP * (j + 1)), bone: top.code })
      })
      side = -side
    })
  }
  return points
}

/** Symbol diameter: grows with the square root of the count, so area ~ count; empty segments stay visible. */
export function symbolSize(count: number, maxCount: number): number {
  if (maxCount <= 0 || count <= 0) return 14
  return Math.round(16 + 34 * Math.sqrt(count / maxCount))
}

export function chainMapOption(map: ChainMap, lang: Lang, labels: ChainMapChartLabels): ChainMapChartOption {
  const points = fishboneLayout(map.segments)
  const byCode = new Map(map.segments.map((s) => [s.code, s]))
  const maxCount = Math.max(0, ...map.segments.map((s) => s.enterprises))
  // each side of the spine is as tall as its deepest bone, so a one-sided chain wastes no space
  const maxY = Math.max(BONE_Y, ...points.map((p) => p.y)) + 0.8
  const minY = Math.min(-BONE_Y, ...points.map((p) => p.y)) - 0.5

  const bones: LineSeriesOption[] = [...new Set(points.map((p) => p.bone))].map((bone) => {
    const members = points.filter((p) => p.bone === bone).sort((a, b) => Math.abs(a.y) - Math.abs(b.y))
    const root = members[0]!
    return {
      type: 'line',
      silent: true,
      symbol: 'none',
      z: 1,
      lineStyle: { color: '#bfbfbf', width: 2 },
      data: [[root.x + CHILD_SLANT * 2, 0], ...members.map((m) => [m.x, m.y])],
    }
  })
  const spine: LineSeriesOption = {
    type: 'line',
    silent: true,
    symbol: 'none',
    z: 1,
    lineStyle: { color: '#595959', width: 4 },
    // the arrow head points downstream
    data: [[-0.05, 0], { value: [3.1, 0], symbol: 'arrow', symbolSize: 16, symbolRotate: -90, itemStyle: { color: '#595959' } }],
  }
  const segmentSeries: ScatterSeriesOption[] = gapLabels.map((gap) => ({
    type: 'scatter',
    name: labels.gaps[gap],
    z: 3,
    itemStyle: { color: gapColors[gap], borderColor: '#fff', borderWidth: 1 },
    label: {
      show: true,
      position: 'right',
      fontSize: 11,
      color: '#262626',
      formatter: (p: { data?: unknown }) => {
        const d = p.data as { name: string; count: number }
        return `${d.name} ${d.count}`
      },
    },
    data: points
      .filter((p) => byCode.get(p.code)!.gap === gap)
      .map((p) => {
        const s = byCode.get(p.code)!
        return { value: [p.x, p.y], name: pickName(lang, s), code: s.code, count: s.enterprises, symbolSize: symbolSize(s.enterprises, maxCount) }
      }),
  }))
  const stageTitles: ScatterSeriesOption = {
    type: 'scatter',
    silent: true,
    symbolSize: 0,
    label: { show: true, formatter: '{b}', fontSize: 14, fontWeight: 'bold', color: '#8c8c8c' },
    data: stages.map((stage, s) => ({ value: [s + 0.5, maxY], name: labels.stages[stage] })),
  }
  const empty = map.segments.length === 0

  return {
    legend: { data: gapLabels.map((g) => labels.gaps[g]), top: 0 },
    grid: { left: 16, right: 96, top: 40, bottom: 16 },
    xAxis: { type: 'value', min: -0.1, max: 3.2, show: false },
    yAxis: { type: 'value', min: minY, max: maxY + 0.3, show: false },
    tooltip: {
      trigger: 'item',
      formatter: (p: unknown) => {
        const data = (p as { data?: { code?: string } }).data
        const s = data?.code ? byCode.get(data.code) : undefined
        if (!s) return ''
        const strength = s.strength === null ? '—' : s.strength.toFixed(2)
        const leaders = s.leaders.length ? `<br/>${labels.leaders}: ${s.leaders.join(', ')}` : ''
        return `<b>${pickName(lang, s)}</b><br/>${labels.enterprises}: ${s.enterprises}<br/>${labels.strength}: ${strength}<br/>${labels.gaps[s.gap]}${leaders}`
      },
    },
    series: [spine, ...bones, ...segmentSeries, stageTitles],
    graphic: empty ? [{ type: 'text', left: 'center', top: 'middle', style: { text: '—', fontSize: 14, fill: '#8c8c8c' } }] : [],
  }
}
