import { describe, expect, it } from 'vitest'
import type { ReplayResult } from '../../../src/shared/contract/domains/feed'
import type { DecisionRecord } from '../../../src/shared/domain/agents/decision'
import type { MarketSnapshot, SymbolSnapshot } from '../../../src/shared/domain/agents/snapshot'
import { formatLatency, formatModelRef, formatUsdCost, isIdenticalReplay, prettyJson, prettyRawOutput, sameParsedOutput, tokenFigures } from '../../../src/renderer/src/pages/feed/format-decision'
import { monitorHrefForOrder } from '../../../src/renderer/src/navigation/order-link'
import { decimalsOfStep, snapshotRows, snapshotTimeframes } from '../../../src/renderer/src/pages/feed/snapshot-rows'
import { summary } from './feed-arena-fixtures'

describe('decision figures', () => {
  it('shows model costs down to fractions of a cent', () => {
    expect(formatUsdCost(0)).toBe('$0')
    expect(formatUsdCost(0.00004)).toBe('<$0.0001')
    expect(formatUsdCost(0.00421)).toBe('$0.0042')
    expect(formatUsdCost(0.0421)).toBe('$0.042')
    expect(formatUsdCost(12.345)).toBe('$12.35')
    expect(formatUsdCost(1234.5)).toBe('$1,235')
    expect(formatUsdCost(Number.NaN)).toBe('—')
    expect(formatUsdCost(-1)).toBe('—')
  })

  it('reads latencies in the unit that fits', () => {
    expect(formatLatency(12.4)).toBe('12 ms')
    expect(formatLatency(999)).toBe('999 ms')
    expect(formatLatency(999.7)).toBe('1.0 s')
    expect(formatLatency(1_000)).toBe('1.0 s')
    expect(formatLatency(12_440)).toBe('12.4 s')
    expect(formatLatency(125_000)).toBe('2 m 05 s')
    expect(formatLatency(null)).toBe('—')
  })

  it('names models provider first and sums tokens', () => {
    expect(formatModelRef({ providerId: 'deepseek', model: 'deepseek-chat' })).toBe('deepseek/deepseek-chat')
    expect(tokenFigures({ promptTokens: 12_000, completionTokens: 345 })).toEqual({ total: '12,345', prompt: '12,000', completion: '345' })
  })

  it('indents JSON answers and leaves other text exactly as received', () => {
    expect(prettyRawOutput('{"a":1}')).toBe('{\n  "a": 1\n}')
    expect(prettyRawOutput('{"a":')).toBe('{"a":')
    expect(prettyRawOutput('I think we should hold.')).toBe('I think we should hold.')
    expect(prettyJson(undefined)).toBe('null')
    expect(prettyJson({ b: [1] })).toBe('{\n  "b": [\n    1\n  ]\n}')
  })

  it('links an order to the Monitor with its client order id', () => {
    expect(monitorHrefForOrder('ws-abc 1')).toBe('#/monitor?order=ws-abc%201')
  })
})

describe('replay comparison', () => {
  const record = (parsedOutput: unknown): DecisionRecord => ({
    ...summary('d1'),
    snapshotHash: 'a'.repeat(64),
    account: null,
    inputHash: 'b'.repeat(64),
    params: { temperature: 0.2, maxTokens: 800, topP: 1 },
    messages: [],
    responseMode: 'json_schema',
    rawOutput: JSON.stringify(parsedOutput),
    reasoning: null,
    repairRawOutput: null,
    parsedOutput,
    validationErrors: [],
    error: null,
  })

  it('compares parsed outputs by value, key order aside', () => {
    expect(sameParsedOutput({ a: 1, b: { c: [1, 2], d: null } }, { b: { d: null, c: [1, 2] }, a: 1 })).toBe(true)
    expect(sameParsedOutput({ a: 1 }, { a: 2 })).toBe(false)
    expect(sameParsedOutput({ a: [1, 2] }, { a: [2, 1] })).toBe(false)
    expect(sameParsedOutput(null, undefined)).toBe(true)
  })

  it("trusts a recorded replay's own verdict and compares a model replay here", () => {
    const result = (mode: ReplayResult['mode'], identical: boolean, a: unknown, b: unknown): ReplayResult => ({ mode, identical, original: record(a), replay: record(b) })
    expect(isIdenticalReplay(result('recorded', false, { x: 1 }, { x: 1 }))).toBe(false)
    expect(isIdenticalReplay(result('recorded', true, { x: 1 }, { x: 1 }))).toBe(true)
    expect(isIdenticalReplay(result('model', false, { x: 1, y: 2 }, { y: 2, x: 1 }))).toBe(true)
    expect(isIdenticalReplay(result('model', false, { x: 1 }, { x: 2 }))).toBe(false)
  })
})

describe('snapshot table', () => {
  it('derives price decimals from the price step', () => {
    expect(decimalsOfStep(0.1)).toBe(1)
    expect(decimalsOfStep(0.01)).toBe(2)
    expect(decimalsOfStep(0.0005)).toBe(4)
    expect(decimalsOfStep(1e-7)).toBe(7)
    expect(decimalsOfStep(5)).toBe(0)
    expect(decimalsOfStep(0)).toBe(0)
  })

  const indicators = (rsi: number | null) => ({ rsi14: rsi, ema20: 64_900.123, ema50: null, macd: { macd: 1, signal: 0.5, histogram: -0.5 }, atr14: 120, bollinger: null, donchian20: null })
  const btc: SymbolSnapshot = {
    venue: 'sim',
    symbol: 'BTC/USDT:USDT',
    last: 65_000.1,
    bid: 65_000,
    ask: null,
    mark: null,
    change24hPct: -1.234,
    book: { bids: [], asks: [] },
    candles: {} as SymbolSnapshot['candles'],
    indicators: { '1h': indicators(55.55), '4h': indicators(null) } as SymbolSnapshot['indicators'],
    funding: { rate: 0.0001, nextFundingTime: null },
    contractSize: 0.01,
    amountStep: 1,
    priceStep: 0.1,
    minAmount: 1,
  }
  const snapshot: MarketSnapshot = { hash: 'c'.repeat(64), takenAt: 1, symbols: [btc] }

  it('lists the timeframes the snapshot carries', () => {
    expect(snapshotTimeframes(snapshot)).toEqual(['1h', '4h'])
  })

  it('formats a row at the venue precision with the chosen timeframe', () => {
    const [row] = snapshotRows(snapshot, '1h')
    expect(row).toMatchObject({ symbol: 'BTC/USDT:USDT', last: '65,000.1', bid: '65,000.0', ask: '—', change: '\u22121.23%', changeTone: 'down', funding: '0.0100%', rsi: '55.6', ema20: '64,900.1', ema50: '—', macd: '\u22120.50', atr: '120.0' })
    expect(snapshotRows(snapshot, '4h')[0]!.rsi).toBe('—')
    expect(snapshotRows(snapshot, '15m')[0]).toMatchObject({ rsi: '—', ema20: '—', macd: '—' })
  })
})
