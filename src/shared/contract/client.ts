import type { CommandInput, CommandName, CommandOutput, EventName, EventPayload } from './channels'
import { ContractCallError, type Envelope } from './envelope'

/**
 * What a transport must provide to the renderer: untyped calls that return
 * envelopes, and untyped subscriptions. The typed client sits on top, so the
 * Electron preload and the WebSocket client stay small and identical in shape.
 */
export interface RawTransport {
  call(channel: string, input: unknown): Promise<Envelope<unknown>>
  subscribe(channel: string, listener: (payload: unknown) => void): () => void
}

export interface WorkstationClient {
  call<C extends CommandName>(channel: C, ...input: CommandInput<C> extends void ? [] : [CommandInput<C>]): Promise<CommandOutput<C>>
  /** The envelope itself, for callers that show errors rather than throw. */
  callEnvelope<C extends CommandName>(channel: C, ...input: CommandInput<C> extends void ? [] : [CommandInput<C>]): Promise<Envelope<CommandOutput<C>>>
  on<E extends EventName>(channel: E, listener: (payload: EventPayload<E>) => void): () => void
}

/**
 * Types the raw transport from the contract. Outputs are already validated on
 * the main side; the renderer trusts its own kernel and does not parse twice.
 */
export function createClient(transport: RawTransport): WorkstationClient {
  const callEnvelope = ((channel: string, ...rest: unknown[]) =>
    transport.call(channel, rest[0])) as WorkstationClient['callEnvelope']
  return {
    callEnvelope,
    call: (async (channel: CommandName, ...rest: unknown[]) => {
      const envelope = await transport.call(channel, rest[0])
      if (!envelope.ok) throw new ContractCallError(envelope.error)
      return envelope.value
    }) as WorkstationClient['call'],
    on: (channel, listener) => transport.subscribe(channel, listener as (payload: unknown) => void),
  }
}
