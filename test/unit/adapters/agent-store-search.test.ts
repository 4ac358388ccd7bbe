import type Database from 'better-sqlite3'
import fc from 'fast-check'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openDatabase } from '../../../src/main/adapters/sqlite/open-database'
import { decisionSearchOf, ftsQueryOf } from '../../../src/main/adapters/sqlite/sqlite-agent-decision-query'
import { createSqliteAgentStore } from '../../../src/main/adapters/sqlite/sqlite-agent-store'
import type { DecisionRepository } from '../../../src/main/ports/agent-store'
import type { DecisionFilter, DecisionRecord } from '../../../src/shared/domain/agents/decision'
import { makeTempDir } from '../../support/temp-dir'
import { decisionRecord } from './agent-store-fixtures'

const ids = (found: { id: string }[]): string[] => found.map((d) => d.id)
const filter = (f: Partial<DecisionFilter> = {}): DecisionFilter => ({ limit: 100, ...f })

function openStore(dir: string): { db: Database.Database; decisions: DecisionRepository } {
  const db = openDatabase(join(dir, 'profile.sqlite'))
  return { db, decisions: createSqliteAgentStore(db).decisions }
}

describe('escaping the trader’s text for FTS5', () => {
  it('quotes every chunk as a string, doubling quotes, and drops chunks without a letter or digit', () => {
    expect(ftsQueryOf('breakout BTC')).toBe('"breakout" "BTC"')
    expect(ftsQueryOf('say "hi" NEAR(x, y) -z a*')).toBe('"say" """hi""" "NEAR(x," "y)" "-z" "a*"')
    expect(ftsQueryOf('  * " ( ) - ^ :  ')).toBeNull()
    expect(ftsQueryOf('')).toBeNull()
    expect(ftsQueryOf(undefined)).toBeNull()
    expect(ftsQueryOf('突破 做多')).toBe('"突破" "做多"')
    // FTS5 would read a NUL as the end of the query, leaving an unterminated string.
    expect(ftsQueryOf('a\u0000OR\u0001b')).toBe('"a" "OR" "b"')
  })
})

