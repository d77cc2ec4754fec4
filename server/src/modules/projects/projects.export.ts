// Excel export of any project list, with Chinese headers and the city's stage names.
import type { Project, StageDef } from '../../../../common/src/api/projects.js'
import { projectTypeLabels, sizeClassLabels } from '../../../../common/src/api/projects.js'
import { writeXlsx } from '../../lib/spreadsheet.js'

export function projectsXlsx(rows: Project[], stages: readonly StageDef[]) {
  const stageName = new Map(stages.map((s) => [s.code, s.nameZh]))
  return writeXlsx([
    {
      name: '项目清单',
      columns: [
        { header: '项目名称', width: 36 },
        { header: '投资方', width: 30 },
        { header: '类型' },
        { header: '区县' },
        { header: '产业平台', width: 24 },
        { header: '产业链' },
        { header: '阶段' },
        { header: '进入阶段日期' },
        { header: '总投资（万元）' },
        { header: '固定资产投资（万元）' },
        { header: '外资（万美元）' },
        { header: '规模' },
        { header: '用地（亩）' },
        { header: '预计年产值（万元）' },
        { header: '预计年税收（万元）' },
        { header: '预计就业' },
        { header: '签约日期' },
        { header: '开工日期' },
        { header: '累计到资（万元）' },
        { header: '违反首报首谈' },
        { header: '责任人', width: 24 },
      ],
      rows: rows.map((p) => [
        p.name,
        p.investorName,
        projectTypeLabels[p.type].zh,
        p.regionName,
        p.platformName ?? '',
        p.chainName ?? '',
        stageName.get(p.stage) ?? p.stage,
        p.stageEnteredOn,
        p.totalInvestment,
        p.fixedAssetInvestment,
        p.foreignCapitalUsd,
        sizeClassLabels[p.sizeClass]?.zh ?? '',
        p.landMu,
        p.expectedOutput,
        p.expectedTax,
        p.expectedJobs,
        p.signedOn ?? '',
        p.startedOn ?? '',
        p.arrivedInvestment,
        p.violatesFirstTalk ? '是' : '否',
        p.responsible.map((r) => (r.role ? `${r.name}（${r.role}）` : r.name)).join('、'),
      ]),
    },
  ])
}
