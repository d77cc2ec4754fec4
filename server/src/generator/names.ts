// Chinese enterprise names, business scopes and addresses for generated firms.
// A registered name is 行政区划 + 字号 + 行业 + 组织形式 (企业名称登记管理规定); the same firm may be
// written "杭州云启科技有限公司" or "云启科技（杭州）有限公司", so matching must go by 字号 (trade name).
import type { ChainSegment } from '../../../common/src/reference.js'
import type { Random } from './random.js'

// Characters that recur in real trade names. 国/中 are left out: names with 中国/中华/国家 need
// State Council approval, and a generator that produced them would look wrong to the bureau.
const NATIVE_CHARS =
  '华天海恒泰鑫盛达宏源新科创智联信通安康博伟辰宸晟睿思远航星辉光明德诚嘉和合汇聚力兴隆昌旺丰富荣耀瑞祥福吉益' +
  '金玉宝石峰山川江河湖云雷电风阳晨曦蓝青绿紫朗宇宙乾坤元正方极致精微纳芯核磁量维度格锐捷迅驰腾飞跃翔鹏鸿雁鹰龙' +
  '凤麟松柏竹梅兰桐禾浩瀚涌潮澜泓润泽清洁纯美优卓越凯胜冠首先领启臻迈拓锦图知行道本初心意晓悦欣怡乐恩惠慧敏颖杰' +
  '俊豪雄威毅坚强健立仁礼文书景煜炜烨灿炬焱森林杭钱之江越吴禹舜尧唐宋明清汉秦弘毅奇妙灵犀璞琢瑜璟琨珑珏瑾璐' +
  '远景望朔途径程东南西北和谐泰康永久长乐安平顺利达畅广博众同心创共赢'
// Transliteration-style characters, common in tech and foreign-invested firm names (迪克斯, 赛诺菲 ...).
const FOREIGN_CHARS = '迪克斯普特尔奥欧莱诺贝赛拉维伦菲艾伊索帕莫塔卡亚德威格兰罗曼芬森汉施泰博朗蒂雅丽娜思铂利'

// Famous trade names the generator must not reproduce by chance.
const RESERVED_TRADE_NAMES = new Set([
  '华为', '海康', '大华', '阿里', '腾讯', '小米', '吉利', '网易', '宁德', '中芯', '京东', '百度', '美的', '格力',
  '海尔', '联想', '中兴', '长城', '万科', '恒大', '万达', '华润', '招商', '平安', '恒生', '士兰', '杭氧', '杭钢',
  '正泰', '德力西', '传化', '荣盛', '恒逸', '新凤', '娃哈哈', '西湖', '钱江', '之江', '浙大', '国家', '中华',
])

const uniqueChars = (text: string): string[] => [...new Set([...text])]
export const TRADE_NAME_CHARS: readonly string[] = uniqueChars(NATIVE_CHARS)
export const FOREIGN_TRADE_NAME_CHARS: readonly string[] = uniqueChars(FOREIGN_CHARS)

// Organization forms (组织形式), longest first so that a suffix match finds the right one.
export const ORGANIZATION_FORMS = ['合伙企业（有限合伙）', '集团有限公司', '股份有限公司', '有限责任公司', '有限公司'] as const
export type OrganizationForm = (typeof ORGANIZATION_FORMS)[number]

// Industry words (行业表述) by GB/T 4754 division (first two digits of the class code).
const WORDS_BY_DIVISION: Record<string, readonly string[]> = {
  '01': ['农业科技', '生态农业'], '05': ['农业科技'], '13': ['食品', '生物科技'], '14': ['食品', '生物科技'],
  '15': ['饮品', '食品'], '17': ['纺织', '纺织科技'], '18': ['服饰'], '22': ['纸业', '包装'], '23': ['印务'],
  '25': ['能源', '石化'], '26': ['化工', '新材料', '化学'], '27': ['生物医药', '医药', '药业', '制药'],
  '28': ['化纤', '新材料'], '29': ['新材料', '高分子材料', '塑业'], '30': ['新材料', '陶瓷', '玻璃'],
  '31': ['特钢', '金属材料'], '32': ['新材料', '合金', '金属材料'], '33': ['精密制造', '金属制品'],
  '34': ['精密机械', '机械', '智能装备', '机电'], '35': ['智能装备', '装备', '机械设备', '自动化'],
  '36': ['汽车零部件', '汽车部件', '汽车电子', '汽车'], '37': ['航空科技', '航空', '船舶'],
  '38': ['电气', '新能源', '能源科技', '电机'], '39': ['电子', '电子科技', '光电', '通信技术', '智能科技'],
  '40': ['仪器', '仪表', '测控技术'], '44': ['新能源', '能源', '电力'], '45': ['能源', '燃气'],
  '51': ['贸易', '供应链'], '52': ['商贸'], '54': ['物流'], '59': ['物流', '供应链'],
  '63': ['通信技术', '网络科技'], '64': ['网络科技', '信息科技'], '65': ['科技', '信息技术', '软件', '数字技术', '数据科技'],
  '67': ['创业投资', '股权投资'], '72': ['投资管理', '企业管理', '咨询'], '73': ['科技', '生物科技'],
  '74': ['检测', '技术服务', '工程技术'], '75': ['科技', '技术服务'], '83': ['教育科技'], '84': ['医疗科技', '健康科技'],
}

