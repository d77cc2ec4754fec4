import { describe, expect, it } from 'vitest'
import {
  branchName,
  enterpriseName,
  INDUSTRY_WORDS as GENERATOR_INDUSTRY_WORDS,
  ORGANIZATION_FORMS as GENERATOR_FORMS,
  regionShortName,
  TradeNameRegistry,
} from '../../generator/names.js'
import { Random } from '../../generator/random.js'
import { loadRegions } from '../reference/index.js'
import {
  INDUSTRY_WORDS,
  isRegionWord,
  normalizeEnterpriseName,
  normalizeTradeName,
  ORGANIZATION_FORMS,
  parseEnterpriseName,
  pinyinInitials,
  regionWordsOf,
  sameTradeName,
  TRADE_NAME_MATCH_THRESHOLD,
  tradeNameKey,
  tradeNameSimilarity,
  trigrams,
  trigramSimilarity,
  type ParsedEnterpriseName,
} from './enterprise-name.rules.js'

type Expected = Partial<ParsedEnterpriseName>

const firm = (region: string | null, tradeName: string, industry: string | null, form: string | null, order: ParsedEnterpriseName['order']): Expected => ({
  region,
  tradeName,
  industry,
  form,
  order,
  branch: null,
})

describe('parseEnterpriseName', () => {
  const cases: Array<[string, string, Expected]> = [
    // both orders
    ['region first', '杭州海康威视数字技术股份有限公司', firm('杭州', '海康威视', '数字技术', '股份有限公司', 'region_first')],
    ['region in brackets', '海康威视数字技术（杭州）有限公司', firm('杭州', '海康威视', '数字技术', '有限公司', 'region_in_brackets')],
    ['half-width brackets', '海康威视数字技术(杭州)有限公司', firm('杭州', '海康威视', '数字技术', '有限公司', 'region_in_brackets')],
    ['spaces and padding', '  杭州 云启 科技 有限公司 ', firm('杭州', '云启', '科技', '有限公司', 'region_first')],
    ['full region names', '浙江省杭州市云启科技有限公司', firm('浙江省杭州市', '云启', '科技', '有限公司', 'region_first')],
    ['province + city', '浙江杭州云启科技有限公司', firm('浙江杭州', '云启', '科技', '有限公司', 'region_first')],
    ['city + district', '杭州市萧山区云启科技有限公司', firm('杭州市萧山区', '云启', '科技', '有限公司', 'region_first')],
    ['county-level region', '萧山云启智能装备有限责任公司', firm('萧山', '云启', '智能装备', '有限责任公司', 'region_first')],
    ['province only', '浙江吉利控股集团有限公司', firm('浙江', '吉利', '控股', '集团有限公司', 'region_first')],
    ['autonomous region', '内蒙古伊利实业集团股份有限公司', firm('内蒙古', '伊利', '实业', '集团股份有限公司', 'region_first')],
    ['autonomous region, short form', '新疆金风科技股份有限公司', firm('新疆', '金风', '科技', '股份有限公司', 'region_first')],
    ['autonomous prefecture', '延边云启科技有限公司', firm('延边', '云启', '科技', '有限公司', 'region_first')],
    ['city with 市', '深圳市腾讯计算机系统有限公司', firm('深圳市', '腾讯', '计算机系统', '有限公司', 'region_first')],
    ['no industry word', '杭州娃哈哈集团有限公司', firm('杭州', '娃哈哈', null, '集团有限公司', 'region_first')],
    ['longest industry word', '杭州士兰微电子股份有限公司', firm('杭州', '士兰', '微电子', '股份有限公司', 'region_first')],
    ['stacked industry words', '杭州云启新能源科技有限公司', firm('杭州', '云启', '新能源科技', '有限公司', 'region_first')],
    ['industry word leaves two characters', '杭州华新能源有限公司', firm('杭州', '华新', '能源', '有限公司', 'region_first')],
    ['industry next to the region', '宁德时代新能源科技股份有限公司', firm('宁德', '时代', '新能源科技', '股份有限公司', 'region_first')],
    ['集团股份有限公司', '安徽江淮汽车集团股份有限公司', firm('安徽', '江淮', '汽车', '集团股份有限公司', 'region_first')],
    // partnerships and other forms
    ['limited partnership', '杭州云启创业投资合伙企业（有限合伙）', firm('杭州', '云启', '创业投资', '合伙企业（有限合伙）', 'region_first')],
    ['fund partnership', '杭州云启股权投资基金合伙企业（有限合伙）', firm('杭州', '云启', '股权投资基金', '合伙企业（有限合伙）', 'region_first')],
    ['中心（有限合伙）', '杭州云启投资管理中心（有限合伙）', firm('杭州', '云启', '投资管理', '中心（有限合伙）', 'region_first')],
    ['partnership with half-width brackets', '杭州云启创业投资合伙企业(有限合伙)', firm('杭州', '云启', '创业投资', '合伙企业（有限合伙）', 'region_first')],
    ['factory', '杭州云启机械厂', firm('杭州', '云启', '机械', '厂', 'region_first')],
    ['（集团）有限公司', '杭州云启（集团）有限公司', firm('杭州', '云启', null, '（集团）有限公司', 'region_first')],
    ['有限责任公司', '小米科技有限责任公司', firm(null, '小米', '科技', '有限责任公司', 'no_region')],
    // without a region, or with 中国 in brackets
    ['no region', '华为技术有限公司', firm(null, '华为', '技术', '有限公司', 'no_region')],
    ['no region, no industry', '比亚迪股份有限公司', firm(null, '比亚迪', null, '股份有限公司', 'no_region')],
    ['（中国）', '阿里巴巴（中国）有限公司', firm('中国', '阿里巴巴', null, '有限公司', 'region_in_brackets')],
    ['bracket before the industry', '阿里巴巴（中国）网络技术有限公司', firm('中国', '阿里巴巴', '网络技术', '有限公司', 'region_in_brackets')],
    ['foreign-style trade name', '西门子（中国）有限公司', firm('中国', '西门子', null, '有限公司', 'region_in_brackets')],
    ['latin trade name', 'ABB（中国）有限公司', firm('中国', 'ABB', null, '有限公司', 'region_in_brackets')],
    ['full-width latin', 'ＡＢＢ（中国）有限公司', firm('中国', 'ABB', null, '有限公司', 'region_in_brackets')],
    ['foreign investment holding', '三星（中国）投资有限公司', firm('中国', '三星', '投资', '有限公司', 'region_in_brackets')],
    ['city in brackets', '中芯国际集成电路制造（上海）有限公司', firm('上海', '中芯国际', '集成电路制造', '有限公司', 'region_in_brackets')],
    ['non-place bracket stays in the name', '云启（集团）控股有限公司', firm(null, '云启（集团）', '控股', '有限公司', 'no_region')],
    // trade names that look like places
    ['trade name is a place, no region', '安康科技有限公司', firm(null, '安康', '科技', '有限公司', 'no_region')],
    ['trade name is a place, after a region', '杭州安康科技有限公司', firm('杭州', '安康', '科技', '有限公司', 'region_first')],
    ['place + industry word only', '宝山钢铁股份有限公司', firm(null, '宝山', '钢铁', '股份有限公司', 'no_region')],
    ['place-like start outside the region', '杭州长兴华科技有限公司', firm('杭州', '长兴华', '科技', '有限公司', 'region_first')],
    ['place-like start, one character left', '杭州富阳华科技有限公司', firm('杭州', '富阳华', '科技', '有限公司', 'region_first')],
    ['place-like trade name in brackets order', '长兴华科技（杭州）有限公司', firm('杭州', '长兴华', '科技', '有限公司', 'region_in_brackets')],
    ['nested place must leave the industry whole', '重庆合川湖数字技术有限公司', firm('重庆', '合川湖', '数字技术', '有限公司', 'region_first')],
    ['nested place needs the industry to survive', '海南东方泓装备集团有限公司', firm('海南', '东方泓', '装备', '集团有限公司', 'region_first')],
    // degenerate input
    ['bare trade name', '海康威视', firm(null, '海康威视', null, null, 'no_region')],
    ['region and form only', '杭州有限公司', firm(null, '杭州', null, '有限公司', 'no_region')],
    ['empty', '   ', firm(null, '', null, null, 'no_region')],
  ]

  it.each(cases)('%s: %s', (_label, name, expected) => {
    expect(parseEnterpriseName(name)).toMatchObject(expected)
  })

  const branches: Array<[string, string, Expected]> = [
    [
      'district branch, no head-office region',
      '云启科技有限公司萧山分公司',
      { region: null, tradeName: '云启', industry: '科技', form: '有限公司', order: 'no_region', branch: { parentName: '云启科技有限公司', branchRegion: '萧山' } },
    ],
    [
      'branch in another city',
      '杭州云启科技有限公司上海分公司',
      { region: '杭州', tradeName: '云启', industry: '科技', form: '有限公司', order: 'region_first', branch: { parentName: '杭州云启科技有限公司', branchRegion: '上海' } },
    ],
    [
      'branch of a bracket-order firm',
      '海康威视数字技术（杭州）有限公司滨江分公司',
      { region: '杭州', tradeName: '海康威视', order: 'region_in_brackets', branch: { parentName: '海康威视数字技术（杭州）有限公司', branchRegion: '滨江' } },
    ],
    [
      'city + district branch',
      '杭州云启科技有限公司杭州滨江分公司',
      { tradeName: '云启', branch: { parentName: '杭州云启科技有限公司', branchRegion: '杭州滨江' } },
    ],
    ['numbered branch', '杭州云启科技有限公司第一分公司', { tradeName: '云启', branch: { parentName: '杭州云启科技有限公司', branchRegion: null } }],
    [
      'branch place that ends like a form (大厂)',
      '杭州云启科技有限公司大厂分公司',
      { tradeName: '云启', form: '有限公司', branch: { parentName: '杭州云启科技有限公司', branchRegion: '大厂' } },
    ],
    [
      'branch of a partnership',
      '杭州云启创业投资合伙企业（有限合伙）上海分公司',
      { tradeName: '云启', form: '合伙企业（有限合伙）', branch: { parentName: '杭州云启创业投资合伙企业（有限合伙）', branchRegion: '上海' } },
    ],
    ['bank branch', '中国工商银行股份有限公司杭州分行', { form: '股份有限公司', branch: { parentName: '中国工商银行股份有限公司', branchRegion: '杭州' } }],
    ['branch factory', '杭州云启机械厂萧山分厂', { tradeName: '云启', form: '厂', branch: { parentName: '杭州云启机械厂', branchRegion: '萧山' } }],
    ['branch without a head-office form', '海康威视萧山分公司', { tradeName: '海康威视', form: null, branch: { parentName: '海康威视', branchRegion: '萧山' } }],
  ]

  it.each(branches)('branch: %s: %s', (_label, name, expected) => {
    expect(parseEnterpriseName(name)).toMatchObject(expected)
  })

  it('gives a branch and its head office the same trade name key', () => {
    expect(tradeNameKey('杭州云启科技有限公司萧山分公司')).toBe(tradeNameKey('云启科技（杭州）有限公司'))
    expect(tradeNameKey('ＡＢＢ（中国）有限公司')).toBe('abb')
  })
})

