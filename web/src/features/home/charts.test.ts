import { describe, expect, it } from 'vitest'
import { districtBarOption, ecosystemColors, ecosystemPieOption } from './charts.js'

const labels = { series: '企业数', empty: '暂无数据' }

const districts = [
  { code: '330102', nameZh: '上城区', count: 5 },
  { code: '330106', nameZh: '西湖区', count: 12 },
  { code: '330108', nameZh: '滨江区', count: 12 },
  { code: '330127', nameZh: '淳安县', count: 0 },
]

const ecosystems = [
  { code: 'smart_iot', nameZh: '智能物联', nameEn: 'Smart IoT', count: 20 },
  { code: 'biomedicine', nameZh: '生物医药', nameEn: 'Biomedicine', count: 7 },
  { code: 'green_energy', nameZh: '绿色能源', nameEn: 'Green energy', count: 0 },
]

// the option is a union of object and array shapes; tests read the one shape they built
const first = <T>(value: T | T[] | undefined): T => (Array.isArray(value) ? value[0]! : value!)

describe('districtBarOption', () => {
  it('orders districts by count, largest first, ties by region code', () => {
    const option = districtBarOption(districts, labels)
    const xAxis = first(option.xAxis) as { data: string[] }
    const series = first(option.series) as { data: number[]; name: string; type: string }
    expect(xAxis.data).toEqual(['西湖区', '滨江区', '上城区', '淳安县'])
    expect(series.data).toEqual([12, 12, 5, 0])
    expect(series.type).toBe('bar')
    expect(series.name).toBe('企业数')
    expect(option.graphic).toEqual([])
  })

  it('does not reorder its input', () => {
    const copy = structuredClone(districts)
    districtBarOption(copy, labels)
    expect(copy).toEqual(districts)
  })

  it('rotates labels when many districts share the axis', () => {
    const many = Array.from({ length: 13 }, (_, i) => ({ code: `3301${String(i).padStart(2, '0')}`, nameZh: `区${i}`, count: i }))
    const xAxis = first(districtBarOption(many, labels).xAxis) as { axisLabel: { rotate: number } }
    expect(xAxis.axisLabel.rotate).toBeGreaterThan(0)
  })

  it('says there is no data instead of drawing an empty axis silently', () => {
    const option = districtBarOption([], labels)
    expect(option.graphic).toEqual([expect.objectContaining({ type: 'text', style: expect.objectContaining({ text: '暂无数据' }) })])
  })
})

describe('ecosystemPieOption', () => {
  it('names slices in the chosen language with a fixed colour per ecosystem', () => {
    const zh = first(ecosystemPieOption(ecosystems, 'zh-CN', labels).series) as {
      data: { name: string; value: number; itemStyle: { color: string } }[]
    }
    const en = first(ecosystemPieOption(ecosystems, 'en-US', labels).series) as typeof zh
    expect(zh.data.map((d) => d.name)).toEqual(['智能物联', '生物医药', '绿色能源'])
    expect(en.data.map((d) => d.name)).toEqual(['Smart IoT', 'Biomedicine', 'Green energy'])
    expect(zh.data.map((d) => d.value)).toEqual([20, 7, 0])
    expect(zh.data[0]!.itemStyle.color).toBe(ecosystemColors.smart_iot)
    expect(en.data.map((d) => d.itemStyle.color)).toEqual(zh.data.map((d) => d.itemStyle.color))
  })

  it('shows the empty text when every count is zero', () => {
    const option = ecosystemPieOption(
      ecosystems.map((e) => ({ ...e, count: 0 })),
      'zh-CN',
      labels,
    )
    expect(option.graphic).toHaveLength(1)
  })

  it('falls back to a palette colour for an unknown ecosystem', () => {
    const series = first(ecosystemPieOption([{ code: 'new_one', nameZh: '新', nameEn: 'New', count: 1 }], 'zh-CN', labels).series) as {
      data: { itemStyle: { color: string } }[]
    }
    expect(series.data[0]!.itemStyle.color).toMatch(/^#/)
  })
})
