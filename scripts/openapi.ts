// npm run openapi: writes docs/openapi.json from the zod schemas of every route (the same
// document the server serves at /api/docs/json).
import { writeFileSync } from 'node:fs'
import { buildApp } from '../server/src/app.js'
import { systemClock } from '../server/src/clock.js'
import { loadConfig } from '../server/src/config.js'
import { openDatabase } from '../server/src/db/client.js'
import { projectPath } from '../server/src/paths.js'

const database = await openDatabase({})
try {
  const config = loadConfig({ LOG_LEVEL: 'silent', DEMO_DATA: 'none' })
  const { app } = await buildApp((log) => ({ database, clock: systemClock, config, log }))
  await app.ready()
  const response = await app.inject({ method: 'GET', url: '/api/docs/json' })
  const file = projectPath('docs', 'openapi.json')
  writeFileSync(file, JSON.stringify(response.json(), null, 2) + '\n')
  console.log(`wrote ${file} (${Object.keys(response.json().paths).length} paths)`)
  await app.close()
} finally {
  await database.close()
}
