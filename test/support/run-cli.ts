import { spawn, spawnSync, type ChildProcess } from 'node:child_process'
import { resolve } from 'node:path'

export const repoRoot = resolve(import.meta.dirname, '../..')

/** Runs a TypeScript entry under tsx, as the bundle would run it. */
export function runTs(entry: string, args: string[]): { status: number | null; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, ['--import', 'tsx', resolve(repoRoot, entry), ...args], { cwd: repoRoot, encoding: 'utf8', timeout: 30_000 })
  return { status: result.status, stdout: result.stdout, stderr: result.stderr }
}

export interface ServerProcess {
  child: ChildProcess
  url: string
  port: number
  token: string
  stderr(): string
  stop(signal?: NodeJS.Signals): Promise<number | null>
}

/**
 * Starts the headless CLI from source and resolves once it prints READY.
 * `stdin: 'pipe'` gives the test the terminal the second-approval codes are typed on.
 */
export function startServerProcess(args: string[], options: { stdin?: 'ignore' | 'pipe' } = {}): Promise<ServerProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', resolve(repoRoot, 'src/main/headless/cli.ts'), ...args], { cwd: repoRoot, stdio: [options.stdin ?? 'ignore', 'pipe', 'pipe'] })
  let stdout = ''
  let stderr = ''
  child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
  const exited = new Promise<number | null>((done) => child.on('exit', (code) => done(code)))
  return new Promise((resolveReady, reject) => {
    const timer = setTimeout(() => reject(new Error(`no READY line within 20 s; stderr: ${stderr}`)), 20_000)
    child.on('exit', (code) => reject(new Error(`server exited with ${code} before READY; stderr: ${stderr}`)))
    child.stdout!.on('data', (chunk: Buffer) => {
      stdout += chunk.toString()
      const match = /^READY (http:\/\/127\.0\.0\.1:(\d+)\/\?token=([A-Za-z0-9_-]+))$/m.exec(stdout)
      if (!match) return
      clearTimeout(timer)
      resolveReady({
        child,
        url: match[1]!,
        port: Number(match[2]),
        token: match[3]!,
        stderr: () => stderr,
        stop: (signal = 'SIGTERM') => {
          if (child.exitCode === null) child.kill(signal)
          return exited
        },
      })
    })
  })
}
