// Login protection policy. Numbers follow common practice for government systems
// (等保 2.0 asks for lockout after repeated failures and session timeouts).

export const MAX_FAILED_ATTEMPTS = 5
export const LOCK_MINUTES = 15
/** Attempts allowed per IP and username within the window, whatever their outcome. */
export const RATE_LIMIT_ATTEMPTS = 10
export const RATE_LIMIT_WINDOW_MS = 5 * 60 * 1000
/** A session never outlives this, however active. */
export const SESSION_ABSOLUTE_DAYS = 7
/** How often a session's idle expiry is pushed forward, to avoid a write on every request. */
export const SESSION_TOUCH_MS = 60 * 1000

export interface LockState {
  failedAttempts: number
  lockedUntil: Date | null
}

export function isLocked(state: LockState, now: Date): boolean {
  return state.lockedUntil !== null && state.lockedUntil.getTime() > now.getTime()
}

/** What a failed password does to the account. */
export function afterFailedLogin(state: LockState, now: Date): LockState {
  const failedAttempts = state.failedAttempts + 1
  if (failedAttempts >= MAX_FAILED_ATTEMPTS) {
    return { failedAttempts: 0, lockedUntil: new Date(now.getTime() + LOCK_MINUTES * 60 * 1000) }
  }
  return { failedAttempts, lockedUntil: state.lockedUntil }
}

/** Sliding-window counter per key; kept in memory because one process serves one city. */
export class AttemptLimiter {
  private readonly attempts = new Map<string, number[]>()
  constructor(
    private readonly limit = RATE_LIMIT_ATTEMPTS,
    private readonly windowMs = RATE_LIMIT_WINDOW_MS,
  ) {}

  /** Records an attempt and says whether it is allowed. */
  hit(key: string, now: Date): boolean {
    const since = now.getTime() - this.windowMs
    const recent = (this.attempts.get(key) ?? []).filter((t) => t > since)
    if (recent.length >= this.limit) {
      this.attempts.set(key, recent)
      return false
    }
    recent.push(now.getTime())
    this.attempts.set(key, recent)
    if (this.attempts.size > 10_000) this.prune(since)
    return true
  }

  private prune(since: number): void {
    for (const [key, times] of this.attempts) if (!times.some((t) => t > since)) this.attempts.delete(key)
  }
}
