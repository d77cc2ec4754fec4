import { defineErrors } from '../../http/app-error.js'

export const enterpriseErrors = defineErrors({
  ENTERPRISE_NOT_FOUND: { status: 404, message: '企业不存在', messageEn: 'Enterprise not found' },
  USCC_INVALID: { status: 400, message: '统一社会信用代码不正确', messageEn: 'The unified social credit code is invalid' },
  USCC_TAKEN: { status: 409, message: '该统一社会信用代码的企业已存在', messageEn: 'An enterprise with this USCC already exists' },
  DUPLICATE_SUSPECTED: {
    status: 409,
    message: '疑似重复企业：请核对列出的企业，确认不是同一家后再提交',
    messageEn: 'Suspected duplicate: check the listed firms and confirm this is a different one',
  },
  REFERENCE_NOT_FOUND: { status: 400, message: '引用的数据不存在', messageEn: 'A referenced record does not exist' },
  SEGMENTS_INVALID: { status: 400, message: '产业链环节设置有误', messageEn: 'The chain segments are invalid' },
  GROUP_CYCLE: { status: 409, message: '上级企业设置会形成循环', messageEn: 'This parent would make the group tree a cycle' },
  STALE_VERSION: {
    status: 409,
    message: '该企业已被他人修改，请刷新后重试',
    messageEn: 'Someone else changed this enterprise; reload and try again',
  },
  ENTERPRISE_MERGED: { status: 409, message: '该企业已被合并，不能再修改', messageEn: 'This enterprise was merged and can no longer change' },
  MERGE_INVALID: { status: 409, message: '不能执行该合并', messageEn: 'This merge is not possible' },
  RELATION_NOT_FOUND: { status: 404, message: '企业关系不存在', messageEn: 'Relation not found' },
  RELATION_INVALID: { status: 400, message: '企业关系数据有误', messageEn: 'The relation has invalid fields' },
  RELATION_EXISTS: { status: 409, message: '相同的企业关系已存在', messageEn: 'This relation already exists' },
})
