// Excel exports of the three lists, with Chinese headers and Chinese status words.
import type { ChainLeader, KeySupplier, Target } from '../../../../common/src/api/lists.js'
import { writeXlsx } from '../../lib/spreadsheet.js'
import { priorityLabelsZh, statusLabelsZh } from './lists.rules.js'

const leaderStatusZh = { proposed: '待确认', confirmed: '已确认', rejected: '已否决' } as const
const supplierStatusZh = { open: '待引进', approaching: '接洽中', introduced: '已引进', dismissed: '不引进' } as const
const sourceZh = { manual: '手工录入', import: '导入', discovery: '目标发现', key_supplier: '关键配套' } as const
const percent = (x: number | null | undefined) => (x === null || x === undefined ? '' : `${(x * 100).toFixed(1)}%`)
const day = (iso: string | null) => (iso ? iso.slice(0, 10) : '')

export function chainLeadersXlsx(rows: ChainLeader[]) {
  return writeXlsx([
    {
      name: '链主企业清单',
      columns: [
        { header: '产业链' },
        { header: '企业名称', width: 36 },
        { header: '所在区县' },
        { header: '状态' },
        { header: '得分' },
        { header: '营收（万元）' },
        { header: '链内营收排名' },
        { header: '本地供应商数' },
        { header: '本地客户数' },
        { header: '标签' },
        { header: '备注', width: 30 },
        { header: '决定人' },
        { header: '决定时间' },
      ],
      rows: rows.map((r) => [
        r.chainName,
        r.enterpriseName,
        r.regionName,
        leaderStatusZh[r.status],
        r.score,
        r.criteria.revenue ?? null,
        r.criteria.revenueRank ?? null,
        r.criteria.localSuppliers ?? null,
        r.criteria.localCustomers ?? null,
        (r.criteria.tags ?? []).join('、'),
        r.note ?? '',
        r.decidedBy ?? '',
        day(r.decidedAt),
      ]),
    },
  ])
}

export function keySuppliersXlsx(rows: KeySupplier[]) {
  return writeXlsx([
    {
      name: '关键配套清单',
      columns: [
        { header: '区域' },
        { header: '产业链' },
        { header: '环节', width: 24 },
        { header: '配套企业', width: 36 },
        { header: '配套企业所在地' },
        { header: '依赖度（成本占比合计）' },
        { header: '依赖它的链主企业', width: 50 },
        { header: '状态' },
        { header: '备注', width: 30 },
        { header: '已消失' },
      ],
      rows: rows.map((r) => [
        r.regionName,
        r.chainName,
        r.segmentName ?? '',
        r.supplierName,
        r.supplierRegionName,
        percent(r.dependence),
        r.dependents.map((d) => `${d.enterpriseName ?? d.enterpriseId}（${percent(d.shareOfBuyerCost) || '占比未知'}）`).join('；'),
        supplierStatusZh[r.status],
        r.note ?? '',
        r.vanished ? '是' : '',
      ]),
    },
  ])
}

export function targetsXlsx(rows: Target[]) {
  return writeXlsx([
    {
      name: '目标客商清单',
      columns: [
        { header: '区域' },
        { header: '企业名称', width: 36 },
        { header: '统一社会信用代码', width: 22, text: true },
        { header: '产业链' },
        { header: '环节', width: 24 },
        { header: '优先级' },
        { header: '状态' },
        { header: '负责人' },
        { header: '下一步', width: 30 },
        { header: '下一步截止日期' },
        { header: '列入理由', width: 40 },
        { header: '备注', width: 30 },
        { header: '来源' },
        { header: '更新时间' },
      ],
      rows: rows.map((r) => [
        r.regionName,
        r.enterpriseName,
        r.uscc,
        r.chainName ?? '',
        r.segmentName ?? '',
        priorityLabelsZh[r.priority],
        statusLabelsZh[r.status],
        r.ownerName,
        r.nextStep ?? '',
        r.nextStepDue ?? '',
        r.reason,
        r.notes ?? '',
        sourceZh[r.source],
        day(r.updatedAt),
      ]),
    },
  ])
}
