// The monthly report (xlsx) of the city's lifecycle figures, built from the dashboard itself so the
// two never disagree.
import type { Dashboard } from '../../../../common/src/api/dashboard.js'
import { sizeClassLabels } from '../../../../common/src/api/projects.js'
import { writeXlsx } from '../../lib/spreadsheet.js'

const percent = (x: number | null) => (x === null ? '' : `${(x * 100).toFixed(1)}%`)

export function monthlyReportXlsx(d: Dashboard) {
  const title = `${d.regionName}项目全生命周期月报（截至 ${d.asOf}）`
  return writeXlsx([
    {
      name: '总览',
      title,
      columns: [{ header: '指标', width: 30 }, { header: '数值', width: 16 }, { header: '年度目标', width: 14 }, { header: '完成率', width: 12 }],
      rows: [
        ...d.sizeClasses.map((c) => [`签约项目（${sizeClassLabels[c.sizeClass]!.zh}）`, c.count, c.target, percent(c.completion)]),
        ['签约项目总投资（万元）', d.investmentYtd.value, d.investmentYtd.target, percent(d.investmentYtd.completion)],
        ['累计到资（万元）', d.arrivedYtd, '', ''],
        ['1亿以上项目中五大生态圈占比', d.ecosystemShare.count, d.ecosystemShare.base, percent(d.ecosystemShare.share)],
        ['1亿以上项目中开发区平台占比', d.platformShare.count, d.platformShare.base, percent(d.platformShare.share)],
        ['开工率（已开工 / 已签约）', d.startRate.started, d.startRate.signed, percent(d.startRate.rate)],
        ['停滞项目', d.stuck.count, '', ''],
        ['未办结问题 / 超期', d.problems.unresolved, d.problems.overdue, ''],
      ],
    },
    {
      name: '区县',
      title,
      columns: [{ header: '区县' }, { header: '1亿以上签约' }, { header: '年度目标' }, { header: '完成率' }, { header: '在库项目' }, { header: '总投资（万元）', width: 16 }, { header: '停滞项目' }],
      rows: d.districts.map((x) => [x.nameZh, x.signed1, x.target1, percent(x.completion), x.active, x.investment, x.stuck]),
    },
    {
      name: '阶段',
      title,
      columns: [{ header: '阶段' }, { header: '项目数' }, { header: '总投资（万元）', width: 16 }],
      rows: d.funnel.map((s) => [s.nameZh, s.count, s.investment]),
    },
    {
      name: '区县×阶段',
      title,
      columns: [{ header: '区县' }, ...d.funnel.map((s) => ({ header: s.nameZh }))],
      rows: d.matrix.regions.map((r) => [r.nameZh, ...d.funnel.map((s) => d.matrix.cells.find((c) => c.region === r.code && c.stage === s.stage)?.count ?? 0)]),
    },
    {
      name: '月度',
      title,
      columns: [{ header: '月份' }, { header: '签约' }, { header: '开工' }, { header: '到资（万元）', width: 16 }],
      rows: d.monthly.map((m) => [m.month, m.signed, m.started, m.arrived]),
    },
  ])
}