// More specific words where the class or the segment name says more than the division does.
const WORDS_BY_CLASS: Record<string, readonly string[]> = {
  '3971': ['电子元件', '电子'], '3972': ['半导体', '微电子', '集成电路'], '3973': ['半导体', '微电子', '集成电路'],
  '3974': ['光电', '显示科技'], '3975': ['半导体', '光电'], '3976': ['光电', '光电子'], '3979': ['电子'],
  '3581': ['医疗器械', '医疗科技'], '3582': ['医疗器械', '口腔医疗'], '3583': ['医疗器械'], '3584': ['医疗器械', '康复科技'],
  '3585': ['医疗器械'], '3586': ['医疗器械', '医用材料'], '3589': ['医疗器械', '医疗科技'],
  '3825': ['光伏', '新能源'], '3841': ['电池', '新能源', '锂电'], '3842': ['电池', '新能源'], '3849': ['电池', '储能科技'],
  '3491': ['机器人', '智能装备'], '3492': ['机器人', '智能装备'], '3612': ['新能源汽车', '汽车'], '3670': ['汽车零部件', '汽车部件'],
  '3741': ['航空科技', '无人机'], '3744': ['无人机', '航空科技'],
}

const WORDS_BY_SEGMENT_TEXT: ReadonlyArray<readonly [RegExp, readonly string[]]> = [
  [/芯片|集成电路|半导体|晶圆|封装/, ['半导体', '微电子', '集成电路']],
  [/机器人/, ['机器人', '智能装备']],
  [/无人机|低空|飞行|航空|eVTOL/i, ['航空科技', '无人机', '通用航空']],
  [/传感/, ['传感技术', '电子科技']],
  [/电池|储能/, ['电池', '储能科技', '新能源']],
  [/光伏|太阳能/, ['光伏', '新能源']],
  [/氢/, ['氢能', '新能源']],
  [/医疗器械|影像设备|体外诊断/, ['医疗器械', '医疗科技']],
  [/药|抗体|疫苗|CXO|CRO/i, ['生物医药', '医药', '药业']],
  [/合成生物|生物制造|酶/, ['生物科技', '合成生物']],
  [/人工智能|算法|大模型|算力|类脑/, ['智能科技', '人工智能', '信息技术']],
  [/视觉|安防|摄像|图像/, ['视觉科技', '智能科技', '数字技术']],
  [/软件|云|数据|平台/, ['信息技术', '数据科技', '软件', '网络科技']],
  [/汽车|整车|电驱|电控/, ['汽车零部件', '汽车电子', '汽车']],
  [/材料|膜|纤维|涂料/, ['新材料', '材料科技']],
  [/装备|机床|设备/, ['智能装备', '精密机械', '装备']],
]

export const FUND_INDUSTRY_WORDS = ['创业投资', '股权投资', '产业投资', '股权投资基金'] as const
export const FUND_MANAGER_WORDS = ['投资管理', '资本管理', '私募基金管理'] as const

/** Every industry word the generator may use, longest first (for parsing generated names back). */
export const INDUSTRY_WORDS: readonly string[] = [
  ...new Set([
    ...Object.values(WORDS_BY_DIVISION).flat(),
    ...Object.values(WORDS_BY_CLASS).flat(),
    ...WORDS_BY_SEGMENT_TEXT.flatMap(([, words]) => words),
    ...FUND_INDUSTRY_WORDS,
    ...FUND_MANAGER_WORDS,
    '科技',
  ]),
].sort((a, b) => b.length - a.length)

