import { AppError, defineErrors } from '../../http/app-error.js'

export const registryErrors = defineErrors({
  REPORT_NOT_FOUND: { status: 404, message: '首报记录不存在', messageEn: 'Report not found' },
  RIGHT_NOT_FOUND: { status: 404, message: '首谈资格不存在', messageEn: 'First-talk right not found' },
  LEAD_NOT_FOUND: { status: 400, message: '线索不存在或不属于本区域', messageEn: 'The lead does not exist or is not your region’s' },
  LEAD_CLOSED: { status: 409, message: '线索已关闭（无效、放弃或已签约），不能首报', messageEn: 'The lead is closed (invalid, dropped or signed) and cannot be reported' },
  REPORT_CONFLICT: {
    status: 409,
    message: '该企业（或同一集团、相近字号的企业）已有有效首报或首谈资格，本次首报未登记',
    messageEn: 'This firm (or its group, or a firm with a similar trade name) already has an active report or first-talk right; the report was not registered',
  },
  FIRST_TALK_HELD_ELSEWHERE: { status: 409, message: '该企业的首谈资格由其他区县持有', messageEn: 'Another district holds the first-talk right for this firm' },
  REPORT_DECIDED: { status: 409, message: '该首报已处理，不能再次处理', messageEn: 'The report has already been decided' },
  RIGHT_NOT_ACTIVE: { status: 409, message: '该首谈资格已不在有效期内', messageEn: 'The first-talk right is no longer active' },
  STALE_VERSION: { status: 409, message: '记录已被他人修改，请刷新后重试', messageEn: 'The record was changed by someone else; reload and retry' },
  REGION_NOT_FOUND: { status: 400, message: '区域不是本市的区县', messageEn: 'The region is not a district of this city' },
  SAME_REGION: { status: 400, message: '改派的区县与首报区县相同', messageEn: 'The redirect district is the reporting district' },
})

/** The zh/en message naming the holder district and the expiry (and nothing else of its record). */
export function heldElsewhereError(holderName: string, expiresAt: Date, action: string) {
  const day = expiresAt.toISOString().slice(0, 10)
  const message = `该企业（或其集团）的首谈资格由${holderName}持有，有效期至 ${day}；其他区县不能为其新建${actionZh[action] ?? action}`
  const messageEn = `${holderName} holds the first-talk right for this firm (or its group) until ${day}; no other district may open a ${actionEn[action] ?? action} for it`
  return new AppError('FIRST_TALK_HELD_ELSEWHERE', { status: 409, message, messageEn }, [{ path: 'enterpriseId', message, messageEn }])
}

const actionZh: Record<string, string> = { lead: '线索', report: '首报', negotiation: '洽谈记录', project: '项目' }
const actionEn: Record<string, string> = { lead: 'lead', report: 'report', negotiation: 'negotiation record', project: 'project' }
