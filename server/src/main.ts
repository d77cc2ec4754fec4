import { buildApp } from './app.js'
import { bootstrap, DEMO_PASSWORD } from './bootstrap.js'
import { systemClock } from './clock.js'
import { loadConfig } from './config.js'
import { openDatabase } from './db/client.js'
import { migrateDatabase } from './db/migrate.js'
import { JobScheduler } from './lib/jobs.js'
import { failInterruptedImports } from './modules/import/index.js'
import { runLeadTimersJob } from './modules/leads/index.js'
import { runRightsJob } from './modules/registry/index.js'
import { registerSupervisionJobs } from './modules/supervision/index.js'
import { roleLabels } from '../../common/src/roles.js'

async function main() {
  let config
  try {
    config = loadConfig()
  } catch (error) {
    console.error(String((error as Error).message))
    process.exit(2)
  }
  const database = await openDatabase({ databaseUrl: config.DATABASE_URL, dataDir: config.DATA_DIR })
  await migrateDatabase(database)
  const started = await bootstrap(database, systemClock, {
    tenantId: config.TENANT_ID,
    adminPassword: config.ADMIN_PASSWORD,
    demoData: config.DEMO_DATA,
  })
  const { app, ctx } = await buildApp(
    (log) => ({ database, clock: systemClock, config, log }),
    { serveWeb: true, logger: { level: config.LOG_LEVEL } },
  )
  const interrupted = await failInterruptedImports(ctx)
  if (interrupted > 0) ctx.log.warn({ interrupted }, 'import jobs cut off by the last shutdown marked failed')

  // first-talk rights expire and warn; overdue lead timers alert (docs/modules/registry.md, leads.md)
  const jobs = new JobScheduler(systemClock, ctx.log)
  jobs.register('registry.rights', 60 * 60_000, () => runRightsJob(ctx, config.TENANT_ID))
  jobs.register('leads.timers', 15 * 60_000, () => runLeadTimersJob(ctx, config.TENANT_ID))
  // stuck projects every six hours; overdue problems alert and the month that just ended keeps its red and black lists hourly
  registerSupervisionJobs(jobs, ctx, config.TENANT_ID)

  let closing = false
  const shutdown = async (signal: string) => {
    if (closing) return
    closing = true
    ctx.log.info({ signal }, 'shutting down')
    const force = setTimeout(() => process.exit(1), 10_000)
    force.unref()
    try {
      await jobs.stop()
      await app.close()
      await database.close()
      process.exit(0)
    } catch (error) {
      ctx.log.error({ err: error }, 'shutdown failed')
      process.exit(1)
    }
  }
  process.on('SIGINT', () => void shutdown('SIGINT'))
  process.on('SIGTERM', () => void shutdown('SIGTERM'))

  await app.listen({ port: config.PORT, host: config.HOST })
  jobs.start()
  const where = database.kind === 'pglite' ? `embedded PGlite in ${config.DATA_DIR}` : 'PostgreSQL (DATABASE_URL)'
  const lines = [
    '',
    `chainboard 产业链精准招商平台 is running: http://localhost:${config.PORT}`,
    `  database: ${where}`,
    `  API docs: http://localhost:${config.PORT}/api/docs`,
  ]
  if (started.dataset) lines.push(`  demo data: ${started.dataset.enterprises} enterprises, ${started.dataset.relations} relations (${started.dataset.ms} ms)`)
  if (started.generatedAdminPassword) {
    lines.push('', `  城市管理员 city admin: admin / ${started.generatedAdminPassword}`, '  (shown only this once; set ADMIN_PASSWORD to choose it)')
  } else {
    lines.push('', '  城市管理员 city admin: admin (password from ADMIN_PASSWORD, or the one printed on first start)')
  }
  if (started.demoAccounts.length) {
    lines.push(`  demo accounts, password "${DEMO_PASSWORD}":`)
    for (const a of started.demoAccounts) lines.push(`    ${a.username.padEnd(11)} ${roleLabels[a.role].zh} · ${a.scopeHint}`)
  }
  console.log(lines.join('\n') + '\n')
}

void main().catch((error) => {
  console.error(error)
  process.exit(1)
})
