/**
 * `--model-endpoint ID=BASE_URL`, repeatable: where to reach a model
 * provider instead of its stored base URL (a local gateway, or a fake
 * OpenAI-compatible server in tests). Throws a message naming what was wrong.
 */
export function parseModelEndpoints(specs: readonly string[]): Record<string, string> {
  const endpoints: Record<string, string> = {}
  for (const spec of specs) {
    const eq = spec.indexOf('=')
    const id = eq < 0 ? '' : spec.slice(0, eq).trim()
    const raw = eq < 0 ? '' : spec.slice(eq + 1).trim()
    if (!/^[a-z0-9][a-z0-9_-]{0,39}$/.test(id) || raw === '') throw new Error(`--model-endpoint expects ID=BASE_URL, e.g. deepseek=http://127.0.0.1:8080/v1; received ${JSON.stringify(spec)}`)
    let url: URL
    try {
      url = new URL(raw)
    } catch {
      throw new Error(`--model-endpoint ${id}: ${JSON.stringify(raw)} is not a URL`)
    }
    if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new Error(`--model-endpoint ${id}: the URL must start with http:// or https://`)
    // Base URLs are stored and shown; a password in one would be too.
    if (url.username || url.password) throw new Error(`--model-endpoint ${id}: the URL must not carry a user name or password`)
    if (endpoints[id]) throw new Error(`--model-endpoint ${id} is given more than once`)
    endpoints[id] = raw.replace(/\/+$/, '')
  }
  return endpoints
}

/** `--pilots on|off` (default on). */
export function parsePilotsFlag(raw: string | undefined): boolean {
  if (raw === undefined || raw === 'on') return true
  if (raw === 'off') return false
  throw new Error(`--pilots expects on or off; received ${JSON.stringify(raw)}`)
}
