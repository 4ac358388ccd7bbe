import type { Instrument, MarketSymbol } from '../../../shared/domain/market'
import type { MarketDataClient } from '../../ports/market-data-client'
import { closestMatches } from '../../../shared/market/closest-symbols'
import { asOwnVenueError } from './venue-errors'

/** The instruments the venue lists, relabelled with the simulated venue's id. */
export interface InstrumentRegistry {
  /** Resolves once the list is loaded: given up front, or fetched once from the source. */
  ready(): Promise<void>
  lookup(symbol: MarketSymbol): Instrument | undefined
  closest(symbol: MarketSymbol): string[]
  all(): Instrument[]
}

export function createInstrumentRegistry(venue: string, source: MarketDataClient, given: readonly Instrument[] | undefined): InstrumentRegistry {
  const bySymbol = new Map<MarketSymbol, Instrument>()
  const fill = (list: readonly Instrument[]): void => {
    for (const instrument of list) bySymbol.set(instrument.symbol, { ...instrument, venue })
  }
  let loading: Promise<void> | null = null
  if (given) {
    fill(given)
    loading = Promise.resolve()
  }

  return {
    ready() {
      loading ??= source.loadInstruments().then(fill, (error: unknown) => {
        // Forget the failure so the next call tries again; a source may be reconnecting.
        loading = null
        throw asOwnVenueError(venue, error)
      })
      return loading
    },
    lookup: (symbol) => bySymbol.get(symbol),
    closest: (symbol) => closestMatches(symbol, [...bySymbol.keys()]),
    all: () => [...bySymbol.values()],
  }
}
