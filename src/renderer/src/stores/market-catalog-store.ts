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
  error: ContractError | null
}

export const useMarketCatalogStore = create<MarketCatalogState>()(() => ({
  venues: null,
  markets: {},
  selection: null,
  error: null,
}))

const PREFERRED_SYMBOL = 'BTC/USDT:USDT'
const DEFAULT_TIMEFRAME: Timeframe = '1m'

/**
 * Loads the venues and, the first time, picks one: the trader's last choice
 * survives navigating away and back because the store outlives the page.
 */
export async function loadMarketCatalog(): Promise<void> {
  const envelope = await getClient().callEnvelope('market.listVenues')
  if (!envelope.ok) return void useMarketCatalogStore.setState({ error: envelope.error })
  useMarketCatalogStore.setState({ venues: envelope.value, error: null })
  const { selection } = useMarketCatalogStore.getState()
  const venue = selection?.venue ?? envelope.value[0]?.id
  if (venue !== undefined) await selectVenue(venue, selection?.symbol)
}

export async function selectVenue(venue: string, preferredSymbol?: string): Promise<void> {
  const envelope = await getClient().callEnvelope('market.listMarkets', { venue })
  if (!envelope.ok) return void useMarketCatalogStore.setState({ error: envelope.error })
  const markets = envelope.value.filter((m) => m.active)
  const symbol =
    markets.find((m) => m.symbol === preferredSymbol)?.symbol ?? markets.find((m) => m.symbol === PREFERRED_SYMBOL)?.symbol ?? markets[0]?.symbol
  useMarketCatalogStore.setState((s) => ({
    markets: { ...s.markets, [venue]: markets },
    error: null,
    selection: symbol === undefined ? null : { venue, symbol, timeframe: s.selection?.timeframe ?? DEFAULT_TIMEFRAME },
  }))
}

export function selectSymbol(symbol: string): void {
  useMarketCatalogStore.setState((s) => (s.selection ? { selection: { ...s.selection, symbol } } : {}))
}

export function selectTimeframe(timeframe: Timeframe): void {
  useMarketCatalogStore.setState((s) => (s.selection ? { selection: { ...s.selection, timeframe } } : {}))
}
