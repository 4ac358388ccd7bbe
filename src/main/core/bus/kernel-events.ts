import type { EventName, EventPayload } from '../../../shared/contract/channels'

/** Everything on the kernel bus that renderers may subscribe to. */
export type ContractEvents = { [E in EventName]: EventPayload<E> }

/** Kernel-internal topics join here as components arrive. */
export type KernelEvents = ContractEvents
