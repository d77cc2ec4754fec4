import { GraphChart } from 'echarts/charts'
import { LegendComponent, TooltipComponent } from 'echarts/components'
import * as echarts from 'echarts/core'
import { CanvasRenderer } from 'echarts/renderers'
import { useEffect, useRef } from 'react'
import type { GraphChartOption } from '../graph-option.js'

echarts.use([GraphChart, TooltipComponent, LegendComponent, CanvasRenderer])

/** A force-layout graph; clicking a node reports its id. */
export function RelationGraph({ option, ariaLabel, onNodeClick, height = 520 }: { option: GraphChartOption; ariaLabel: string; onNodeClick?: (id: string) => void; height?: number }) {
  const ref = useRef<HTMLDivElement>(null)
  const chartRef = useRef<echarts.ECharts | null>(null)
  const clickRef = useRef(onNodeClick)
  clickRef.current = onNodeClick

  useEffect(() => {
    const element = ref.current
    if (!element) return
    const chart = echarts.init(element, undefined, { renderer: 'canvas' })
    chartRef.current = chart
    chart.on('click', (params) => {
      const data = params.data as { id?: string } | undefined
      if (params.dataType === 'node' && data?.id) clickRef.current?.(data.id)
    })
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

  return <div ref={ref} role="img" aria-label={ariaLabel} data-testid="relation-graph" style={{ width: '100%', height }} />
}
