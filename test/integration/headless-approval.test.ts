import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createWebSocketTransport, type WebSocketTransport } from '../../src/renderer/src/api/websocket-transport'
import { createClient, type WorkstationClient } from '../../src/shared/contract/client'
import type { EventPayload } from '../../src/shared/contract/channels'
import { startServerProcess, type ServerProcess } from '../support/run-cli'
import { makeTempDir } from '../support/temp-dir'

async function until(predicate: () => boolean, what: string, ms = 15_000): Promise<void> {
  const deadline = Date.now() + ms
  while (!predicate()) {
    if (Date.now() > deadline) throw new Error(`timed out after ${ms} ms waiting for ${what}`)
    await new Promise((resolve) => setTimeout(resolve, 10))
  }
}

// The headless second approval end to end: a risky action asked over the
// WebSocket, its code printed on the server's terminal (stderr) and typed
// back on its stdin, where no browser can reach.
describe('second approvals on the headless terminal', () => {
  let dir: ReturnType<typeof makeTempDir>
  let server: ServerProcess
  let transport: WebSocketTransport
  let client: WorkstationClient

  beforeEach(async () => {
    dir = makeTempDir()
    const rendererDir = join(dir.path, 'renderer')
    mkdirSync(rendererDir)
    writeFileSync(join(rendererDir, 'index.html'), '<!doctype html>')
    server = await startServerProcess(['--port', '0', '--data-dir', join(dir.path, 'data'), '--renderer-dir', rendererDir, '--venues', 'sim'], { stdin: 'pipe' })
    transport = createWebSocketTransport(`ws://127.0.0.1:${server.port}/ws?token=${server.token}`)
    let state = ''
    transport.onStateChange((s) => (state = s))
    await until(() => state === 'open', 'the WebSocket')
    client = createClient(transport)
  })
  afterEach(async () => {
    transport.close()
    await server.stop('SIGTERM')
    dir.remove()
  })

  const codeShown = async (nth: number): Promise<string> => {
    await until(() => (server.stderr().match(/type (\d{6}) and press Enter/g) ?? []).length >= nth, 'the approval code on the terminal')
    return [...server.stderr().matchAll(/type (\d{6}) and press Enter/g)][nth - 1]![1]!
  }

  it('approves with the code typed on the terminal, and denies a wrong one', async () => {
    const requested: EventPayload<'approvals.requested'>[] = []
    client.on('approvals.requested', (r) => requested.push(r))
    const config = await client.call('risk.getConfig')
    const looser = { config: { ...config, maxLeverage: 20 }, confirmed: true }

    const denied = client.callEnvelope('risk.updateConfig', looser)
    await codeShown(1)
    server.child.stdin!.write('000000x\n')
    expect(await denied).toMatchObject({ ok: false, error: { code: 'forbidden' } })

    const approved = client.callEnvelope('risk.updateConfig', looser)
    const code = await codeShown(2)
    await until(() => requested.length === 2, 'approvals.requested')
    expect(requested[1]).toMatchObject({ channel: 'terminal', title: 'Loosen the risk rules (1 change)' })
    expect(await client.call('approvals.pending')).toEqual([expect.objectContaining({ id: requested[1]!.id, channel: 'terminal' })])
    server.child.stdin!.write(`${code}\n`)
    expect(await approved).toMatchObject({ ok: true, value: { config: { version: config.version + 1, maxLeverage: 20 } } })
    expect(server.stderr()).toMatch(/APPROVED: Loosen the risk rules/)
  })
})
