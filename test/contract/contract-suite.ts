import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createClient, type RawTransport, type WorkstationClient } from '../../src/shared/contract/client'
import { ContractCallError } from '../../src/shared/contract/envelope'
import type { ShellKind } from '../../src/shared/domain/system'
import { makeTempDir } from '../support/temp-dir'
import { createTestKernel, type TestKernel } from '../support/test-kernel'

/** One transport wired to a running test kernel, as a renderer would see it. */
export interface TransportUnderTest {
  raw: RawTransport
  close(): Promise<void>
}

export interface ContractSuiteOptions {
  shell: ShellKind
  /** Connects a renderer-side raw transport to the kernel through the transport being tested. */
  connect(kernel: TestKernel): Promise<TransportUnderTest>
}

/** Waits until `predicate` holds, flushing I/O between checks; fails after `ms`. */
export async function until(predicate: () => boolean, ms = 3000): Promise<void> {
  const deadline = Date.now() + ms
  while (!predicate()) {
    if (Date.now() > deadline) throw new Error(`condition not met within ${ms} ms`)
    await new Promise((resolve) => setTimeout(resolve, 5))
  }
}

/**
 * The contract suite: every transport must pass it unchanged. It talks only
 * through the renderer's raw transport and typed client, never to the kernel
 * directly, except to check that bad input wrote nothing.
 */
export function defineContractSuite(name: string, options: ContractSuiteOptions): void {
  describe(`contract over ${name}`, () => {
    let dir: ReturnType<typeof makeTempDir>
    let kernel: TestKernel
    let transport: TransportUnderTest
    let client: WorkstationClient

    const open = async (): Promise<void> => {
      kernel = createTestKernel(dir.path, options.shell)
      transport = await options.connect(kernel)
      client = createClient(transport.raw)
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

    it('system.info names the version, shell, mode and data dir', async () => {
      const info = await client.call('system.info')
      expect(info).toMatchObject({ version: '0.0.0-test', shell: options.shell, mode: 'paper', dataDir: dir.path })
    })

    it('system.ping echoes the nonce with kernel time', async () => {
      const answer = await client.call('system.ping', { nonce: 'n-42' })
      expect(answer).toEqual({ nonce: 'n-42', at: kernel.clock.now() })
    })

    it('system.health reports every component running', async () => {
      const health = await client.call('system.health')
      expect(health.overall).toBe('running')
      expect(health.components.map((c) => c.name).sort()).toEqual(['heartbeat', 'settings', 'storage'])
    })

    it('settings round-trip, persist across a restart, and announce the change', async () => {
      expect(await client.call('settings.get')).toEqual({ language: null, theme: 'dark', logLevel: 'info' })
      const seen: unknown[] = []
      const off = client.on('settings.changed', (s) => seen.push(s))
      await until(() => kernel.workstation.bus.listenerCount('settings.changed') > 0)
      const updated = await client.call('settings.update', { language: 'zh-CN', logLevel: 'debug' })
      expect(updated).toEqual({ language: 'zh-CN', theme: 'dark', logLevel: 'debug' })
      await until(() => seen.length === 1)
      expect(seen[0]).toEqual(updated)
      off()

      await shut()
      await open()
      expect(await client.call('settings.get')).toEqual(updated)
    })

    it('heartbeat arrives once per kernel second and stops after unsubscribe', async () => {
      const beats: { seq: number; at: number }[] = []
      const off = client.on('system.heartbeat', (b) => beats.push(b))
      await until(() => kernel.workstation.bus.listenerCount('system.heartbeat') > 0)
      kernel.clock.advance(3000)
      await until(() => beats.length === 3)
      expect(beats.map((b) => b.at - beats[0]!.at)).toEqual([0, 1000, 2000])
      off()
      await until(() => kernel.workstation.bus.listenerCount('system.heartbeat') === 0)
      kernel.clock.advance(2000)
      await new Promise((resolve) => setTimeout(resolve, 30))
      expect(beats).toHaveLength(3)
    })

    it('an unknown channel gets an error envelope', async () => {
      const envelope = await transport.raw.call('orders.teleport', {})
      expect(envelope).toMatchObject({ ok: false, error: { code: 'unknown_channel' } })
    })

    it('input failing its schema is refused before the handler runs and writes nothing', async () => {
      const auditBefore = kernel.store.audit.tail(1)[0]!.seq
      for (const bad of [{ language: 'klingon' }, {}, { logLevel: 'debug', extra: 1 }, 'zh-CN', null]) {
        const envelope = await transport.raw.call('settings.update', bad)
        expect(envelope.ok).toBe(false)
        if (!envelope.ok) expect(envelope.error.code).toBe('invalid_input')
      }
      expect(await client.call('settings.get')).toEqual({ language: null, theme: 'dark', logLevel: 'info' })
      expect(kernel.store.audit.tail(1)[0]!.seq).toBe(auditBefore)
    })

    it('the typed client throws a ContractCallError carrying the code', async () => {
      const call = client.call('system.ping', { nonce: 'x'.repeat(1000) })
      await expect(call).rejects.toBeInstanceOf(ContractCallError)
      await expect(call).rejects.toMatchObject({ code: 'invalid_input' })
    })
  })
}
