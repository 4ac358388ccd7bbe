import { mkdtempSync, rmSync, existsSync, readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { _electron, expect, test } from '@playwright/test'

/**
 * Where `require('electron')` would point, found without calling it: when the
 * runtime is missing, the electron package's index.js tries to download it,
 * which hangs or fails on a machine without internet. Mirrors that file's
 * lookup (ELECTRON_OVERRIDE_DIST_PATH, then dist/<path.txt>).
 */
function electronRuntimePath(): string | null {
  const packageDir = dirname(createRequire(import.meta.url).resolve('electron/package.json'))
  const pathFile = join(packageDir, 'path.txt')
  const relative = existsSync(pathFile) ? readFileSync(pathFile, 'utf8').trim() : null
  if (process.env.ELECTRON_OVERRIDE_DIST_PATH) return join(process.env.ELECTRON_OVERRIDE_DIST_PATH, relative ?? 'electron')
  return relative === null ? null : join(packageDir, 'dist', relative)
}

const runtime = electronRuntimePath()
const runtimeInstalled = runtime !== null && existsSync(runtime)

/** The page's `window.workstation`, typed just enough for evaluate(). */
type PageGlobals = {
  workstation?: {
    call(channel: string, input: unknown): Promise<unknown>
    subscribe(channel: string, listener: (payload: unknown) => void): () => void
  }
  require?: unknown
  process?: unknown
}

test.describe('Electron app smoke test', () => {
  test.skip(!runtimeInstalled, 'Electron runtime not installed on this machine (ELECTRON_SKIP_BINARY_DOWNLOAD); runs where the runtime exists')

  let userData: string
  test.beforeEach(() => {
    userData = mkdtempSync(join(tmpdir(), 'workstation-electron-e2e-'))
  })
  test.afterEach(() => rmSync(userData, { recursive: true, force: true }))

  test('the built app opens its window and the page reaches the kernel only through window.workstation', async () => {
    const env: Record<string, string> = {}
    for (const [key, value] of Object.entries(process.env)) if (value !== undefined && key !== 'ELECTRON_RENDERER_URL') env[key] = value
    // A throwaway profile, so the test never opens the user's own database.
    const app = await _electron.launch({ executablePath: runtime!, args: ['out/main/index.js', `--user-data-dir=${userData}`], env })
    try {
      const page = await app.firstWindow()
      await expect(page).toHaveTitle(/Workstation/)

      const surface = await page.evaluate(() => {
        const g = globalThis as unknown as PageGlobals
        return { bridge: g.workstation ? Object.keys(g.workstation).sort() : null, require: typeof g.require, process: typeof g.process }
      })
      expect(surface).toEqual({ bridge: ['call', 'subscribe'], require: 'undefined', process: 'undefined' })

      const pong = await page.evaluate(() => (globalThis as unknown as PageGlobals).workstation!.call('system.ping', { nonce: 'e2e' }))
      expect(pong).toMatchObject({ ok: true, value: { nonce: 'e2e' } })

      const info = await page.evaluate(() => (globalThis as unknown as PageGlobals).workstation!.call('system.info', undefined))
      expect(info).toMatchObject({ ok: true, value: { shell: 'electron', dataDir: userData } })

      const beat = await page.evaluate(
        () =>
          new Promise<unknown>((resolve, reject) => {
            const timer = setTimeout(() => reject(new Error('no system.heartbeat within 5 s')), 5000)
            const off = (globalThis as unknown as PageGlobals).workstation!.subscribe('system.heartbeat', (payload) => {
              clearTimeout(timer)
              off()
              resolve(payload)
            })
          }),
      )
      expect(beat).toMatchObject({ seq: expect.any(Number), at: expect.any(Number) })
    } finally {
      await app.close()
    }
  })
})