describe('regions', () => {
  it.each([
    ['杭州市', ['杭州市', '杭州']],
    ['浙江省', ['浙江省', '浙江']],
    ['萧山区', ['萧山区', '萧山']],
    ['浦东新区', ['浦东新区', '浦东']],
    ['六枝特区', ['六枝特区', '六枝', '六枝特']],
    ['金林区', ['金林区', '金林']],
    ['广西壮族自治区', ['广西壮族自治区', '广西壮族', '广西']],
    ['新疆维吾尔自治区', ['新疆维吾尔自治区', '新疆维吾尔', '新疆']],
    ['景宁畲族自治县', ['景宁畲族自治县', '景宁畲族', '景宁']],
    ['香港特别行政区', ['香港特别行政区', '香港']],
    ['城区', ['城区']], // a 1-character stem is no place word
    ['市辖区', []],
  ])('%s → %j', (unit, words) => {
    expect(regionWordsOf(unit)).toEqual(words)
  })

  it('knows every place word the generator writes', () => {
    const missing = loadRegions()
      .map((r) => regionShortName(r.nameZh))
      .filter((w): w is string => w !== null && !isRegionWord(w))
    expect(missing).toEqual([])
    expect(['中国', '杭州', '杭州市', '滨江', '余杭', '上海', '香港'].every(isRegionWord)).toBe(true)
    expect(isRegionWord('海康')).toBe(false)
  })
})

