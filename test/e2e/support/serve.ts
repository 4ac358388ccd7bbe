import { spawn, type ChildProcess } from 'node:child_process'
import { createInterface } from 'node:readline'
import { fileURLToPath } from 'node:url'

export const ROOT = fileURLToPath(new URL('../../..', import.meta.url))
/** A cold `electron-vite build` on a shared 2-core machine comes first when the bundle is stale. */
export const READY_TIMEOUT_MS = 240_000
const STOP_TIMEOUT_MS = 10_000

export interface RunningServer {
  /** `http://127.0.0.1:PORT/?token=TOKEN`, as printed on the READY line. */
  url: string
  port: number
  token: string
  stop(): Promise<void>
}

/** The model providers a fresh profile has; the CI keychain may hold a key for one of them. */
const PRESET_PROVIDERS = ['deepseek', 'qwen', 'qwen-cn', 'openai']

/**
 * Every preset provider the test did not point somewhere itself goes to a
 * closed port on 127.0.0.1: even with a key in the OS keychain, a pilot in
 * these tests can never reach a real model API.
 */
function offlineModelEndpoints(extraArgs: readonly string[]): string[] {
  const given = new Set(extraArgs.filter((arg) => /^[a-z0-9-]+=/.test(arg)).map((arg) => arg.slice(0, arg.indexOf('='))))
  return PRESET_PROVIDERS.filter((id) => !given.has(id)).flatMap((id) => ['--model-endpoint', `${id}=http://127.0.0.1:9/v1`])
}

/**
 * `npm run serve -- --port 0 --data-dir DIR ...extraArgs` (build if stale,
 * then the headless shell), resolved once it prints READY. It runs in its
 * own process group, so SIGTERM reaches the node process behind `npm` and
 * `scripts/serve.mjs` whatever forwards signals.
 */
export async function startServe(dataDir: string, extraArgs: readonly string[] = []): Promise<RunningServer> {
  const child = spawn('npm', ['run', 'serve', '--', '--port', '0', '--data-dir', dataDir, ...extraArgs, ...offlineModelEndpoints(extraArgs)], {
    cwd: ROOT,
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let stderr = ''
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr = (stderr + chunk.toString()).slice(-20_000) // the tail is what explains a failure
  })
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()))

  const ready = new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no READY line within ${READY_TIMEOUT_MS} ms:\n${stderr}`)), READY_TIMEOUT_MS)
    createInterface({ input: child.stdout! }).on('line', (line) => {
      const match = /^READY (http:\/\/\S+)/.exec(line)
      if (match?.[1]) {
        clearTimeout(timer)
        resolve(match[1])
      }
    })
    child.once('exit', (code, signal) => {
      clearTimeout(timer)
      reject(new Error(`npm run serve exited (${code ?? signal}) before READY:\n${stderr}`))
    })
  })
  let url: string
  try {
    url = await ready
  } catch (error) {
    signalGroup(child, 'SIGKILL') // a server that never got ready must not outlive the test
    throw error
  }

  const parsed = new URL(url)
  let stopped = false
  return {
    url,
    port: Number(parsed.port),
    token: parsed.searchParams.get('token') ?? '',
    async stop() {
      if (stopped) return
      stopped = true
      signalGroup(child, 'SIGTERM')
      const timedOut = await Promise.race([exited.then(() => false), delay(STOP_TIMEOUT_MS).then(() => true)])
      if (timedOut) {
        signalGroup(child, 'SIGKILL')
        await exited
      }
    },
  }
}

function signalGroup(child: ChildProcess, signal: NodeJS.Signals): void {
  if (child.pid === undefined || child.exitCode !== null || child.signalCode !== null) return
  try {
    process.kill(-child.pid, signal) // negative pid: the group this test created, nothing else
  } catch {
    // Already gone.
  }
}

function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms))
}
