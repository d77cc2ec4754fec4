import { execFileSync } from 'node:child_process'

// The browser tests drive the production bundle, so build it once per run.
export default function setup(): void {
  execFileSync('npx', ['vite', 'build', '--logLevel', 'error'], { stdio: 'inherit' })
}