describe('searching decisions (migration 4)', () => {
  let dir: ReturnType<typeof makeTempDir>
  let db: Database.Database
  let decisions: DecisionRepository

  const corpus: DecisionRecord[] = [
    decisionRecord({
      id: 'decision-rationale',
      pilotId: 'alpha',
      role: 'trader',
      symbols: ['BTC/USDT:USDT'],
      startedAt: 100,
      outcome: 'parsed',
      conclusion: 'open long',
      parsedOutput: { rationale: 'Funding flipped negative while open interest climbed' },
      rawOutput: '{"intent":"open"}',
    }),
    decisionRecord({
      id: 'decision-rawoutput',
      pilotId: 'alpha',
      role: 'technical_analyst',
      symbols: ['ETH/USDT:USDT'],
      startedAt: 200,
      outcome: 'no_action',
      conclusion: 'no action',
      parsedOutput: null,
      rawOutput: 'I cannot decide because the candles look like a wedge; buy or sell and hold',
    }),
    decisionRecord({
      id: 'decision-errors',
      pilotId: 'beta',
      role: 'trader',
      symbols: ['BTC/USDT:USDT', 'ETH/USDT:USDT'],
      startedAt: 300,
      outcome: 'failed',
      conclusion: 'nothing traded',
      parsedOutput: null,
      rawOutput: 'buy or sell',
      validationErrors: ['orders.0.leverage: too big'],
      error: 'provider timed out near the deadline',
    }),
    decisionRecord({
      id: 'decision-reasoning',
      pilotId: 'beta',
      role: 'bull_analyst',
      symbols: ['SOL/USDT:USDT'],
      startedAt: 400,
      outcome: 'repaired',
      conclusion: 'bullish',
      inputSummary: 'SOL break of the range',
      parsedOutput: { thesis: 'Breakout above resistance', arguments: ['volume surge', 'trend (strong)'], rebuttals: [], conviction: 0.7 },
      reasoning: 'Ranging for weeks, then a decisive move',
      rawOutput: '{"thesis": "Breakout"}',
    }),
    decisionRecord({
      id: 'decision-chinese',
      pilotId: 'gamma',
      role: 'trader',
      symbols: ['BTC/USDT:USDT'],
      startedAt: 500,
      outcome: 'vetoed',
      conclusion: '风控否决',
      parsedOutput: { rationale: '突破 做多' },
      rawOutput: 'x',
    }),
  ]

  beforeAll(() => {
    dir = makeTempDir()
    ;({ db, decisions } = openStore(dir.path))
    for (const record of corpus) decisions.insert(record)
  })
  afterAll(() => {
    db.close()
    dir.remove()
  })

  it('lists newest first, and honours the limit', () => {
    expect(ids(decisions.search(filter()))).toEqual(['decision-chinese', 'decision-reasoning', 'decision-errors', 'decision-rawoutput', 'decision-rationale'])
    expect(ids(decisions.search(filter({ limit: 2 })))).toEqual(['decision-chinese', 'decision-reasoning'])
  })

  it('finds words wherever a decision carries them: rationale, raw output, reasoning, errors, conclusion, input summary', () => {
    expect(ids(decisions.search(filter({ text: 'interest' })))).toEqual(['decision-rationale'])
    expect(ids(decisions.search(filter({ text: 'wedge' })))).toEqual(['decision-rawoutput'])
    expect(ids(decisions.search(filter({ text: 'decisive' })))).toEqual(['decision-reasoning'])
    expect(ids(decisions.search(filter({ text: 'volume surge' })))).toEqual(['decision-reasoning'])
    expect(ids(decisions.search(filter({ text: 'timed out' })))).toEqual(['decision-errors'])
    expect(ids(decisions.search(filter({ text: 'leverage' })))).toEqual(['decision-errors'])
    expect(ids(decisions.search(filter({ text: 'nothing traded' })))).toEqual(['decision-errors'])
    expect(ids(decisions.search(filter({ text: 'range' })))).toEqual(['decision-reasoning'])
    // Case and diacritics do not matter; every word must be present.
    expect(ids(decisions.search(filter({ text: 'FÜNDING negative' })))).toEqual(['decision-rationale'])
    expect(ids(decisions.search(filter({ text: 'funding wedge' })))).toEqual([])
    expect(ids(decisions.search(filter({ text: '做多' })))).toEqual(['decision-chinese'])
  })

  it('combines every filter', () => {
    expect(ids(decisions.search(filter({ pilotId: 'alpha' })))).toEqual(['decision-rawoutput', 'decision-rationale'])
    expect(ids(decisions.search(filter({ role: 'trader' })))).toEqual(['decision-chinese', 'decision-errors', 'decision-rationale'])
    expect(ids(decisions.search(filter({ symbol: 'ETH/USDT:USDT' })))).toEqual(['decision-errors', 'decision-rawoutput'])
    expect(ids(decisions.search(filter({ outcome: 'repaired' })))).toEqual(['decision-reasoning'])
    expect(ids(decisions.search(filter({ from: 200, to: 400 })))).toEqual(['decision-reasoning', 'decision-errors', 'decision-rawoutput'])
    expect(ids(decisions.search(filter({ role: 'trader', symbol: 'BTC/USDT:USDT', pilotId: 'beta' })))).toEqual(['decision-errors'])
    expect(ids(decisions.search(filter({ role: 'trader', symbol: 'BTC/USDT:USDT', text: 'or' })))).toEqual(['decision-errors'])
    expect(ids(decisions.search(filter({ pilotId: 'alpha', outcome: 'failed' })))).toEqual([])
    expect(ids(decisions.search(filter({ symbol: 'DOGE/USDT:USDT' })))).toEqual([])
    expect(ids(decisions.search(filter({ pilotId: 'beta', from: 0, to: 1_000, before: 400, text: 'buy', symbol: 'BTC/USDT:USDT', outcome: 'failed', role: 'trader' })))).toEqual([
      'decision-errors',
    ])
  })

  it('pages with before: each page older than the last one seen, none twice, none missed', () => {
    const seen: string[] = []
    let before: number | undefined
    for (;;) {
      const page = decisions.search(filter({ limit: 2, ...(before === undefined ? {} : { before }) }))
      if (page.length === 0) break
      seen.push(...ids(page))
      before = page.at(-1)!.startedAt
    }
    expect(seen).toEqual(ids(decisions.search(filter())))
  })

  it('pages with a (time, id) cursor without skipping decisions that share a millisecond', () => {
    const tied = makeTempDir()
    const opened = openStore(tied.path)
    try {
      for (let i = 0; i < 5; i++) opened.decisions.insert(decisionRecord({ id: `tied-decision-${i}`, startedAt: 7_000 }))
      opened.decisions.insert(decisionRecord({ id: 'older-decision', startedAt: 6_000 }))
      const all = ids(opened.decisions.search(filter()))
      // A time alone loses the three tied decisions after the first page.
      expect(ids(opened.decisions.search(filter({ limit: 2, before: 7_000 })))).toEqual(['older-decision'])
      const seen: string[] = []
      let cursor: { before: number; beforeId: string } | null = null
      for (;;) {
        const page = opened.decisions.search(filter({ limit: 2, ...(cursor ?? {}) }))
        if (page.length === 0) break
        seen.push(...ids(page))
        cursor = { before: page.at(-1)!.startedAt, beforeId: page.at(-1)!.id }
      }
      expect(seen).toEqual(all)
      expect(seen).toHaveLength(6)
    } finally {
      opened.db.close()
      tied.remove()
    }
  })

  it('matches hostile text literally and never fails', () => {
    // Operators of FTS5 are only words or punctuation here.
    expect(ids(decisions.search(filter({ text: 'NEAR(' })))).toEqual(['decision-errors'])
    expect(ids(decisions.search(filter({ text: 'or AND' })))).toEqual(['decision-rawoutput'])
    expect(ids(decisions.search(filter({ text: 'OR' })))).toEqual(['decision-errors', 'decision-rawoutput'])
    expect(ids(decisions.search(filter({ text: '-wedge' })))).toEqual(['decision-rawoutput'])
    expect(ids(decisions.search(filter({ text: 'NOT wedge' })))).toEqual([])
    expect(ids(decisions.search(filter({ text: '"breakout' })))).toEqual(['decision-reasoning'])
    expect(ids(decisions.search(filter({ text: '(strong' })))).toEqual(['decision-reasoning'])
    expect(ids(decisions.search(filter({ text: 'strong))' })))).toEqual(['decision-reasoning'])
    // A star is not a prefix operator: "break" alone is not in the text, "break*" must not find "breakout".
    expect(ids(decisions.search(filter({ text: 'break*' })))).toEqual(['decision-reasoning'])
    expect(ids(decisions.search(filter({ text: 'interes*' })))).toEqual([])
    expect(ids(decisions.search(filter({ text: 'conclusion:open' })))).toEqual([])
    expect(ids(decisions.search(filter({ text: '^funding' })))).toEqual(['decision-rationale'])
    // Only punctuation means no text filter at all.
    const everything = ids(decisions.search(filter()))
    expect(ids(decisions.search(filter({ text: '*' })))).toEqual(everything)
    expect(ids(decisions.search(filter({ text: '"' })))).toEqual(everything)
    expect(ids(decisions.search(filter({ text: '!"#$%&\'()*+,-./:;<=>?@[\\]^_`{|}~'.repeat(7).slice(0, 200) })))).toEqual(everything)
  })

  it('never throws, whatever text a trader types', () => {
    const tokens = fc.constantFrom('"', '*', '(', ')', '-', '+', '^', ':', 'NEAR', 'NEAR(', 'AND', 'OR', 'NOT', '{', '}', ',', 'wedge', 'ü', '突破', ' ', '\t', '\u0000', "'", ';')
    const hostile = fc.oneof(fc.array(tokens, { maxLength: 40 }).map((parts) => parts.join('').slice(0, 200)), fc.string({ maxLength: 200 }), fc.string({ unit: 'grapheme', maxLength: 200 }), fc.string({ unit: 'binary', maxLength: 200 }))
    fc.assert(
      fc.property(hostile, (text) => {
        const found = decisions.search(filter({ text }))
        expect(found.length).toBeLessThanOrEqual(corpus.length)
      }),
      { numRuns: 500 },
    )
  })

  it('refuses an invalid filter with a readable message', () => {
    expect(() => decisions.search({ limit: 0 })).toThrow(/invalid decision filter: limit/)
    expect(() => decisions.search({ limit: 10, text: 'x'.repeat(201) })).toThrow(/invalid decision filter: text/)
  })
})

