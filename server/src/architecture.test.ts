import { readdirSync, readFileSync, statSync } from 'node:fs'
import { join, relative } from 'node:path'
import { describe, expect, it } from 'vitest'
import { projectPath } from './paths.js'

// The module boundaries of docs/architecture.md, checked by a test rather than by memory.

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name)
    return statSync(path).isDirectory() ? files(path) : path.endsWith('.ts') ? [path] : []
  })
}

const modulesDir = projectPath('server/src/modules')
const importPattern = /from '([^']+)'/g

describe('module boundaries', () => {
  it('modules import each other only through index.ts (tables may reference tables)', () => {
    const offenders: string[] = []
    for (const file of files(modulesDir)) {
      const own = relative(modulesDir, file).split('/')[0]
      for (const [, target] of readFileSync(file, 'utf8').matchAll(importPattern)) {
        const match = /^\.\.\/([a-z-]+)\/(.+)$/.exec(target!)
        if (!match || match[1] === own) continue
        const allowed = match[2] === 'index.js' || (file.endsWith('.table.ts') && match[2]!.endsWith('.table.js'))
        if (!allowed) offenders.push(`${relative(modulesDir, file)} → ${target}`)
      }
    }
    expect(offenders).toEqual([])
  })

  it('services and rules never import the web framework', () => {
    const offenders = files(modulesDir)
      .filter((f) => /\.(service|rules|repository)\.ts$/.test(f))
      .filter((f) => /from 'fastify/.test(readFileSync(f, 'utf8')))
    expect(offenders).toEqual([])
  })

  it('rules files do no I/O', () => {
    const offenders = files(modulesDir)
      .filter((f) => f.endsWith('.rules.ts'))
      .filter((f) => /from '(drizzle-orm|pg|node:fs|node:net|fastify)/.test(readFileSync(f, 'utf8')))
    expect(offenders).toEqual([])
  })

  it('every business table carries tenant_id (reference tables are listed)', () => {
    const referenceTables = new Set(['tenants', 'regions', 'industry_classes', 'ecosystems', 'departments', 'users'])
    const offenders: string[] = []
    for (const file of files(modulesDir).filter((f) => f.endsWith('.table.ts'))) {
      const source = readFileSync(file, 'utf8')
      for (const [, body] of source.matchAll(/pgTable\(\s*'([a-z_]+)'/g)) {
        const start = source.indexOf(`pgTable(\n  '${body}'`) >= 0 ? source.indexOf(`pgTable(\n  '${body}'`) : source.indexOf(`pgTable('${body}'`)
        const next = source.indexOf('pgTable(', start + 8)
        const definition = source.slice(start, next === -1 ? undefined : next)
        if (!referenceTables.has(body!) && !definition.includes("'tenant_id'")) offenders.push(body!)
      }
    }
    expect(offenders).toEqual([])
  })
})
