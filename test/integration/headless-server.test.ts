import Database from 'better-sqlite3'
import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import WebSocket from 'ws'
import { profileDatabasePath } from '../../src/main/adapters/sqlite/sqlite-profile-store'
import { MAX_FRAME_BYTES } from '../../src/shared/contract/frames'
import { startServerProcess, type ServerProcess } from '../support/run-cli'
import { makeTempDir } from '../support/temp-dir'

/** Opens a raw WebSocket and collects parsed frames. */
async function connect(url: string, headers: Record<string, string> = {}): Promise<{ ws: WebSocket; frames: unknown[]; next(): Promise<Record<string, unknown>> }> {
  const ws = new WebSocket(url, { headers })
  const frames: unknown[] = []
  const waiters: ((frame: Record<string, unknown>) => void)[] = []
  ws.on('message', (data) => {
    const frame = JSON.parse(String(data)) as Record<string, unknown>
    const waiter = waiters.shift()
    if (waiter) waiter(frame)
    else frames.push(frame)
  })
  await new Promise<void>((resolve, reject) => {
    ws.once('open', () => resolve())
    ws.once('error', reject)
  })
  return {
    ws,
    frames,
    next: () => new Promise((resolve) => (frames.length ? resolve(frames.shift() as Record<string, unknown>) : waiters.push(resolve))),
  }
}

/** Resolves with the HTTP status of a refused upgrade. */
function refusedStatus(url: string, headers: Record<string, string> = {}): Promise<number> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(url, { headers })
    ws.on('unexpected-response', (_req, res) => resolve(res.statusCode ?? 0))
    ws.on('open', () => reject(new Error('connection was accepted')))
    ws.on('error', () => {})
  })
}

function auditRows(dataDir: string): number {
  const db = new Database(profileDatabasePath(dataDir), { readonly: true })
  try {
    return db.prepare('SELECT count(*) FROM audit_log').pluck().get() as number
  } finally {
    db.close()
  }
}

describe('headless server process', () => {
  let dir: ReturnType<typeof makeTempDir>
  let server: ServerProcess
  let wsUrl: string

  beforeAll(async () => {
    dir = makeTempDir()
    const rendererDir = join(dir.path, 'renderer')
    mkdirSync(rendererDir)
    writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>Workstation</title>')
    server = await startServerProcess(['--port', '0', '--data-dir', join(dir.path, 'data'), '--renderer-dir', rendererDir])
    wsUrl = `ws://127.0.0.1:${server.port}/ws?token=${server.token}`
  })
  afterAll(async () => {
    await server.stop()
    dir.remove()
  })

  it('prints one READY line and serves the renderer on 127.0.0.1 with a strict CSP', async () => {
    const res = await fetch(server.url)
    expect(res.status).toBe(200)
    expect(await res.text()).toContain('<title>Workstation</title>')
    expect(res.headers.get('content-security-policy')).toMatch(/default-src 'self'.*script-src 'self'/)
    expect((await fetch(`http://127.0.0.1:${server.port}/../../etc/passwd`)).status).toBe(200) // falls back to index.html, never outside
    expect(await (await fetch(`http://127.0.0.1:${server.port}/%2e%2e/%2e%2e/etc/passwd`)).text()).not.toContain('root:')
    expect((await fetch(server.url, { method: 'POST' })).status).toBe(405)
  })

  it.each([
    ['no token', (port: number) => `ws://127.0.0.1:${port}/ws`, {}],
    ['a wrong token', (port: number) => `ws://127.0.0.1:${port}/ws?token=wrong`, {}],
    ['a token of the wrong length', (port: number) => `ws://127.0.0.1:${port}/ws?token=x`, {}],
    ['another path', (port: number, token: string) => `ws://127.0.0.1:${port}/other?token=${token}`, {}],
  ])('refuses a connection with %s', async (_what, makeUrl, headers) => {
    expect(await refusedStatus(makeUrl(server.port, server.token), headers)).toBe(401)
  })

  it('refuses the right token from a foreign page origin', async () => {
    expect(await refusedStatus(wsUrl, { Origin: 'https://evil.example' })).toBe(401)
  })

  it('answers every malformed frame with an error envelope, keeps the connection, and writes nothing', async () => {
    const before = auditRows(join(dir.path, 'data'))
    const { ws, next } = await connect(wsUrl)
    const cases: [string | Buffer, string][] = [
      ['not json at all', 'malformed_frame'],
      [Buffer.from([1, 2, 3]), 'malformed_frame'],
      [JSON.stringify({ type: 'dance' }), 'malformed_frame'],
      [JSON.stringify({ type: 'call', id: 7 }), 'malformed_frame'],
      [JSON.stringify({ type: 'call', id: 8, channel: 'orders.teleport' }), 'unknown_channel'],
      [JSON.stringify({ type: 'call', id: 9, channel: 'settings.update', input: { language: 'xx' } }), 'invalid_input'],
      [JSON.stringify({ type: 'subscribe', channel: 'nope.happened' }), 'unknown_channel'],
      [JSON.stringify({ type: 'call', id: 10, channel: 'system.ping', input: { nonce: 'x'.repeat(MAX_FRAME_BYTES) } }), 'frame_too_large'],
    ]
    for (const [frame, code] of cases) {
      ws.send(frame)
      expect(await next()).toMatchObject({ type: 'result', ok: false, error: { code } })
    }
    ws.send(JSON.stringify({ type: 'call', id: 11, channel: 'system.ping', input: { nonce: 'still-alive' } }))
    expect(await next()).toMatchObject({ type: 'result', id: 11, ok: true, value: { nonce: 'still-alive' } })
    expect(auditRows(join(dir.path, 'data'))).toBe(before)
    ws.close()
  })

  it('closes a connection sending a grossly oversize frame, and the process keeps serving others', async () => {
    const { ws } = await connect(wsUrl)
    const closed = new Promise<number>((resolve) => ws.on('close', (code) => resolve(code)))
    ws.send('x'.repeat(MAX_FRAME_BYTES * 5))
    expect(await closed).toBe(1009)
    const other = await connect(wsUrl)
    other.ws.send(JSON.stringify({ type: 'call', id: 1, channel: 'system.health' }))
    expect(await other.next()).toMatchObject({ ok: true, value: { overall: 'running' } })
    other.ws.close()
  })

  it('delivers heartbeats to a subscriber about once per second', async () => {
    const { ws, next } = await connect(wsUrl)
    ws.send(JSON.stringify({ type: 'subscribe', channel: 'system.heartbeat' }))
    const first = await next()
    const second = await next()
    expect(first).toMatchObject({ type: 'event', channel: 'system.heartbeat' })
    const gap = (second.payload as { at: number }).at - (first.payload as { at: number }).at
    expect(gap).toBeGreaterThan(500)
    expect(gap).toBeLessThan(2500)
    ws.close()
  })
})
