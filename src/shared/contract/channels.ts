import type { z } from 'zod'
import { accountCommands, accountEvents } from './domains/accounts'
import { approvalCommands, approvalEvents } from './domains/approvals'
import { arenaCommands, arenaEvents } from './domains/arena'
import { exchangeCommands } from './domains/exchanges'
import { feedCommands, feedEvents } from './domains/feed'
import { marketCommands, marketEvents } from './domains/market'
import { marketHistoryCommands, marketHistoryEvents } from './domains/market-history'
import { modelCommands, modelEvents } from './domains/models'
import { newsCommands } from './domains/news'
import { orderCommands, orderEvents } from './domains/orders'
import { pilotCommands, pilotEvents } from './domains/pilots'
import { portfolioCommands, portfolioEvents } from './domains/portfolio'
import { promptCommands, promptEvents } from './domains/prompts'
import { riskCommands, riskEvents } from './domains/risk'
import { settingsCommands, settingsEvents } from './domains/settings'
import { systemCommands, systemEvents } from './domains/system'

/**
 * The one source of truth for everything that crosses the process boundary,
 * assembled from one file per domain. Names are `domain.verb`; events are past
 * tense. Both transports, the preload allowlist and the renderer client are
 * derived from these maps.
 */
export const commands = {
  ...systemCommands,
  ...settingsCommands,
  ...marketCommands,
  ...marketHistoryCommands,
  ...accountCommands,
  ...orderCommands,
  ...riskCommands,
  ...portfolioCommands,
  ...approvalCommands,
  ...exchangeCommands,
  ...modelCommands,
  ...pilotCommands,
  ...feedCommands,
  ...promptCommands,
  ...arenaCommands,
  ...newsCommands,
} as const

export const events = {
  ...systemEvents,
  ...settingsEvents,
  ...marketEvents,
  ...marketHistoryEvents,
  ...accountEvents,
  ...orderEvents,
  ...riskEvents,
  ...portfolioEvents,
  ...approvalEvents,
  ...modelEvents,
  ...pilotEvents,
  ...feedEvents,
  ...promptEvents,
  ...arenaEvents,
} as const

export type Commands = typeof commands
export type Events = typeof events
export type CommandName = keyof Commands
export type EventName = keyof Events

export type CommandInput<C extends CommandName> = z.input<Commands[C]['input']>
export type CommandOutput<C extends CommandName> = z.output<Commands[C]['output']>
export type ParsedCommandInput<C extends CommandName> = z.output<Commands[C]['input']>
export type EventPayload<E extends EventName> = z.output<Events[E]['payload']>

export const commandNames = Object.keys(commands) as CommandName[]
export const eventNames = Object.keys(events) as EventName[]

export function isCommandName(name: unknown): name is CommandName {
  return typeof name === 'string' && Object.hasOwn(commands, name)
}

export function isEventName(name: unknown): name is EventName {
  return typeof name === 'string' && Object.hasOwn(events, name)
}
