// Contract transport benchmark: WebSocket round trips and event throughput,
// each against a same-process MessageChannel baseline measured in the same run
// (the machines are shared and noisy, so only ratios are comparable).
import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { MessageChannel } from 'node:worker_threads'
import WebSocket from 'ws'
import { startHeadlessServer } from '../../src/main/headless/headless-server'
import { makeTempDir } from '../support/temp-dir'
import { createTestKernel } from '../support/test-kernel'
import { reportBench, withBaseline } from './support/report'

const ROUND_TRIPS = 3000
const WARMUP = 300
const EVENTS = 50_000

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!
}

/** Sequential round trips through `send`; the transport calls `reply()` when an answer arrives. */
function createRoundTripper(send: (id: number) => void): { reply(): void; run(count: number): Promise<number[]> } {
  let resolveOne: (() => void) | null = null
  return {
    reply: () => resolveOne?.(),
    async run(count) {
      const samples: number[] = []
      for (let i = 0; i < count; i++) {
        const started = process.hrtime.bigint()
        await new Promise<void>((resolve) => {
          resolveOne = resolve
          send(i)
        })
        samples.push(Number(process.hrtime.bigint() - started) / 1000)
      }
      return samples.sort((a, b) => a - b)
    },
  }
}

async function messageChannelRoundTrips(count: number): Promise<number[]> {
  const { port1, port2 } = new MessageChannel()
  port2.on('message', (frame: { id: number; nonce: string }) => port2.postMessage({ id: frame.id, ok: true, value: { nonce: frame.nonce, at: Date.now() } }))
  const tripper = createRoundTripper((id) => port1.postMessage({ id, nonce: 'n' }))
  port1.on('message', () => tripper.reply())
  await tripper.run(WARMUP)
  const samples = await tripper.run(count)
  port1.close()
  return samples
}

async function messageChannelEventsPerSecond(count: number): Promise<number> {
  const { port1, port2 } = new MessageChannel()
  let received = 0
  const done = new Promise<void>((resolve) => port2.on('message', () => ++received === count && resolve()))
  const started = process.hrtime.bigint()
  for (let i = 0; i < count; i++) port1.postMessage({ type: 'event', channel: 'system.heartbeat', payload: { seq: i, at: i } })
  await done
  const seconds = Number(process.hrtime.bigint() - started) / 1e9
  port1.close()
  return count / seconds
}

async function main(): Promise<void> {
  const dir = makeTempDir('workstation-bench-')
  const kernel = createTestKernel(dir.path)
  const rendererDir = join(dir.path, 'renderer')
  mkdirSync(rendererDir)
  writeFileSync(join(rendererDir, 'index.html'), '<!doctype html>')
  const server = await startHeadlessServer({ workstation: kernel.workstation, logger: kernel.logger, rendererDir, port: 0 })
  const ws = new WebSocket(`ws://127.0.0.1:${server.port}/ws?token=${server.token}`)
  await new Promise((resolve) => ws.once('open', resolve))

  const tripper = createRoundTripper((id) => ws.send(JSON.stringify({ type: 'call', id, channel: 'system.ping', input: { nonce: 'n' } })))
  let eventCount = 0
  let onEvent: (() => void) | null = null
  ws.on('message', (data) => {
    const frame = JSON.parse(String(data)) as { type: string; id?: number }
    if (frame.type === 'result') tripper.reply()
    else {
      eventCount++
      onEvent?.()
    }
  })
  await tripper.run(WARMUP)
  const wsSamples = await tripper.run(ROUND_TRIPS)
  const baseSamples = await messageChannelRoundTrips(ROUND_TRIPS)

  ws.send(JSON.stringify({ type: 'subscribe', channel: 'system.heartbeat' }))
  while (kernel.workstation.bus.listenerCount('system.heartbeat') === 0) await new Promise((r) => setTimeout(r, 5))
  const allEvents = new Promise<void>((resolve) => (onEvent = () => eventCount === EVENTS && resolve()))
  const started = process.hrtime.bigint()
  for (let i = 0; i < EVENTS; i++) kernel.workstation.bus.publish('system.heartbeat', { seq: i, at: i })
  await allEvents
  const wsEventsPerSecond = EVENTS / (Number(process.hrtime.bigint() - started) / 1e9)
  const baseEventsPerSecond = await messageChannelEventsPerSecond(EVENTS)

  ws.close()
  await server.close()
  await kernel.workstation.shutdown()
  dir.remove()

  reportBench([
    withBaseline('contract round trip over WebSocket, p50 (baseline: MessageChannel)', percentile(wsSamples, 50), 'µs', percentile(baseSamples, 50)),
    withBaseline('contract round trip over WebSocket, p99 (baseline: MessageChannel)', percentile(wsSamples, 99), 'µs', percentile(baseSamples, 99)),
    withBaseline('events delivered to a WebSocket subscriber (baseline: MessageChannel)', wsEventsPerSecond, 'events/s', baseEventsPerSecond),
  ])
}

main().catch((error: unknown) => {
  console.error(error)
  process.exit(1)
})
