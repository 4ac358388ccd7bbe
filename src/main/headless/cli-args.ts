import { resolve } from 'node:path'
import { parseArgs } from 'node:util'
import type { EndpointOverrides } from '../adapters/ccxt'
import { DEFAULT_VENUE_IDS } from '../composition/market-venues'
import { parseVenueEndpoints, parseVenueList } from './venue-args'

export interface HeadlessArgs {
  port: number
  dataDir: string
  rendererDir: string
  /** The venues to register, in picker order. */
  venues: string[]
  /** Per venue id, where to reach it instead of its public hosts. */
  endpoints: Record<string, EndpointOverrides>
}

/** Parses `serve` arguments; throws a message meant for the terminal on bad input. */
export function parseHeadlessArgs(argv: string[], defaults: { dataDir: string; rendererDir: string }): HeadlessArgs {
  const { values } = parseArgs({
    args: argv,
    options: {
      port: { type: 'string' },
      'data-dir': { type: 'string' },
      'renderer-dir': { type: 'string' },
      venues: { type: 'string' },
      'venue-endpoint': { type: 'string', multiple: true },
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
  }
}
