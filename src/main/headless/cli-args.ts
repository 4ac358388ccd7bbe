import { resolve } from 'node:path'
import { parseArgs } from 'node:util'
import type { EndpointOverrides } from '../adapters/ccxt'
import { DEFAULT_VENUE_IDS } from '../composition/market-venues'
import { parseModelEndpoints, parsePilotsFlag } from './model-args'
import { parseVenueEndpoints, parseVenueList } from './venue-args'

export interface HeadlessArgs {
  port: number
  dataDir: string
  rendererDir: string
  /** The venues to register, in picker order. */
  venues: string[]
  /** Per venue id, where to reach it instead of its public hosts. */
  endpoints: Record<string, EndpointOverrides>
  /** The folder with the default prompts (resources/). */
  resourcesDir: string
  /** Per model provider id, the base URL to use instead of its stored one. */
  modelEndpoints: Record<string, string>
  /** Whether the pilots' schedule starts with the server (`--pilots off` leaves them for on-demand runs). */
  pilots: boolean
}

/** Parses `serve` arguments; throws a message meant for the terminal on bad input. */
export function parseHeadlessArgs(argv: string[], defaults: { dataDir: string; rendererDir: string; resourcesDir: string }): HeadlessArgs {
  const { values } = parseArgs({
    args: argv,
    options: {
      port: { type: 'string' },
      'data-dir': { type: 'string' },
      'renderer-dir': { type: 'string' },
      venues: { type: 'string' },
      'venue-endpoint': { type: 'string', multiple: true },
      'resources-dir': { type: 'string' },
      'model-endpoint': { type: 'string', multiple: true },
      pilots: { type: 'string' },
    },
    strict: true,
    allowPositionals: false,
  })
  const port = values.port === undefined ? 0 : Number(values.port)
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`--port expects an integer from 0 to 65535, received ${JSON.stringify(values.port)}`)
  const venues = values.venues === undefined ? [...DEFAULT_VENUE_IDS] : parseVenueList(values.venues)
  return {
    port,
    dataDir: resolve(values['data-dir'] ?? defaults.dataDir),
    rendererDir: resolve(values['renderer-dir'] ?? defaults.rendererDir),
    venues,
    endpoints: parseVenueEndpoints(values['venue-endpoint'] ?? [], venues),
    resourcesDir: resolve(values['resources-dir'] ?? defaults.resourcesDir),
    modelEndpoints: parseModelEndpoints(values['model-endpoint'] ?? []),
    pilots: parsePilotsFlag(values.pilots),
  }
}
