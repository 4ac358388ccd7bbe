/**
 * Where to reach the venue instead of its public hosts: a user's proxy, a
 * regional mirror, or a local fake in tests. Each override replaces scheme,
 * host and port of every URL of that kind; the venue's paths stay its own.
 */
export interface EndpointOverrides {
  /** e.g. 'https://proxy.example:8443' (only the origin is used). */
  rest?: string
  /** e.g. 'wss://proxy.example:8443' (only the origin is used). */
  ws?: string
}

/**
 * Returns a copy of ccxt's `urls.api` tree with the overrides applied. The
 * `{hostname}` placeholder ccxt uses (OKX's 'https://{hostname}') is filled
 * in first so the rewritten URL no longer depends on it.
 */
export function applyEndpointOverrides(api: unknown, overrides: EndpointOverrides, hostname: string | undefined): unknown {
  const rest = overrides.rest ? originOf(overrides.rest, ['http:', 'https:']) : null
  const ws = overrides.ws ? originOf(overrides.ws, ['ws:', 'wss:']) : null
  const rewrite = (value: unknown): unknown => {
    if (typeof value === 'string') return rewriteUrl(value, rest, ws, hostname)
    if (Array.isArray(value)) return value.map(rewrite)
    if (typeof value === 'object' && value !== null) {
      return Object.fromEntries(Object.entries(value).map(([key, inner]) => [key, rewrite(inner)]))
    }
    return value
  }
  return rewrite(api)
}

function rewriteUrl(raw: string, rest: string | null, ws: string | null, hostname: string | undefined): string {
  const filled = hostname ? raw.replaceAll('{hostname}', hostname) : raw
  let url: URL
  try {
    url = new URL(filled)
  } catch {
    return raw
  }
  const isWs = url.protocol === 'ws:' || url.protocol === 'wss:'
  const origin = isWs ? ws : url.protocol === 'http:' || url.protocol === 'https:' ? rest : null
  if (origin === null) return raw
  const tail = filled.slice(url.origin.length)
  return `${origin}${tail}`
}

function originOf(raw: string, protocols: string[]): string {
  let url: URL
  try {
    url = new URL(raw)
  } catch {
    throw new RangeError(`endpoint override '${raw}' is not a URL; expected e.g. ${protocols[0]}//host:port`)
  }
  if (!protocols.includes(url.protocol)) throw new RangeError(`endpoint override '${raw}' must use ${protocols.join(' or ')}, received ${url.protocol}`)
  return url.origin
}

/** True when some overridden WebSocket URL is plain ws://, which ccxt only opens with an HTTP agent. */
export function needsPlainWsAgent(overrides: EndpointOverrides): boolean {
  return overrides.ws !== undefined && overrides.ws.startsWith('ws://')
}
