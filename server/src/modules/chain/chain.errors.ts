import { defineErrors } from '../../http/app-error.js'

export const chainErrors = defineErrors({
  CHAIN_NOT_FOUND: { status: 404, message: '产业链不存在', messageEn: 'Chain not found' },
  SEGMENT_NOT_FOUND: { status: 404, message: '环节不存在', messageEn: 'Segment not found' },
  VERSION_NOT_FOUND: { status: 404, message: '该版本不存在', messageEn: 'Version not found' },
  CHAIN_CODE_TAKEN: { status: 409, message: '产业链编码已被使用', messageEn: 'This chain code is taken' },
  SEGMENT_CODE_TAKEN: { status: 409, message: '环节编码已被使用', messageEn: 'This segment code is taken' },
  ECOSYSTEM_NOT_FOUND: { status: 400, message: '产业生态圈不存在', messageEn: 'Unknown ecosystem' },
  INVALID_PARENT: { status: 400, message: '上级环节无效（不属于本链或形成循环）', messageEn: 'Invalid parent segment (other chain or a cycle)' },
  UNKNOWN_INDUSTRY_CODE: { status: 400, message: '行业代码不在国民经济行业分类中', messageEn: 'Industry code is not a GB/T 4754-2017 class' },
  SEGMENT_HAS_CHILDREN: { status: 409, message: '该环节下还有子环节，请先移走或删除', messageEn: 'The segment has child segments; move or delete them first' },
  SEGMENT_HAS_ENTERPRISES: { status: 409, message: '该环节下还有企业，请指定迁移目标环节', messageEn: 'Enterprises sit in this segment; name a segment to move them to' },
  INVALID_MOVE_TARGET: { status: 400, message: '迁移目标环节无效', messageEn: 'Invalid target segment' },
  NOTHING_TO_PUBLISH: { status: 409, message: '自上次发布以来没有修改', messageEn: 'Nothing changed since the last published version' },
  INVALID_REGION: { status: 400, message: '区域须为本市或本市区县', messageEn: 'Region must be the city or one of its districts' },
  INVALID_DISTRICT: { status: 400, message: '区县不属于本市', messageEn: 'The district is not in this city' },
  INVALID_PLATFORM: { status: 400, message: '平台不存在或不属于该区县', messageEn: 'The platform does not exist or is not in this district' },
  LAYOUT_ENTRY_NOT_FOUND: { status: 404, message: '布局导引条目不存在', messageEn: 'Layout guide entry not found' },
  LAYOUT_YEAR_NOT_EMPTY: { status: 409, message: '目标年度已有布局导引，不能覆盖', messageEn: 'The target year already has entries' },
  LAYOUT_YEAR_EMPTY: { status: 404, message: '源年度没有布局导引', messageEn: 'The source year has no entries' },
})
