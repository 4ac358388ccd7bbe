import type { AccountId } from '../../../shared/domain/account'
import { OrderIntentSchema } from '../../../shared/domain/intent'
import type { TimerHandle } from '../../ports/clock'
import type { ExecutionClient, ExecutionEvent } from '../../ports/execution-client'
import { OrderJournalError, isTerminalJournalStatus, type JournalEntry } from '../../ports/order-journal'
import { createClientOrderIds } from './client-order-ids'
import { createDeadManSwitches } from './dead-man-switch'
import { createInFlight, current, type EngineContext } from './engine-context'
import { DEFAULT_EXECUTION_TUNING, type ExecutionEngine, type ExecutionEngineDeps } from './engine-types'
import { createExecutionRecorder } from './execution-recorder'
import { createOrderCanceller } from './order-canceller'
import { createOrderKeeper } from './order-keeper'
import { createOrderSender } from './order-sender'
import { reconcileAccount } from './reconciler'
import { createTtlGuard, ttlAction } from './ttl-guard'

/** Client ids tried before giving up when the journal says each is taken (only a clock far in the past could do that). */
const MAX_ID_ATTEMPTS = 100

/**
 * The execution engine: turns approved intents into venue orders through a
 * durable journal, so nothing is sent that is not recorded first and
 * nothing is sent twice. Composes the parts; each part's file explains its
 * policy (order-sender: write-ahead send; absence-resolver: query before
 * resend; order-canceller; ttl-guard; reconciler; dead-man-switch).
 */
