import { defineErrors } from '../../http/app-error.js'

export const targetingErrors = defineErrors({
  REGION_NOT_FOUND: { status: 400, message: '区域须为本市或本市区县', messageEn: 'Region must be the city or one of its districts' },
  CHAIN_NOT_FOUND: { status: 404, message: '产业链不存在', messageEn: 'Chain not found' },
  ENTERPRISE_NOT_FOUND: { status: 404, message: '企业不存在', messageEn: 'Enterprise not found' },
  NOT_A_CANDIDATE: { status: 409, message: '该企业不是此区域与产业链的候选企业', messageEn: 'The enterprise is not a candidate for this region and chain' },
  WEIGHTS_STALE: { status: 409, message: '权重已被他人修改，请刷新后重试', messageEn: 'The weights were changed by someone else; reload and retry' },
})
