import type { VenueCapabilities } from '../../shared/domain/venue'
import type { MarketDataClient } from '../ports/market-data-client'
import { isVenueError, VenueError } from '../ports/venue-error'

/** What the factory builds: a market data client and the close of everything behind it (a ccxt venue). */
export interface LazyVenueHandle {
  readonly marketData: MarketDataClient
  close(): Promise<void>
}

export interface LazyMarketDataOptions {
  venue: string
  /** Known without the venue (from its profile), so the kernel can list the venue before it exists. */
  capabilities: VenueCapabilities
  /** Builds the real client. Called on first use, once however many callers wait, and again after a failure. */
  create: () => Promise<LazyVenueHandle>
}

/**
 * A market data client that builds the real one on first use. Registering a
 * live venue then costs nothing: no SDK instance, no socket, no request until
 * the trader connects or watches it. A failed build is forgotten so the next
 * call tries again, and it surfaces as a VenueError the kernel can show.
 */
export function createLazyMarketData(options: LazyMarketDataOptions): MarketDataClient {
  const { venue } = options
  let handle: LazyVenueHandle | null = null
  let creating: Promise<LazyVenueHandle> | null = null
  let closed = false
  let closing: Promise<void> | null = null

  const closedError = (): Error => new Error(`${venue} market data is closed`)

  const ensure = (): Promise<LazyVenueHandle> => {
    if (closed) return Promise.reject(closedError())
    if (handle) return Promise.resolve(handle)
    creating ??= options.create().then(
      (made) => {
        creating = null
        handle = made
        // Closed while it was being built: close() releases it; callers must not use it.
        if (closed) throw closedError()
        return made
      },
      (error: unknown) => {
        creating = null
        throw asVenueError(venue, error)
      },
    )
    return creating
  }

  return {
    venue,
    capabilities: options.capabilities,
    loadInstruments: async () => (await ensure()).marketData.loadInstruments(),
    subscribe: async (stream, listener) => (await ensure()).marketData.subscribe(stream, listener),
    fetchCandles: async (symbol, timeframe, since, limit) => (await ensure()).marketData.fetchCandles(symbol, timeframe, since, limit),
    fetchTrades: async (symbol, since, limit) => (await ensure()).marketData.fetchTrades(symbol, since, limit),
    close() {
      closed = true
      closing ??= (async () => {
        const pending = creating
        if (pending) await pending.catch(() => undefined)
        await handle?.close()
      })()
      return closing
    },
  }
}

// A VenueError already says what went wrong in the kernel's terms; anything else (an SDK that failed to load)
// becomes a retryable one, so the trader sees the venue's name and the cause instead of an internal error.
function asVenueError(venue: string, error: unknown): VenueError {
  if (isVenueError(error)) return error
  const message = error instanceof Error ? error.message : String(error)
  return new VenueError('retryable', venue, `could not start the ${venue} connection: ${message}`, { cause: error })
}
