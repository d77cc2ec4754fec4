import { BarChart, FunnelChart, LineChart, PieChart } from 'echarts/charts'
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components'
import * as echarts from 'echarts/core'
import type { EChartsCoreOption } from 'echarts/core'
import { CanvasRenderer } from 'echarts/renderers'
import { useEffect, useRef } from 'react'

// The dashboard's charts: every data point is clickable and names the drill-down it leads to.
echarts.use([BarChart, LineChart, FunnelChart, PieChart, GridComponent, LegendComponent, TooltipComponent, CanvasRenderer])

export interface DrillChartProps {
  option: EChartsCoreOption
  height?: number
  ariaLabel: string
  /** called with the clicked series index and data index */
  onPick?: (seriesIndex: number, dataIndex: number) => void
}

export function DrillChart({ option, height = 300, ariaLabel, onPick }: DrillChartProps) {
  const ref = useRef<HTMLDivElement>(null)
  const chartRef = useRef<echarts.ECharts | null>(null)
  const pickRef = useRef(onPick)
  pickRef.current = onPick

  useEffect(() => {
    const element = ref.current
    if (!element) return
    const chart = echarts.init(element, undefined, { renderer: 'canvas' })
    chartRef.current = chart
    chart.on('click', (params) => pickRef.current?.(params.seriesIndex ?? 0, params.dataIndex))
    const observer = new ResizeObserver(() => chart.resize())
    observer.observe(element)
    return () => {
      observer.disconnect()
      chart.dispose()
      chartRef.current = null
    }
  }, [])

  useEffect(() => {
    chartRef.current?.setOption(option, { notMerge: true })
  }, [option])

  return <div ref={ref} role="img" aria-label={ariaLabel} style={{ width: '100%', height, cursor: onPick ? 'pointer' : undefined }} />
}
