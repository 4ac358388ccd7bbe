import type { EventName, EventPayload } from '../../../shared/contract/channels'
import type { ExecutionEngineEvents } from '../execution'

/** Everything on the kernel bus that renderers may subscribe to. */
export type ContractEvents = { [E in EventName]: EventPayload<E> }

/**
 * Kernel-internal topics join here as components arrive; transports only
 * ever subscribe to contract events. The execution engine publishes its
 * journal's changes here and the order service turns them into contract events.
 */
export type KernelEvents = ContractEvents & ExecutionEngineEvents
