import { afterEach, beforeEach } from 'vitest'
import type { CommandName } from '../../src/shared/contract/channels'
import type { OrderDraft } from '../../src/shared/contract/domains/orders'
import type { Envelope } from '../../src/shared/contract/envelope'
import { createClient, type WorkstationClient } from '../../src/shared/contract/client'
import { makeTempDir } from '../support/temp-dir'
import { createTestKernel, drive, type TestKernel, type TestKernelOptions } from '../support/test-kernel'
import type { ContractSuiteOptions, TransportUnderTest } from './contract-suite'

export const BTC = 'BTC/USDT:USDT'

/** A market buy of the smallest BTC size on the default paper account: about 6.5 USDT. */
export function draft(overrides: Partial<OrderDraft> = {}): OrderDraft {
  return {
    accountId: 'paper-sim',
    venue: 'sim',
    symbol: BTC,
    side: 'buy',
    type: 'market',
    amount: 0.01,
    price: null,
    timeInForce: 'IOC',
    postOnly: false,
    reduceOnly: false,
    leverage: null,
    ttlMs: 60_000,
    partialFillPolicy: 'cancel_rest',
    stopLoss: null,
    takeProfit: null,
    ...overrides,
  }
}

export interface OrderPathRig {
  readonly kernel: TestKernel
  readonly transport: TransportUnderTest
  readonly client: WorkstationClient
  readonly dir: string
  /** A call whose handler waits on kernel time (a first book, an approval, a kill switch's backoff). */
  call: WorkstationClient['call']
  /** The same, answering the envelope (to read an error's code). */
  raw(channel: CommandName, input?: unknown): Promise<Envelope<unknown>>
  /** Shuts the kernel and opens a new one on the same files, the clock carried on. */
  restart(options?: TestKernelOptions): Promise<void>
}

/** A kernel on a fresh profile behind the transport under test, per test. */
export function useOrderPathRig(options: ContractSuiteOptions, defaults: TestKernelOptions = {}): OrderPathRig {
  let dir: ReturnType<typeof makeTempDir>
  let kernel: TestKernel
  let transport: TransportUnderTest
  let client: WorkstationClient

  const open = async (kernelOptions: TestKernelOptions = {}): Promise<void> => {
    kernel = createTestKernel(dir.path, options.shell, { ...defaults, ...kernelOptions })
    transport = await options.connect(kernel)
    client = createClient(transport.raw)
    await drive(kernel, kernel.workstation.orderPath.reconciled)
  }
  const shut = async (): Promise<void> => {
    await transport.close()
    await kernel.workstation.shutdown()
  }

  beforeEach(async () => {
    dir = makeTempDir()
    await open()
  })
  afterEach(async () => {
    await shut()
    dir.remove()
  })

  return {
    get kernel() {
      return kernel
    },
    get transport() {
      return transport
    },
    get client() {
      return client
    },
    get dir() {
      return dir.path
    },
    call: ((channel: CommandName, ...rest: unknown[]) => drive(kernel, (client.call as (c: CommandName, ...r: unknown[]) => Promise<unknown>)(channel, ...rest))) as WorkstationClient['call'],
    raw: (channel, input) => drive(kernel, transport.raw.call(channel, input)),
    async restart(kernelOptions = {}) {
      const startAt = kernel.clock.now()
      await shut()
      await open({ startAt, ...kernelOptions })
    },
  }
}
