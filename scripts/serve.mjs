// `npm run serve -- [--port N] [--data-dir DIR] [--venues sim,okx] [--venue-endpoint ID=URL]`:
// builds when the sources are newer than the bundle, then runs the headless
// shell. Build output goes to stderr so stdout carries only the READY line.
import { spawn, spawnSync } from 'node:child_process'
import { existsSync, readdirSync, statSync } from 'node:fs'
import { join } from 'node:path'

const root = new URL('..', import.meta.url).pathname
const entry = join(root, 'out/main/headless.js')

function newestMtime(path) {
  const info = statSync(path)
  if (!info.isDirectory()) return info.mtimeMs
  return readdirSync(path).reduce((max, name) => Math.max(max, newestMtime(join(path, name))), info.mtimeMs)
}

const sources = ['src', 'electron.vite.config.ts', 'package.json'].map((p) => join(root, p))
const stale = !existsSync(entry) || !existsSync(join(root, 'out/renderer/index.html')) || Math.max(...sources.map(newestMtime)) > statSync(entry).mtimeMs
if (stale) {
  const build = spawnSync(process.execPath, [join(root, 'node_modules/electron-vite/bin/electron-vite.js'), 'build'], { cwd: root, stdio: ['ignore', 2, 2] })
  if (build.status !== 0) {
    process.stderr.write('serve: the build failed; see above\n')
    process.exit(build.status ?? 1)
  }
}

const child = spawn(process.execPath, [entry, ...process.argv.slice(2)], { cwd: root, stdio: 'inherit' })
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal))
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)))
