import type { RoleId } from '../../../shared/domain/agents/roles'

// English names of the desk's roles, spread into en.ts: one table for every
// page that names a role (Decision feed, Arena, Prompt studio), so a role is
// called the same everywhere. zh-CN-agent-roles.ts must have the same shape;
// `satisfies` fails the build when a role is added without a name.
export const enAgentRoles = {
  agentRoles: {
    news_collector: 'News collector',
    macro_trader: 'Macro trader',
    data_analyst: 'Data analyst',
    technical_analyst: 'Technical analyst',
    order_flow_analyst: 'Order-flow analyst',
    bull_analyst: 'Bull analyst',
    bear_analyst: 'Bear analyst',
    strategy_generator: 'Strategy generator',
    trader: 'Trader',
    risk_officer: 'Risk officer',
  } satisfies Record<RoleId, string>,
}
