import { describe, expect, it } from 'vitest'
import { createMemoryLogger } from '../../../src/main/adapters/logging/memory-logger'
import { shutdownBeforeQuit } from '../../../src/main/shell/quit-lifecycle'
import { claimSingleInstance } from '../../../src/main/shell/single-instance'
import { FakeApp } from '../../support/fake-electron'

const flush = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0))

describe('quit lifecycle', () => {
  it('holds the quit until shutdown finished, runs it once, then quits', async () => {
    const app = new FakeApp('/tmp')
    let runs = 0
    let finish!: () => void
    shutdownBeforeQuit(app, () => (runs++, new Promise<void>((resolve) => (finish = resolve))), createMemoryLogger())

    app.quit()
    app.quit() // e.g. Cmd+Q pressed again while shutting down
    expect(runs).toBe(1)
    expect(app.quitted).toBe(false)

    finish()
    await flush()
    expect(app.quitted).toBe(true)
    expect(runs).toBe(1)
    expect(app.quitRequests).toBe(3)
  })

  it('quits even when shutdown fails, and logs the failure', async () => {
    const app = new FakeApp('/tmp')
    const logger = createMemoryLogger()
    shutdownBeforeQuit(app, () => Promise.reject(new Error('disk gone')), logger)
    app.quit()
    await flush()
    expect(app.quitted).toBe(true)
    expect(logger.records.map((r) => r.msg)).toEqual(['shutdown failed; quitting anyway'])
  })
})

describe('single instance', () => {
  it('the first instance keeps running and focuses its window when a second starts', () => {
    const app = new FakeApp('/tmp')
    let focused = 0
    expect(claimSingleInstance(app, () => focused++)).toBe(true)
    app.emit('second-instance', {}, [], '/')
    expect(focused).toBe(1)
    expect(app.quitRequests).toBe(0)
  })

  it('a second instance quits at once', () => {
    const app = new FakeApp('/tmp')
    app.lockAvailable = false
    expect(claimSingleInstance(app, () => {})).toBe(false)
    expect(app.quitRequests).toBe(1)
    expect(app.listenerCount('second-instance')).toBe(0)
  })
})
