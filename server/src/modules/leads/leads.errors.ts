import { defineErrors } from '../../http/app-error.js'

export const leadErrors = defineErrors({
  LEAD_NOT_FOUND: { status: 404, message: '线索不存在', messageEn: 'Lead not found' },
  ENTERPRISE_NOT_FOUND: { status: 400, message: '企业不存在或已合并', messageEn: 'The enterprise does not exist or was merged' },
  TARGET_NOT_FOUND: { status: 400, message: '目标客商条目不存在或不属于本区域', messageEn: 'The target entry does not exist or is not your region’s' },
  REGION_NOT_FOUND: { status: 400, message: '区域不是本市或本市的区县', messageEn: 'The region is neither the city nor one of its districts' },
  CHAIN_NOT_FOUND: { status: 400, message: '产业链不存在', messageEn: 'Unknown chain' },
  SEGMENT_NOT_IN_CHAIN: { status: 400, message: '环节不属于该产业链', messageEn: 'The segment does not belong to the chain' },
  DUPLICATE_LEAD: {
    status: 409,
    message: '疑似重复：已有相同企业、同一集团或字号相近企业的线索或首谈资格；确认后可继续登记',
    messageEn: 'Suspected duplicate: a lead or first-talk right exists for the same firm, its group or a similar trade name; confirm to register anyway',
  },
  LEAD_CLOSED: { status: 409, message: '线索已关闭，不能再登记服务节点', messageEn: 'The lead is closed; no further steps' },
  OUTCOME_REQUIRED: { status: 400, message: '研判须给出结论（有效 / 无效）', messageEn: 'An evaluation needs an outcome (valid / invalid)' },
  STALE_VERSION: { status: 409, message: '线索已被他人修改，请刷新后重试', messageEn: 'The lead was changed by someone else; reload and retry' },
  IMPORT_INVALID: { status: 400, message: '导入文件有误，未导入任何行', messageEn: 'The file has errors; no row was imported' },
})