describe('the text filter over many decisions', () => {
  it('goes through the full-text index (query plan), not a scan of the records', () => {
    const dir = makeTempDir()
    const { db, decisions } = openStore(dir.path)
    try {
      const words = ['breakout', 'pullback', 'funding', 'wedge', 'squeeze', 'divergence', 'liquidation', 'range']
      db.transaction(() => {
        for (let i = 0; i < 10_000; i++) {
          decisions.insert(
            decisionRecord({
              id: `decision-${String(i).padStart(5, '0')}`,
              pilotId: `pilot-${i % 4}`,
              startedAt: i,
              parsedOutput: { rationale: `${words[i % words.length]!} number ${i}` },
              rawOutput: i === 7_777 ? 'a unique needle' : '{}',
            }),
          )
        }
      })()
      const search = decisionSearchOf(filter({ text: 'needle', pilotId: 'pilot-1' }))
      const plan = db
        .prepare<unknown[], { detail: string }>(`EXPLAIN QUERY PLAN ${search.sql}`)
        .all(...search.params)
        .map((row) => row.detail)
      expect(plan.some((detail) => /decisions_fts VIRTUAL TABLE INDEX/.test(detail))).toBe(true)
      expect(ids(decisions.search(filter({ text: 'needle' })))).toEqual(['decision-07777'])
      expect(ids(decisions.search(filter({ text: 'needle', pilotId: 'pilot-1' })))).toEqual(['decision-07777'])
      expect(decisions.search(filter({ text: 'wedge', limit: 500 }))).toHaveLength(500)
      expect(decisions.search(filter({ text: 'wedge', limit: 500, before: 5_000 })).every((d) => d.startedAt < 5_000)).toBe(true)
    } finally {
      db.close()
      dir.remove()
    }
  })
})