/** Industry words that fit a segment and the firm's industry class. */
export function industryWordsFor(segment: Pick<ChainSegment, 'nameZh'> | null, industryCode: string): readonly string[] {
  const words: string[] = []
  if (segment) for (const [pattern, list] of WORDS_BY_SEGMENT_TEXT) if (pattern.test(segment.nameZh)) words.push(...list)
  words.push(...(WORDS_BY_CLASS[industryCode] ?? []))
  if (words.length === 0) words.push(...(WORDS_BY_DIVISION[industryCode.slice(0, 2)] ?? ['科技']))
  return words
}

const ADMIN_UNIT_NAMES = new Set(['市辖区', '县', '省直辖县级行政区划', '自治区直辖县级行政区划'])
const ETHNIC_SUFFIX =
  /(蒙古|回|藏|维吾尔|苗|彝|壮|布依|朝鲜|满|侗|瑶|白|土家|哈尼|哈萨克|傣|黎|傈僳|佤|畲|拉祜|水|东乡|纳西|景颇|柯尔克孜|土|达斡尔|仫佬|羌|布朗|撒拉|毛南|仡佬|锡伯|阿昌|普米|塔吉克|怒|鄂温克|德昂|保安|裕固|京|独龙|鄂伦春|各)族$/

/**
 * The word a firm name uses for a region: 杭州市 → 杭州, 浙江省 → 浙江, 广西壮族自治区 → 广西,
 * 延边朝鲜族自治州 → 延边, 浦东新区 → 浦东. Returns null for placeholder units (市辖区).
 */
export function regionShortName(name: string): string | null {
  if (ADMIN_UNIT_NAMES.has(name)) return null
  let short = name.replace(/(特别行政区|自治区|自治州|自治县|自治旗)$/, '')
  if (short !== name) {
    while (ETHNIC_SUFFIX.test(short)) short = short.replace(ETHNIC_SUFFIX, '')
    return short.length >= 2 ? short : name
  }
  for (const suffix of ['新区', '林区', '地区', '省', '市', '区', '县', '盟', '旗']) {
    if (name.endsWith(suffix) && name.length - suffix.length >= 2) return name.slice(0, -suffix.length)
  }
  return name
}

/** Remembers which trade names are taken, as 32-bit hashes in an open-addressing table (no strings kept). */
export class TradeNameRegistry {
  private slots: Uint32Array
  private used = 0

  constructor(expected: number) {
    let size = 1024
    while (size < expected * 2) size *= 2
    this.slots = new Uint32Array(size)
  }

  /** Claims the name; false when it (or, rarely, a name with the same hash) is already taken. */
  claim(name: string): boolean {
    const hash = fnv1a(name)
    if (!this.insert(hash)) return false
    this.used++
    if (this.used * 2 > this.slots.length) this.grow()
    return true
  }

  private insert(hash: number): boolean {
    const mask = this.slots.length - 1
    for (let i = hash & mask; ; i = (i + 1) & mask) {
      const slot = this.slots[i]!
      if (slot === 0) {
        this.slots[i] = hash
        return true
      }
      if (slot === hash) return false
    }
  }

  private grow(): void {
    const old = this.slots
    this.slots = new Uint32Array(old.length * 2)
    for (const hash of old) if (hash !== 0) this.insert(hash)
  }
}

function fnv1a(text: string): number {
  let h = 0x811c9dc5
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193)
  return h >>> 0 || 1 // 0 marks an empty slot
}

export type TradeNameStyle = 'native' | 'foreign'

/** A new trade name of 2-4 characters, unique in the registry: retry, then lengthen, then add a digit suffix. */
export function newTradeName(random: Random, registry: TradeNameRegistry, style: TradeNameStyle = 'native'): string {
  const pool = style === 'foreign' ? FOREIGN_TRADE_NAME_CHARS : TRADE_NAME_CHARS
  const r = random.float()
  let length = style === 'foreign' ? 3 : r < 0.62 ? 2 : r < 0.9 ? 3 : 4
  for (; length <= 4; length++) {
    for (let attempt = 0; attempt < 4; attempt++) {
      const name = tradeNameOf(random, pool, length)
      if (!RESERVED_TRADE_NAMES.has(name) && registry.claim(name)) return name
    }
  }
  // practically unreachable (~10^10 four-character names), but never loop forever
  for (let suffix = 1; ; suffix++) {
    const name = tradeNameOf(random, pool, 3) + suffix
    if (registry.claim(name)) return name
  }
}

function tradeNameOf(random: Random, pool: readonly string[], length: number): string {
  let name = random.pick(pool)
  while (name.length < length) {
    const next = random.pick(pool)
    if (next !== name[name.length - 1]) name += next // 华华 looks like a typo, not a brand
  }
  return name
}

