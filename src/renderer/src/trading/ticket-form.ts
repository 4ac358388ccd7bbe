import type { OrderDraft } from '../../../shared/contract/domains/orders'
import type { Instrument } from '../../../shared/domain/market'
import type { OrderSide, OrderType, TimeInForce } from '../../../shared/domain/order'
import { decimalsOf, isOnStep, roundToStep } from '../../../shared/market/precision'

// The order ticket's rules as pure functions: what the trader typed (strings)
// becomes a contract draft, or a list of problems naming the field. Unit-tested
// under Node; the kernel's risk engine still decides on everything that passes.

export type PartialFillPolicy = OrderDraft['partialFillPolicy']

/** Inputs keep the text as typed, so "0." or "1,5" can be corrected instead of vanishing. */
export interface TicketForm {
  accountId: string
  side: OrderSide
  type: OrderType
  amount: string
  price: string
  timeInForce: TimeInForce
  postOnly: boolean
  reduceOnly: boolean
  leverage: string
  ttlSeconds: string
  partialFillPolicy: PartialFillPolicy
  stopLoss: string
  takeProfit: string
}

export const DEFAULT_TTL_SECONDS = 60
const MAX_TTL_SECONDS = 30 * 24 * 3600

export const EMPTY_TICKET: TicketForm = {
  accountId: '',
  side: 'buy',
  type: 'limit',
  amount: '',
  price: '',
  timeInForce: 'GTC',
  postOnly: false,
  reduceOnly: false,
  leverage: '',
  ttlSeconds: String(DEFAULT_TTL_SECONDS),
  // Safer default: a stale remainder does not keep working after the trader's window.
  partialFillPolicy: 'cancel_rest',
  stopLoss: '',
  takeProfit: '',
}

export type TicketRules = Pick<Instrument, 'symbol' | 'tickSize' | 'stepSize' | 'minSize' | 'maxSize' | 'maxLeverage' | 'contractSize'>

export interface TicketContext {
  account: { id: string; venue: string } | null
  instrument: TicketRules | null
  /** Mid or last price, to check that stops sit on the losing side. */
  referencePrice: number | null
}

export type TicketField = keyof TicketForm | 'market'

export type ProblemKey =
  | 'noAccount'
  | 'noMarket'
  | 'sizeRequired'
  | 'sizeInvalid'
  | 'sizeStep'
  | 'sizeMin'
  | 'sizeMax'
  | 'priceRequired'
  | 'priceInvalid'
  | 'priceTick'
  | 'leverageInvalid'
  | 'leverageMax'
  | 'ttlInvalid'
  | 'stopInvalid'
  | 'stopSide'
  | 'takeInvalid'
  | 'takeSide'

export interface TicketProblem {
  field: TicketField
  key: ProblemKey
  values?: Record<string, string | number>
}

export type DraftResult = { ok: true; draft: OrderDraft } | { ok: false; problems: TicketProblem[] }

/** "1,250.5" → 1250.5; "" → null; anything else → NaN. Grouping commas and spaces are forgiven. */
export function parseDecimal(text: string): number | null {
  const cleaned = text.replace(/[\s,_]/g, '')
  if (cleaned === '') return null
  if (!/^[+]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i.test(cleaned)) return Number.NaN
  return Number(cleaned)
}

