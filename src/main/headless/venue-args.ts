import type { EndpointOverrides } from '../adapters/ccxt'
import { KNOWN_VENUE_IDS, SIM_VENUE } from '../composition/market-venues'
import { endpointOverridesFor } from '../composition/venue-endpoints'

/** `--venues sim,okx`: the venues to register, known and each once. */
export function parseVenueList(raw: string): string[] {
  const ids = raw.split(',').map((id) => id.trim())
  if (ids.some((id) => id === '')) throw new Error(`--venues expects venue ids separated by commas, e.g. sim,okx; received ${JSON.stringify(raw)}`)
  const unknown = ids.filter((id) => !KNOWN_VENUE_IDS.includes(id))
  if (unknown.length > 0) throw new Error(`--venues: unknown venue ${unknown.map((id) => JSON.stringify(id)).join(', ')}; expected some of: ${KNOWN_VENUE_IDS.join(', ')}`)
  const repeated = ids.filter((id, i) => ids.indexOf(id) !== i)
  if (repeated.length > 0) throw new Error(`--venues names ${repeated[0]} more than once`)
  return ids
}

/**
 * `--venue-endpoint ID=REST_URL[,WS_URL]`, repeatable: where to reach a live
 * venue instead of its public hosts. Each id must be one of `venues` and
 * appear once; the simulator has no endpoint.
 */
export function parseVenueEndpoints(specs: readonly string[], venues: readonly string[]): Record<string, EndpointOverrides> {
  const endpoints: Record<string, EndpointOverrides> = {}
  for (const spec of specs) {
    const eq = spec.indexOf('=')
    const id = eq < 0 ? '' : spec.slice(0, eq).trim()
    const urls = eq < 0 ? [] : spec.slice(eq + 1).split(',').map((url) => url.trim())
    if (id === '' || urls.length < 1 || urls.length > 2 || urls.some((url) => url === '')) {
      throw new Error(`--venue-endpoint expects ID=REST_URL or ID=REST_URL,WS_URL, e.g. okx=http://127.0.0.1:8080; received ${JSON.stringify(spec)}`)
    }
    if (id === SIM_VENUE) throw new Error(`--venue-endpoint ${id}: the market simulator runs in-process and has no endpoint`)
    if (!KNOWN_VENUE_IDS.includes(id)) throw new Error(`--venue-endpoint: unknown venue ${JSON.stringify(id)}; expected one of: ${KNOWN_VENUE_IDS.filter((v) => v !== SIM_VENUE).join(', ')}`)
    if (!venues.includes(id)) throw new Error(`--venue-endpoint ${id}: ${id} is not registered; add it to --venues (now ${venues.join(',')})`)
    if (endpoints[id]) throw new Error(`--venue-endpoint ${id} is given more than once`)
    try {
      endpoints[id] = endpointOverridesFor(urls[0]!, urls[1])
    } catch (error) {
      throw new Error(`--venue-endpoint ${id}: ${(error as Error).message}`, { cause: error })
    }
  }
  return endpoints
}
