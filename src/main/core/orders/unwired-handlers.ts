import type { CommandName } from '../../../shared/contract/channels'
import { HandlerError } from '../../../shared/contract/envelope'
import type { CommandHandlers } from '../contract/dispatcher'

/** The order-path channels: declared in the contract, served by the order service once it is wired. */
export const ORDER_PATH_CHANNELS = [
  'accounts.list',
  'accounts.create',
  'accounts.setLiveTrading',
  'orders.preview',
  'orders.submit',
  'orders.cancel',
  'orders.list',
  'risk.getConfig',
  'risk.updateConfig',
  'risk.status',
  'risk.pause',
  'risk.resume',
  'risk.killSwitch.engage',
  'risk.liftHalt',
  'portfolio.snapshot',
  'portfolio.equityCurve',
  'approvals.pending',
  'exchanges.keyStatus',
  'exchanges.saveKey',
  'exchanges.deleteKey',
] as const satisfies readonly CommandName[]

type OrderPathChannel = (typeof ORDER_PATH_CHANNELS)[number]

/**
 * Answers every order-path channel with `unavailable` until the order service
 * serves it, so the contract, the renderer and the kernel can be built in
 * parallel without a channel silently doing nothing.
 */
export function unwiredOrderPathHandlers(): Pick<CommandHandlers, OrderPathChannel> {
  const refuse = (channel: OrderPathChannel) => () => {
    throw new HandlerError('unavailable', `${channel} is not available yet: the order path is being wired`)
  }
  return Object.fromEntries(ORDER_PATH_CHANNELS.map((channel) => [channel, refuse(channel)])) as unknown as Pick<CommandHandlers, OrderPathChannel>
}
