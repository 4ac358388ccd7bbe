import { hashParams, hrefFor, routeFromHash } from './routes'

// A link to one order in the Monitor's blotter, by its client order id: the
// Decision feed writes it, the Monitor reads it. Both ends live here so the
// parameter's name and rules cannot drift apart.

const ORDER_PARAM = 'order'
/** Venue client ids are far shorter; anything longer is not an id we made. */
const MAX_ID_LENGTH = 64

/** '#/monitor?order=<id>': the Monitor with that order picked out in its blotter. */
export function monitorHrefForOrder(clientOrderId: string): string {
  return `${hrefFor('monitor')}?${ORDER_PARAM}=${encodeURIComponent(clientOrderId)}`
}

/** The client order id a Monitor link carries; null on another page, without one, or with one that cannot be an id. */
export function orderFocusFromHash(hash: string): string | null {
  if (routeFromHash(hash) !== 'monitor') return null
  const id = hashParams(hash).get(ORDER_PARAM) ?? ''
  if (id === '' || id.length > MAX_ID_LENGTH || /\p{Cc}/u.test(id)) return null
  return id
}
