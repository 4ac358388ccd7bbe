import type { Exchange } from 'ccxt'
import type { Instrument } from '../../../../shared/domain/market'
import type { Clock } from '../../../ports/clock'
import type { MarketStream } from '../../../ports/market-data-client'
import { sleep, type StopSignal } from '../discipline/backoff'
import type { RequestDiscipline } from '../discipline/request-discipline'
import type { VenueProfile } from '../profiles/venue-profile'

/** What every stream source needs to reach the venue. */
export interface SourceContext {
  profile: VenueProfile
  exchange: Exchange
  discipline: RequestDiscipline
  clock: Clock
  stop: StopSignal
  instrument: Instrument
  stream: MarketStream
  /** Asks the stream's runner to resubscribe (the book is no longer trustworthy). */
  requestResync(reason: string): void
}

/** Unsubscribing may hang on a dead connection; never wait longer than this for it. */
export const UNWATCH_TIMEOUT_MS = 2_000

/** Runs an unWatch call, giving up quietly after a while: the subscription is being abandoned anyway. */
export async function unwatchQuietly(ctx: SourceContext, call: () => Promise<unknown>): Promise<void> {
  const done = call().then(
    () => undefined,
    () => undefined,
  )
  await Promise.race([done, sleep(ctx.clock, UNWATCH_TIMEOUT_MS)])
}
