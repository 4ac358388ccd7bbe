// `npm run audit:verify -- --data-dir DIR`: runs the bundled verifier, building it first if absent.
import { spawnSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { join } from 'node:path'

const root = new URL('..', import.meta.url).pathname
const entry = join(root, 'out/main/audit-verify.js')
if (!existsSync(entry)) {
  const build = spawnSync(process.execPath, [join(root, 'node_modules/electron-vite/bin/electron-vite.js'), 'build'], { cwd: root, stdio: ['ignore', 2, 2] })
  if (build.status !== 0) process.exit(build.status ?? 2)
}
const run = spawnSync(process.execPath, [entry, ...process.argv.slice(2)], { stdio: 'inherit' })
process.exit(run.status ?? 2)