describe('vocabularies', () => {
  it('cover the generator’s industry words and organization forms', () => {
    expect(GENERATOR_INDUSTRY_WORDS.filter((w) => !INDUSTRY_WORDS.includes(w))).toEqual([])
    expect(GENERATOR_FORMS.filter((f) => !ORGANIZATION_FORMS.includes(f))).toEqual([])
  })

  it('are sorted longest first', () => {
    for (const list of [INDUSTRY_WORDS, ORGANIZATION_FORMS]) {
      expect(list.every((w, i) => i === 0 || list[i - 1]!.length >= w.length)).toBe(true)
    }
  })
})

describe('generated names', () => {
  // The generator's name functions with places drawn from all of China (harder than the
  // dataset, which puts a third of its firms in Hangzhou) and any industry word for any firm.
  function generatedNames(count: number, seed: string): Array<{ name: string; tradeName: string }> {
    const regions = loadRegions()
    const byCode = new Map(regions.map((r) => [r.code, r]))
    const districts = regions.filter((r) => r.level === 'district' && !/^(71|81|82)/.test(r.code))
    const random = new Random(seed)
    const registry = new TradeNameRegistry(count)
    const heads: Array<{ name: string; tradeName: string }> = []
    const out: Array<{ name: string; tradeName: string }> = []
    while (out.length < count) {
      const district = random.pick(districts)
      const city = byCode.get(district.parentCode!)!
      const province = byCode.get(city.parentCode!)!
      const provinceWord = regionShortName(province.nameZh)
      if (heads.length >= 20 && random.chance(0.15)) {
        const head = random.pick(heads)
        out.push({ name: branchName(head.name, regionShortName(district.nameZh) ?? district.nameZh), tradeName: head.tradeName })
        continue
      }
      const generated = enterpriseName(random, registry, {
        regionWords: {
          county: /[县市旗]$/.test(district.nameZh) ? regionShortName(district.nameZh) : null,
          city: regionShortName(city.nameZh) ?? provinceWord,
          province: provinceWord,
        },
        industryWords: [random.pick(GENERATOR_INDUSTRY_WORDS)],
        form: random.pick(GENERATOR_FORMS),
        foreign: random.chance(0.15),
      })
      heads.push(generated)
      out.push(generated)
    }
    return out
  }

  it('recovers the generated trade name from at least 99% of 2,000 names, both orders and branches', () => {
    const names = generatedNames(2000, 'enterprise-name-rules')
    const wrong = names.filter((n) => parseEnterpriseName(n.name).tradeName !== n.tradeName)
    const rate = 1 - wrong.length / names.length
    expect(rate, wrong.map((n) => `${n.name} → ${n.tradeName}`).join('\n')).toBeGreaterThanOrEqual(0.99)
    // the sample must exercise every shape
    const orders = new Set(names.map((n) => parseEnterpriseName(n.name).order))
    expect(orders).toEqual(new Set(['region_first', 'region_in_brackets']))
    expect(names.filter((n) => n.name.endsWith('分公司')).length).toBeGreaterThan(200)
    expect(names.filter((n) => n.name.includes('（中国）')).length).toBeGreaterThan(10)
  })
})

