// Seeded randomness for the data generator. sfc32: small, fast, good statistical quality, and
// identical on every platform because it only uses 32-bit integer arithmetic.

/** 128 bits from a string (cyrb128), used to seed streams from a label path. */
export function hash128(text: string): [number, number, number, number] {
  let h1 = 1779033703
  let h2 = 3144134277
  let h3 = 1013904242
  let h4 = 2773480762
  for (let i = 0; i < text.length; i++) {
    const k = text.charCodeAt(i)
    h1 = h2 ^ Math.imul(h1 ^ k, 597399067)
    h2 = h3 ^ Math.imul(h2 ^ k, 2869860233)
    h3 = h4 ^ Math.imul(h3 ^ k, 951274213)
    h4 = h1 ^ Math.imul(h4 ^ k, 2716044179)
  }
  h1 = Math.imul(h3 ^ (h1 >>> 18), 597399067)
  h2 = Math.imul(h4 ^ (h2 >>> 22), 2869860233)
  h3 = Math.imul(h1 ^ (h3 >>> 17), 951274213)
  h4 = Math.imul(h2 ^ (h4 >>> 19), 2716044179)
  h1 ^= h2 ^ h3 ^ h4
  h2 ^= h1
  h3 ^= h1
  h4 ^= h1
  return [h1 >>> 0, h2 >>> 0, h3 >>> 0, h4 >>> 0]
}

/** murmur3 finalizer: a stateless 32-bit mix, for values derived from an index. */
export function mix32(value: number): number {
  let h = value | 0
  h ^= h >>> 16
  h = Math.imul(h, 0x85ebca6b)
  h ^= h >>> 13
  h = Math.imul(h, 0xc2b2ae35)
  h ^= h >>> 16
  return h >>> 0
}

const HEX_CODES = Array.from('0123456789abcdef', (c) => c.charCodeAt(0))
// character positions of the 16 bytes in 8-4-4-4-12 form
const BYTE_POSITIONS = [0, 2, 4, 6, 9, 11, 14, 16, 19, 21, 24, 26, 28, 30, 32, 34]
const uuidChars = new Array<number>(36).fill(45) // '-'

function putWord(word: number, firstByte: number): void {
  for (let k = 0; k < 4; k++) {
    const byte = (word >>> (24 - 8 * k)) & 255
    const at = BYTE_POSITIONS[firstByte + k]!
    uuidChars[at] = HEX_CODES[byte >>> 4]!
    uuidChars[at + 1] = HEX_CODES[byte & 15]!
  }
}

// One flat string from char codes: concatenation would leave a tree of string pieces per id that
// the young-generation GC copies again and again while a 20,000-row chunk is alive (5× slower).
function uuidFromWords(a: number, b: number, c: number, d: number): string {
  putWord(a, 0)
  putWord((b & 0xffff0fff) | 0x00004000, 4) // version 4
  putWord((c & 0x3fffffff) | 0x80000000, 8) // RFC 4122 variant
  putWord(d, 12)
  return String.fromCharCode.apply(null, uuidChars)
}

/**
 * A UUID v4 layout derived from a key and an index without any state, so that row i's id is
 * known before row i is generated (relations can point at firms that are written later).
 */
export function indexedUuid(key: readonly [number, number, number, number], index: number): string {
  const lo = index >>> 0
  const hi = Math.floor(index / 4294967296) >>> 0
  const a = indexedUuidHead(key, index)
  const b = mix32(key[1] ^ mix32(a ^ hi))
  const c = mix32(key[2] ^ mix32(b + lo))
  const d = mix32(key[3] ^ mix32(c ^ (lo * 31 + 7)))
  return uuidFromWords(a, b, c, d)
}

/** The first 32 bits of `indexedUuid(key, index)`: sorts ids without building their strings. */
export function indexedUuidHead(key: readonly [number, number, number, number], index: number): number {
  return mix32(key[0] ^ mix32((index >>> 0) ^ 0x9e3779b9))
}

