// Runs before `npm start`: builds the app when there is no production build yet, or when the sources are
// newer than it, so `npm install && npm start` works on a fresh clone and never serves a stale build.
import { execSync } from 'node:child_process'
import { existsSync, readdirSync, statSync } from 'node:fs'
import path from 'node:path'

const BUILD_ID = path.join('.next', 'BUILD_ID')
const SOURCES = ['app', 'components', 'lib', 'public', 'package.json', 'next.config.js', 'tsconfig.json']

function newestMtime(entry) {
  if (!existsSync(entry)) return 0
  const stat = statSync(entry)
  if (!stat.isDirectory()) return stat.mtimeMs
  return Math.max(0, ...readdirSync(entry).map((name) => newestMtime(path.join(entry, name))))
}

const built = existsSync(BUILD_ID) ? statSync(BUILD_ID).mtimeMs : 0
if (built === 0 || Math.max(...SOURCES.map(newestMtime)) > built) {
  console.log(
    built === 0
      ? 'No production build yet: running `next build` once.'
      : 'Sources changed since the last build: rebuilding.',
  )
  execSync('npx next build', { stdio: 'inherit', env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1' } })
}
