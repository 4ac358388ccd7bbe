export { createMarketSimulator, SIM_CAPABILITIES, SIM_FETCH_LIMIT, SIM_VENUE, type MarketSimulator, type MarketSimulatorOptions } from './market-simulator'
export { DEFAULT_SIM_SYMBOLS, type SimSymbolSpec } from './sim-symbols'
