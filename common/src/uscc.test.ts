import { describe, expect, it } from 'vitest'
import { explainUsccError, isValidUscc, orgCodeCheckChar, USCC_ALPHABET, usccCheckChar } from './uscc.js'

// Published codes (business licences on the companies' own sites); both check characters verified by hand.
const REAL_CODES = [
  '914403001922038216', // 华为技术有限公司
  '9144030071526726XG', // 深圳市腾讯计算机系统有限公司
  '91330000733796106P', // 杭州海康威视数字技术股份有限公司
  '91110108551385082Q', // 北京小米科技有限责任公司
  '91330100799655058B',
  '91440300708461136T',
]

describe('USCC (GB 32100-2015)', () => {
  it('has the 31-character alphabet without I, O, S, V, Z', () => {
    expect(USCC_ALPHABET).toHaveLength(31)
    for (const letter of 'IOSVZ') expect(USCC_ALPHABET).not.toContain(letter)
  })

  it.each(REAL_CODES)('accepts the real code %s', (code) => {
    expect(explainUsccError(code)).toBeNull()
    expect(isValidUscc(code)).toBe(true)
    expect(usccCheckChar(code.slice(0, 17))).toBe(code[17])
    expect(orgCodeCheckChar(code.slice(8, 16))).toBe(code[16])
  })

  it('produces all 31 check characters, so 31 maps to 0', () => {
    // 31 - sum % 31 lies in 1..31: '0' can only come from 31
    const seen = new Set<string>()
    for (const a of USCC_ALPHABET) for (const b of USCC_ALPHABET) seen.add(usccCheckChar(`9133010${a}MA27U05L${b}`))
    expect(seen.size).toBe(31)
  })

  it('computes GB 11714 check characters X and 0', () => {
    const checks = new Set<string>()
    for (let i = 0; i < 200; i++) checks.add(orgCodeCheckChar(String(10_000_000 + i * 7919).slice(0, 8)))
    expect(checks).toContain('X')
    expect(checks).toContain('0')
  })

  it.each([
    ['91330000733796106', 'length'],
    ['91330000733796106PP', 'length'],
    ['', 'length'],
    ['91330000733796106O', 'charset'], // O is not in the alphabet
    ['9133000073379610ip', 'charset'], // lower case
    ['91A30000733796106P', 'charset'], // region part must be digits
    ['91330000733796106Q', 'check_char'],
    ['91330100733796106P', 'check_char'], // a changed region digit
  ] as const)('explains %s as %s', (code, error) => {
    expect(explainUsccError(code)).toBe(error)
    expect(isValidUscc(code)).toBe(false)
  })

  it('reports a broken organization code whose final check still matches', () => {
    const first16 = '9133000073379610' // organization code 73379610 + wrong check '5' (right one is 6)
    const first17 = `${first16}5`
    const code = first17 + usccCheckChar(first17)
    expect(explainUsccError(code)).toBe('org_code_check')
  })
})