export function createExecutionEngine(deps: ExecutionEngineDeps): ExecutionEngine {
  const { journal, clock, logger } = deps
  const tuning = { ...DEFAULT_EXECUTION_TUNING, ...deps.tuning }
  const recorder = createExecutionRecorder(deps)
  const clients = new Map<AccountId, ExecutionClient>()
  const unsubscribes: (() => void)[] = []
  const tasks = new Set<Promise<unknown>>()
  const sleepers = new Set<TimerHandle>()
  let closed = false

  const ctx: EngineContext = {
    journal,
    clock,
    logger,
    recorder,
    tuning,
    ids: createClientOrderIds(deps.idPrefix, clock),
    cancelWanted: new Map(),
    inFlight: createInFlight(),
    clientFor(accountId) {
      let client = clients.get(accountId)
      if (!client) {
        client = deps.clients(accountId)
        clients.set(accountId, client)
        unsubscribes.push(client.onEvent((event) => onVenueEvent(accountId, event)))
      }
      return client
    },
    probe(step, entry) {
      // An observer must never break the order path halfway.
      try {
        deps.probe?.(step, entry)
      } catch (error) {
        logger.error('execution probe failed', { step, clientOrderId: entry.clientOrderId, error: String(error) })
      }
    },
    track(what, work) {
      const task: Promise<unknown> = work
        .catch((error: unknown) => logger.error(`execution: ${what} failed`, { error: error instanceof Error ? error.message : String(error) }))
        .finally(() => tasks.delete(task))
      tasks.add(task)
    },
    sleep: (ms) =>
      new Promise<void>((resolve) => {
        const timer = clock.setTimeout(() => {
          sleepers.delete(timer)
          resolve()
        }, ms)
        sleepers.add(timer)
      }),
  }

  const keeper = createOrderKeeper(ctx, {
    wantedGone: (entry) => ctx.track(`cancel ${entry.clientOrderId}`, canceller.cancel(entry.clientOrderId, ctx.cancelWanted.get(entry.clientOrderId) ?? 'requested')),
    zombie: (entry, state) => {
      recorder.note('execution.zombie', entry, { venueStatus: state.status })
      ctx.track(`cancel zombie ${entry.clientOrderId}`, canceller.cancel(entry.clientOrderId, 'zombie'))
    },
    ended: (entry) => {
      ttl.disarm(entry.clientOrderId)
      ctx.cancelWanted.delete(entry.clientOrderId)
    },
  })
  const sender = createOrderSender(ctx, keeper)
  const canceller = createOrderCanceller(ctx, keeper)
  const deadMan = createDeadManSwitches(ctx)
  const ttl = createTtlGuard(ctx, (clientOrderId) => {
    const entry = current(ctx, clientOrderId)
    const action = ttlAction(entry)
    switch (action) {
      case 'cancel':
        ctx.track(`ttl cancel ${clientOrderId}`, canceller.cancel(clientOrderId, 'ttl'))
        return
      case 'keep':
        recorder.note('execution.ttl_keep_rest', entry, { filled: entry.filled, amount: entry.amount })
        return
      case 'none':
        return
      default: {
        const never: never = action
        throw new Error(`unhandled ttl action ${String(never)}`)
      }
    }
  })

  // Fills first, so an order reported filled already has its trades recorded.
  function onVenueEvent(accountId: AccountId, event: ExecutionEvent): void {
    if (closed) return
    try {
      switch (event.type) {
        case 'partially_filled':
        case 'filled':
          keeper.intakeFill(accountId, event.fill)
          keeper.observe(accountId, event.order)
          return
        case 'accepted':
        case 'rejected':
        case 'cancelled':
        case 'expired':
        case 'amended':
          keeper.observe(accountId, event.order)
          return
        default: {
          const never: never = event
          throw new Error(`unhandled execution event ${JSON.stringify(never)}`)
        }
      }
    } catch (error) {
      logger.error('execution: venue event could not be applied', { accountId, type: event.type, clientOrderId: event.order.clientOrderId, error: String(error) })
    }
  }

  const begin = (intent: Parameters<ExecutionEngine['submit']>[0]): JournalEntry => {
    for (let attempt = 1; ; attempt++) {
      try {
        return journal.begin(intent, ctx.ids.next(), intent.accountId, clock.now())
      } catch (error) {
        if (!(error instanceof OrderJournalError) || error.kind !== 'duplicate_client_order_id' || attempt >= MAX_ID_ATTEMPTS) throw error
      }
    }
  }

  return {
    async submit(intent) {
      if (closed) throw new Error('execution engine is closed; the order was not sent')
      const parsed = OrderIntentSchema.safeParse(intent)
      if (!parsed.success) throw new TypeError(`order intent refused: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`)
      const existing = journal.byIntentId(intent.id)
      if (existing) return existing
      ctx.clientFor(intent.accountId)
      const entry = begin(parsed.data)
      recorder.intent(entry)
      ctx.probe('intent_committed', entry)
      ttl.arm(entry)
      return sender.send(entry.clientOrderId)
    },
    async cancel(intentId) {
      const entry = journal.byIntentId(intentId)
      if (!entry) throw new Error(`no order for intent ${intentId}`)
      return canceller.cancel(entry.clientOrderId, 'requested')
    },
    async cancelAll(accountId) {
      const client = ctx.clientFor(accountId)
      // Ours that the journal does not know yet are imported first, so the kill switch reaches them too.
      try {
        for (const state of await client.openOrders()) keeper.observe(accountId, state)
      } catch (error) {
        logger.warn('kill switch: listing open orders failed; cancelling the journal’s orders only', { accountId, error: String(error) })
      }
      const targets = journal.nonTerminal(accountId)
      const results = await Promise.all(targets.map((entry) => canceller.cancel(entry.clientOrderId, 'kill_switch')))
      const failed = results.filter((entry) => !isTerminalJournalStatus(entry.status))
      recorder.note('execution.cancel_all', null, { accountId, requested: targets.length, failed: failed.map((e) => e.clientOrderId) })
      return { accountId, requested: targets.length, cancelled: results.length - failed.length, failed }
    },
    reconcile: (accountId) => reconcileAccount(ctx, { keeper, canceller, ttl, deadMan }, accountId),
    order: (intentId) => journal.byIntentId(intentId),
    orders: (accountId) => journal.entries(accountId),
    onEvent: (listener) => recorder.onEvent(listener),
    async idle() {
      // After close, sleeping work never wakes: there is nothing left to wait for.
      while (tasks.size > 0 && !closed) await Promise.allSettled([...tasks])
    },
    close() {
      if (closed) return
      closed = true
      ttl.close()
      deadMan.close()
      for (const timer of sleepers) timer.cancel()
      sleepers.clear()
      for (const unsubscribe of unsubscribes) unsubscribe()
    },
  }
}
