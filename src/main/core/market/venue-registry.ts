import type { VenueConnection, VenueStatus } from '../../../shared/contract/domains/market'
import { HandlerError } from '../../../shared/contract/envelope'
import type { Instrument, VenueId } from '../../../shared/domain/market'
import type { VenueDescriptor } from '../../../shared/domain/venue'
import type { MarketDataClient } from '../../ports/market-data-client'

/**
 * How the composition root hands a venue to the kernel. The descriptor is
 * derived from the client, so its id and capabilities cannot disagree with it;
 * adding a live venue is one more entry in this list.
 */
export interface VenueRegistration {
  readonly client: MarketDataClient
  /** Shown to the trader, e.g. "OKX" or "Market simulator". */
  readonly name: string
  /** True for simulated data: the UI labels it so nobody mistakes it for a real market. */
  readonly simulated: boolean
}

export interface RegisteredVenue {
  readonly descriptor: VenueDescriptor
  readonly client: MarketDataClient
}

export interface VenueRegistry {
  ids(): VenueId[]
  /** The venue, or an `invalid_input` error naming the known ones. */
  get(id: VenueId): RegisteredVenue
  status(id: VenueId): VenueStatus
  /** Loads the market list once; a failed load is retried by the next call. */
  connect(id: VenueId): Promise<Instrument[]>
  onConnectionChange(listener: (id: VenueId, connection: VenueConnection, detail: string | null) => void): () => void
}

interface VenueState extends RegisteredVenue {
  connection: VenueConnection
  detail: string | null
  loading: Promise<Instrument[]> | null
}

export function createVenueRegistry(registrations: readonly VenueRegistration[]): VenueRegistry {
  const venues = new Map<VenueId, VenueState>()
  for (const { client, name, simulated } of registrations) {
    if (venues.has(client.venue)) throw new Error(`Venue ${client.venue} is registered twice; each venue id must be unique`)
    const descriptor: VenueDescriptor = { id: client.venue, name, simulated, capabilities: client.capabilities }
    venues.set(client.venue, { descriptor, client, connection: 'idle', detail: null, loading: null })
  }
  const listeners = new Set<(id: VenueId, connection: VenueConnection, detail: string | null) => void>()

  const get = (id: VenueId): VenueState => {
    const venue = venues.get(id)
    if (venue) return venue
    const known = [...venues.keys()].join(', ') || 'none configured'
    throw new HandlerError('invalid_input', `Unknown venue ${JSON.stringify(id)}; expected one of: ${known}`)
  }

  const setConnection = (venue: VenueState, connection: VenueConnection, detail: string | null): void => {
    venue.connection = connection
    venue.detail = detail
    for (const listener of listeners) listener(venue.descriptor.id, connection, detail)
  }

  return {
    ids: () => [...venues.keys()],
    get,
    status(id) {
      const venue = get(id)
      return { ...venue.descriptor, connection: venue.connection, detail: venue.detail }
    },
    connect(id) {
      const venue = get(id)
      if (venue.loading) return venue.loading
      setConnection(venue, 'connecting', null)
      const loading = venue.client.loadInstruments().then(
        (instruments) => {
          setConnection(venue, 'connected', null)
          return instruments
        },
        (error: unknown) => {
          // Forget the failure so the trader's next attempt asks the venue again.
          venue.loading = null
          setConnection(venue, 'failed', error instanceof Error ? error.message : String(error))
          throw error
        },
      )
      venue.loading = loading
      return loading
    },
    onConnectionChange(listener) {
      listeners.add(listener)
      return () => void listeners.delete(listener)
    },
  }
}
