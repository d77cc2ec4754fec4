import { BarChart, PieChart } from 'echarts/charts'
import { GraphicComponent, GridComponent, TooltipComponent } from 'echarts/components'
import * as echarts from 'echarts/core'
import type { EChartsCoreOption } from 'echarts/core'
import { CanvasRenderer } from 'echarts/renderers'
import { useEffect, useRef, type CSSProperties } from 'react'

// Only the chart types we draw are registered, so the home chunk does not carry all of echarts.
echarts.use([BarChart, PieChart, GridComponent, TooltipComponent, GraphicComponent, CanvasRenderer])

export interface EChartProps {
  option: EChartsCoreOption
  height?: number
  /** Accessible name of the chart (the canvas itself says nothing to a screen reader). */
  ariaLabel: string
  style?: CSSProperties
}

export function EChart({ option, height = 320, ariaLabel, style }: EChartProps) {
  const ref = useRef<HTMLDivElement>(null)
  const chartRef = useRef<echarts.ECharts | null>(null)

  useEffect(() => {
    const element = ref.current
    if (!element) return
    const chart = echarts.init(element, undefined, { renderer: 'canvas' })
    chartRef.current = chart
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

  return <div ref={ref} role="img" aria-label={ariaLabel} style={{ width: '100%', height, ...style }} />
}
