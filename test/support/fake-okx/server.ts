/**
 * HTTP side: routing under /api/v5, OKX's envelope, signature checks, the
 * request log and the REST faults (rate limit, 5xx, latency, accepted-but-
 * never-answered orders). WebSocket upgrades are handed to the WsHub.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { verifyRest } from './auth'
import type { FakeContext, RestReply, Route } from './context'
import type { RequestLogEntry } from './types'
import type { WsHub } from './ws-server'

export class RestServer {
  readonly server: Server
  readonly log: RequestLogEntry[] = []
  private readonly routes = new Map<string, Route>()
  private readonly timers = new Set<NodeJS.Timeout>()
  /** Responses held open by faults.timeoutAfterAccept; destroyed on close. */
  private readonly hanging = new Set<ServerResponse>()

  constructor(
    private readonly ctx: FakeContext,
    routes: Route[],
    hub: WsHub,
  ) {
    for (const r of routes) this.routes.set(`${r.method} ${r.path}`, r)
    this.server = createServer((req, res) => this.onRequest(req, res))
    this.server.on('upgrade', (req, socket, head) => hub.handleUpgrade(req, socket, head))
  }

  async listen(): Promise<number> {
    await new Promise<void>((resolve, reject) => {
      this.server.once('error', reject)
      this.server.listen(0, '127.0.0.1', () => resolve())
    })
    return (this.server.address() as AddressInfo).port
  }

  private onRequest(req: IncomingMessage, res: ServerResponse): void {
    const chunks: Buffer[] = []
    req.on('data', (c: Buffer) => chunks.push(c))
    req.on('end', () => this.dispatch(req, res, Buffer.concat(chunks).toString('utf8')))
  }

  private dispatch(req: IncomingMessage, res: ServerResponse, rawBody: string): void {
    const method = req.method ?? 'GET'
    const requestPath = req.url ?? '/'
    const [path = '/', query = ''] = requestPath.split('?', 2)
    this.log.push({ method, path, query, at: Date.now(), simulated: req.headers['x-simulated-trading'] === '1' })

    const limited = this.ctx.faults.takeRateLimit()
    if (limited) {
      // OKX answers a rate limit with HTTP 429 and code 50011; 'code50011' models the same code behind HTTP 200.
      return this.reply(res, { status: limited === 'http429' ? 429 : 200, body: { code: '50011', msg: 'Too Many Requests', data: [] } })
    }
    if (this.ctx.faults.takeServerError()) return this.replyText(res, 503, 'Service Unavailable')

    const route = this.routes.get(`${method} ${path}`)
    if (!route) return this.reply(res, { status: 404, body: { code: '404', msg: `Not Found: ${method} ${path}`, data: [] } })
    if (route.auth) {
      const auth = verifyRest(this.ctx.creds, method, requestPath, method === 'GET' ? '' : rawBody, req.headers)
      if (!auth.ok) return this.reply(res, { status: 401, body: { code: auth.code, msg: auth.msg, data: [] } })
    }
    let body: unknown
    if (method === 'POST') {
      try {
        body = rawBody === '' ? {} : JSON.parse(rawBody)
      } catch {
        return this.reply(res, { status: 400, body: { code: '50002', msg: 'JSON syntax error', data: [] } })
      }
    }
    const hang = route.placesOrder === true && this.ctx.faults.takeTimeoutAfterAccept()
    const result = route.handle({ method, path, query: new URLSearchParams(query), body })
    if (hang) {
      // The order is placed; the answer never comes. The client's own timeout ends the exchange.
      this.hanging.add(res)
      res.on('close', () => this.hanging.delete(res))
      return
    }
    this.reply(res, result)
  }

  private reply(res: ServerResponse, r: RestReply): void {
    this.later(() => {
      res.writeHead(r.status, { 'Content-Type': 'application/json' })
      res.end(JSON.stringify(r.body))
    })
  }

  private replyText(res: ServerResponse, status: number, text: string): void {
    this.later(() => {
      res.writeHead(status, { 'Content-Type': 'text/plain' })
      res.end(text)
    })
  }

  private later(fn: () => void): void {
    const ms = this.ctx.faults.latencyMs
    if (ms <= 0) return fn()
    const t = setTimeout(() => {
      this.timers.delete(t)
      fn()
    }, ms)
    this.timers.add(t)
  }

  async close(): Promise<void> {
    for (const t of this.timers) clearTimeout(t)
    this.timers.clear()
    for (const res of this.hanging) res.destroy()
    this.hanging.clear()
    await new Promise<void>((resolve) => {
      this.server.close(() => resolve())
      this.server.closeAllConnections()
    })
  }
}
