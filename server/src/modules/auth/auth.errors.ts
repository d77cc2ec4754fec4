import { defineErrors } from '../../http/app-error.js'

export const authErrors = defineErrors({
  INVALID_CREDENTIALS: { status: 401, message: '用户名或密码错误', messageEn: 'Wrong username or password' },
  ACCOUNT_LOCKED: {
    status: 423,
    message: '密码连续错误次数过多，账号已临时锁定，请 15 分钟后再试或联系管理员',
    messageEn: 'Too many failed attempts; the account is locked for 15 minutes or until an administrator unlocks it',
  },
  ACCOUNT_DISABLED: { status: 403, message: '账号已停用，请联系管理员', messageEn: 'This account is disabled' },
  LOGIN_RATE_LIMITED: {
    status: 429,
    message: '登录尝试过于频繁，请稍后再试',
    messageEn: 'Too many sign-in attempts, try again later',
  },
  WRONG_CURRENT_PASSWORD: { status: 400, message: '当前密码不正确', messageEn: 'The current password is wrong' },
})
