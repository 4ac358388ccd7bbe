import type { VenueCapabilities } from '../../../shared/domain/venue'

/**
 * What the simulated venue can do, as data. Execution features are its own;
 * streaming and history are whatever its market source offers, since it
 * passes that market through. Spot is not simulated: perpetuals only.
 */
export function simulatedCapabilities(source: VenueCapabilities): VenueCapabilities {
  return {
    marketTypes: ['swap'],
    orderTypes: ['market', 'limit'],
    timeInForce: ['GTC', 'IOC', 'FOK'],
    postOnly: true,
    reduceOnly: true,
    amend: true,
    websocket: { ...source.websocket, orders: true },
    // Paper money by construction.
    demoMode: true,
    fetchHistory: source.fetchHistory,
  }
}
