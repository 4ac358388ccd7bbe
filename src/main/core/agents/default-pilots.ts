import type { PilotConfig } from '../../../shared/domain/agents/pilot'

/** The simulated venue and the perpetuals the default arena trades. */
export const ARENA_VENUE = 'sim'
export const ARENA_SYMBOLS = ['BTC/USDT:USDT', 'ETH/USDT:USDT'] as const
export const ARENA_STARTING_BALANCE = 10_000
export const DEFAULT_CADENCE_MS = 3 * 60_000

type DefaultPilot = Omit<PilotConfig, 'createdAt'> & { accountName: string }

/**
 * The default arena: DeepSeek and Qwen each run the full desk — a cheap model
 * for the analysts, a stronger one for the trader — against the rules
 * baseline, each on its own 10,000 USDT paper account. The model pilots wait
 * for a key; the rules pilot trades at once.
 */
export const DEFAULT_PILOTS: readonly DefaultPilot[] = [
  {
    id: 'rules',
    name: 'Rules baseline',
    accountName: 'Arena · Rules',
    pipeline: 'solo',
    model: { providerId: 'rules', model: 'trend_following' },
    roleModels: {},
    strategy: 'trend_following',
    fallbackToRules: false,
    accountId: 'arena-rules',
    venue: ARENA_VENUE,
    symbols: [...ARENA_SYMBOLS],
    cadenceMs: DEFAULT_CADENCE_MS,
    budget: { tokensPerDay: 0, usdPerDay: 0 },
    enabled: true,
  },
  {
    id: 'deepseek',
    name: 'DeepSeek desk',
    accountName: 'Arena · DeepSeek',
    pipeline: 'desk',
    model: { providerId: 'deepseek', model: 'deepseek-chat' },
    roleModels: { trader: { providerId: 'deepseek', model: 'deepseek-reasoner' } },
    strategy: 'trend_following',
    fallbackToRules: true,
    accountId: 'arena-deepseek',
    venue: ARENA_VENUE,
    symbols: [...ARENA_SYMBOLS],
    cadenceMs: DEFAULT_CADENCE_MS,
    budget: { tokensPerDay: 3_000_000, usdPerDay: 5 },
    enabled: true,
  },
  {
    id: 'qwen',
    name: 'Qwen desk',
    accountName: 'Arena · Qwen',
    pipeline: 'desk',
    model: { providerId: 'qwen', model: 'qwen-turbo' },
    roleModels: { trader: { providerId: 'qwen', model: 'qwen-max' } },
    strategy: 'trend_following',
    fallbackToRules: true,
    accountId: 'arena-qwen',
    venue: ARENA_VENUE,
    symbols: [...ARENA_SYMBOLS],
    cadenceMs: DEFAULT_CADENCE_MS,
    budget: { tokensPerDay: 3_000_000, usdPerDay: 5 },
    enabled: true,
  },
]
