import { randomBytes, timingSafeEqual } from 'node:crypto'
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import type { Duplex } from 'node:stream'
import { WebSocketServer } from 'ws'
import { MAX_FRAME_BYTES } from '../../shared/contract/frames'
import { CONTENT_SECURITY_POLICY } from '../../shared/security/content-security-policy'
import type { Workstation } from '../core/workstation'
import type { Logger } from '../ports/logger'
import { loadStaticFile } from './static-files'
import { serveContractOverWebSocket } from './ws-contract-transport'


export interface HeadlessServerOptions {
  workstation: Workstation
  logger: Logger
  rendererDir: string
  port: number
  /** Fixed token for tests; a random one otherwise. */
  token?: string
}

export interface HeadlessServer {
  readonly url: string
  readonly port: number
  readonly token: string
  close(): Promise<void>
}

/**
 * Serves the built renderer and the contract WebSocket on 127.0.0.1 only.
 * The WebSocket upgrade needs the per-run token; without it the connection is
 * refused before any frame is read.
 */
export async function startHeadlessServer(options: HeadlessServerOptions): Promise<HeadlessServer> {
  const token = options.token ?? randomBytes(24).toString('base64url')
  // Frames above the limit get an error envelope; far above it the socket is closed.
  const wss = new WebSocketServer({ noServer: true, maxPayload: MAX_FRAME_BYTES * 4 })
  wss.on('connection', (socket) => serveContractOverWebSocket(socket, options.workstation, options.logger))

  const server = createServer((req, res) => void serveHttp(req, res, options.rendererDir))
  server.on('upgrade', (req, socket, head) => {
    if (!isAuthorisedUpgrade(req, token, server.address() as AddressInfo)) {
      options.logger.warn('refused a websocket connection without a valid token', { remote: req.socket.remoteAddress })
      return refuse(socket)
    }
    wss.handleUpgrade(req, socket, head, (ws) => wss.emit('connection', ws, req))
  })

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(options.port, '127.0.0.1', () => resolve())
  })
  const { port } = server.address() as AddressInfo

  return {
    port,
    token,
    url: `http://127.0.0.1:${port}/?token=${token}`,
    close: async () => {
      for (const client of wss.clients) client.terminate()
      await new Promise<void>((resolve) => wss.close(() => resolve()))
      server.closeAllConnections()
      await new Promise<void>((resolve) => server.close(() => resolve()))
    },
  }
}

function isAuthorisedUpgrade(req: IncomingMessage, token: string, address: AddressInfo): boolean {
  const url = new URL(req.url ?? '/', 'http://127.0.0.1')
  if (url.pathname !== '/ws') return false
  // A page from another origin must not reach the kernel even if it guessed the port.
  const origin = req.headers.origin
  if (origin !== undefined && origin !== `http://127.0.0.1:${address.port}` && origin !== `http://localhost:${address.port}`) return false
  const given = Buffer.from(url.searchParams.get('token') ?? '')
  const expected = Buffer.from(token)
  return given.length === expected.length && timingSafeEqual(given, expected)
}

function refuse(socket: Duplex): void {
  socket.end('HTTP/1.1 401 Unauthorized\r\nConnection: close\r\nContent-Length: 0\r\n\r\n')
  socket.destroy()
}

async function serveHttp(req: IncomingMessage, res: ServerResponse, rendererDir: string): Promise<void> {
  res.setHeader('Content-Security-Policy', CONTENT_SECURITY_POLICY)
  res.setHeader('X-Content-Type-Options', 'nosniff')
  res.setHeader('Referrer-Policy', 'no-referrer')
  res.setHeader('Cross-Origin-Opener-Policy', 'same-origin')
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    res.writeHead(405, { Allow: 'GET, HEAD' }).end()
    return
  }
  const path = new URL(req.url ?? '/', 'http://127.0.0.1').pathname
  const file = await loadStaticFile(rendererDir, path === '/' ? '/index.html' : path)
  if (!file) {
    res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' }).end('Not found')
    return
  }
  res.writeHead(200, {
    'Content-Type': file.contentType,
    'Content-Length': file.body.length,
    'Cache-Control': file.immutable ? 'public, max-age=31536000, immutable' : 'no-cache',
  })
  res.end(req.method === 'HEAD' ? undefined : file.body)
}