describe('normalizeTradeName', () => {
  it.each([
    ['海康威视', '海康威视'],
    ['ＡＢＢ', 'abb'],
    ['ABB', 'abb'],
    [' 海康·威视 ', '海康威视'],
    ['3M', '3m'],
    ['３Ｍ', '3m'],
    ['Hik-Vision', 'hikvision'],
    ['云启（集团）', '云启集团'],
  ])('%s → %s', (input, expected) => {
    expect(normalizeTradeName(input)).toBe(expected)
  })
})

describe('normalizeEnterpriseName', () => {
  it.each([
    ['海康威视(杭州)有限公司', '海康威视（杭州）有限公司'],
    [' 杭州 云启\u3000科技 ', '杭州云启科技'],
    ['Tesla  Motors（上海）', 'Tesla Motors（上海）'],
    ['ＡＢＢ（中国）', 'ABB（中国）'],
  ])('%s → %s', (input, expected) => {
    expect(normalizeEnterpriseName(input)).toBe(expected)
  })
})

describe('pinyinInitials', () => {
  it.each([
    ['海康威视', 'hkws'],
    ['阿里巴巴', 'albb'],
    ['重庆长安', 'cqca'], // polyphones read in context
    ['ABB中国', 'abbzg'],
    ['３Ｍ', '3m'],
    ['云启（集团）', 'yqjt'],
    ['', ''],
  ])('%s → %s', (input, expected) => {
    expect(pinyinInitials(input)).toBe(expected)
  })
})

