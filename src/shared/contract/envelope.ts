import { z } from 'zod'

/**
 * Error codes that may cross the boundary. A raw Error never crosses: the
 * dispatcher turns every failure into one of these.
 */
export const ErrorCodeSchema = z.enum([
  'unknown_channel',
  'invalid_input',
  'invalid_output',
  'forbidden',
  'frame_too_large',
  'malformed_frame',
  'unavailable',
  'internal',
])
export type ErrorCode = z.infer<typeof ErrorCodeSchema>

export const ContractErrorSchema = z.strictObject({
  code: ErrorCodeSchema,
  message: z.string(),
  details: z.unknown().optional(),
})
export type ContractError = z.infer<typeof ContractErrorSchema>

export type Envelope<T> = { ok: true; value: T } | { ok: false; error: ContractError }

export const EnvelopeSchema = z.union([
  z.strictObject({ ok: z.literal(true), value: z.unknown() }),
  z.strictObject({ ok: z.literal(false), error: ContractErrorSchema }),
])

export function ok<T>(value: T): Envelope<T> {
  return { ok: true, value }
}

export function fail(code: ErrorCode, message: string, details?: unknown): Envelope<never> {
  return { ok: false, error: details === undefined ? { code, message } : { code, message, details } }
}

/** Thrown on the calling side when an envelope carries an error. */
export class ContractCallError extends Error {
  readonly code: ErrorCode
  readonly details: unknown
  constructor(error: ContractError) {
    super(error.message)
    this.name = 'ContractCallError'
    this.code = error.code
    this.details = error.details
  }
}

/** Thrown by handlers to return a specific code instead of `internal`. */
export class HandlerError extends Error {
  readonly code: ErrorCode
  readonly details: unknown
  constructor(code: ErrorCode, message: string, details?: unknown) {
    super(message)
    this.name = 'HandlerError'
    this.code = code
    this.details = details
  }
}
