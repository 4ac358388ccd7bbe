/**
 * The second approval of a risky action, from the main side: a native dialog
 * in Electron, an out-of-band code on the terminal in headless mode. The text
 * is built in main from validated parameters, never from renderer text.
 */
export interface ApprovalRequest {
  id: string
  /** One line naming the action, e.g. "Buy 5 BTC/USDT:USDT at market on paper-okx". */
  title: string
  /** Facts the approver must see: notional, leverage, mark price … */
  details: string[]
  /** Hash of the exact parameters approved: any change voids the approval. */
  paramsHash: string
  expiresAt: number
}

export type ApprovalAnswer = 'approved' | 'denied' | 'expired'

export interface Approver {
  /** Resolves by `expiresAt` at the latest: no answer means no. */
  request(request: ApprovalRequest): Promise<ApprovalAnswer>
}
