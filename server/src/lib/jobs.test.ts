import { describe, expect, it } from 'vitest'
import { ManualClock } from '../clock.js'
import { JobScheduler } from './jobs.js'

const MINUTE = 60_000

describe('job scheduler', () => {
  it('runs a job at once, then again only after its interval on the clock', async () => {
    const clock = new ManualClock()
    const scheduler = new JobScheduler(clock)
    const calls: string[] = []
    scheduler.register('expire', 60 * MINUTE, async () => calls.push('expire'))
    scheduler.register('alerts', 15 * MINUTE, async () => calls.push('alerts'))
    expect((await scheduler.runDueJobs()).map((r) => r.name)).toEqual(['expire', 'alerts'])
    expect(await scheduler.runDueJobs()).toEqual([])
    clock.advance(15 * MINUTE)
    expect((await scheduler.runDueJobs()).map((r) => r.name)).toEqual(['alerts'])
    clock.advance(45 * MINUTE)
    expect((await scheduler.runDueJobs()).map((r) => r.name)).toEqual(['expire', 'alerts'])
    expect(calls).toEqual(['expire', 'alerts', 'alerts', 'expire', 'alerts'])
  })

  it('a failing job is reported and does not stop the others', async () => {
    const clock = new ManualClock()
    const errors: string[] = []
    const scheduler = new JobScheduler(clock, { info: () => undefined, error: (o) => errors.push((o as { job: string }).job) })
    scheduler.register('broken', MINUTE, async () => {
      throw new Error('database down')
    })
    scheduler.register('fine', MINUTE, async () => 42)
    expect(await scheduler.runDueJobs()).toEqual([
      { name: 'broken', ok: false, error: 'database down' },
      { name: 'fine', ok: true, result: 42 },
    ])
    expect(errors).toEqual(['broken'])
  })

  it('overlapping calls share one pass; names are unique; stop waits for the pass', async () => {
    const clock = new ManualClock()
    const scheduler = new JobScheduler(clock)
    let runs = 0
    let release!: () => void
    scheduler.register('slow', MINUTE, () => new Promise<void>((resolve) => ((release = resolve), runs++)))
    const first = scheduler.runDueJobs()
    const second = scheduler.runDueJobs()
    expect(first).toBe(second)
    release()
    await first
    expect(runs).toBe(1)
    expect(() => scheduler.register('slow', MINUTE, async () => 0)).toThrow(/already/)
    expect(() => scheduler.register('zero', 0, async () => 0)).toThrow(/positive/)
    scheduler.start(1_000_000)
    await scheduler.stop()
    expect(scheduler.names()).toEqual(['slow'])
  })
})
