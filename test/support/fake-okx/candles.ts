/**
 * 1-minute candles built from trades, aggregated on demand into OKX bars
 * ('1m', '5m', '1H', '4H', '1D', '1Dutc', '1W', ...). OKX's plain bars of 6H
 * and longer follow Hong Kong time (UTC+8); the '...utc' ones follow UTC,
 * which is what ccxt asks for by default.
 */
import { fix } from './num'

export interface Candle {
  ts: number
  o: number
  h: number
  l: number
  c: number
  /** Volume in contracts (SWAP) or base (SPOT). */
  vol: number
  /** Volume in base currency. */
  volBase: number
  /** Volume in quote currency. */
  volQuote: number
}

const MINUTE = 60_000
const HOUR = 60 * MINUTE
const DAY = 24 * HOUR
/** 1970-01-05 was a Monday: OKX weeks start on Monday. */
const MONDAY = 4 * DAY

export interface BarSpec {
  ms: number
  /** Bucket start = floor((ts - offset) / ms) * ms + offset. */
  offset: number
}

/** Parses an OKX bar; null when unsupported (months are not modelled). */
export function parseBar(bar: string): BarSpec | null {
  const m = /^(\d+)([mHDW])(utc)?$/.exec(bar)
  if (!m) return null
  const n = Number(m[1])
  const unit = m[2]
  const utc = m[3] === 'utc'
  const unitMs = unit === 'm' ? MINUTE : unit === 'H' ? HOUR : unit === 'D' ? DAY : 7 * DAY
  const ms = n * unitMs
  if (!(ms > 0)) return null
  if (utc && ms < 6 * HOUR) return null // OKX has no '1Hutc'
  const hk = !utc && ms >= 6 * HOUR ? -8 * HOUR : 0
  const offset = (unit === 'W' ? MONDAY : 0) + hk
  return { ms, offset }
}

export function bucket(ts: number, spec: BarSpec): number {
  return Math.floor((ts - spec.offset) / spec.ms) * spec.ms + spec.offset
}

export class CandleStore {
  /** Ascending by ts. */
  private readonly minutes: Candle[] = []

  constructor(private readonly ctVal: number) {}

  /**
   * Deterministic random walk ending at `price`, so fetchOHLCV has history from
   * the first call. Seeded by the instrument id: same data on every run.
   */
  seed(instId: string, price: number, minutes: number, tick: number, now = Date.now()): void {
    if (minutes <= 0) return
    let state = [...instId].reduce((h, ch) => (h * 31 + ch.charCodeAt(0)) >>> 0, 7)
    const rand = (): number => {
      state = (state * 1664525 + 1013904223) >>> 0
      return state / 2 ** 32
    }
    const round = (p: number): number => fix(Math.round(p / tick) * tick)
    const last = Math.floor(now / MINUTE) * MINUTE - MINUTE
    // Walk backwards from the reference price so the newest close is `price`.
    const closes: number[] = [price]
    for (let i = 1; i < minutes; i++) closes.push((closes[i - 1] ?? price) * (1 + (rand() - 0.5) * 0.002))
    closes.reverse()
    for (let i = 0; i < minutes; i++) {
      const c = round(closes[i] ?? price)
      const o = round(i === 0 ? c : (closes[i - 1] ?? c))
      const h = round(Math.max(o, c) * (1 + rand() * 0.0005))
      const l = round(Math.min(o, c) * (1 - rand() * 0.0005))
      const vol = fix(Math.round(1 + rand() * 100))
      const volBase = fix(vol * this.ctVal)
      this.minutes.push({ ts: last - (minutes - 1 - i) * MINUTE, o, h, l, c, vol, volBase, volQuote: fix(volBase * c) })
    }
  }

  addTrade(ts: number, px: number, sz: number): void {
    const start = Math.floor(ts / MINUTE) * MINUTE
    const base = fix(sz * this.ctVal)
    const lastCandle = this.minutes[this.minutes.length - 1]
    if (lastCandle && lastCandle.ts === start) {
      lastCandle.h = Math.max(lastCandle.h, px)
      lastCandle.l = Math.min(lastCandle.l, px)
      lastCandle.c = px
      lastCandle.vol = fix(lastCandle.vol + sz)
      lastCandle.volBase = fix(lastCandle.volBase + base)
      lastCandle.volQuote = fix(lastCandle.volQuote + base * px)
    } else if (!lastCandle || lastCandle.ts < start) {
      this.minutes.push({ ts: start, o: px, h: px, l: px, c: px, vol: sz, volBase: base, volQuote: fix(base * px) })
    }
    // A trade older than the newest candle is ignored: the fake prints in real time.
  }

  /** Candles of `spec`, newest first. */
  bars(spec: BarSpec): Candle[] {
    const out: Candle[] = []
    for (const m of this.minutes) {
      const ts = bucket(m.ts, spec)
      const cur = out[out.length - 1]
      if (cur && cur.ts === ts) {
        cur.h = Math.max(cur.h, m.h)
        cur.l = Math.min(cur.l, m.l)
        cur.c = m.c
        cur.vol = fix(cur.vol + m.vol)
        cur.volBase = fix(cur.volBase + m.volBase)
        cur.volQuote = fix(cur.volQuote + m.volQuote)
      } else {
        out.push({ ...m, ts })
      }
    }
    return out.reverse()
  }

  /** 1m candles from `since` on, oldest first (for the 24h ticker stats). */
  since(since: number): Candle[] {
    return this.minutes.filter((m) => m.ts >= since)
  }
}
