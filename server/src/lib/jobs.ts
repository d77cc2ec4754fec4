// A tiny in-process scheduler for periodic work (first-talk right expiry, overdue lead alerts).
// Due times come from the clock, so tests drive it with a ManualClock and runDueJobs().
import type { Clock } from '../clock.js'

export interface JobLog {
  info(obj: object, msg?: string): void
  error(obj: object, msg?: string): void
}

export interface JobRun {
  name: string
  ok: boolean
  result?: unknown
  error?: string
}

interface Job {
  name: string
  intervalMs: number
  run: () => Promise<unknown>
  nextRunAt: number
}

export class JobScheduler {
  private readonly jobs = new Map<string, Job>()
  private timer: ReturnType<typeof setInterval> | null = null
  private running: Promise<JobRun[]> | null = null

  constructor(
    private readonly clock: Clock,
    private readonly log?: JobLog,
  ) {}

  /** A job runs at the first tick after registration, then every intervalMs. */
  register(name: string, intervalMs: number, run: () => Promise<unknown>): void {
    if (this.jobs.has(name)) throw new Error(`job ${name} is already registered`)
    if (!(intervalMs > 0)) throw new Error(`job ${name} needs a positive interval`)
    this.jobs.set(name, { name, intervalMs, run, nextRunAt: this.clock.now().getTime() })
  }

  names(): string[] {
    return [...this.jobs.keys()]
  }

  /**
   * Runs every job whose time has come, one after another; a failing job is logged and retried at
   * its next interval, never stopping the others. Overlapping calls share one pass.
   */
  runDueJobs(): Promise<JobRun[]> {
    this.running ??= this.pass().finally(() => {
      this.running = null
    })
    return this.running
  }

  private async pass(): Promise<JobRun[]> {
    const runs: JobRun[] = []
    for (const job of this.jobs.values()) {
      const now = this.clock.now().getTime()
      if (job.nextRunAt > now) continue
      job.nextRunAt = now + job.intervalMs
      try {
        const result = await job.run()
        runs.push({ name: job.name, ok: true, result })
        this.log?.info({ job: job.name, result }, 'job done')
      } catch (error) {
        runs.push({ name: job.name, ok: false, error: String((error as Error).message ?? error) })
        this.log?.error({ job: job.name, err: error }, 'job failed')
      }
    }
    return runs
  }

  /** Checks for due jobs every tickMs (the timer does not keep the process alive). */
  start(tickMs = 60_000): void {
    if (this.timer) return
    this.timer = setInterval(() => void this.runDueJobs(), tickMs)
    this.timer.unref()
    void this.runDueJobs()
  }

  /** Stops the ticks and waits for a pass in progress. */
  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer)
    this.timer = null
    if (this.running) await this.running
  }
}
