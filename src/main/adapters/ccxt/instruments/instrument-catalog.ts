import type { Exchange } from 'ccxt'
import type { Instrument } from '../../../../shared/domain/market'
import { closestMatches } from '../../../../shared/market/closest-symbols'
import { VenueError } from '../../../ports/venue-error'
import type { RequestDiscipline } from '../discipline/request-discipline'
import { marketToInstrument } from './market-to-instrument'

/**
 * The venue's instruments, loaded once through the request discipline and
 * shared by market data and execution. Every symbol a caller hands us is
 * resolved here, so an unknown one fails the same way everywhere.
 */
export class InstrumentCatalog {
  private instruments: Map<string, Instrument> | null = null
  private loading: Promise<Map<string, Instrument>> | null = null

  constructor(
    private readonly venue: string,
    private readonly exchange: Exchange,
    private readonly discipline: RequestDiscipline,
  ) {}

  async list(): Promise<Instrument[]> {
    return [...(await this.load()).values()]
  }

  /** The instrument for `symbol`, or a not_found VenueError naming the closest matches. */
  async resolve(symbol: string): Promise<Instrument> {
    const all = await this.load()
    const found = all.get(symbol)
    if (found) return found
    const nearest = closestMatches(symbol, [...all.keys()])
    const hint = nearest.length ? `; closest: ${nearest.join(', ')}` : ''
    throw new VenueError('not_found', this.venue, `${this.venue}: unknown symbol '${symbol}'${hint}`, { reason: 'unknown_symbol' })
  }

  /** The instrument for a venue id ('BTC-USDT-SWAP'), when loaded. */
  byVenueSymbol(venueSymbol: string): Instrument | undefined {
    for (const instrument of this.instruments?.values() ?? []) if (instrument.venueSymbol === venueSymbol) return instrument
    return undefined
  }

  /** Already-loaded instrument, without waiting. */
  peek(symbol: string): Instrument | undefined {
    return this.instruments?.get(symbol)
  }

  private load(): Promise<Map<string, Instrument>> {
    if (this.instruments) return Promise.resolve(this.instruments)
    // One load at a time; a failed load is forgotten so the next call tries again.
    this.loading ??= this.discipline
      .run({ endpoint: 'instruments', symbol: null, action: 'load instruments' }, () => this.exchange.loadMarkets())
      .then((markets) => {
        const map = new Map<string, Instrument>()
        for (const market of Object.values(markets)) {
          const instrument = market ? marketToInstrument(this.venue, market, this.exchange.precisionMode ?? 4) : null
          if (instrument) map.set(instrument.symbol, instrument)
        }
        this.instruments = map
        return map
      })
      .finally(() => {
        this.loading = null
      })
    return this.loading
  }
}
