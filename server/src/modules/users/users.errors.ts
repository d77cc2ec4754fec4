import { defineErrors } from '../../http/app-error.js'

export const userErrors = defineErrors({
  USER_NOT_FOUND: { status: 404, message: '用户不存在', messageEn: 'User not found' },
  USERNAME_TAKEN: { status: 409, message: '用户名已被使用', messageEn: 'This username is taken' },
  SCOPE_ROLE_MISMATCH: {
    status: 400,
    message: '该角色不能使用这种管辖范围',
    messageEn: 'This role cannot have this kind of scope',
  },
  SCOPE_NOT_FOUND: { status: 400, message: '管辖范围不存在或不属于本市', messageEn: 'The scope does not exist in this city' },
  CANNOT_DISABLE_SELF: { status: 409, message: '不能停用或降级自己的账号', messageEn: 'You cannot disable or demote yourself' },
})