export function buildDraft(form: TicketForm, ctx: TicketContext): DraftResult {
  const problems: TicketProblem[] = []
  const add = (field: TicketField, key: ProblemKey, values?: TicketProblem['values']): void => void problems.push(values ? { field, key, values } : { field, key })
  if (!ctx.account) add('accountId', 'noAccount')
  const rules = ctx.instrument
  if (!rules) add('market', 'noMarket')

  const amount = parseDecimal(form.amount)
  if (amount === null) add('amount', 'sizeRequired')
  else if (!(amount > 0)) add('amount', 'sizeInvalid')
  else if (rules) {
    if (!isOnStep(amount, rules.stepSize)) add('amount', 'sizeStep', { step: show(rules.stepSize) })
    if (rules.minSize > 0 && amount < rules.minSize) add('amount', 'sizeMin', { min: show(rules.minSize) })
    if (rules.maxSize !== null && amount > rules.maxSize) add('amount', 'sizeMax', { max: show(rules.maxSize) })
  }

  let price: number | null = null
  if (form.type === 'limit') {
    price = parseDecimal(form.price)
    if (price === null) add('price', 'priceRequired')
    else if (!(price > 0)) add('price', 'priceInvalid')
    else if (rules && !isOnStep(price, rules.tickSize)) add('price', 'priceTick', { tick: show(rules.tickSize) })
  }

  const leverage = parseDecimal(form.leverage)
  if (leverage !== null) {
    if (!(leverage >= 1 && leverage <= 1000)) add('leverage', 'leverageInvalid')
    else if (rules?.maxLeverage != null && leverage > rules.maxLeverage) add('leverage', 'leverageMax', { max: show(rules.maxLeverage) })
  }

  const ttl = parseDecimal(form.ttlSeconds)
  if (ttl === null || !Number.isInteger(ttl) || ttl < 1 || ttl > MAX_TTL_SECONDS) add('ttlSeconds', 'ttlInvalid', { max: MAX_TTL_SECONDS })

  // A stop on the winning side of the entry would fire at once: almost always a typo.
  const entry = price ?? ctx.referencePrice
  const stopLoss = protective(form.stopLoss, 'stopLoss', 'stopInvalid', 'stopSide', entry, form.side === 'buy' ? 'below' : 'above', add)
  const takeProfit = protective(form.takeProfit, 'takeProfit', 'takeInvalid', 'takeSide', entry, form.side === 'buy' ? 'above' : 'below', add)

  if (problems.length > 0 || !ctx.account || !rules || amount === null) return { ok: false, problems }
  return {
    ok: true,
    draft: {
      accountId: ctx.account.id,
      venue: ctx.account.venue,
      symbol: rules.symbol,
      side: form.side,
      type: form.type,
      amount,
      price,
      timeInForce: form.timeInForce,
      // Post-only only means something for a resting limit order.
      postOnly: form.type === 'limit' && form.postOnly,
      reduceOnly: form.reduceOnly,
      leverage,
      ttlMs: (ttl ?? DEFAULT_TTL_SECONDS) * 1000,
      partialFillPolicy: form.partialFillPolicy,
      stopLoss,
      takeProfit,
    },
  }
}

function protective(
  text: string,
  field: 'stopLoss' | 'takeProfit',
  invalid: ProblemKey,
  wrongSide: ProblemKey,
  entry: number | null,
  side: 'above' | 'below',
  add: (field: TicketField, key: ProblemKey) => void,
): number | null {
  const value = parseDecimal(text)
  if (value === null) return null
  if (!(value > 0)) {
    add(field, invalid)
    return null
  }
  if (entry !== null && entry > 0 && (side === 'below' ? value >= entry : value <= entry)) add(field, wrongSide)
  return value
}

/** The draft's identity for de-duplicating previews: built by code, so key order is stable. */
export function draftKey(draft: OrderDraft): string {
  return JSON.stringify(draft)
}

/** Arrow keys in a size or price box move it by `steps` steps (±1, ±10 with Shift), kept on the step's decimals. */
export function stepText(text: string, step: number, steps: number): string {
  const current = parseDecimal(text)
  const base = current === null || Number.isNaN(current) ? 0 : current
  const next = Math.max(0, roundToStep(base + steps * step, step))
  return next.toFixed(decimalsOf(step))
}

/** A price from the ladder, written with the tick's decimals. */
export function priceText(price: number, tickSize: number): string {
  return roundToStep(price, tickSize).toFixed(decimalsOf(tickSize))
}

/** Notional before the kernel has estimated it: size × contract size × price. */
export function roughNotional(draft: Pick<OrderDraft, 'amount' | 'price'>, contractSize: number, referencePrice: number | null): number | null {
  const price = draft.price ?? referencePrice
  return price === null ? null : draft.amount * contractSize * price
}

/** The time in force a type usually wants: a market order that rests makes no sense. */
export function defaultTimeInForce(type: OrderType): TimeInForce {
  return type === 'market' ? 'IOC' : 'GTC'
}

function show(n: number): string {
  return n.toFixed(decimalsOf(n))
}
