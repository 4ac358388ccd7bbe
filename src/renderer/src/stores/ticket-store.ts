import { create } from 'zustand'
import type { OrderDraft, SubmitOutcome } from '../../../shared/contract/domains/orders'
import type { ContractError } from '../../../shared/contract/envelope'
import type { RiskVerdict } from '../../../shared/domain/risk'
import { getClient } from '../api/client'
import { createPreviewScheduler, IDLE_PREVIEW, type PreviewState } from '../trading/preview-scheduler'
import { defaultTimeInForce, draftKey, EMPTY_TICKET, type TicketForm } from '../trading/ticket-form'
import { orderUpdated } from './orders-store'

/** Quiet time after the last keystroke before the kernel is asked for a verdict. */
export const PREVIEW_DEBOUNCE_MS = 200

export interface TicketState {
  /** Kept in a store, not the ticket component, so a ladder click can fill the price in. */
  form: TicketForm
  /** The market the price fields were typed for. */
  symbol: string | null
  preview: PreviewState<RiskVerdict>
  submitting: boolean
  outcome: SubmitOutcome | null
  submitError: ContractError | null
}

export const useTicketStore = create<TicketState>()(() => ({ form: EMPTY_TICKET, symbol: null, preview: IDLE_PREVIEW, submitting: false, outcome: null, submitError: null }))

const set = useTicketStore.setState

const scheduler = createPreviewScheduler<OrderDraft, RiskVerdict>({
  delayMs: PREVIEW_DEBOUNCE_MS,
  keyOf: draftKey,
  request: (draft) => getClient().callEnvelope('orders.preview', draft),
  onChange: (preview) => set({ preview }),
})

/** The ticket's current draft (null while incomplete): previewed once the trader pauses. */
export const previewDraft = (draft: OrderDraft | null): void => scheduler.update(draft)
/** The periodic re-check; skipped while an outcome is shown, where "duplicate of what you just sent" would only confuse. */
export const refreshPreview = (): void => {
  if (useTicketStore.getState().outcome === null) scheduler.refresh()
}

/** A breaker tripped or was lifted: the verdict on screen may have just become wrong, so ask again now. */
export const recheckPreview = (): void => scheduler.refresh()

export function setTicketField<K extends keyof TicketForm>(key: K, value: TicketForm[K]): void {
  set((s) => {
    const form = { ...s.form, [key]: value }
    // Switching type picks the time in force that type usually wants; the trader can still change it.
    if (key === 'type') form.timeInForce = defaultTimeInForce(value as TicketForm['type'])
    return { form, outcome: null, submitError: null }
  })
}

/** A click on a ladder price: a limit order at that price. */
export function setTicketPrice(price: string): void {
  set((s) => ({ form: { ...s.form, type: 'limit', timeInForce: s.form.type === 'limit' ? s.form.timeInForce : 'GTC', price }, outcome: null, submitError: null }))
}

/** The chart moved to another market: the prices on the ticket belonged to the old one. */
export function ticketSymbolChanged(symbol: string): void {
  const { symbol: before } = useTicketStore.getState()
  if (before === symbol) return
  set((s) => ({ symbol, form: before === null ? s.form : { ...s.form, price: '', stopLoss: '', takeProfit: '' }, outcome: null, submitError: null }))
}

export function clearOutcome(): void {
  set({ outcome: null, submitError: null })
}

/**
 * Sends after the app's own confirmation (confirmed: true); the kernel runs
 * risk again and, for a risky order, waits for the second approval, so this
 * may take as long as that approval's countdown.
 */
export async function submitDraft(draft: OrderDraft): Promise<void> {
  set({ submitting: true, outcome: null, submitError: null })
  const envelope = await getClient().callEnvelope('orders.submit', { draft, confirmed: true })
  if (envelope.ok) {
    set({ submitting: false, outcome: envelope.value })
    if (envelope.value.order) orderUpdated(envelope.value.order) // in the blotter now, not only when its event arrives
  } else {
    set({ submitting: false, submitError: envelope.error })
  }
}
