import { defineErrors } from '../../http/app-error.js'

export const projectErrors = defineErrors({
  PROJECT_NOT_FOUND: { status: 404, message: '项目不存在', messageEn: 'Project not found' },
  STALE_VERSION: { status: 409, message: '该项目已被他人修改，请刷新后重试', messageEn: 'The project was changed by someone else; reload and retry' },
  STAGE_REQUIREMENTS_MISSING: { status: 422, message: '进入该阶段前还缺少以下内容', messageEn: 'The project lacks what this stage requires' },
  UNKNOWN_STAGE: { status: 400, message: '阶段不存在', messageEn: 'Unknown stage' },
  SAME_STAGE: { status: 409, message: '项目已处于该阶段', messageEn: 'The project is already in this stage' },
  REASON_REQUIRED: { status: 400, message: '退回前一阶段须填写原因', messageEn: 'Moving back needs a reason' },
  REGION_NOT_FOUND: { status: 400, message: '区域不是本市的区县', messageEn: 'The region is not a district of this city' },
  CHAIN_NOT_FOUND: { status: 400, message: '产业链不存在', messageEn: 'Unknown chain' },
  SEGMENT_NOT_IN_CHAIN: { status: 400, message: '环节不属于该产业链', messageEn: 'The segment does not belong to the chain' },
  PLATFORM_NOT_IN_REGION: { status: 400, message: '产业平台不在该区县', messageEn: 'The platform is not in this district' },
  ENTERPRISE_NOT_FOUND: { status: 400, message: '企业不存在或已合并', messageEn: 'The enterprise does not exist or was merged' },
  CHECKLIST_ITEM_NOT_FOUND: { status: 404, message: '该里程碑事项不在阶段设置中', messageEn: 'No such checklist item in the stage settings' },
  NOT_SIGNED: { status: 409, message: '项目签约后才能登记到资', messageEn: 'Arrived investment can be recorded only after signing' },
  FIRST_TALK_HELD_ELSEWHERE: { status: 409, message: '该企业的首谈权属于其他区县', messageEn: 'Another district holds the first-talk right for this enterprise' },
  SETTINGS_STALE: { status: 409, message: '设置已被他人修改，请刷新后重试', messageEn: 'The settings changed meanwhile; reload and retry' },
  STAGE_IN_USE: { status: 409, message: '仍有项目处于要删除的阶段', messageEn: 'Projects are still in a stage the new list removes' },
  NORM_STAGE_UNKNOWN: { status: 400, message: '督办规范引用了不存在的阶段', messageEn: 'A norm names a stage the list does not have' },
  VIEW_NOT_FOUND: { status: 404, message: '保存的视图不存在', messageEn: 'Saved view not found' },
  FUTURE_DATE: { status: 400, message: '日期不能晚于今天', messageEn: 'The date may not lie in the future' },
})
