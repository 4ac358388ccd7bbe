import { useMarketCatalogStore } from '../../stores/market-catalog-store'
import { decimalsOf } from '../../pages/chart/format-market'

/** Decimals of a market's tick, when its venue's market list is loaded; null otherwise (figures then show as given). */
export function usePriceDecimals(venue: string, symbol: string): number | null {
  const tick = useMarketCatalogStore((s) => s.markets[venue]?.find((m) => m.symbol === symbol)?.tickSize)
  return tick === undefined ? null : decimalsOf(tick)
}
