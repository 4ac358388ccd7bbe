import type { RawTransport } from '../../../src/shared/contract/client'
import { fail, type Envelope } from '../../../src/shared/contract/envelope'
import type { LeaderboardRow } from '../../../src/shared/domain/agents/arena'
import type { DecisionSummary } from '../../../src/shared/domain/agents/decision'
import type { PilotStatus } from '../../../src/shared/domain/agents/pilot'

// Shared by the feed and arena renderer tests: decision summaries,
// leaderboard rows, pilot statuses and a scripted transport that answers each channel from a handler and records the calls.

export function summary(id: string, patch: Partial<DecisionSummary> = {}): DecisionSummary {
  return {
    id,
    cycleId: 'cycle-1',
    pilotId: 'rules',
    role: 'trader',
    model: { providerId: 'rules', model: 'trend_following' },
    fallbackFrom: null,
    promptVersion: 1,
    symbols: ['BTC/USDT:USDT'],
    startedAt: 1_000,
    latencyMs: 12,
    outcome: 'parsed',
    conclusion: 'hold: no trend',
    inputSummary: 'BTC last 65000, RSI 51',
    usage: { promptTokens: 0, completionTokens: 0 },
    costUsd: 0,
    intents: [],
    ...patch,
  }
}

export function row(pilotId: string, patch: Partial<LeaderboardRow> = {}): LeaderboardRow {
  return {
    pilotId,
    name: pilotId.toUpperCase(),
    model: 'rules/trend_following',
    state: 'running',
    startingEquity: 10_000,
    equity: 10_000,
    returnPct: 0,
    sharpe: null,
    maxDrawdownPct: 0,
    winRatePct: null,
    trades: 0,
    fees: 0,
    modelCostUsd: 0,
    netReturnPct: 0,
    decisions: 0,
    ...patch,
  }
}

export function status(id: string, patch: Partial<PilotStatus> = {}): PilotStatus {
  return {
    config: {
      id,
      name: `Pilot ${id}`,
      pipeline: 'solo',
      model: { providerId: 'rules', model: 'trend_following' },
      roleModels: {},
      strategy: 'trend_following',
      fallbackToRules: true,
      accountId: `acct-${id}`,
      venue: 'sim',
      symbols: ['BTC/USDT:USDT'],
      cadenceMs: 60_000,
      budget: { tokensPerDay: 0, usdPerDay: 0 },
      enabled: true,
      createdAt: 0,
    },
    state: 'running',
    detail: null,
    lastCycleAt: null,
    nextCycleAt: null,
    cycling: false,
    spentToday: { tokens: 0, usd: 0 },
    ...patch,
  }
}

export interface ScriptedCall {
  channel: string
  input: unknown
}

export type Handler = (input: unknown) => Envelope<unknown> | Promise<Envelope<unknown>>

/** A transport whose answers the test scripts per channel; an unscripted channel answers `unavailable`, as the kernel does. */
export function scriptedTransport(handlers: Record<string, Handler>): RawTransport & { calls: ScriptedCall[] } {
  const calls: ScriptedCall[] = []
  return {
    calls,
    async call(channel, input) {
      calls.push({ channel, input })
      const handler = handlers[channel]
      if (!handler) return fail('unavailable', `${channel} is not available yet`)
      return handler(input)
    },
    subscribe: () => () => undefined,
  }
}

export const ok = <T>(value: T): Envelope<T> => ({ ok: true, value })

/** A promise the test resolves when it wants, to hold a call in flight. */
export function deferred<T>(): { promise: Promise<T>; resolve(value: T): void } {
  let resolve!: (value: T) => void
  const promise = new Promise<T>((r) => (resolve = r))
  return { promise, resolve }
}
