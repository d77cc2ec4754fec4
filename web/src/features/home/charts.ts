// ECharts options for the home page, as pure functions of the summary so they are tested without a DOM.
import type { BarSeriesOption, PieSeriesOption } from 'echarts/charts'
import type {
  GraphicComponentOption,
  GridComponentOption,
  TooltipComponentOption,
} from 'echarts/components'
import type { ComposeOption } from 'echarts/core'
import type { HomeSummary } from '../../../../common/src/api/home.js'
import { pickName, type Lang } from '../../lib/translate.js'

export type HomeChartOption = ComposeOption<
  BarSeriesOption | PieSeriesOption | GridComponentOption | TooltipComponentOption | GraphicComponentOption
>

type DistrictRow = HomeSummary['enterprisesByDistrict'][number]
type EcosystemRow = HomeSummary['enterprisesByEcosystem'][number]

export interface ChartLabels {
  /** Series name shown in the tooltip, e.g. 企业数. */
  series: string
  /** Text drawn in place of the chart when there is nothing to count. */
  empty: string
}

// One fixed colour per ecosystem, so a colour means the same thing in every language and scope.
export const ecosystemColors: Record<string, string> = {
  smart_iot: '#1677ff',
  biomedicine: '#52c41a',
  high_end_equipment: '#fa8c16',
  new_materials: '#722ed1',
  green_energy: '#13c2c2',
}
const fallbackColors = ['#eb2f96', '#faad14', '#2f54eb', '#a0d911', '#fa541c']

function emptyGraphic(text: string): GraphicComponentOption {
  return {
    type: 'text',
    left: 'center',
    top: 'middle',
    style: { text, fontSize: 14, fill: '#8c8c8c' },
  }
}

/** Districts by number of local enterprises, largest first (ties by region code, so the order is stable). */
export function districtBarOption(rows: readonly DistrictRow[], labels: ChartLabels): HomeChartOption {
  const sorted = [...rows].sort((a, b) => b.count - a.count || a.code.localeCompare(b.code))
  const empty = sorted.every((r) => r.count === 0)
  return {
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    grid: { left: 8, right: 16, top: 24, bottom: 8, containLabel: true },
    xAxis: {
      type: 'category',
      data: sorted.map((r) => r.nameZh),
      axisLabel: { interval: 0, rotate: sorted.length > 8 ? 35 : 0 },
      axisTick: { alignWithLabel: true },
    },
    yAxis: { type: 'value', minInterval: 1 },
    series: [
      {
        type: 'bar',
        name: labels.series,
        data: sorted.map((r) => r.count),
        barMaxWidth: 36,
        itemStyle: { color: '#1677ff', borderRadius: [4, 4, 0, 0] },
        label: { show: !empty && sorted.length <= 16, position: 'top' },
      },
    ],
    graphic: empty ? [emptyGraphic(labels.empty)] : [],
  }
}

/** Share of enterprises per ecosystem (by the chain segment that is each firm's main one). */
export function ecosystemPieOption(rows: readonly EcosystemRow[], lang: Lang, labels: ChartLabels): HomeChartOption {
  const empty = rows.every((r) => r.count === 0)
  return {
    // slices carry their names, so no legend: it would repeat them and crowd long English names
    tooltip: { trigger: 'item', formatter: '{b}: {c} ({d}%)' },
    series: [
      {
        type: 'pie',
        name: labels.series,
        radius: ['36%', '60%'],
        center: ['50%', '50%'],
        avoidLabelOverlap: true,
        label: { show: !empty, formatter: '{b}\n{c}', width: 96, overflow: 'break' },
        data: rows.map((r, i) => ({
          name: pickName(lang, r),
          value: r.count,
          itemStyle: { color: ecosystemColors[r.code] ?? fallbackColors[i % fallbackColors.length] },
        })),
      },
    ],
    graphic: empty ? [emptyGraphic(labels.empty)] : [],
  }
}
