// 统一社会信用代码 (unified social credit code), GB 32100-2015. Shared by server and browser: no Node imports.
//
// Layout (18 characters):
//   1      registration authority (9 = 工商/市场监管)
//   2      entity type (1 = 企业)
//   3-8    registering authority's region code (GB/T 2260, 6 digits)
//   9-17   organization code (GB 11714: 8 body characters + its own check character)
//   18     check character over characters 1-17

/** The 31 characters a USCC may use: digits and capitals without I, O, S, V, Z. */
export const USCC_ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY'

const USCC_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28] as const
const ORG_WEIGHTS = [3, 7, 9, 10, 5, 8, 4, 2] as const

export type UsccError = 'length' | 'charset' | 'check_char' | 'org_code_check'

const usccValue = (char: string): number => USCC_ALPHABET.indexOf(char)

/** The 18th character for the first 17 characters (which must already be in the alphabet). */
export function usccCheckChar(first17: string): string {
  if (first17.length !== 17) throw new Error('usccCheckChar needs exactly 17 characters')
  let sum = 0
  for (let i = 0; i < 17; i++) {
    const value = usccValue(first17[i]!)
    if (value < 0) throw new Error(`invalid USCC character '${first17[i]}'`)
    sum += value * USCC_WEIGHTS[i]!
  }
  const check = 31 - (sum % 31)
  return USCC_ALPHABET[check === 31 ? 0 : check]!
}

// GB 11714 values: digits as themselves, letters A-Z as 10-35 (the full Latin alphabet, not the USCC one).
const orgValue = (char: string): number => {
  const code = char.charCodeAt(0)
  if (code >= 48 && code <= 57) return code - 48
  if (code >= 65 && code <= 90) return code - 55
  return -1
}

/** The 9th character of a GB 11714 organization code for its first 8 characters. */
export function orgCodeCheckChar(first8: string): string {
  if (first8.length !== 8) throw new Error('orgCodeCheckChar needs exactly 8 characters')
  let sum = 0
  for (let i = 0; i < 8; i++) {
    const value = orgValue(first8[i]!)
    if (value < 0) throw new Error(`invalid organization code character '${first8[i]}'`)
    sum += value * ORG_WEIGHTS[i]!
  }
  const check = 11 - (sum % 11)
  return check === 10 ? 'X' : check === 11 ? '0' : String(check)
}

/** Why a string is not a valid USCC, or null when it is. Checks run from coarse to fine. */
export function explainUsccError(code: string): UsccError | null {
  if (code.length !== 18) return 'length'
  for (const char of code) if (usccValue(char) < 0) return 'charset'
  if (!/^\d{6}$/.test(code.slice(2, 8))) return 'charset'
  // a typo anywhere breaks the final check, so report that first; the org check narrows it down
  if (usccCheckChar(code.slice(0, 17)) !== code[17]) return 'check_char'
  if (orgCodeCheckChar(code.slice(8, 16)) !== code[16]) return 'org_code_check'
  return null
}

export function isValidUscc(code: string): boolean {
  return explainUsccError(code) === null
}
