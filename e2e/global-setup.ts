import { execFileSync } from 'node:child_process'

// The browser tests drive the production bundle, so build it once per run (into CB_WEB_DIST when set).
export default function setup(): void {
  const outDir = process.env.CB_WEB_DIST
  execFileSync('npx', ['vite', 'build', '--logLevel', 'error', ...(outDir ? ['--outDir', outDir, '--emptyOutDir'] : [])], { stdio: 'inherit' })
}
