/**
 * Private WS channels on /ws/v5/private (login first): orders (one push per
 * state change, fill fields set on fills), positions and account.
 */
import type { FakeContext } from './context'
import type { FakeOrder, FakePosition } from './types'
import { balanceWire, orderWire, positionWire, UID } from './wire-private'
import type { Arg, ChannelSpec, WsConn, WsHub } from './ws-server'

const INST_TYPES = ['ANY', 'SPOT', 'MARGIN', 'SWAP', 'FUTURES', 'OPTION']

function family(instId: string): string {
  return instId.split('-').slice(0, 2).join('-')
}

/** Does a subscription arg ({instType, instFamily?, instId?}) cover this instrument? */
function covers(arg: Arg, instType: string, instId: string): boolean {
  return (
    (arg.instType === 'ANY' || arg.instType === instType) &&
    (!arg.instId || arg.instId === instId) &&
    (!arg.instFamily || (instType !== 'SPOT' && arg.instFamily === family(instId)))
  )
}

export function privateChannels(ctx: FakeContext): ChannelSpec[] {
  const needsType = (arg: Arg) => (INST_TYPES.includes(arg.instType ?? '') ? null : { code: '60018', msg: `Wrong URL or channel:${arg.channel}, instType:${arg.instType ?? ''} doesn't exist.` })
  return [
    { matches: (c) => c === 'orders', endpoint: 'private', needsLogin: true, check: needsType },
    {
      matches: (c) => c === 'positions',
      endpoint: 'private',
      needsLogin: true,
      check: needsType,
      onSubscribe: (conn, arg) => {
        const open = ctx.account.allPositions().filter((p) => p.pos !== 0 && covers(arg, 'SWAP', p.instId))
        conn.send({ arg: { ...arg, uid: UID }, data: open.map((p) => positionWire(p, ctx.markets)) })
      },
    },
    {
      matches: (c) => c === 'account',
      endpoint: 'private',
      needsLogin: true,
      check: () => null,
      onSubscribe: (conn, arg) => pushAccount(ctx, conn, arg),
    },
  ]
}

function pushAccount(ctx: FakeContext, conn: WsConn, arg: Arg): void {
  conn.send({ arg: { ...arg, uid: UID }, data: [balanceWire(ctx.account, ctx.markets, arg.ccy ? [arg.ccy] : undefined)] })
}

function orderPush(o: FakeOrder, fill: Parameters<typeof orderWire>[1]): Record<string, string> {
  // Fields only the WS order channel carries.
  return { ...orderWire(o, fill, true), amendResult: '', reqId: '', code: '0', msg: '', amendSource: '', cancelSource: o.cancelSource }
}

export function wirePrivate(ctx: FakeContext, hub: WsHub): void {
  const { events } = ctx
  events.on('order', (o, fill) => {
    const frame = (arg: Arg): unknown => ({ arg: { ...arg, uid: UID }, data: [orderPush(o, fill)] })
    hub.each('orders', (conn, arg) => {
      if (covers(arg, o.instType, o.instId)) conn.send(frame(arg))
    })
  })
  events.on('position', (instId) => {
    const p: FakePosition | null = ctx.account.position(instId)
    if (!p) return
    hub.each('positions', (conn, arg) => {
      if (covers(arg, 'SWAP', instId)) conn.send({ arg: { ...arg, uid: UID }, data: [positionWire(p, ctx.markets)] })
    })
  })
  events.on('balance', () => hub.each('account', (conn, arg) => pushAccount(ctx, conn, arg)))
}
