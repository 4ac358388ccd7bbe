import { create } from 'zustand'
import type { VenueStatus } from '../../../shared/contract/domains/market'
import type { ContractError } from '../../../shared/contract/envelope'
import type { Instrument, Timeframe } from '../../../shared/domain/market'
import { getClient } from '../api/client'

/** What the Chart page shows: one symbol of one venue at one timeframe. */
export interface MarketSelection {
  venue: string
  symbol: string
  timeframe: Timeframe
}

export interface MarketCatalogState {
  venues: VenueStatus[] | null
  /** Markets per venue id, loaded when the venue is first chosen. */
  markets: Record<string, Instrument[]>
  selection: MarketSelection | null
  /** The venue whose market list is loading: a live venue connects on first pick, which takes a moment. */
  connecting: string | null
  error: ContractError | null
  /** The venue that could not be connected, when `error` is about one; null when the venue list itself failed. */
  failedVenue: string | null
}

export const useMarketCatalogStore = create<MarketCatalogState>()(() => ({
  venues: null,
  markets: {},
  selection: null,
  connecting: null,
  error: null,
  failedVenue: null,
}))

const PREFERRED_SYMBOL = 'BTC/USDT:USDT'
const DEFAULT_TIMEFRAME: Timeframe = '1m'

/**
 * Loads the venues and, the first time, picks one: the trader's last choice
 * survives navigating away and back because the store outlives the page.
 */
export async function loadMarketCatalog(): Promise<void> {
  const envelope = await getClient().callEnvelope('market.listVenues')
  if (!envelope.ok) return void useMarketCatalogStore.setState({ error: envelope.error, failedVenue: null })
  useMarketCatalogStore.setState({ venues: envelope.value, error: null, failedVenue: null })
  const { selection } = useMarketCatalogStore.getState()
  const venue = selection?.venue ?? envelope.value[0]?.id
  if (venue !== undefined) await selectVenue(venue, selection?.symbol)
}

let latestPick = 0

/**
 * Loads the venue's markets (connecting it first, for a live venue) and then
 * switches to it. Until then the chart stays on the previous venue; if the
 * venue cannot be reached it stays there for good, with the error shown. A
 * newer pick supersedes one still loading.
 */
export async function selectVenue(venue: string, preferredSymbol?: string): Promise<void> {
  const pick = ++latestPick
  useMarketCatalogStore.setState({ connecting: venue })
  const envelope = await getClient().callEnvelope('market.listMarkets', { venue })
  if (pick !== latestPick) return
  if (!envelope.ok) return void useMarketCatalogStore.setState({ connecting: null, error: envelope.error, failedVenue: venue })
  const markets = envelope.value.filter((m) => m.active)
  const symbol =
    markets.find((m) => m.symbol === preferredSymbol)?.symbol ?? markets.find((m) => m.symbol === PREFERRED_SYMBOL)?.symbol ?? markets[0]?.symbol
  useMarketCatalogStore.setState((s) => ({
    markets: { ...s.markets, [venue]: markets },
    connecting: null,
    error: null,
    failedVenue: null,
    selection: symbol === undefined ? null : { venue, symbol, timeframe: s.selection?.timeframe ?? DEFAULT_TIMEFRAME },
  }))
}

export function selectSymbol(symbol: string): void {
  useMarketCatalogStore.setState((s) => (s.selection ? { selection: { ...s.selection, symbol } } : {}))
}

export function selectTimeframe(timeframe: Timeframe): void {
  useMarketCatalogStore.setState((s) => (s.selection ? { selection: { ...s.selection, timeframe } } : {}))
}
