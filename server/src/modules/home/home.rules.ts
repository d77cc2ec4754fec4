// China has one time zone and no daylight saving: the bureau's day starts at 00:00 UTC+8.
const CHINA_OFFSET_MS = 8 * 3600_000

export function startOfChinaDay(at: Date): Date {
  const local = new Date(at.getTime() + CHINA_OFFSET_MS)
  local.setUTCHours(0, 0, 0, 0)
  return new Date(local.getTime() - CHINA_OFFSET_MS)
}
