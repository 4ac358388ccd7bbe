import type { ClientOrderId } from '../../../shared/domain/order'
import type { Clock } from '../../ports/clock'

/** Short enough to leave room for the time and the counter within OKX's 32 characters. */
const PREFIX = /^[A-Za-z0-9]{1,8}$/

export interface ClientOrderIds {
  readonly prefix: string
  /** A fresh id: the prefix, the time in base 36, a counter; 1-32 alphanumerics. */
  next(): ClientOrderId
  /** True for ids we (or an earlier run of us) may have made. */
  isOurs(clientOrderId: string): boolean
}

/**
 * Client order ids unique across restarts without any stored counter: the
 * millisecond time never repeats between runs unless the clock went back,
 * and the journal's unique key refuses a repeat anyway (the engine then
 * asks for another). Within one millisecond a counter tells ids apart, and
 * the time never goes backwards within a run even if the clock does.
 */
export function createClientOrderIds(prefix: string, clock: Clock): ClientOrderIds {
  if (!PREFIX.test(prefix)) throw new RangeError(`client order id prefix must be 1-8 letters or digits, received ${JSON.stringify(prefix)}`)
  let lastMs = 0
  let counter = 0
  return {
    prefix,
    next() {
      const now = Math.max(Math.trunc(clock.now()), lastMs)
      counter = now === lastMs ? counter + 1 : 0
      lastMs = now
      // Fixed widths keep ids sortable by time: 9 base-36 digits last until the year 5188.
      return `${prefix}${now.toString(36).padStart(9, '0')}${counter.toString(36).padStart(3, '0')}`
    },
    isOurs: (clientOrderId) => clientOrderId.startsWith(prefix),
  }
}
