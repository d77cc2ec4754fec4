import type { Department } from '../../../../../common/src/reference.js'

// Units that review projects with the bureau (seed 003: joint reviews of relocation and policy,
// land and energy quotas, funds) and the two reviewer bodies of 研判 (expert panel, fund).
export const departments: Department[] = [
  { code: 'invest_bureau', nameZh: '市投资促进局', nameEn: 'Investment Promotion Bureau' },
  { code: 'development_reform', nameZh: '市发展和改革委员会', nameEn: 'Development and Reform Commission' },
  { code: 'finance', nameZh: '市财政局', nameEn: 'Finance Bureau' },
  { code: 'audit', nameZh: '市审计局', nameEn: 'Audit Bureau' },
  { code: 'natural_resources', nameZh: '市规划和自然资源局', nameEn: 'Planning and Natural Resources Bureau' },
  { code: 'economy_it', nameZh: '市经济和信息化局', nameEn: 'Economy and Information Technology Bureau' },
  { code: 'sasac', nameZh: '市国有资产监督管理委员会', nameEn: 'State-owned Assets Supervision and Administration Commission' },
  { code: 'commerce', nameZh: '市商务局', nameEn: 'Commerce Bureau' },
  { code: 'market_regulation', nameZh: '市市场监督管理局', nameEn: 'Market Regulation Bureau' },
  { code: 'ecology_environment', nameZh: '市生态环境局', nameEn: 'Ecology and Environment Bureau' },
  { code: 'science_technology', nameZh: '市科学技术局', nameEn: 'Science and Technology Bureau' },
  { code: 'human_resources', nameZh: '市人力资源和社会保障局', nameEn: 'Human Resources and Social Security Bureau' },
  { code: 'expert_panel', nameZh: '专家智库', nameEn: 'Expert panel' },
  { code: 'hangzhou_capital', nameZh: '杭州资本（产业基金）', nameEn: 'Hangzhou Capital (industrial funds)' },
]
