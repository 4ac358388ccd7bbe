import { spawn, type ChildProcess } from 'node:child_process'
import { resolve } from 'node:path'
import type { CrashChildConfig, CrashCycle } from './crash-child'

const repoRoot = resolve(import.meta.dirname, '../..')

export interface ReconciledLine {
  imported: string[]
  zombies: string[]
  unresolved: string[]
  errors: string[]
  fills: number
}

/** One crash-child process and its line protocol (see crash-child.ts). */
export interface CrashChild {
  /** Resolves with the next RECONCILED report, or null if the process died first. */
  reconciled(): Promise<ReconciledLine | null>
  /** Sends a cycle; resolves 'done' on CYCLE_DONE or 'died' if the process ended first. */
  cycle(cycle: CrashCycle): Promise<'done' | 'died'>
  reconcile(): Promise<ReconciledLine | null>
  steps(): string[]
  kill(): Promise<void>
  exit(): Promise<void>
  stderr(): string
}

export function startCrashChild(config: CrashChildConfig): CrashChild {
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', resolve(repoRoot, 'test/support/crash-child.ts'), JSON.stringify(config)], {
    cwd: repoRoot,
    stdio: ['pipe', 'pipe', 'pipe'],
  })
  const lines: string[] = []
  const waiters: (() => void)[] = []
  let buffer = ''
  let stderr = ''
  let dead = false
  const wake = (): void => waiters.splice(0).forEach((w) => w())
  child.stdout!.on('data', (chunk: Buffer) => {
    buffer += chunk.toString()
    const parts = buffer.split('\n')
    buffer = parts.pop()!
    lines.push(...parts)
    wake()
  })
  child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
  const exited = new Promise<void>((done) =>
    child.on('exit', () => {
      dead = true
      wake()
      done()
    }),
  )
  // Stdin may break when the child kills itself mid-write: that is the point, not an error.
  child.stdin!.on('error', () => {})
  let read = 0

  /** The next line starting with `prefix`, or null once the process has died and printed no such line. */
  const next = async (prefix: string): Promise<string | null> => {
    for (;;) {
      while (read < lines.length) {
        const line = lines[read++]!
        if (line.startsWith(prefix)) return line
      }
      if (dead) return null
      await new Promise<void>((r) => waiters.push(r))
    }
  }
  const reconciled = async (): Promise<ReconciledLine | null> => {
    const line = await next('RECONCILED ')
    return line === null ? null : (JSON.parse(line.slice('RECONCILED '.length)) as ReconciledLine)
  }

  return {
    reconciled,
    async cycle(cycle) {
      child.stdin!.write(`CYCLE ${JSON.stringify(cycle)}\n`)
      return (await next('CYCLE_DONE')) === null ? 'died' : 'done'
    },
    reconcile() {
      child.stdin!.write('RECONCILE\n')
      return reconciled()
    },
    steps: () => lines.filter((l) => l.startsWith('STEP ')),
    async kill() {
      if (!dead) child.kill('SIGKILL')
      await exited
    },
    async exit() {
      if (!dead) child.stdin!.write('EXIT\n')
      await exited
    },
    stderr: () => stderr,
  }
}
