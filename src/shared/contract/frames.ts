import { z } from 'zod'
import { ContractErrorSchema } from './envelope'

/** Largest frame either side accepts over the WebSocket transport. */
export const MAX_FRAME_BYTES = 1024 * 1024

/** Frames of the WebSocket transport (ARCHITECTURE.md, "The contract"). */
export const ClientFrameSchema = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('call'), id: z.union([z.string().max(64), z.number().int()]), channel: z.string().max(128), input: z.unknown().optional() }),
  z.strictObject({ type: z.literal('subscribe'), channel: z.string().max(128) }),
  z.strictObject({ type: z.literal('unsubscribe'), channel: z.string().max(128) }),
])
export type ClientFrame = z.infer<typeof ClientFrameSchema>

export const ResultFrameSchema = z.union([
  z.strictObject({ type: z.literal('result'), id: z.union([z.string(), z.number(), z.null()]), ok: z.literal(true), value: z.unknown() }),
  z.strictObject({ type: z.literal('result'), id: z.union([z.string(), z.number(), z.null()]), ok: z.literal(false), error: ContractErrorSchema }),
])

export const EventFrameSchema = z.strictObject({ type: z.literal('event'), channel: z.string(), payload: z.unknown() })

export const ServerFrameSchema = z.union([ResultFrameSchema, EventFrameSchema])
export type ServerFrame = z.infer<typeof ServerFrameSchema>
