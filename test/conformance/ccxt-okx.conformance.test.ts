import { okxVenueUnderTest } from '../unit/ccxt/support/okx-venue'
import { defineExecutionConformance } from './execution-conformance'
import { defineMarketDataConformance } from './market-data-conformance'

// The real ccxt.pro okx classes, through our adapter, against the fake OKX on 127.0.0.1.
defineExecutionConformance('ccxt okx (fake server)', okxVenueUnderTest)
defineMarketDataConformance('ccxt okx (fake server)', okxVenueUnderTest)
