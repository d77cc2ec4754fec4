import type { Lang } from './translate.js'

// The platform serves Hangzhou: times are shown in China Standard Time whatever the browser's zone.
export const displayTimeZone = 'Asia/Shanghai'
const chinaOffset = '+08:00'

const dateTimeFormat = new Intl.DateTimeFormat('en-CA', {
  timeZone: displayTimeZone,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hourCycle: 'h23',
})

/** `2026-11-22 08:05:09` in Asia/Shanghai; the same shape in both languages keeps tables aligned. */
export function formatDateTime(iso: string | null | undefined): string {
  if (!iso) return ''
  const date = new Date(iso)
  if (Number.isNaN(date.getTime())) return iso
  const parts = Object.fromEntries(dateTimeFormat.formatToParts(date).map((p) => [p.type, p.value]))
  return `${parts.year}-${parts.month}-${parts.day} ${parts.hour}:${parts.minute}:${parts.second}`
}

/** Calendar day (`YYYY-MM-DD`) in Asia/Shanghai of an instant. */
export function shanghaiDate(instant: Date): string {
  return formatDateTime(instant.toISOString()).slice(0, 10)
}

/** A picked calendar day range, as the instants bounding it in Asia/Shanghai (inclusive end). */
export function shanghaiDayRange(from: string | null, to: string | null): { from?: string; to?: string } {
  const day = /^\d{4}-\d{2}-\d{2}$/
  return {
    ...(from && day.test(from) ? { from: `${from}T00:00:00.000${chinaOffset}` } : {}),
    ...(to && day.test(to) ? { to: `${to}T23:59:59.999${chinaOffset}` } : {}),
  }
}

export function formatNumber(value: number, lang: Lang): string {
  return new Intl.NumberFormat(lang).format(value)
}

/** Whether a lock time (ISO) is still in the future. */
export function isLocked(lockedUntil: string | null, now: Date = new Date()): boolean {
  return lockedUntil !== null && new Date(lockedUntil).getTime() > now.getTime()
}