export class Random {
  private a: number
  private b: number
  private c: number
  private d: number
  private spareNormal: number | null = null

  /** `key` names the stream; the same key always yields the same sequence. */
  constructor(readonly key: string) {
    ;[this.a, this.b, this.c, this.d] = hash128(key)
    // warm up: the first outputs of sfc32 still correlate with the seed
    for (let i = 0; i < 15; i++) this.next()
  }

  /** An independent stream named by this stream's key plus `label`; it does not consume from this one. */
  fork(label: string): Random {
    return new Random(`${this.key}/${label}`)
  }

  /** Uniform unsigned 32-bit integer. */
  next(): number {
    const t = (((this.a + this.b) | 0) + this.d) | 0
    this.d = (this.d + 1) | 0
    this.a = this.b ^ (this.b >>> 9)
    this.b = (this.c + (this.c << 3)) | 0
    this.c = (this.c << 21) | (this.c >>> 11)
    this.c = (this.c + t) | 0
    return t >>> 0
  }

  /** Uniform in [0, 1). */
  float(): number {
    return this.next() / 4294967296
  }

  /** Uniform integer in [min, max], both inclusive. */
  int(min: number, max: number): number {
    return min + Math.floor(this.float() * (max - min + 1))
  }

  chance(p: number): boolean {
    return this.float() < p
  }

  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new Error('pick from an empty array')
    return items[Math.floor(this.float() * items.length)]!
  }

  /** One item with probability proportional to its weight (linear scan; see `weightedSampler` for hot paths). */
  weighted<T>(items: readonly T[], weights: readonly number[]): T {
    let total = 0
    for (const w of weights) total += w
    let r = this.float() * total
    for (let i = 0; i < items.length; i++) {
      r -= weights[i]!
      if (r < 0) return items[i]!
    }
    return items[items.length - 1]!
  }

  /** Standard normal (Box-Muller, both values used). */
  normal(): number {
    if (this.spareNormal !== null) {
      const spare = this.spareNormal
      this.spareNormal = null
      return spare
    }
    const u = 1 - this.float() // (0, 1]: log(0) is never taken
    const v = this.float()
    const r = Math.sqrt(-2 * Math.log(u))
    this.spareNormal = r * Math.sin(2 * Math.PI * v)
    return r * Math.cos(2 * Math.PI * v)
  }

  /** exp(N(mu, sigma)): positive and heavy-tailed, like revenues and firm sizes. */
  logNormal(mu: number, sigma: number): number {
    return Math.exp(mu + sigma * this.normal())
  }

  /** Fisher-Yates in place; returns the same array. */
  shuffle<T>(items: T[]): T[] {
    for (let i = items.length - 1; i > 0; i--) {
      const j = Math.floor(this.float() * (i + 1))
      const tmp = items[i]!
      items[i] = items[j]!
      items[j] = tmp
    }
    return items
  }

  /** A UUID with the v4 layout whose 122 random bits come from this stream. */
  uuid(): string {
    return uuidFromWords(this.next(), this.next(), this.next(), this.next())
  }
}

/** O(log n) weighted draws from a fixed table (cumulative sums + binary search). */
export interface WeightedSampler {
  readonly total: number
  readonly size: number
  /** Index of the drawn item. */
  draw(random: Random): number
}

export function weightedSampler(weights: ArrayLike<number>): WeightedSampler {
  const cumulative = new Float64Array(weights.length)
  let total = 0
  for (let i = 0; i < weights.length; i++) {
    total += Math.max(0, weights[i]!)
    cumulative[i] = total
  }
  return {
    total,
    size: weights.length,
    draw(random) {
      const r = random.float() * total
      let lo = 0
      let hi = cumulative.length - 1
      while (lo < hi) {
        const mid = (lo + hi) >>> 1
        if (cumulative[mid]! > r) hi = mid
        else lo = mid + 1
      }
      return lo
    },
  }
}