export type NameOrder = 'region_first' | 'region_in_brackets'

export interface NameParts {
  regionWord: string
  tradeName: string
  industryWord: string
  form: OrganizationForm
  order: NameOrder
}

export function composeName(parts: NameParts): string {
  const { regionWord, tradeName, industryWord, form, order } = parts
  return order === 'region_first' ? `${regionWord}${tradeName}${industryWord}${form}` : `${tradeName}${industryWord}（${regionWord}）${form}`
}

/** 杭州云启科技有限公司 + 萧山 → 杭州云启科技有限公司萧山分公司 */
export function branchName(parentName: string, regionWord: string): string {
  return `${parentName}${regionWord}分公司`
}

export interface GeneratedName {
  name: string
  tradeName: string
}

export interface NameRequest {
  /** Region words of the firm's seat: county 萧山 (county-level places only), city 杭州, province 浙江. */
  regionWords: { county: string | null; city: string | null; province: string | null }
  industryWords: readonly string[]
  form: OrganizationForm
  foreign: boolean
}

/** A full registered name for a new firm (not a branch), with its trade name claimed in the registry. */
export function enterpriseName(random: Random, registry: TradeNameRegistry, request: NameRequest): GeneratedName & NameParts {
  const { county, city, province } = request.regionWords
  const tradeName = newTradeName(random, registry, request.foreign && random.chance(0.6) ? 'foreign' : 'native')
  const industryWord = random.pick(request.industryWords)
  // foreign-invested firms mostly put the place in brackets, often as （中国）for the China holding
  const bracketShare = request.foreign ? 0.8 : request.form === '合伙企业（有限合伙）' ? 0.05 : 0.22
  const order: NameOrder = random.chance(bracketShare) ? 'region_in_brackets' : 'region_first'
  const cityWord = city ?? province ?? '杭州'
  let regionWord: string
  if (order === 'region_in_brackets') regionWord = request.foreign && random.chance(0.3) ? '中国' : cityWord
  else {
    const r = random.float()
    regionWord = county && r < 0.12 ? county : province && r > 0.86 ? province : cityWord
  }
  const parts: NameParts = { regionWord, tradeName, industryWord, form: request.form, order }
  return { ...parts, name: composeName(parts) }
}

const SCOPE_COMMON = [
  '技术服务、技术开发、技术咨询、技术交流、技术转让、技术推广',
  '货物进出口',
  '技术进出口',
  '软件开发',
  '信息系统集成服务',
  '工程和技术研究和试验发展',
  '机械设备租赁',
  '非居住房地产租赁',
  '知识产权服务（专利代理服务除外）',
]

/** A 经营范围 in the registration format, built around the segment's keywords. */
export function businessScope(random: Random, keywords: readonly string[], fund: boolean): string {
  if (fund) {
    return '一般项目：股权投资；创业投资（限投资未上市企业）；以私募基金从事股权投资、投资管理、资产管理等活动（须在中国证券投资基金业协会完成登记备案后方可从事经营活动）（除依法须经批准的项目外，凭营业执照依法自主开展经营活动）。'
  }
  const own = random.shuffle([...keywords]).slice(0, Math.min(keywords.length, random.int(1, 3)))
  const items = own.map((k, i) => (i === 0 ? `${k}的研发、制造、销售` : `${k}销售`))
  const extra = random.shuffle([...SCOPE_COMMON]).slice(0, random.int(1, 4))
  return `一般项目：${[...items, ...extra].join('；')}（除依法须经批准的项目外，凭营业执照依法自主开展经营活动）。`
}

const ROAD_STEMS = ['江南', '滨安', '建设', '人民', '科技', '创新', '文一西', '学院', '金城', '市心', '东湖', '青山', '长江', '湖滨', '环城', '新华', '解放', '中山', '振华', '育才', '兴业', '工业', '永安', '春晓', '望江', '凤起', '丰潭', '天目山', '秋溢', '聚才']
const ROAD_KINDS = ['路', '路', '路', '大道', '街']

/** A plausible street address inside the firm's district: 浙江省杭州市滨江区江南大道3888号5幢1203室. */
export function streetAddress(random: Random, regionPath: string): string {
  const road = random.pick(ROAD_STEMS) + random.pick(ROAD_KINDS)
  const number = random.chance(0.3) ? random.int(1000, 4999) : random.int(1, 999)
  const unit = random.chance(0.55) ? `${random.int(1, 12)}幢${random.int(1, 23)}${String(random.int(1, 30)).padStart(2, '0')}室` : ''
  return `${regionPath}${road}${number}号${unit}`
}
