import {
  commands,
  isCommandName,
  type CommandName,
  type CommandOutput,
  type ParsedCommandInput,
} from '../../../shared/contract/channels'
import { fail, HandlerError, ok, type Envelope } from '../../../shared/contract/envelope'
import type { Logger } from '../../ports/logger'

export type CommandHandler<C extends CommandName> = (
  input: ParsedCommandInput<C>,
) => CommandOutput<C> | Promise<CommandOutput<C>>

/** One handler per contract command; the type makes a missing one a compile error. */
export type CommandHandlers = { [C in CommandName]: CommandHandler<C> }

export type Dispatch = (channel: unknown, input: unknown) => Promise<Envelope<unknown>>

/**
 * The single entry for every call from any transport: checks the channel,
 * parses the input with its schema before any handler runs, validates the
 * output, and turns every failure into an envelope. A raw Error never leaves.
 */
export function createDispatcher(handlers: CommandHandlers, logger: Logger): Dispatch {
  return async (channel, input) => {
    if (!isCommandName(channel)) {
      return fail('unknown_channel', `Unknown channel ${JSON.stringify(String(channel)).slice(0, 140)}; expected one of the contract commands`)
    }
    const spec = commands[channel]
    const parsed = spec.input.safeParse(input)
    if (!parsed.success) {
      return fail('invalid_input', `Input for ${channel} does not match its schema`, parsed.error.issues.map(toIssue))
    }
    try {
      const handler = handlers[channel] as (input: unknown) => unknown
      const value = await handler(parsed.data)
      const checked = spec.output.safeParse(value)
      if (!checked.success) {
        logger.error('handler returned output outside its schema', { channel, issues: checked.error.issues.map(toIssue) })
        return fail('invalid_output', `The kernel produced an invalid answer for ${channel}`)
      }
      return ok(checked.data)
    } catch (error) {
      if (error instanceof HandlerError) return fail(error.code, error.message, error.details)
      logger.error('handler failed', { channel, err: error })
      return fail('internal', `${channel} failed inside the kernel; see the log for details`)
    }
  }
}

function toIssue(issue: { path: PropertyKey[]; message: string }): { path: string; message: string } {
  return { path: issue.path.map(String).join('.'), message: issue.message }
}
