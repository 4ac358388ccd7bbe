import type { z } from 'zod'

/** A command: what the renderer may ask of the main side, both ends schema-checked. */
export interface CommandSpec<I extends z.ZodType = z.ZodType, O extends z.ZodType = z.ZodType> {
  readonly input: I
  readonly output: O
  readonly summary: string
}

/** An event: what the main side pushes to subscribed renderers. */
export interface EventSpec<P extends z.ZodType = z.ZodType> {
  readonly payload: P
  readonly summary: string
}

export function command<I extends z.ZodType, O extends z.ZodType>(spec: CommandSpec<I, O>): CommandSpec<I, O> {
  return spec
}

export function event<P extends z.ZodType>(spec: EventSpec<P>): EventSpec<P> {
  return spec
}
