/**
 * WebSocket transport: /ws/v5/public, /ws/v5/private and /ws/v5/business.
 * Speaks OKX's protocol: {op:'subscribe'|'unsubscribe'|'login', args:[...]}
 * answered by {event, arg, connId} acks or {event:'error', code, msg, connId};
 * the text frame 'ping' is answered with 'pong'. Channels live in
 * ws-public.ts and ws-private.ts; this file only routes.
 */
import { randomBytes } from 'node:crypto'
import type { IncomingMessage } from 'node:http'
import type { Duplex } from 'node:stream'
import { WebSocket, WebSocketServer } from 'ws'
import { verifyLogin } from './auth'
import type { FakeContext } from './context'

export type Endpoint = 'public' | 'private' | 'business'
export type Arg = Record<string, string>

export interface ChannelSpec {
  /** True when this spec serves the channel name (e.g. every 'candle*'). */
  matches(channel: string): boolean
  endpoint: Endpoint
  needsLogin: boolean
  /** Refuses a bad arg with OKX's error, or null when fine. */
  check(arg: Arg): { code: string; msg: string } | null
  /** Pushes the initial state right after the ack (book snapshot, current ticker...). */
  onSubscribe?(conn: WsConn, arg: Arg): void
}

/** One client connection, with frames delayed by faults.latency while keeping their order. */
export class WsConn {
  readonly connId = randomBytes(4).toString('hex')
  loggedIn = false
  readonly subs = new Map<string, Arg>()
  private readonly queue: { due: number; data: string }[] = []
  private timer: NodeJS.Timeout | null = null
  private lastDue = 0

  constructor(
    readonly endpoint: Endpoint,
    readonly socket: WebSocket,
    private readonly latency: () => number,
  ) {}

  send(frame: unknown): void {
    this.sendRaw(typeof frame === 'string' ? frame : JSON.stringify(frame))
  }

  sendRaw(data: string): void {
    const lat = this.latency()
    if (lat <= 0 && this.queue.length === 0) return this.write(data)
    const due = Math.max(Date.now() + lat, this.lastDue)
    this.lastDue = due
    this.queue.push({ due, data })
    this.schedule()
  }

  private write(data: string): void {
    if (this.socket.readyState === WebSocket.OPEN) this.socket.send(data)
  }

  private schedule(): void {
    if (this.timer || this.queue.length === 0) return
    const wait = Math.max(0, (this.queue[0]?.due ?? 0) - Date.now())
    this.timer = setTimeout(() => {
      this.timer = null
      const now = Date.now()
      while (this.queue.length > 0 && (this.queue[0]?.due ?? 0) <= now) this.write(this.queue.shift()?.data ?? '')
      this.schedule()
    }, wait)
  }

  /** Every subscription on this connection to a channel accepted by `channel` (a name or a test). */
  subsOf(channel: string | ((name: string) => boolean)): Arg[] {
    const test = typeof channel === 'string' ? (name: string) => name === channel : channel
    return [...this.subs.values()].filter((a) => test(a.channel ?? ''))
  }

  dispose(): void {
    if (this.timer) clearTimeout(this.timer)
    this.timer = null
    this.queue.length = 0
  }
}

function argKey(arg: Arg): string {
  return JSON.stringify([arg.channel, arg.instId ?? '', arg.instType ?? '', arg.instFamily ?? '', arg.ccy ?? ''])
}

/** OKX args carry strings only; anything else is dropped. */
function toArg(v: unknown): Arg | null {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return null
  const out: Arg = {}
  for (const [k, val] of Object.entries(v)) if (typeof val === 'string') out[k] = val
  return typeof out.channel === 'string' ? out : null
}

export class WsHub {
  private readonly wss = new WebSocketServer({ noServer: true })
  readonly conns = new Set<WsConn>()

  constructor(
    private readonly ctx: FakeContext,
    private readonly channels: ChannelSpec[],
  ) {}

