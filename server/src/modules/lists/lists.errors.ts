import { defineErrors } from '../../http/app-error.js'

export const listErrors = defineErrors({
  ENTRY_NOT_FOUND: { status: 404, message: '清单条目不存在', messageEn: 'List entry not found' },
  CHAIN_NOT_FOUND: { status: 400, message: '产业链不存在', messageEn: 'Unknown chain' },
  SEGMENT_NOT_IN_CHAIN: { status: 400, message: '环节不属于该产业链', messageEn: 'The segment does not belong to the chain' },
  REGION_NOT_FOUND: { status: 400, message: '区域不是本市或本市的区县', messageEn: 'The region is neither the city nor one of its districts' },
  ENTERPRISE_NOT_FOUND: { status: 400, message: '企业不存在或已合并', messageEn: 'The enterprise does not exist or was merged' },
  OWNER_NOT_FOUND: { status: 400, message: '负责人不是本区域的用户', messageEn: 'The owner is not a user of this region' },
  STALE_VERSION: { status: 409, message: '该条目已被他人修改，请刷新后重试', messageEn: 'The entry was changed by someone else; reload and retry' },
  DUPLICATE_TARGET: { status: 409, message: '该企业已在本区域的目标客商清单中', messageEn: 'This enterprise is already on the region’s target list' },
  IMPORT_INVALID: { status: 400, message: '导入文件有误，未导入任何行', messageEn: 'The file has errors; no row was imported' },
  IMPORT_UNREADABLE: { status: 400, message: '无法读取该文件（需要 xlsx 或 csv）', messageEn: 'The file cannot be read (xlsx or csv expected)' },
  NO_LEADERS: { status: 409, message: '该区域该产业链没有链主企业，无法计算关键配套', messageEn: 'The region has no chain leaders in this chain' },
})
