import { HandlerError } from '../../../shared/contract/envelope'
import { commandNames, type CommandName } from '../../../shared/contract/channels'
import type { CommandHandlers } from '../contract/dispatcher'
import type { AgentDesk } from './create-agent-desk'

type AgentChannel = Extract<CommandName, `models.${string}` | `pilots.${string}` | `feed.${string}` | `prompts.${string}` | `arena.${string}` | `news.${string}`>
export type AgentHandlers = Pick<CommandHandlers, AgentChannel>

/** The contract's agent-desk channels over the desk's services. */
export function agentHandlers(desk: AgentDesk): AgentHandlers {
  const { providers, pilots, feed, prompts, arena, news } = desk
  return {
    'models.listProviders': () => providers.list(),
    'models.saveProvider': (provider) => providers.save(provider),
    'models.removeProvider': async ({ providerId }) => ({ removed: await providers.remove(providerId) }),
    'models.saveKey': ({ providerId, apiKey }) => providers.saveKey(providerId, apiKey),
    'models.deleteKey': ({ providerId }) => providers.deleteKey(providerId),
    'models.test': ({ providerId, model }) => providers.test(providerId, model),
    'models.prices': () => providers.prices(),
    'models.setPrices': (prices) => providers.setPrices(prices),

    'pilots.list': () => pilots.list(),
    'pilots.update': ({ pilotId, patch }) => pilots.update(pilotId, stripUndefined(patch)),
    'pilots.create': ({ startingBalance, ...draft }) => pilots.create(draft, startingBalance),
    'pilots.remove': async ({ pilotId }) => ({ removed: await pilots.remove(pilotId) }),
    'pilots.pause': ({ pilotId }) => pilots.pause(pilotId),
    'pilots.resume': ({ pilotId }) => pilots.resume(pilotId),
    'pilots.stop': ({ pilotId }) => pilots.stop(pilotId),
    'pilots.runNow': ({ pilotId }) => pilots.runNow(pilotId),

    'feed.search': (filter) => feed.search(filter),
    'feed.get': ({ decisionId }) => feed.get(decisionId),
    'feed.snapshot': ({ hash }) => feed.snapshot(hash),
    'feed.replay': ({ decisionId, mode }) => desk.replay(decisionId, mode),

    'prompts.list': () => prompts.list(),
    'prompts.history': ({ role }) => prompts.history(role),
    'prompts.validate': (content) => prompts.validate(content),
    'prompts.save': ({ content, note, author }) => prompts.save(content, note, author),
    'prompts.rollback': ({ role, version, note }) => prompts.rollback(role, version, note),
    'prompts.outputSchema': ({ role }) => prompts.outputSchema(role),
    'prompts.export': ({ roles }) => ({ yaml: prompts.exportYaml(roles) }),
    'prompts.import': ({ yaml, note }) => prompts.importYaml(yaml, note),

    'arena.leaderboard': () => arena.leaderboard(),
    'arena.pilots': () => arena.pilots(),

    'news.feeds': () => news.feeds(),
    'news.setFeeds': (feeds) => news.setFeeds(feeds),
    'news.latest': ({ limit }) => news.latest(limit),
    'news.refresh': () => news.refresh(),
  }
}

const AGENT_PREFIXES = ['models.', 'pilots.', 'feed.', 'prompts.', 'arena.', 'news.']

/** Every agent channel answers "unavailable" in a kernel built without the agent desk (some tests). */
export function agentDeskUnavailable(): AgentHandlers {
  const unavailable = (): never => {
    throw new HandlerError('unavailable', 'The agent desk is not configured in this workstation')
  }
  const channels = commandNames.filter((name) => AGENT_PREFIXES.some((prefix) => name.startsWith(prefix)))
  return Object.fromEntries(channels.map((name) => [name, unavailable])) as unknown as AgentHandlers
}

function stripUndefined<T extends object>(value: T): { [K in keyof T]: Exclude<T[K], undefined> } {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as { [K in keyof T]: Exclude<T[K], undefined> }
}
