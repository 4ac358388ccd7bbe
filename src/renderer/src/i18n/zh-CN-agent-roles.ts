import type { AgentRolesTranslation } from './en'

// 简体中文：智能体角色名称，决策流、竞技场与提示词工作室共用同一张表。
export const zhCNAgentRoles: AgentRolesTranslation = {
  agentRoles: {
    news_collector: '新闻采集员',
    macro_trader: '宏观交易员',
    data_analyst: '数据分析师',
    technical_analyst: '技术分析师',
    order_flow_analyst: '订单流分析师',
    bull_analyst: '多头分析师',
    bear_analyst: '空头分析师',
    strategy_generator: '策略生成器',
    trader: '交易员',
    risk_officer: '风控官',
  },
}
