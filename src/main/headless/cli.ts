import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { defaultHeadlessDataDir } from '../composition/default-data-dir'
import { findResourcesDir } from '../composition/resources-dir'
import { parseHeadlessArgs } from './cli-args'
import { startHeadless, type RunningHeadless } from './start-headless'

// Entry of `npm run serve`: the kernel in plain Node, the UI in any browser.
async function main(): Promise<void> {
  let running: RunningHeadless | null = null
  let stopping = false
  // Handlers go in before READY is printed: a signal sent the moment a
  // supervisor reads READY must still get a graceful shutdown.
  const stop = (signal: string): void => {
    if (stopping) return
    stopping = true
    process.stderr.write(`${signal}: shutting down\n`)
    if (!running) process.exit(0)
    running.stop().then(
      () => process.exit(0),
      (error: unknown) => {
        process.stderr.write(`shutdown failed: ${(error as Error).message}\n`)
        process.exit(1)
      },
    )
  }
  process.on('SIGINT', () => stop('SIGINT'))
  process.on('SIGTERM', () => stop('SIGTERM'))

  const here = dirname(fileURLToPath(import.meta.url))
  const args = parseHeadlessArgs(process.argv.slice(2), { dataDir: defaultHeadlessDataDir(), rendererDir: join(here, '../renderer'), resourcesDir: findResourcesDir(here) })
  running = await startHeadless(args)
  process.stdout.write(`READY ${running.server.url}\n`)
}

main().catch((error: unknown) => {
  process.stderr.write(`workstation: ${(error as Error).message}\n`)
  process.exit(2)
})
