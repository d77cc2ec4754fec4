// The web's boundaries, checked by a test rather than by memory (house style 3 and 8):
// features never import each other, shared code never imports features or the app, and no
// user-visible text is written into components instead of the i18n dictionaries.
import { readdirSync, readFileSync } from 'node:fs'
import { dirname, join, relative, resolve, sep } from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'

const root = dirname(fileURLToPath(import.meta.url))

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name)
    if (entry.isDirectory()) return sourceFiles(path)
    return /\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name) ? [path] : []
  })
}

const files = sourceFiles(root).map((path) => ({ path, rel: relative(root, path).split(sep).join('/'), text: readFileSync(path, 'utf8') }))

function importsOf(file: { path: string; text: string }): string[] {
  const specifiers = [...file.text.matchAll(/(?:import|export)\s[^'"]*?from\s+['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/g)].map(
    (m) => (m[1] ?? m[2])!,
  )
  return specifiers.filter((s) => s.startsWith('.')).map((s) => relative(root, resolve(dirname(file.path), s)).split(sep).join('/'))
}

const featureOf = (rel: string) => /^features\/([^/]+)\//.exec(rel)?.[1] ?? null

describe('web architecture', () => {
  it('finds the source', () => {
    expect(files.length).toBeGreaterThan(20)
  })

  it('features never import another feature', () => {
    const violations = files.flatMap((file) => {
      const own = featureOf(file.rel)
      if (!own) return []
      return importsOf(file)
        .filter((target) => featureOf(`${target}/`) !== null && featureOf(`${target}/`) !== own)
        .map((target) => `${file.rel} → ${target}`)
    })
    expect(violations).toEqual([])
  })

  it('shared code (lib, components, api, i18n) imports neither features nor the app', () => {
    const shared = files.filter((f) => /^(lib|components|api|i18n)\//.test(f.rel))
    const violations = shared.flatMap((file) =>
      importsOf(file)
        .filter((target) => target.startsWith('features/') || target.startsWith('app/'))
        .map((target) => `${file.rel} → ${target}`),
    )
    expect(violations).toEqual([])
  })

  it('components hold no Chinese text outside the dictionaries (comments aside)', () => {
    const code = files.filter((f) => !f.rel.startsWith('i18n/'))
    const violations = code.flatMap((file) => {
      const withoutComments = file.text.replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|[^:'"`])\/\/.*$/gm, '$1')
      return withoutComments
        .split('\n')
        .map((line, i) => ({ line, i }))
        .filter(({ line }) => /[\u3400-\u9fff\uff00-\uffef]/.test(line))
        .map(({ line, i }) => `${file.rel}:${i + 1}: ${line.trim()}`)
    })
    expect(violations).toEqual([])
  })

  it('JSX holds no literal English text either', () => {
    const violations = files
      .filter((f) => f.rel.endsWith('.tsx'))
      .flatMap((file) =>
        file.text
          .split('\n')
          .map((line, i) => ({ line, i }))
          .filter(({ line }) => />[^<>{}=]*[A-Za-z]{2,}[^<>{}=]*<\//.test(line))
          .map(({ line, i }) => `${file.rel}:${i + 1}: ${line.trim()}`),
      )
    expect(violations).toEqual([])
  })
})
