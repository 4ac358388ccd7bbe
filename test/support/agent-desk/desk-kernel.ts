import { createClient, type WorkstationClient } from '../../../src/shared/contract/client'
import { makeTempDir } from '../temp-dir'
import { createMemorySecretStore, type MemorySecretStore } from '../memory-secret-store'
import { createTestKernel, drive, type TestKernel } from '../test-kernel'
import type { FakeOpenAi } from '../fake-openai'

export const BTC = 'BTC/USDT:USDT'
export const ETH = 'ETH/USDT:USDT'
export const FAKE_KEY = 'sk-test-0123456789abcdef'

export interface DeskKernel {
  kernel: TestKernel
  client: WorkstationClient
  secrets: MemorySecretStore
  dir: string
  /** Settles `work` while the test clock moves at a steady pace against real time (HTTP to the fake model runs in real time). */
  settle<T>(work: Promise<T>, options?: { maxMs?: number }): Promise<T>
  /** Moves the clock until `check` holds (or throws after `maxMs` of kernel time). */
  until(check: () => Promise<boolean> | boolean, what: string, maxMs?: number): Promise<void>
  close(): Promise<void>
}

/**
 * A kernel with the agent desk on a fresh profile, DeepSeek and Qwen pointed
 * at the fake OpenAI server and, with `keys`, keys stored for both (through
 * models.saveKey, so the test call runs first). The schedule is off: cycles
 * run through pilots.runNow.
 */
export async function openDeskKernel(fake: FakeOpenAi, options: { keys?: boolean; dir?: string; startAt?: number } = {}): Promise<DeskKernel> {
  const temp = options.dir ? null : makeTempDir('agent-desk-')
  const dir = options.dir ?? temp!.path
  const secrets = createMemorySecretStore()
  const kernel = createTestKernel(dir, 'headless', { secrets, ...(options.startAt ? { startAt: options.startAt } : {}), agents: { modelEndpoints: { deepseek: fake.url, qwen: fake.url } } })
  const client = createClient({
    call: (channel, input) => kernel.workstation.dispatch(channel, input),
    subscribe: (channel, listener) => kernel.workstation.subscribe(channel as never, listener),
  })

  const settle = <T>(work: Promise<T>, { maxMs = 120_000 } = {}): Promise<T> => drive(kernel, work, { stepMs: 20, realMsPerStep: 1, maxMs })

  async function until(check: () => Promise<boolean> | boolean, what: string, maxMs = 60_000): Promise<void> {
    for (let elapsed = 0; elapsed <= maxMs; elapsed += 100) {
      if (await check()) return
      await new Promise((resolve) => setTimeout(resolve, 1))
      kernel.clock.advance(100)
    }
    throw new Error(`timed out waiting for ${what}`)
  }

  await settle(kernel.workstation.agents!.ready)
  await settle(kernel.workstation.orderPath.reconciled)
  if (options.keys) {
    for (const providerId of ['deepseek', 'qwen']) {
      const saved = await settle(client.call('models.saveKey', { providerId, apiKey: FAKE_KEY }))
      if (!saved.test.ok) throw new Error(`test call to the fake failed: ${saved.test.message}`)
    }
  }
  return {
    kernel,
    client,
    secrets,
    dir,
    settle,
    until,
    async close() {
      await kernel.workstation.shutdown()
      temp?.remove()
    },
  }
}
