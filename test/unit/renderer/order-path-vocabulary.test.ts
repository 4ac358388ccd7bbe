import { describe, expect, it } from 'vitest'
import { zhCN } from '../../../src/renderer/src/i18n/zh-CN'

// The Chinese trading terms traders expect on mainland exchanges; a paraphrase here reads as an amateur tool.
describe('order path vocabulary in Simplified Chinese', () => {
  it('uses the standard terms', () => {
    expect(zhCN.ticket.title).toBe('下单')
    expect(zhCN.orderType).toEqual({ market: '市价', limit: '限价' })
    expect(zhCN.ticket.reduceOnly).toBe('只减仓')
    expect(zhCN.ticket.postOnly).toBe('只挂单')
    expect(zhCN.ticket.leverage).toBe('杠杆')
    expect(zhCN.ticket.stopLoss).toBe('止损')
    expect(zhCN.ticket.takeProfit).toBe('止盈')
    expect(zhCN.blotter.tabs).toEqual({ open: '当前委托', history: '历史委托', positions: '持仓', fills: '成交' })
    expect(zhCN.positions.liquidation).toBe('强平价')
    expect(zhCN.positions.unrealizedPnl).toBe('未实现盈亏')
    expect(zhCN.monitor).toMatchObject({ equity: '权益', available: '可用余额', dayPnl: '当日盈亏' })
    expect(zhCN.nav.risk).toBe('风控')
    expect(zhCN.killSwitch.button).toBe('一键熔断')
    expect(zhCN.approval.title).toContain('审批')
  })
})
