import type { EndpointOverrides } from '../adapters/ccxt'

/**
 * The endpoint overrides of one venue from a REST URL and, optionally, a
 * WebSocket URL. The ccxt adapter keeps only the origin of each and keeps the
 * venue's own paths (OKX's /ws/v5/public), so when no WebSocket URL is given
 * it is the REST origin with ws:/wss: instead of http:/https:. Deriving it
 * matters: overriding REST alone would leave the streams on the venue's
 * public hosts. Throws a message naming what was wrong.
 */
export function endpointOverridesFor(restUrl: string, wsUrl?: string): EndpointOverrides {
  const rest = parseUrl(restUrl, ['http:', 'https:'], 'REST')
  const ws = wsUrl === undefined ? null : parseUrl(wsUrl, ['ws:', 'wss:'], 'WebSocket')
  return {
    rest: rest.origin,
    ws: ws ? `${ws.protocol}//${ws.host}` : `${rest.protocol === 'https:' ? 'wss:' : 'ws:'}//${rest.host}`,
  }
}

function parseUrl(raw: string, protocols: readonly string[], kind: string): URL {
  let url: URL
  try {
    url = new URL(raw)
  } catch {
    throw new Error(`${kind} URL ${JSON.stringify(raw)} is not a URL; expected e.g. ${protocols[0]}//127.0.0.1:8080`)
  }
  if (!protocols.includes(url.protocol)) throw new Error(`${kind} URL ${JSON.stringify(raw)} must start with ${protocols.map((p) => `${p}//`).join(' or ')}`)
  // The endpoints are logged when a venue connects; a password in them would be too.
  if (url.username || url.password) throw new Error(`${kind} URL ${JSON.stringify(raw)} must not carry a user name or password`)
  return url
}
