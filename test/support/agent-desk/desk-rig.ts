import { afterAll, afterEach, beforeAll, beforeEach } from 'vitest'
import { startFakeOpenAi, type FakeOpenAi } from '../fake-openai'
import { openDeskKernel, type DeskKernel } from './desk-kernel'

export interface DeskRig {
  /** The fake OpenAI-compatible server standing in for DeepSeek and Qwen (one per suite). */
  readonly fake: FakeOpenAi
  /** A fresh agent-desk kernel per test. */
  readonly desk: DeskKernel
  /** Shuts the kernel and opens a new one on the same files, the clock carried on. */
  restart(): Promise<void>
}

/**
 * Vitest hooks for agent-desk tests: one fake model server for the suite, a
 * kernel per test (with keys for DeepSeek and Qwen when `keys` is set), both
 * closed and reset after each test.
 */
export function useDeskRig(options: { keys?: boolean } = {}): DeskRig {
  let fake: FakeOpenAi | null = null
  let desk: DeskKernel | null = null
  beforeAll(async () => {
    fake = await startFakeOpenAi()
  })
  afterAll(async () => {
    await fake?.close()
  })
  beforeEach(async () => {
    desk = await openDeskKernel(fake!, { keys: options.keys ?? false })
  })
  afterEach(async () => {
    await desk?.close()
    desk = null
    fake!.reset()
    fake!.respondWith(null)
  })
  return {
    get fake() {
      return fake!
    },
    get desk() {
      return desk!
    },
    async restart() {
      const { dir } = desk!
      const startAt = desk!.kernel.clock.now()
      await desk!.kernel.workstation.shutdown()
      const previous = desk!
      desk = await openDeskKernel(fake!, { dir, startAt })
      // The new kernel reuses the folder; the last close removes it.
      const close = desk.close
      desk.close = async () => {
        await close()
        await previous.close()
      }
    },
  }
}