describe('trigram similarity (mirrors pg_trgm)', () => {
  it('builds pg_trgm trigrams: two spaces before each word, one after', () => {
    expect([...trigrams('ab c')].sort()).toEqual(['  a', '  c', ' ab', ' c ', 'ab '])
    expect(trigrams('海康威视')).toEqual(new Set(['  海', ' 海康', '海康威', '康威视', '威视 ']))
    expect(trigrams('').size).toBe(0)
  })

  // Values checked against similarity() of pg_trgm on PGlite (UTF-8, C.UTF-8 ctype).
  it.each([
    ['海康威视', '海康威视', 1],
    ['海康威视', '海康', 1 / 3],
    ['海康威视', '海康卫视', 0.25],
    ['华天科', '华天宇', 1 / 3],
    ['海康', '海尔', 0.2],
    ['海康', '安康', 0],
    ['海康', '海康威', 0.4],
    ['海康威', '海康威视', 0.5],
    ['海康威视', '海康威视达', 4 / 7],
    ['海康威视', '威视海康', 0],
    ['hikvision', 'hikvison', 7 / 12],
    ['ABB', 'abb', 1],
    ['西门子', '西门子中国', 3 / 7],
    ['a b', 'b a', 1],
    ['abc def', 'abc', 0.5],
    ['', 'x', 0],
  ])('similarity(%s, %s) = %f', (a, b, expected) => {
    expect(trigramSimilarity(a, b)).toBeCloseTo(expected, 6)
    expect(trigramSimilarity(b, a)).toBeCloseTo(expected, 6)
  })

  it('compares trade names after normalization', () => {
    expect(tradeNameSimilarity('ＡＢＢ', 'abb')).toBe(1)
    expect(tradeNameSimilarity('Hik-Vision', 'hikvision')).toBe(1)
    expect(tradeNameSimilarity('海康威视', '海康')).toBeCloseTo(1 / 3, 6)
  })

  it.each([
    ['海康威视', '海康威视', true],
    ['ＡＢＢ', 'abb', true],
    ['海康威视', '海康威视达', true], // 4/7
    ['海康威', '海康威视', true], // exactly the threshold
    ['海康', '海康威', false], // 0.4: every 3-character name would match its 2-character prefix
    ['华天科', '华天宇', false], // 1/3: different firms that pg_trgm's default 0.3 would join
    ['海康威视', '海康卫视', false],
    ['海康', '海尔', false],
    ['', '', false],
  ])('sameTradeName(%s, %s) = %s', (a, b, expected) => {
    expect(sameTradeName(a, b)).toBe(expected)
  })

  it('takes a threshold', () => {
    expect(TRADE_NAME_MATCH_THRESHOLD).toBe(0.5)
    expect(sameTradeName('海康', '海康威', 0.4)).toBe(true)
  })
})
