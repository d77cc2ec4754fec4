import { defineErrors } from '../../http/app-error.js'

export const supervisionErrors = defineErrors({
  PROJECT_NOT_FOUND: { status: 404, message: '项目不存在', messageEn: 'Project not found' },
  PROBLEM_NOT_FOUND: { status: 404, message: '问题不存在', messageEn: 'Problem not found' },
  DEPARTMENT_NOT_FOUND: { status: 400, message: '部门不存在', messageEn: 'Unknown department' },
  DEADLINE_PAST: { status: 400, message: '办理期限不能早于今天', messageEn: 'The deadline may not lie before today' },
  STALE_VERSION: { status: 409, message: '该问题已被他人修改，请刷新后重试', messageEn: 'The problem was changed by someone else; reload and retry' },
  MONTH_IN_FUTURE: { status: 400, message: '该月份尚未开始', messageEn: 'That month has not begun' },
  INVALID_PROBLEM_ACTION: { status: 409, message: '问题当前状态不允许该操作', messageEn: 'The problem’s status does not allow this action' },
})