  /** Called from the HTTP server's 'upgrade' event. */
  handleUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer): void {
    const path = (req.url ?? '').split('?')[0]
    const endpoint = path === '/ws/v5/public' ? 'public' : path === '/ws/v5/private' ? 'private' : path === '/ws/v5/business' ? 'business' : null
    if (!endpoint) {
      socket.end('HTTP/1.1 404 Not Found\r\nConnection: close\r\n\r\n')
      return
    }
    this.wss.handleUpgrade(req, socket, head, (ws) => this.accept(endpoint, ws))
  }

  private accept(endpoint: Endpoint, ws: WebSocket): void {
    const conn = new WsConn(endpoint, ws, () => this.ctx.faults.latencyMs)
    this.conns.add(conn)
    ws.on('message', (data) => this.onMessage(conn, data.toString()))
    ws.on('close', () => {
      conn.dispose()
      this.conns.delete(conn)
    })
    ws.on('error', () => ws.terminate())
  }

  private onMessage(conn: WsConn, text: string): void {
    if (text === 'ping') return conn.sendRaw('pong')
    let msg: unknown
    try {
      msg = JSON.parse(text)
    } catch {
      return conn.send({ event: 'error', code: '60012', msg: `Invalid request: ${text}`, connId: conn.connId })
    }
    const m = (typeof msg === 'object' && msg !== null ? msg : {}) as { op?: unknown; args?: unknown; id?: unknown }
    const id = typeof m.id === 'string' ? { id: m.id } : {}
    const args = Array.isArray(m.args) ? m.args : []
    if (m.op === 'login') return this.login(conn, args[0], id)
    if (m.op === 'subscribe' || m.op === 'unsubscribe') {
      if (args.length === 0) return conn.send({ ...id, event: 'error', code: '60013', msg: 'Invalid args', connId: conn.connId })
      for (const raw of args) this.subscription(conn, m.op, raw, id)
      return
    }
    conn.send({ ...id, event: 'error', code: '60019', msg: `Invalid op: ${String(m.op)}`, connId: conn.connId })
  }

  private login(conn: WsConn, raw: unknown, id: object): void {
    const result = verifyLogin(this.ctx.creds, (typeof raw === 'object' && raw !== null ? raw : {}) as Record<string, unknown>)
    if (!result.ok) return conn.send({ ...id, event: 'error', code: result.code, msg: result.msg, connId: conn.connId })
    conn.loggedIn = true
    conn.send({ ...id, event: 'login', code: '0', msg: '', connId: conn.connId })
  }

  private subscription(conn: WsConn, op: 'subscribe' | 'unsubscribe', raw: unknown, id: object): void {
    const arg = toArg(raw)
    const error = (code: string, msg: string): void => conn.send({ ...id, event: 'error', code, msg, connId: conn.connId })
    if (!arg) return error('60013', 'Invalid args')
    const spec = this.channels.find((c) => c.matches(arg.channel ?? ''))
    if (!spec) return error('60018', `Wrong URL or channel:${arg.channel}, instId:${arg.instId ?? ''} doesn't exist.`)
    if (spec.endpoint !== conn.endpoint) {
      if (spec.endpoint === 'business') return error('64001', 'This channel has been migrated to the business URL. Please subscribe using the new URL.')
      return error('60018', `Wrong URL or channel:${arg.channel}, instId:${arg.instId ?? ''} doesn't exist.`)
    }
    if (op === 'unsubscribe') {
      conn.subs.delete(argKey(arg))
      return conn.send({ ...id, event: 'unsubscribe', arg, connId: conn.connId })
    }
    if (spec.needsLogin && !conn.loggedIn) return error('60011', 'Please log in')
    const bad = spec.check(arg)
    if (bad) return error(bad.code, bad.msg)
    conn.subs.set(argKey(arg), arg)
    conn.send({ ...id, event: 'subscribe', arg, connId: conn.connId })
    spec.onSubscribe?.(conn, arg)
  }

  /** Calls `fn` for every subscription to `channel` (a name or a test), on every connection. */
  each(channel: string | ((name: string) => boolean), fn: (conn: WsConn, arg: Arg) => void): void {
    for (const conn of this.conns) for (const arg of conn.subsOf(channel)) fn(conn, arg)
  }

  /** Abrupt drop of every connection (the client sees code 1006). */
  dropAll(): void {
    for (const conn of this.conns) {
      conn.dispose()
      conn.socket.terminate()
    }
    this.conns.clear()
  }

  async close(): Promise<void> {
    this.dropAll()
    await new Promise<void>((resolve) => this.wss.close(() => resolve()))
  }
}
