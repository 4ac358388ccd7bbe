import { TimeframeSchema, type Timeframe } from '../../../shared/domain/market'
import type { VenueCapabilities } from '../../../shared/domain/venue'
import type { Clock, TimerHandle } from '../../ports/clock'
import type { MarketDataClient, MarketEvent, MarketStream, MarketSubscription } from '../../ports/market-data-client'
import { VenueError } from '../../ports/venue-error'
import { closestMatches } from '../../../shared/market/closest-symbols'
import { createRng, hashSeed } from './prng'
import { DEFAULT_SIM_SYMBOLS, toInstrument, type SimSymbolSpec } from './sim-symbols'
import { emitStep } from './step-emitter'
import { createSubscriptionRegistry, type SubscriptionEntry } from './subscriptions'
import { createSymbolMarket, type SymbolMarket } from './symbol-market'

export const SIM_VENUE = 'sim'
/** Largest page fetchCandles and fetchTrades return, like a venue's REST limit. */
export const SIM_FETCH_LIMIT = 1_000
const STREAM_KINDS = new Set(['ticker', 'book', 'trades', 'candles', 'funding', 'mark'])

export const SIM_CAPABILITIES: VenueCapabilities = {
  marketTypes: ['swap'],
  orderTypes: ['market', 'limit'],
  timeInForce: ['GTC', 'IOC', 'FOK'],
  postOnly: true,
  reduceOnly: true,
  amend: false,
  websocket: { ticker: true, book: true, trades: true, candles: true, orders: true },
  demoMode: false,
  fetchHistory: true,
}

export interface MarketSimulatorOptions {
  clock: Clock
  seed: number
  symbols?: readonly SimSymbolSpec[]
  /** Grid step of the simulated market; default 250 ms. */
  tickMs?: number
  /** When false no timer runs and the owner calls `pump()` after moving the clock. */
  autoTick?: boolean
  /** A listener that throws must not stop the market for everyone else; default rethrows outside the tick. */
  onListenerError?: (error: unknown) => void
}

export interface MarketSimulator extends MarketDataClient {
  /** Runs every tick due by `clock.now()` and publishes it; returns how many ran. */
  pump(): number
  readonly subscriptionCount: number
}

/**
 * The offline default venue: a seeded stochastic market on a fixed time grid
 * (start time + k × tickMs). The path depends only on the seed and the grid,
 * not on who listens: ticks missed while nobody was subscribed are replayed
 * silently (at most an hour's worth; longer idle gaps are crossed in one
 * coarse move), and timers run only while something is subscribed.
 */
