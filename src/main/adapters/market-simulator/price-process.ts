import type { Rng } from './prng'

const YEAR_MS = 365 * 86_400_000
const DAY_MS = 86_400_000
/** Volatility may rise to 4x its long-run level, never more: a lone jump must not freeze the market in panic for hours. */
const MAX_VARIANCE_MULTIPLE = 16

export interface GarchParams {
  omega: number
  alpha: number
  beta: number
  /** Long-run variance of one step's log return. */
  longRunVar: number
}

/**
 * GARCH(1,1) coefficients for a step of `dtMs`, from quantities a person can
 * reason about (annual volatility, half-life of a volatility shock), so the
 * same symbol behaves alike at 250 ms ticks and at daily history candles.
 */
export function garchParams(annualVol: number, halfLifeMs: number, dtMs: number): GarchParams {
  const longRunVar = (annualVol * annualVol * dtMs) / YEAR_MS
  const persistence = 0.5 ** (dtMs / halfLifeMs)
  // Alpha is sized so the variance's own coefficient of variation is about 1,
  // which makes calm and wild stretches visible on a chart; capping it at half
  // the persistence keeps beta positive when steps are long (daily candles).
  const alpha = Math.min(0.5 * Math.sqrt(1 - persistence * persistence), 0.5 * persistence)
  return { omega: longRunVar * (1 - persistence), alpha, beta: persistence - alpha, longRunVar }
}

export interface PriceProcessSpec {
  annualVol: number
  volHalfLifeMs: number
  jumpsPerDay: number
  jumpStdev: number
}

export interface PriceProcess {
  /** Draws one step's log return. `shock` replaces the standard normal draw (a market-correlated one). */
  next(shock?: number): number
  /** Current one-step variance. */
  readonly variance: number
  readonly params: GarchParams
}

/** Log returns with GARCH(1,1) volatility clustering plus Poisson jumps. */
export function createPriceProcess(spec: PriceProcessSpec, dtMs: number, rng: Rng): PriceProcess {
  const params = garchParams(spec.annualVol, spec.volHalfLifeMs, dtMs)
  const jumpMean = (spec.jumpsPerDay * dtMs) / DAY_MS
  const maxVariance = params.longRunVar * MAX_VARIANCE_MULTIPLE
  let variance = params.longRunVar

  return {
    params,
    get variance() {
      return variance
    },
    next(shock) {
      const z = shock ?? rng.normal()
      let jump = 0
      for (let n = rng.poisson(jumpMean); n > 0; n--) jump += spec.jumpStdev * rng.normal()
      const diffusion = Math.sqrt(variance) * z
      // The -var/2 drift keeps the price itself (not its logarithm) a martingale.
      const logReturn = -0.5 * variance + diffusion + jump
      // Only the diffusive part feeds the variance: at tick scale alpha / (1 - persistence)
      // is in the hundreds, so a jump fed in would multiply volatility for hours.
      variance = Math.min(maxVariance, params.omega + params.alpha * diffusion * diffusion + params.beta * variance)
      return logReturn
    },
  }
}
