/**
 * Fault switches. Each counted fault applies to the next N matching events and
 * then clears itself, so a test arms exactly the failure it wants to observe.
 * Latency is the exception: it stays until set again.
 */
export class FaultState {
  latencyMs = 0
  private rate: { left: number; how: 'http429' | 'code50011' } = { left: 0, how: 'http429' }
  private serverErrors = 0
  private timeouts = 0
  private readonly malformed = new Map<string, 'json' | 'shape'>()
  private partial: number | null = null
  private reject: { code: string; msg: string } | null = null

  setRateLimit(n: number, how: 'http429' | 'code50011'): void {
    this.rate = { left: n, how }
  }
  /** Consumes one rate-limit answer if armed. */
  takeRateLimit(): 'http429' | 'code50011' | null {
    if (this.rate.left <= 0) return null
    this.rate.left -= 1
    return this.rate.how
  }

  setServerError(n: number): void {
    this.serverErrors = n
  }
  takeServerError(): boolean {
    if (this.serverErrors <= 0) return false
    this.serverErrors -= 1
    return true
  }

  setTimeoutAfterAccept(n: number): void {
    this.timeouts = n
  }
  takeTimeoutAfterAccept(): boolean {
    if (this.timeouts <= 0) return false
    this.timeouts -= 1
    return true
  }

  setMalformed(instId: string, kind: 'json' | 'shape'): void {
    this.malformed.set(instId, kind)
  }
  takeMalformed(instId: string): 'json' | 'shape' | null {
    const kind = this.malformed.get(instId) ?? null
    this.malformed.delete(instId)
    return kind
  }

  setPartialFill(ratio: number): void {
    if (!(ratio >= 0 && ratio <= 1)) throw new Error(`fake-okx: partialFill ratio must be in [0, 1], got ${ratio}`)
    this.partial = ratio
  }
  takePartialFill(): number | null {
    const r = this.partial
    this.partial = null
    return r
  }

  setReject(code: string, msg: string): void {
    this.reject = { code, msg }
  }
  takeReject(): { code: string; msg: string } | null {
    const r = this.reject
    this.reject = null
    return r
  }
}
