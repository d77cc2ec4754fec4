import { defineErrors } from '../../http/app-error.js'

export const talkErrors = defineErrors({
  TALK_NOT_FOUND: { status: 404, message: '市级主谈项目不存在', messageEn: 'City-led talk not found' },
  TASK_NOT_FOUND: { status: 404, message: '任务不存在', messageEn: 'Task not found' },
  DECISION_NOT_FOUND: { status: 404, message: '会议决定事项不存在', messageEn: 'Meeting decision not found' },
  ENTERPRISE_NOT_FOUND: { status: 400, message: '企业不存在', messageEn: 'The enterprise does not exist' },
  UNIT_NOT_MEMBER: { status: 400, message: '责任单位不是专项组成员', messageEn: 'The responsible unit is not a member of the project group' },
  REGION_NOT_FOUND: { status: 400, message: '区域不是本市区县', messageEn: 'The region is not a district of this city' },
  TALK_CLOSED: { status: 409, message: '该主谈项目已关闭', messageEn: 'The talk is closed' },
  STALE_VERSION: { status: 409, message: '记录已被他人修改，请刷新后重试', messageEn: 'The record was changed by someone else; reload and retry' },
})