export function createMarketSimulator(options: MarketSimulatorOptions): MarketSimulator {
  const { clock, seed } = options
  const tickMs = options.tickMs ?? 250
  if (!(Number.isInteger(tickMs) && tickMs > 0)) throw new RangeError(`tickMs must be a positive whole number of milliseconds, received ${tickMs}`)
  const autoTick = options.autoTick ?? true
  const maxCatchUpSteps = Math.ceil(3_600_000 / tickMs)
  const startTime = clock.now()
  const specs = options.symbols ?? DEFAULT_SIM_SYMBOLS
  const markets = new Map<string, SymbolMarket>(specs.map((spec) => [spec.symbol, createSymbolMarket({ venue: SIM_VENUE, spec, seed, startTime, tickMs })]))
  const marketRng = createRng(hashSeed(seed, 0x6d6b74))
  const registry = createSubscriptionRegistry()
  let stepIndex = 0
  let nextStepAt = startTime + tickMs
  let timer: TimerHandle | null = null
  let closed = false

  const deliver = (entry: SubscriptionEntry, event: MarketEvent): void => {
    try {
      entry.listener(event)
    } catch (error) {
      if (options.onListenerError) options.onListenerError(error)
      else queueMicrotask(() => { throw error })
    }
  }

  const runStep = (): void => {
    const from = nextStepAt - tickMs
    const shock = marketRng.normal()
    stepIndex++
    for (const market of markets.values()) market.step(stepIndex, from, nextStepAt, shock)
    for (const market of markets.values()) emitStep(market, registry.groups(), from, nextStepAt, deliver)
    nextStepAt += tickMs
  }

  const skipSteps = (steps: number): void => {
    const from = nextStepAt - tickMs
    const to = nextStepAt + (steps - 1) * tickMs
    const shock = marketRng.normal()
    stepIndex += steps
    for (const market of markets.values()) market.skip(stepIndex, from, to, steps, shock)
    nextStepAt = to + tickMs
  }

  const pump = (): number => {
    let ran = 0
    while (!closed && nextStepAt <= clock.now()) {
      const due = Math.floor((clock.now() - nextStepAt) / tickMs) + 1
      if (due > maxCatchUpSteps) skipSteps(due - maxCatchUpSteps)
      else {
        runStep()
        ran++
      }
    }
    return ran
  }

  const schedule = (): void => {
    const wanted = autoTick && !closed && registry.size > 0
    if (!wanted) {
      timer?.cancel()
      timer = null
    } else if (!timer) {
      timer = clock.setTimeout(() => {
        timer = null
        pump()
        schedule()
      }, Math.max(0, nextStepAt - clock.now()))
    }
  }

  const marketOf = (symbol: string): SymbolMarket => {
    if (closed) throw new VenueError('rejected', SIM_VENUE, 'The market simulator was closed; create a new one')
    const market = markets.get(symbol)
    if (market) return market
    const known = [...markets.keys()]
    throw new VenueError('not_found', SIM_VENUE, `Unknown symbol "${symbol}" on ${SIM_VENUE}; closest matches: ${closestMatches(symbol, known).join(', ')}`)
  }

  const checkTimeframe = (timeframe: Timeframe): void => {
    if (!TimeframeSchema.safeParse(timeframe).success) {
      throw new VenueError('unsupported', SIM_VENUE, `Unknown timeframe "${String(timeframe)}"; expected one of ${TimeframeSchema.options.join(', ')}`)
    }
  }

  const checkLimit = (limit: number): number => {
    if (!(Number.isInteger(limit) && limit > 0)) throw new VenueError('rejected', SIM_VENUE, `limit must be a positive whole number, received ${limit}`)
    return Math.min(limit, SIM_FETCH_LIMIT)
  }

  const checkStream = (stream: MarketStream): void => {
    if (!STREAM_KINDS.has(stream.kind)) throw new VenueError('unsupported', SIM_VENUE, `Unknown stream kind "${String(stream.kind)}"`)
    if (stream.kind === 'candles') checkTimeframe(stream.timeframe)
    if (stream.kind === 'book' && stream.depth !== undefined && !(Number.isInteger(stream.depth) && stream.depth > 0)) {
      throw new VenueError('rejected', SIM_VENUE, `Book depth must be a positive whole number, received ${stream.depth}`)
    }
  }

  return {
    venue: SIM_VENUE,
    capabilities: SIM_CAPABILITIES,
    pump,
    get subscriptionCount() {
      return registry.size
    },
    loadInstruments: async () => specs.map((spec) => toInstrument(SIM_VENUE, spec)),
    async subscribe(stream, listener): Promise<MarketSubscription> {
      marketOf(stream.symbol)
      checkStream(stream)
      // Bring existing listeners up to date first, so the newcomer's first tick is the next one.
      pump()
      const entry = registry.add(stream, listener)
      deliver(entry, { kind: 'status', stream, status: 'live' })
      schedule()
      return {
        stream,
        unsubscribe: async () => {
          registry.remove(entry)
          schedule()
        },
      }
    },
    async fetchCandles(symbol, timeframe, since, limit) {
      const market = marketOf(symbol)
      checkTimeframe(timeframe)
      const capped = checkLimit(limit)
      pump()
      return market.candles(timeframe, since, capped)
    },
    async fetchTrades(symbol, since, limit) {
      const market = marketOf(symbol)
      const capped = checkLimit(limit)
      pump()
      return market.trades(since, capped)
    },
    async close() {
      if (closed) return
      closed = true
      schedule()
      for (const entry of registry.clear()) deliver(entry, { kind: 'status', stream: entry.stream, status: 'closed' })
    },
  }
}
